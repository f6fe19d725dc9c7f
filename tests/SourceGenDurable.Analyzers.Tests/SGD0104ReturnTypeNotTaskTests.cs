using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>SGD0104: the generated state machine completes a Task or Task&lt;T&gt; that the engine and the client await.</summary>
public sealed class SGD0104ReturnTypeNotTaskTests
{
    [Fact]
    public Task A_workflow_returning_Task_of_T_is_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task A_workflow_returning_Task_of_a_record_is_accepted() =>
        Verify.VerifyAsync("""
            public sealed record Receipt(string Id, decimal Total);

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Receipt> ProcessOrder(WorkflowContext ctx, decimal total)
                {
                    var id = await ctx.Step("charge", ct => Task.FromResult("ch_1"));
                    return new Receipt(id, total);
                }
            }
            """);

    [Fact]
    public Task A_workflow_returning_ValueTask_is_reported_on_its_return_type() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async {|#0:ValueTask<int>|} ProcessOrder(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0104").WithLocation(0).WithArguments("ProcessOrder", "System.Threading.Tasks.ValueTask<int>"));

    [Fact]
    public Task An_async_void_workflow_is_reported_on_void() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async {|#0:void|} ProcessOrder(WorkflowContext ctx)
                {
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("SGD0104").WithLocation(0).WithArguments("ProcessOrder", "void"));

    [Fact]
    public Task A_synchronous_workflow_is_reported_as_not_async_and_as_not_returning_a_task() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public {|SGD0104:int|} {|SGD0102:ProcessOrder|}(WorkflowContext ctx)
                {
                    return 1;
                }
            }
            """);

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
            #pragma warning disable SGD0104
                public async ValueTask<int> ProcessOrder(WorkflowContext ctx)
            #pragma warning restore SGD0104
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);
}
