using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A const local is read after a checkpoint in a place that needs a constant (a case label). Data-flow analysis
/// reports the constant as flowing in, so it becomes a slot: 'const int Limit = 3;' is lowered to
/// '__slots.Limit = 3;' and 'case Limit:' to 'case __slots.Limit:' (CS9135 "A constant value of type 'int' is
/// expected"). Constants need no slot: the lowerer should keep const declarations as they are.
/// </summary>
public sealed partial class ConstantContextSlotWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(4)]
    public async Task<string> LimitCase(WorkflowContext ctx, int n)
    {
        const int Limit = 3;
        var checkedValue = await ctx.Step("check", ct => log.Run("check", n, () => n));
        switch (checkedValue)
        {
            case Limit:
                return "at the limit";
            default:
                return checkedValue > Limit ? "over" : "under";
        }
    }
}
