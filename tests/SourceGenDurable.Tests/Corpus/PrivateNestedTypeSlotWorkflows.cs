using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A local of a private nested record type lives across a checkpoint. The generated slots class is 'internal' with
/// a public field of that type (CS0052 "Inconsistent accessibility: field type 'Line' is less accessible than
/// field '__Total_Slots.line'"); the file-local definition class, outside the workflow class, names the type in
/// ReadSlots too. Private nested types are the natural place for a workflow's own records.
/// </summary>
public sealed partial class PrivateNestedTypeSlotWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs("tea", 3)]
    public async Task<string> Total(WorkflowContext ctx, string sku, int quantity)
    {
        var line = new Line(sku, quantity);
        var cents = await ctx.Step("price", ct => log.Run("price", line.Sku, () => line.Sku.Length * 100));
        await ctx.Step("touch", ct => log.Do("touch", cents));
        return $"{line.Quantity} x {line.Sku} = {line.Quantity * cents}";
    }

    private sealed record Line(string Sku, int Quantity);
}
