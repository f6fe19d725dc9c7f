using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class BranchWorkflows
{
    /// <summary>
    /// In a loop, a switch expression whose guards await: arms are tried top to bottom, a guard's step runs only when
    /// its pattern matched and no arm above was taken, and a pattern variable is read after its guard's checkpoint.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(4)]
    [Inputs(7)]
    public async Task<string> SwitchExpressionGuardsInALoop(WorkflowContext ctx, int n)
    {
        var trail = "";
        for (var i = n - 3; i <= n; i++)
        {
            trail += i switch
            {
                0 => "z",
                var even when await IsEven(even) && even > 2 => $"e{await Double(even)}",
                var odd when await Sign(odd) > 0 => $"o{odd}",
                _ when await Abs(i) > 1 => "far",
                _ => "near",
            } + ";";
        }

        return trail;
    }

    /// <summary>
    /// A switch expression with an awaiting guard inside a try whose finally awaits, inside a switch statement: a
    /// guard's step that throws leaves through the finally, and the catch around it sees the step's exception.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(-3)]
    [Inputs(5)]
    public async Task<string> SwitchExpressionGuardInTryFinally(WorkflowContext ctx, int n)
    {
        var result = "";
        switch (n % 2)
        {
            case 0:
                result = "even";
                break;
            default:
                try
                {
                    try
                    {
                        result = n switch
                        {
                            < 0 when await Abs(n) > 2 => "very negative",
                            var positive when await ctx.Step("check", ct => log.Run<bool>("check", positive, () => positive == 5 ? throw new CorpusException("five") : positive > 2)) => $"big {positive}",
                            _ => "other",
                        };
                    }
                    finally
                    {
                        result += await ctx.Step("finally", ct => log.Run("finally", result, () => "!"));
                    }
                }
                catch (CorpusException e)
                {
                    result = $"caught {e.Message} after '{result}'";
                }

                break;
        }

        return result;
    }
}
