namespace SourceGenDurable.CrashHost;

/// <summary>Appends every step's side effect to a file, so the parent can count how often each step ran.</summary>
public sealed class EffectLog(string path, int hangBeforeStep)
{
    public async Task<int> RecordAsync(int step, int value, CancellationToken cancellationToken)
    {
        if (step == hangBeforeStep)
        {
            await File.AppendAllTextAsync(path, $"step{step}-started\n", cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await File.AppendAllTextAsync(path, $"step{step}\n", cancellationToken);
        return value;
    }
}

public sealed partial class ChainWorkflows(EffectLog effects)
{
    [DurableWorkflow(Name = "chain")]
    public async Task<int> Chain(WorkflowContext ctx, int seed)
    {
        var a = await Add(1, seed, 1);
        var b = await ctx.Step("second", ct => effects.RecordAsync(2, a * 2, ct));
        var c = await Add(3, b, 3);
        var d = await ctx.Step("fourth", ct => effects.RecordAsync(4, c * 10, ct));
        return d + a;
    }

    [DurableWorkflow(Name = "nap")]
    public async Task<int> Nap(WorkflowContext ctx, int seconds)
    {
        var a = await Add(1, seconds, 1);
        await ctx.Sleep(TimeSpan.FromSeconds(seconds));
        return await Add(2, a, 1);
    }

    [DurableStep]
    private Task<int> Add(int step, int value, int increment) => effects.RecordAsync(step, value + increment, CancellationToken.None);
}
