using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>SGD0103: the engine passes the context first and stores the remaining parameters as the inputs.</summary>
public sealed class SGD0103FirstParameterNotContextTests
{
    [Fact]
    public Task A_workflow_taking_the_context_first_and_then_its_inputs_is_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task A_workflow_with_no_parameters_is_reported_on_its_empty_parameter_list() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder{|SGD0103:()|}
                {
                    return await Task.FromResult(1);
                }
            }
            """);

    [Fact]
    public Task A_workflow_whose_first_parameter_is_an_input_is_reported_on_that_parameter() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder({|#0:string orderId|})
                {
                    return await Task.FromResult(orderId.Length);
                }
            }
            """,
            Verify.Diagnostic("SGD0103").WithLocation(0).WithArguments("ProcessOrder"));

    [Fact]
    public Task A_context_that_comes_after_an_input_is_reported_on_the_first_parameter() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder({|SGD0103:int quantity|}, WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(quantity));
                }
            }
            """);

    [Fact]
    public Task A_subclass_of_WorkflowContext_is_not_what_the_engine_passes() =>
        Verify.VerifyAsync("""
            public abstract class OrderContext : WorkflowContext
            {
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder({|SGD0103:OrderContext ctx|})
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task A_context_parameter_annotated_as_nullable_is_still_the_context() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext? ctx)
                {
                    return await ctx!.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task A_method_that_is_not_a_workflow_may_take_any_parameters() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                public async Task<int> ProcessOrder(string orderId) => await Task.FromResult(orderId.Length);
            }
            """);

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(
            #pragma warning disable SGD0103
                    string orderId)
            #pragma warning restore SGD0103
                {
                    return await Task.FromResult(orderId.Length);
                }
            }
            """);
}
