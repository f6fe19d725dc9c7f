using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class BranchWorkflows
{
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
