using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>SGD0102: the generator lowers the awaits of an async method; a method that is not async has none to lower.</summary>
public sealed class SGD0102WorkflowNotAsyncTests
{
    [Fact]
    public Task A_straight_line_async_workflow_is_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task An_async_workflow_returning_Task_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Notifications
            {
                [DurableWorkflow]
                public async Task Notify(WorkflowContext ctx, string customer)
                {
                    await ctx.Step("email", ct => Task.CompletedTask);
                }
            }
            """);

    [Fact]
    public Task A_workflow_that_returns_a_task_without_async_is_reported_on_the_method_name() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public Task<int> {|SGD0102:ProcessOrder|}(WorkflowContext ctx)
                {
                    return ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task The_message_names_the_workflow_and_the_signatures_to_use() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public Task {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    return Task.CompletedTask;
                }
            }
            """,
            Verify.Diagnostic("SGD0102").WithLocation(0).WithArguments("ProcessOrder", ""));

    // Returning the task of a durable operation without async is how C# forwards a call; in a workflow it would be a
    // checkpoint the method never awaits, so the generator does not add the await: the error names the operation.
    [Fact]
    public Task An_expression_bodied_workflow_that_returns_a_durable_operation_without_async_names_it() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public Task<int> {|#0:Child|}(WorkflowContext ctx, int x) => Charge(x * 2);

                [DurableWorkflow]
                public Task<int> {|#1:Other|}(WorkflowContext ctx) => (ctx.Step("a", ct => Task.FromResult(1)));

                [DurableStep]
                private Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """,
            Verify.Diagnostic("SGD0102").WithLocation(0).WithMessage(
                "Workflow 'Child' is not async, so the durable operation 'Charge(x * 2)' whose task it returns is never awaited and never becomes a checkpoint: declare it 'async Task' or 'async Task<T>' and await its durable operations"),
            Verify.Diagnostic("SGD0102").WithLocation(1).WithArguments(
                "Other", ", so the durable operation 'ctx.Step(\"a\", ...)' whose task it returns is never awaited and never becomes a checkpoint"));

    [Fact]
    public Task A_block_bodied_workflow_that_returns_a_durable_operation_without_async_names_it() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx, int x)
                {
                    Func<Task<int>> notThis = () => Task.FromResult(0);
                    if (x > 0)
                    {
                        return Task.FromResult(x);
                    }

                    return Charge(x);
                }

                [DurableStep]
                private Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """,
            Verify.Diagnostic("SGD0102").WithLocation(0).WithArguments(
                "ProcessOrder", ", so the durable operation 'Charge(x)' whose task it returns is never awaited and never becomes a checkpoint"));

    [Fact]
    public Task A_signature_problem_stops_the_analysis_so_the_body_is_not_reported_as_well() =>
        // The Step call is not awaited, which SGD0105 would report in an async workflow.
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public Task<int> {|SGD0102:ProcessOrder|}(WorkflowContext ctx)
                {
                    var pending = ctx.Step("a", ct => Task.FromResult(1));
                    return pending;
                }
            }
            """);

    [Fact]
    public Task A_method_that_is_not_a_workflow_need_not_be_async() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                public Task<int> ProcessOrder(WorkflowContext ctx) => ctx.Step("a", ct => Task.FromResult(1));
            }
            """);

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
            #pragma warning disable SGD0102
                public Task<int> ProcessOrder(WorkflowContext ctx)
            #pragma warning restore SGD0102
                {
                    return ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);
}
