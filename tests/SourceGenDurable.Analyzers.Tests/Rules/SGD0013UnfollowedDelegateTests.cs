using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0013 (info): a delegate the workflow receives from outside (a field, a property, a captured constructor
/// parameter) may read the clock or do I/O, and the call graph of SGD0010 cannot see into it. It is a hint, at the call.
/// </summary>
public sealed class SGD0013UnfollowedDelegateTests
{
    [Fact]
    public Task Delegates_received_as_fields_properties_and_constructor_parameters_get_a_hint() =>
        Verify.VerifyAsync(
            """
            public partial class Orders(Func<DateTime> now)
            {
                private readonly Func<int> _roll = () => 4;

                public Action? OnDone { get; set; }

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var stamp = {|#0:now()|};
                    var roll = {|#1:_roll.Invoke()|};
                    OnDone?{|#2:.Invoke()|};
                    return await ctx.Step("a", ct => Task.FromResult(stamp.Second + roll + n));
                }
            }
            """,
            Verify.Diagnostic("SGD0013").WithLocation(0).WithMessage(
                "'now' is a delegate the workflow receives from outside, so the analyzers cannot see what it runs: if it reads the clock, draws a random value or does I/O, that runs again after a restart; call it inside a [DurableStep] method or a ctx.Step, or pass in its result"),
            Verify.Diagnostic("SGD0013").WithLocation(1).WithArguments("_roll"),
            Verify.Diagnostic("SGD0013").WithLocation(2).WithArguments("OnDone"));

    [Fact]
    public Task Delegates_the_body_makes_and_delegates_called_inside_steps_get_no_hint() =>
        Verify.VerifyAsync(
            """
            public partial class Orders(Func<DateTime> now)
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    Func<int, int> twice = v => v * 2;
                    var doubled = twice(n);
                    int Add(int a) => a + doubled;
                    var stamp = await ctx.Step("stamp", ct => Task.FromResult(now()));
                    return Add(stamp.Second);
                }
            }
            """);
}
