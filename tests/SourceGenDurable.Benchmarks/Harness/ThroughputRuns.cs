namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>One throughput scenario, set up once and measured repeatedly: each repeat runs the same batch and returns its rate.</summary>
internal interface IThroughputRun : IAsyncDisposable
{
    /// <summary>The report's row: what runs, on which system with which settings, and what a repeat's rate counts per second.</summary>
    (string Scenario, string System, string Unit) Row { get; }

    /// <summary>Unrecorded repeats to run first, while the runtime's tiered JIT still recompiles the scenario's hot code.</summary>
    int WarmUps { get; }

    /// <summary>Runs one batch; returns its rate (steps or rows per second).</summary>
    Task<double> RunOnceAsync();
}

/// <summary>
/// Measures throughput scenarios in turns, so that scenarios a goal compares see the same machine. This machine's
/// speed drifts by tens of percent over minutes (shared cores); measured one after the other, a ratio of two medians
/// mixes that drift into the comparison, while taken in turns each median spans the same minutes. The order of the
/// turns alternates from one repeat to the next, so that neither scenario always runs right after the other.
/// </summary>
internal static class ThroughputRuns
{
    public static async Task<Samples[]> InTurnsAsync(Report report, int repeats, params IThroughputRun[] runs)
    {
        foreach (var run in runs)
        {
            for (var warmUp = 0; warmUp < run.WarmUps; warmUp++)
            {
                await run.RunOnceAsync();
            }
        }

        var rates = runs.Select(_ => new List<double>()).ToArray();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            for (var turn = 0; turn < runs.Length; turn++)
            {
                var index = repeat % 2 == 0 ? turn : runs.Length - 1 - turn;
                rates[index].Add(await runs[index].RunOnceAsync());
            }
        }

        return runs.Select((run, index) => report.Add(run.Row.Scenario, run.Row.System, run.Row.Unit, new Samples(rates[index])).Values).ToArray();
    }

    /// <summary>Measures one scenario alone and disposes of it.</summary>
    public static async Task<Samples> AloneAsync(Report report, int repeats, IThroughputRun run)
    {
        await using (run)
        {
            return (await InTurnsAsync(report, repeats, run))[0];
        }
    }
}
