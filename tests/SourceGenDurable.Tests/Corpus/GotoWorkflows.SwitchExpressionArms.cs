using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class GotoWorkflows
{
    /// <summary>
    /// A goto loop keeps every local it reads; a switch expression arm without an await still reads its own pattern
    /// variable, and an arm with one reads its variable beside the await, after its checkpoint.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(4)]
    [Inputs(-2)]
    public async Task<int> SwitchExpressionArmsInAGotoLoop(WorkflowContext ctx, int n)
    {
        var total = 0;
        var pass = 0;
        again:
        pass++;
        total += (n + pass) switch { var plain => plain * 10 };
        total += (n - pass) switch
        {
            > 0 and var positive => positive + await ctx.Step("positive", ct => log.Run("positive", positive, () => positive * 100)),
            var other => other,
        };
        if (pass < 3) goto again;
        return total;
    }
}
