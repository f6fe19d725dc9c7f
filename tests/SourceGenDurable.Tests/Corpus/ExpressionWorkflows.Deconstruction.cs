using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ExpressionWorkflows
{

    /// <summary>A step that returns a tuple, deconstructed into existing locals, and a named tuple across a checkpoint.</summary>
    [DurableWorkflow]
    [Inputs(7)]
    [Inputs(0)]
    public async Task<int> Tuples(WorkflowContext ctx, int n)
    {
        int low, high;
        (low, high) = await Bounds(n);
        var pair = (Low: low, High: high);
        await ctx.Step("touch", ct => log.Do("touch", n));
        var swapped = (pair.High, pair.Low);
        return (swapped.High * 100) + swapped.Low;
    }
}
