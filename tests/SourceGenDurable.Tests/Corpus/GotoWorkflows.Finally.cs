using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class GotoWorkflows
{
    /// <summary>A goto out of a try runs its awaiting finally first, and a goto out of a nested try runs both.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(3)]
    public async Task<string> GotoThroughAwaitingFinally(WorkflowContext ctx, int route)
    {
        var trail = "";
        try
        {
            try
            {
                trail += await ctx.Step("enter", ct => log.Run("enter", route, () => "e"));
                if (route == 1)
                {
                    goto first;
                }

                if (route == 2)
                {
                    goto second;
                }
            }
            finally
            {
                trail += await ctx.Step("inner", ct => log.Run("inner", trail, () => "i"));
            }

            trail += "-";
        }
        finally
        {
            trail += await ctx.Step("outer", ct => log.Run("outer", trail, () => "o"));
        }

        return trail;
    first:
        return trail + "|first";
    second:
        return trail + "|second";
    }
}
