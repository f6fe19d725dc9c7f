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

}
