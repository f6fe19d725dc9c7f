using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class SwitchWorkflows
{
    /// <summary>In a loop, goto case and goto default leave a try whose finally awaits: the finally runs first, once.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(4)]
    public async Task<int> GotoCaseThroughAwaitingFinally(WorkflowContext ctx, int n)
    {
        var total = 0;
        for (var round = 0; round < 2; round++)
        {
            switch (await Mod3(n + round))
            {
                case 1:
                    try
                    {
                        total += await Work(total);
                        if (total % 2 == 0)
                        {
                            goto case 2;
                        }

                        goto default;
                    }
                    finally
                    {
                        total += await Fee(total * 10);
                    }

                case 2:
                    total += await Work(100);
                    break;
                default:
                    total *= 2;
                    break;
            }
        }

        return total;
    }

    /// <summary>
    /// A goto case leaves two nested trys whose finally blocks await, from inside a catch body that awaits; a later
    /// section rethrows, and the outer finally still runs once.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(2)]
    public async Task<string> GotoCaseFromACatchThroughNestedFinallies(WorkflowContext ctx, int n)
    {
        var trail = "";
        switch (n)
        {
            case 0:
            case 1:
                try
                {
                    try
                    {
                        trail += await ctx.Step("risky", ct => log.Run<string>("risky", n, () => n == 1 ? throw new CorpusException("risky failed") : "r"));
                        goto case 3;
                    }
                    catch (CorpusException)
                    {
                        trail += await ctx.Step("handled", ct => log.Run("handled", trail, () => "h"));
                        goto default;
                    }
                    finally
                    {
                        trail += await ctx.Step("inner", ct => log.Run("inner", trail, () => "i"));
                    }
                }
                finally
                {
                    trail += await ctx.Step("outer", ct => log.Run("outer", trail, () => "o"));
                }

            case 3:
                return trail + "|three";
            default:
                trail += await ctx.Step("default", ct => log.Run("default", trail, () => "d"));
                if (n == 2)
                {
                    throw new CorpusException($"no route for {n} after '{trail}'");
                }

                return trail + "|default";
        }
    }
}
