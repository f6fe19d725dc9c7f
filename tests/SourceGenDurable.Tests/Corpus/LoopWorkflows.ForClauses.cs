using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class LoopWorkflows
{
    /// <summary>Durable awaits in every clause of a for loop: the initializer once, the condition and the incrementor on every pass.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    public async Task<string> AwaitsInEveryForClause(WorkflowContext ctx, int limit)
    {
        var trail = "";
        for (var i = await ctx.Step("start", ct => log.Run("start", limit, () => 1)); i <= await ctx.Step("limit", ct => log.Run("limit", i, () => limit)); i += await ctx.Step("stride", ct => log.Run("stride", i, () => i)))
        {
            trail += $"{i},";
        }

        return trail;
    }

    /// <summary>A declaration of several variables where a later one awaits: each is evaluated in order.</summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(5)]
    public async Task<int> SeveralDeclaratorsWithAwaits(WorkflowContext ctx, int n)
    {
        int first = n + 1, second = await ctx.Step("second", ct => log.Run("second", first, () => first * 10)), third = second + first;
        return third + await ctx.Step("last", ct => log.Run("last", third, () => third));
    }
}
