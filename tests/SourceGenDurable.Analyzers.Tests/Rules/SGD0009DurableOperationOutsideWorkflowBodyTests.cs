using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0009: a durable operation is a checkpoint only where the generator lowers it, in the workflow method itself. One
/// reached through a helper method runs without a checkpoint. (A durable operation inside a lambda, a local function,
/// a query, or not awaited directly, in the workflow method, is SGD0105's: see its tests.)
/// </summary>
public sealed class SGD0009DurableOperationOutsideWorkflowBodyTests
{
    [Fact]
    public Task A_helper_that_awaits_a_step_or_a_timer_is_reported_at_the_call_with_the_chain() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, int[] items)
                {
                    await {|#0:ChargeAll(ctx, items)|};
                    await {|#1:Pause(ctx)|};
                }

                private async Task ChargeAll(WorkflowContext ctx, int[] items)
                {
                    foreach (var item in items)
                    {
                        await Charge(item);
                    }
                }

                private Task Pause(WorkflowContext ctx) => Wait(ctx);

                private Task Wait(WorkflowContext ctx) => ctx.Sleep(TimeSpan.FromHours(1));

                [DurableStep]
                private Task Charge(int item) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("SGD0009").WithLocation(0).WithMessage(
                "'ChargeAll' reaches the durable operation 'Orders.Charge' outside the workflow body (ProcessOrder -> ChargeAll -> Orders.Charge), where it is not a checkpoint: await durable operations in the [DurableWorkflow] method itself"),
            Verify.Diagnostic("SGD0009").WithLocation(1).WithArguments("Pause", "WorkflowContext.Sleep", "ProcessOrder -> Pause -> Wait -> WorkflowContext.Sleep"));

    [Fact]
    public Task Helpers_without_durable_operations_and_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] items)
                {
                    var total = Sum(items);
                    return await Charge(total);
                }

                private static int Sum(int[] items) => items.Sum();

                [DurableStep]
                private Task<int> Charge(int total) => Task.FromResult(total);
            }
            """);
}
