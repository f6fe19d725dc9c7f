using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// goto between statements of the method body. Every durable await is a statement directly in the body, so
/// this version's WorkflowShape accepts both methods.
/// </summary>
public sealed partial class GotoWorkflows(StepLog log)
{
    /// <summary>A backward goto makes a loop around a checkpoint: the checkpoint runs once per round.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<int> GotoLoopAroundCheckpoint(WorkflowContext ctx, int times)
    {
        var round = 0;
        var total = 0;
    again:
        round++;
        var got = await ctx.Step("round", ct => log.Run("round", round, () => round * 10));
        total += got;
        if (round < times)
        {
            goto again;
        }

        return total;
    }

    /// <summary>A forward goto skips a checkpoint.</summary>
    [DurableWorkflow]
    [Inputs(true)]
    [Inputs(false)]
    public async Task<string> GotoSkipsCheckpoint(WorkflowContext ctx, bool skip)
    {
        var result = "start";
        await ctx.Step("first", ct => log.Do("first", skip));
        if (skip)
        {
            goto done;
        }

        result = await ctx.Step("middle", ct => log.Run("middle", result, () => result + "+middle"));
    done:
        var length = result.Length; // a label must label a statement, and a labeled durable await is not lowered
        await ctx.Step("last", ct => log.Do("last", new { result, length }));
        return result;
    }
}
