using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Many checkpoints, with a list that grows between them.</summary>
public sealed partial class LongWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(10)]
    public async Task<string> ThirteenCheckpoints(WorkflowContext ctx, int seed)
    {
        var s1 = await Next(seed);
        var s2 = await Next(s1);
        await ctx.Step("mark-2", ct => log.Do("mark-2", s2));
        var s3 = await Next(s2 + seed);
        var s4 = await ctx.Step("mix-4", ct => log.Run("mix-4", new { s1, s3 }, () => (s1 * 31) + s3));
        var history = new List<int> { s1, s2, s3, s4 };
        var s5 = await Next(s4 % 1000);
        history.Add(s5);
        var s6 = await ctx.Step("sum-6", ct => log.Run("sum-6", history, () => history.Sum()));
        var s7 = await Next(s6 % 997);
        history.Add(s7);
        _ = await Next(s7);
        var s9 = await ctx.Step("count-9", ct => log.Run("count-9", history.Count, () => history.Count * seed));
        var s10 = await Next(s9);
        await ctx.Step("mark-11", ct => log.Do("mark-11", new { s10, history }));
        var s12 = await Next(s10 + history[0]);
        return $"{s12}:{string.Join(",", history)}";
    }

    [DurableStep]
    private Task<int> Next(int value) => log.Run("Next", value, () => ((value * 7) + 3) % 10_007);
}
