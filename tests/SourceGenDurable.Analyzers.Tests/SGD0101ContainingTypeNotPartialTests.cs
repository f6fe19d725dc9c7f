using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>SGD0101: the generator adds the state machine to the workflow's class, so every enclosing type must be partial.</summary>
public sealed class SGD0101ContainingTypeNotPartialTests
{
    [Fact]
    public Task A_straight_line_workflow_in_a_partial_class_is_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task A_workflow_in_a_class_that_is_not_partial_is_reported_on_the_method_name() =>
        Verify.VerifyAsync("""
            public sealed class Orders
            {
                [DurableWorkflow]
                public async Task<int> {|SGD0101:ProcessOrder|}(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task The_message_names_the_workflow_and_the_class_to_make_partial() =>
        Verify.VerifyAsync(
            """
            public class Orders
            {
                [DurableWorkflow]
                public async Task {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Orders"));

    [Fact]
    public Task A_nested_class_that_is_not_partial_is_reported_even_when_its_outer_class_is() =>
        Verify.VerifyAsync(
            """
            public static partial class Workflows
            {
                public class Orders
                {
                    [DurableWorkflow]
                    public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                    {
                        return await ctx.Step("a", ct => Task.FromResult(1));
                    }
                }
            }
            """,
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Orders"));

    [Fact]
    public Task An_outer_class_that_is_not_partial_is_reported_even_when_the_workflow_class_is() =>
        Verify.VerifyAsync(
            """
            public static class Workflows
            {
                public partial class Orders
                {
                    [DurableWorkflow]
                    public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                    {
                        return await ctx.Step("a", ct => Task.FromResult(1));
                    }
                }
            }
            """,
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Workflows"));

    [Fact]
    public Task Each_enclosing_type_that_is_not_partial_gets_its_own_diagnostic() =>
        Verify.VerifyAsync(
            """
            public class Workflows
            {
                public class Orders
                {
                    [DurableWorkflow]
                    public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                    {
                        return await ctx.Step("a", ct => Task.FromResult(1));
                    }
                }
            }
            """,
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Orders"),
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Workflows"));

    [Fact]
    public Task A_partial_class_nested_in_partial_classes_is_accepted() =>
        Verify.VerifyAsync("""
            public static partial class Workflows
            {
                public sealed partial class Orders
                {
                    [DurableWorkflow]
                    public async Task<int> ProcessOrder(WorkflowContext ctx)
                    {
                        return await ctx.Step("a", ct => Task.FromResult(1));
                    }
                }
            }
            """);

    [Fact]
    public Task A_class_that_is_not_partial_is_fine_when_it_has_no_workflow() =>
        Verify.VerifyAsync("""
            public sealed class Orders
            {
                public async Task<int> ProcessOrder(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public sealed class Orders
            {
                [DurableWorkflow]
            #pragma warning disable SGD0101
                public async Task<int> ProcessOrder(WorkflowContext ctx)
            #pragma warning restore SGD0101
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);
}
