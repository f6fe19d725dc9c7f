using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class GotoWorkflows
{
    /// <summary>
    /// A backward goto loops around a checkpoint, past statements without durable awaits that declare variables of
    /// their own: a foreach, a for, a using statement and a case pattern. They are out of scope at the checkpoint, so
    /// they stay ordinary locals, and the rounds after a resume bind them again.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1, 2)]
    [Inputs(3, -1)]
    public async Task<int> StatementVariablesInAGotoLoop(WorkflowContext ctx, int times, int? bonus)
    {
        var round = 0;
        var total = 0;
    again:
        round++;
        foreach (var part in new[] { round, total % 5 })
        {
            total += part;
        }

        for (var i = 0; i < round; i++)
        {
            total += i;
        }

        using (var scope = new System.IO.StringWriter())
        {
            scope.Write(total);
            total += scope.ToString().Length;
        }

        switch (bonus)
        {
            case int extra when extra > 0:
                total += extra;
                break;
            case int penalty:
                total -= penalty;
                break;
        }

        total = await ctx.Step("round", ct => log.Run("round", total, () => total * 2));
        if (round < times)
        {
            goto again;
        }

        return total;
    }
}
