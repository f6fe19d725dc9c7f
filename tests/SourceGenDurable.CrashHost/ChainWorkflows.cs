namespace SourceGenDurable.CrashHost;

/// <summary>Appends every step's side effect to a file, so the parent can count how often each step ran.</summary>
public sealed class EffectLog(string path, int hangBeforeStep)
{
    // Steps of a fan-out run concurrently, and a file open for appending cannot be opened again meanwhile.
    private readonly SemaphoreSlim _file = new(1, 1);

    public async Task<int> RecordAsync(int step, int value, CancellationToken cancellationToken)
    {
        if (step == hangBeforeStep)
        {
            await AppendAsync($"step{step}-started", cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await AppendAsync($"step{step}", cancellationToken);
        return value;
    }

    /// <summary>
    /// Records which process ran step <paramref name="step"/> of the running instance and when (Unix milliseconds), after
    /// a short pause that keeps it in flight. The time lets the parent compare the run with the step's commit.
    /// </summary>
    public async Task<int> MarkAsync(int step, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await AppendAsync($"{StepContext.Current!.WorkflowId} step{step} pid{Environment.ProcessId} at{at}", cancellationToken);
        return step;
    }

    private async Task AppendAsync(string line, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
        await _file.WaitAsync(cancellationToken);
        try
        {
            // Two processes may append to one log (the tally test). .NET appends at the end it found when it opened the
            // file, so two shared opens can write over each other's line; an exclusive open (flock on Unix) waits its turn.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                    await log.WriteAsync(bytes, cancellationToken);
                    return;
                }
                catch (IOException) when (attempt < 1_000)
                {
                    await Task.Delay(1, cancellationToken);
                }
            }
        }
        finally
        {
            _file.Release();
        }
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

    [DurableWorkflow(Name = "fan")]
    public async Task<int> Fan(WorkflowContext ctx, int seed)
    {
        var parts = await ctx.WhenAll(Enumerable.Range(1, 3).Select(step => Add(step, seed, step)));
        return await Add(4, parts.Sum(), 0);
    }

    [DurableWorkflow(Name = "tally")]
    public async Task<int> Tally(WorkflowContext ctx, int steps)
    {
        var total = 0;
        for (var step = 1; step <= steps; step++)
        {
            total += await Mark(step);
        }

        return total;
    }

    [DurableStep]
    private Task<int> Mark(int step, CancellationToken cancellationToken = default) => effects.MarkAsync(step, cancellationToken);

    [DurableStep]
    private Task<int> Add(int step, int value, int increment) => effects.RecordAsync(step, value + increment, CancellationToken.None);
}
