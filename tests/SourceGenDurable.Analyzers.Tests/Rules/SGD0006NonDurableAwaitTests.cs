using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0006: an await that is not a durable operation is not a checkpoint: its result is not recorded (the call runs
/// again after a restart) and it is not retried. Each await gets at most one diagnostic: one that another rule
/// reports (Task.Delay, Task.WhenAll, a call into code that reads the clock) is left to that rule.
/// </summary>
public sealed class SGD0006NonDurableAwaitTests
{
    [Fact]
    public Task Awaiting_a_service_call_or_a_task_variable_is_reported() =>
        Verify.VerifyAsync(
            """
            public interface IPayments
            {
                Task<decimal> ChargeAsync(decimal amount);
            }

            public partial class Orders(IPayments payments)
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx, decimal amount)
                {
                    var charged = await {|#0:payments.ChargeAsync(amount)|};
                    var pending = payments.ChargeAsync(1);
                    var again = await {|#1:pending|};
                    return await ctx.Step("total", ct => Task.FromResult(charged + again));
                }
            }
            """,
            Verify.Diagnostic("SGD0006").WithLocation(0).WithMessage(
                "'IPayments.ChargeAsync' is not a durable operation: its result is not recorded, so it runs again after a restart, and it is not retried; move it into a [DurableStep] method or a ctx.Step"),
            Verify.Diagnostic("SGD0006").WithLocation(1).WithArguments("pending"));

    [Fact]
    public Task A_factory_of_another_type_named_Task_is_not_taken_for_a_completed_task() =>
        Verify.VerifyAsync(
            """
            namespace Fakes
            {
                public static class Task
                {
                    public static System.Threading.Tasks.Task<int> FromResult(int value) => new System.Threading.Tasks.TaskCompletionSource<int>().Task;
                }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int amount) => await {|#0:Fakes.Task.FromResult(amount)|};
            }
            """,
            Verify.Diagnostic("SGD0006").WithLocation(0).WithArguments("Task.FromResult"));

    [Fact]
    public Task Durable_operations_completed_tasks_and_awaits_inside_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public interface IPayments
            {
                Task<decimal> ChargeAsync(decimal amount);
            }

            public partial class Orders(IPayments payments)
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx, decimal amount)
                {
                    var charged = await ctx.Step("charge", async ct => await payments.ChargeAsync(amount));
                    var refunded = await Refund(amount);
                    await ctx.Sleep(TimeSpan.FromHours(1));
                    var approved = await ctx.WaitForEvent<bool>("approved");
                    var zero = await Task.FromResult(0m);
                    await Task.CompletedTask;
                    var none = await ValueTask.FromResult(0m);
                    await ValueTask.CompletedTask;
                    await Task.Yield();
                    return charged + refunded + zero + none + (approved ? 1 : 0);
                }

                [DurableStep]
                private Task<decimal> Refund(decimal amount) => payments.ChargeAsync(-amount);

                public async Task<decimal> NotAWorkflow() => await payments.ChargeAsync(1);
            }
            """);
}
