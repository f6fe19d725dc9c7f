using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0007: only the workflow's locals and inputs are saved at a checkpoint (as slots). A field or property of the
/// workflow object, a captured constructor parameter or static state written by the body is lost on resume, when a
/// new object runs the body from the last checkpoint.
/// </summary>
public sealed class SGD0007StateOutsideSlotsTests
{
    [Fact]
    public Task Writes_to_the_workflow_object_and_to_static_state_are_reported() =>
        Verify.VerifyAsync(
            """
            public static class Counters
            {
                public static int Started;
            }

            public partial class Orders(int retries)
            {
                private int _attempts;

                public string? LastOrder { get; set; }

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string order)
                {
                    {|#0:_attempts|}++;
                    {|#1:LastOrder|} = order;
                    {|#2:Counters.Started|} += 1;
                    {|#3:retries|} = 0;
                    return await ctx.Step("a", ct => Task.FromResult(order.Length));
                }
            }
            """,
            Verify.Diagnostic("SGD0007").WithLocation(0).WithMessage(
                "'_attempts' is a field of the workflow class 'Orders', which is not saved at a checkpoint and is lost when the workflow resumes: keep the value in a local, or return it from a step"),
            Verify.Diagnostic("SGD0007").WithLocation(1).WithArguments("LastOrder", "a property of the workflow class 'Orders'"),
            Verify.Diagnostic("SGD0007").WithLocation(2).WithArguments("Counters.Started", "a static field"),
            Verify.Diagnostic("SGD0007").WithLocation(3).WithArguments("retries", "a constructor parameter captured by the workflow class 'Orders'"));

    [Fact]
    public Task Locals_objects_the_body_creates_reads_and_writes_inside_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public sealed class Tally
            {
                public int Count { get; set; }
            }

            public partial class Orders
            {
                private int _calls;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int count)
                {
                    var tally = new Tally { Count = count };
                    tally.Count++;
                    count += _calls;
                    await ctx.Step("count", ct => { _calls++; return Task.CompletedTask; });
                    return tally.Count;
                }

                public void NotAWorkflow() => _calls++;
            }
            """);
}
