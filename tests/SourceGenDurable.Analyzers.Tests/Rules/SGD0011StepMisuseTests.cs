using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0011: a <c>[DurableStep]</c> method is a durable operation only when a workflow of its own class awaits it, it
/// must return a task whose completion can be recorded, its arguments are kept for retries, and its name identifies
/// it in the step history.
/// </summary>
public sealed class SGD0011StepMisuseTests
{
    [Fact]
    public Task A_step_outside_a_workflow_class_a_void_step_and_ref_parameters_are_reported() =>
        Verify.VerifyAsync(
            """
            public class Helpers
            {
                [DurableStep]
                public Task {|#0:Orphan|}() => Task.CompletedTask;
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx) => await ctx.Step("a", ct => Task.CompletedTask);

                [DurableStep]
                private void {|#1:Log|}() { }

                [DurableStep]
                private Task Update(ref int {|#2:count|}) => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("SGD0011").WithLocation(0).WithMessage(
                "[DurableStep] 'Orphan' is declared in 'Helpers', which has no [DurableWorkflow] method: a call is a durable step only from a workflow of the step's own class, so move it there"),
            Verify.Diagnostic("SGD0011").WithLocation(1).WithArguments(
                "Log", "returns 'void': a step returns Task or Task<T>, which the workflow awaits and whose completion is recorded"),
            Verify.Diagnostic("SGD0011").WithLocation(2).WithArguments(
                "Update", "has the ref parameter 'count': a step's arguments are kept to run it again on a retry, so pass inputs by value and return outputs in the result"));

    [Fact]
    public Task Two_steps_with_one_name_and_a_context_step_named_like_a_step_method_are_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await Reserve();
                    await ctx.Step({|#0:"reserve"|}, ct => Task.CompletedTask);
                    await ctx.Step("charge", ct => Task.CompletedTask);
                }

                [DurableStep(Name = "reserve")]
                private Task Reserve() => Task.CompletedTask;

                [DurableStep(Name = "reserve")]
                private Task {|#1:ReserveAgain|}() => Task.CompletedTask;
            }
            """,
            Verify.Diagnostic("SGD0011").WithLocation(0).WithArguments(
                "Reserve", "has the step name 'reserve', which 'ctx.Step(\"reserve\", ...)' in workflow 'ProcessOrder' also uses: give each step its own name, so that the step history tells them apart"),
            Verify.Diagnostic("SGD0011").WithLocation(1).WithArguments(
                "ReserveAgain", "has the step name 'reserve', like 'Reserve' in the same class: give each step its own name with [DurableStep(Name = \"...\")], so that the step history tells them apart"));

    [Fact]
    public Task Well_formed_steps_are_not_reported() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);
}
