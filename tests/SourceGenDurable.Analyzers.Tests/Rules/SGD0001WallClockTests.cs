using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0001: a workflow body reads the machine's clock. The code between two checkpoints runs again after a restart,
/// and then reads another time; a test with a fake clock cannot control it either. <c>ctx.UtcNow</c> is the clock.
/// </summary>
public sealed class SGD0001WallClockTests
{
    [Fact]
    public Task Every_clock_read_in_the_workflow_body_is_reported_with_what_to_write_instead() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext context, int quantity)
                {
                    var now = {|#0:DateTime.UtcNow|};
                    var local = {|SGD0001:DateTime.Now|};
                    var today = {|SGD0001:DateTime.Today|};
                    var offset = {|#1:DateTimeOffset.Now|};
                    var ticks = {|SGD0001:Environment.TickCount64|} + {|SGD0001:Environment.TickCount|};
                    var timestamp = {|#2:System.Diagnostics.Stopwatch.GetTimestamp()|};
                    var clock = {|SGD0001:TimeProvider.System|};
                    Func<DateTimeOffset> later = () => {|SGD0001:DateTimeOffset.UtcNow|};
                    return await context.Step("a", ct => Task.FromResult($"{now}{local}{today}{offset}{ticks}{timestamp}{clock}{later}"));
                }
            }
            """,
            Verify.Diagnostic("SGD0001").WithLocation(0).WithArguments("DateTime.UtcNow", "use 'context.UtcNow.UtcDateTime'"),
            Verify.Diagnostic("SGD0001").WithLocation(1).WithArguments("DateTimeOffset.Now", "use 'context.UtcNow.ToLocalTime()'"),
            Verify.Diagnostic("SGD0001").WithLocation(2).WithArguments("Stopwatch.GetTimestamp", "measure time with 'context.UtcNow'"));

    [Fact]
    public Task The_body_of_a_partial_workflow_is_checked_through_its_implementing_declaration() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                public partial Task<string> ProcessOrder(WorkflowContext context);

                [DurableWorkflow]
                public partial async Task<string> ProcessOrder(WorkflowContext context)
                {
                    var now = {|SGD0001:DateTime.UtcNow|};
                    return await context.Step("a", ct => Task.FromResult($"{now}"));
                }
            }
            """);

    [Fact]
    public Task The_message_says_why_and_what_to_do() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<DateTimeOffset> ProcessOrder(WorkflowContext ctx)
                {
                    var now = {|#0:DateTimeOffset.UtcNow|};
                    return await ctx.Step("a", ct => Task.FromResult(now));
                }
            }
            """,
            Verify.Diagnostic("SGD0001").WithLocation(0).WithMessage(
                "'DateTimeOffset.UtcNow' reads the machine's clock, which gives another value when this code runs again after a restart and ignores a test's fake clock: use 'ctx.UtcNow'"));

    [Fact]
    public Task The_context_clock_a_step_body_a_step_method_and_code_outside_workflows_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<DateTimeOffset> ProcessOrder(WorkflowContext ctx)
                {
                    var started = ctx.UtcNow;
                    var stamped = await ctx.Step("stamp", ct => Task.FromResult(DateTimeOffset.UtcNow));
                    var checkedAt = await CheckedAt();
                    return started > stamped ? started : checkedAt;
                }

                [DurableStep]
                private Task<DateTimeOffset> CheckedAt() => Task.FromResult(DateTimeOffset.Now);

                public DateTime NotAWorkflow() => DateTime.UtcNow;
            }
            """);
}
