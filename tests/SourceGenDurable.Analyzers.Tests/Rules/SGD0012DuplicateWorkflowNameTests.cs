using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0012: instances are stored under their workflow's name and resumed by it, so two workflows of one compilation
/// must not share one (a pinned name, or the default <c>Class.Method</c> of two classes of the same name in two
/// namespaces). Two workflow methods with one name in one class are SGD0106's.
/// </summary>
public sealed class SGD0012DuplicateWorkflowNameTests
{
    [Fact]
    public Task Two_workflows_pinned_to_one_name_and_two_default_names_that_collide_are_reported() =>
        Verify.VerifyAsync(
            """
            namespace Sales
            {
                public partial class Orders
                {
                    [DurableWorkflow(Name = "checkout")]
                    public async Task Checkout(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);

                    [DurableWorkflow]
                    public async Task Refund(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);
                }
            }

            namespace Returns
            {
                public partial class Orders
                {
                    [DurableWorkflow(Name = "checkout")]
                    public async Task {|#0:Start|}(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);

                    [DurableWorkflow]
                    public async Task {|#1:Refund|}(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("SGD0012").WithLocation(0).WithMessage(
                "Workflow 'Orders.Start' is registered under the name 'checkout', like 'Sales.Orders.Checkout': instances are stored and resumed by name, so pin a different name with [DurableWorkflow(Name = \"...\")]"),
            Verify.Diagnostic("SGD0012").WithLocation(1).WithArguments("Orders.Refund", "Orders.Refund", "Sales.Orders.Refund"));

    [Fact]
    public Task Distinct_names_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow(Name = "checkout")]
                public async Task Checkout(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);

                [DurableWorkflow]
                public async Task Refund(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);
            }
            """);
}
