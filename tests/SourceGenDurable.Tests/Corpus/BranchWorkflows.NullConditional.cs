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

    /// <summary>
    /// Conditional calls on variables whose arguments await change the variables' own objects, also when a crash
    /// comes between the await and the call: the receiver is read again after the await, not kept as a saved copy.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    public async Task<string> ConditionalCallsOnVariables(WorkflowContext ctx, int n)
    {
        var seen = n > 0 ? new HashSet<int>() : null;
        var added = seen?.Add(await Double(n));
        var list = n > 0 ? new List<int>() : null;
        list?.Add(await Double(n + 1));
        list?.Add(await Double(n + 2));
        return $"{added}|{(seen is null ? "-" : string.Join(",", seen))}|{(list is null ? "-" : string.Join(",", list))}";
    }

}
