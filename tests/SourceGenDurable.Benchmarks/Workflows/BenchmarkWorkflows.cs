namespace SourceGenDurable.Benchmarks.Workflows;

/// <summary>The workflows the suite runs: no-op steps, so that what is measured is the engine.</summary>
public partial class BenchmarkWorkflows
{
    /// <summary>A chain of <paramref name="steps"/> no-op steps, each reporting to <see cref="StepProbe"/>.</summary>
    [DurableWorkflow]
    public async Task<int> Chain(WorkflowContext ctx, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            await ctx.Step("noop", ct => StepProbe.RanAsync(i, ct));
        }

        return steps;
    }

    /// <summary>Ten no-op steps: the unit of the throughput scenario.</summary>
    [DurableWorkflow]
    public async Task<int> TenSteps(WorkflowContext ctx, int seed)
    {
        var total = seed;
        for (var i = 0; i < 10; i++)
        {
            total = await ctx.Step("noop", ct => Task.FromResult(total + 1));
        }

        return total;
    }

    /// <summary>
    /// A step, a step that is running when the process is killed (see <see cref="RecoveryProbe"/>), and a step: the unit
    /// of the crash-recovery scenario.
    /// </summary>
    [DurableWorkflow]
    public async Task<int> Recover(WorkflowContext ctx, int index)
    {
        var before = await ctx.Step("before", ct => Task.FromResult(index));
        var killedIn = await ctx.Step("killed-in", ct => RecoveryProbe.RunAsync(before, ct));
        return await ctx.Step("after", ct => Task.FromResult(killedIn + 1));
    }

    /// <summary>Sleeps for a month: what an idle instance costs.</summary>
    [DurableWorkflow]
    public async Task Nap(WorkflowContext ctx, int days)
    {
        await ctx.Sleep(TimeSpan.FromDays(days));
    }

    /// <summary>Sleeps until <paramref name="due"/>, then reports to <see cref="TimerProbe"/> when it woke.</summary>
    [DurableWorkflow]
    public async Task<int> WakeAt(WorkflowContext ctx, DateTimeOffset due, int index)
    {
        await ctx.SleepUntil(due);
        return await ctx.Step("woke", ct => TimerProbe.Woke(index));
    }
}

