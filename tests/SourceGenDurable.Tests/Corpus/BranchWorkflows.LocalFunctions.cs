using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class BranchWorkflows
{
    /// <summary>
    /// Local functions of the same name in sibling blocks, one of them generic, reading slots of their block and of the
    /// method: flattened into one scope, each keeps its own body, before and after a checkpoint.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(4)]
    public async Task<int> SameNamedLocalFunctionsInSiblingBlocks(WorkflowContext ctx, int n)
    {
        var total = 0;
        if (n > 2)
        {
            var k = await ctx.Step("high", ct => log.Run("high", n, () => n * 10));
            int Score() => k + total;
            T Pick<T>(T first, T second) => n % 2 == 0 ? first : second;
            total += Score();
            await ctx.Step("between", ct => log.Do("between", total));
            total += Score() + Pick(1, 2) + Pick<int>(30, 40);
        }
        else
        {
            var k = await ctx.Step("low", ct => log.Run("low", n, () => n + 100));
            int Score() => (k * 2) - total;
            T Pick<T>(T first, T second) => n % 2 == 0 ? second : first;
            total += Score();
            await ctx.Step("between", ct => log.Do("between", total));
            total += Score() + Pick(1, 2) + Pick<int>(30, 40);
        }

        for (var i = 0; i < 2; i++)
        {
            var m = await ctx.Step("round", ct => log.Run("round", i, () => i + n));
            static int Next(int v) => v + 1;
            total += Next(m);
        }

        return total;
    }
}
