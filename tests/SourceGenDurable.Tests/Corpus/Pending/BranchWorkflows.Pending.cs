using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class BranchWorkflows
{
    /// <summary>?. on a step result, and a durable await in the arguments of a conditional call (evaluated only when the receiver is not null).</summary>
    [DurableWorkflow]
    [Inputs("cab")]
    [Inputs("")]
    [Inputs("zz")]
    public async Task<int> NullConditional(WorkflowContext ctx, string key)
    {
        var length = (await Find(key))?.Length;
        var profile = await ctx.Step("profile", ct => log.Run<Profile?>("profile", key, () => key.Length == 0 ? null : new Profile(key, key.Length)));
        var boosted = profile?.Boost(await Double(profile.Score));
        return (length ?? 0) + (boosted?.Score ?? -1);
    }

    /// <summary>A switch expression on a step result with awaits in arms, in a guarded arm, and in interpolations.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(7)]
    [Inputs(-2)]
    public async Task<string> SwitchExpression(WorkflowContext ctx, int n)
    {
        var label = await Sign(n) switch
        {
            0 => "zero",
            > 0 when n > 5 => $"big {await Double(n)}",
            > 0 => $"small {await Abs(n)}",
            _ => await ctx.Step("negative", ct => log.Run("negative", n, () => $"neg {-n}")),
        };
        return label;
    }
}
