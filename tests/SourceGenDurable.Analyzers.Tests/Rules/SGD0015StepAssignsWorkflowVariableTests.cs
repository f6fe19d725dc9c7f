using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0015: the body of a <c>ctx.Step</c> assigns a local or a parameter of the workflow. The assignment happens when
/// the step runs; a workflow resumed after the step gets the step's recorded result and never runs the body again, so
/// the variable keeps its old value there. Reported at the assigned variable.
/// </summary>
public sealed class SGD0015StepAssignsWorkflowVariableTests
{
    [Fact]
    public Task Assignments_compound_assignments_and_increments_of_the_workflows_locals_and_parameters_in_a_step_body_are_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var total = 0;
                    string? note = null;
                    var charged = await ctx.Step("charge", ct =>
                    {
                        {|#0:total|} = quantity * 3;
                        {|#1:quantity|} += 1;
                        {|#2:note|} ??= "charged";
                        return Task.FromResult(true);
                    });
                    await ctx.Step("count", ct => Task.FromResult({|#3:total|}++));
                    return total + quantity + (note?.Length ?? 0);
                }
            }
            """,
            Verify.Diagnostic("SGD0015").WithLocation(0).WithMessage(
                "'total' is a local of the workflow, assigned inside the body of step 'charge': once the step has completed, a resumed workflow gets its recorded result and the body does not run again, so the assignment is lost; return the value from the step and assign it in the workflow"),
            Verify.Diagnostic("SGD0015").WithLocation(1).WithArguments("quantity", "a parameter", "charge"),
            Verify.Diagnostic("SGD0015").WithLocation(2).WithArguments("note", "a local", "charge"),
            Verify.Diagnostic("SGD0015").WithLocation(3).WithArguments("total", "a local", "count"));

    [Fact]
    public Task A_lambda_inside_a_step_body_that_assigns_a_workflow_local_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] lines)
                {
                    var largest = 0;
                    await ctx.Step("scan", ct =>
                    {
                        Array.ForEach(lines, line => {|#0:largest|} = Math.Max(largest, line));
                        return Task.FromResult(lines.Length);
                    });
                    return largest;
                }
            }
            """,
            Verify.Diagnostic("SGD0015").WithLocation(0).WithArguments("largest", "a local", "scan"));

    [Fact]
    public Task Locals_of_the_step_body_its_own_parameters_and_the_workflows_own_assignments_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var total = await ctx.Step("charge", async ct =>
                    {
                        var sum = 0;
                        for (var i = 0; i < quantity; i++)
                        {
                            sum += i;
                        }

                        ct = CancellationToken.None;
                        await Task.Yield();
                        return sum;
                    });
                    total += await ctx.Step("fee", ct => Task.FromResult(quantity));
                    quantity++;
                    Func<int> later = () => total = 1;
                    return total + quantity;
                }
            }
            """);
}
