using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>SGD0003: an in-memory wait in a workflow body is forgotten by a restart and invisible to a fake clock; <c>ctx.Sleep</c> is durable.</summary>
public sealed class SGD0003NonDurableTimerTests
{
    [Fact]
    public Task Delays_sleeps_and_timers_are_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await {|#0:Task.Delay(TimeSpan.FromMinutes(5))|};
                    await {|SGD0003:Task.Delay(1000, ctx.CancellationToken)|};
                    {|#1:Thread.Sleep(10)|};
                    using var periodic = {|SGD0003:new PeriodicTimer(TimeSpan.FromSeconds(1))|};
                    using var timer = {|SGD0003:new Timer(_ => { }, null, 0, 100)|};
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("SGD0003").WithLocation(0).WithMessage(
                "'Task.Delay' waits in memory, so a restart forgets the wait and a test's fake clock cannot advance it: use 'await ctx.Sleep(...)'"),
            Verify.Diagnostic("SGD0003").WithLocation(1).WithArguments("Thread.Sleep", "use 'await ctx.Sleep(...)'"));

    [Fact]
    public Task Durable_timers_and_delays_inside_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, DateTimeOffset due)
                {
                    await ctx.Sleep(TimeSpan.FromDays(1));
                    await ctx.SleepUntil(due);
                    await ctx.Step("poll", async ct => await Task.Delay(100, ct));
                }

                public Task NotAWorkflow() => Task.Delay(1);
            }
            """);
}
