using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A local declared with an array initializer lives across a checkpoint. The lowerer turns the declaration of a
/// slot into an assignment, 'int[] weights = { 3, 1, 2 };' into '__slots.weights = { 3, 1, 2 };', which is not
/// C#: an array initializer is only allowed in a declaration (CS1525 "Invalid expression term '{'", CS1002, CS1513).
/// The lowerer must write 'new T[] { ... }' for an initializer that is an InitializerExpressionSyntax.
/// </summary>
public sealed partial class ArrayInitializerSlotWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    public async Task<int> WeightAfterCheckpoint(WorkflowContext ctx, int index)
    {
        int[] weights = { 3, 1, 2 };
        var picked = await ctx.Step("pick", ct => log.Run("pick", index, () => index % weights.Length));
        await ctx.Step("touch", ct => log.Do("touch", picked));
        return weights[picked] * 10;
    }
}
