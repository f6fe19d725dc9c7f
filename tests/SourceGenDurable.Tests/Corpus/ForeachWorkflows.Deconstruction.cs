using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ForeachWorkflows
{
    /// <summary>Deconstructed key/value pairs, a nested foreach, and a durable await after the inner loop.</summary>
    [DurableWorkflow]
    [InputsJson("""{"stock":{"tea":2,"cup":0,"mug":1}}""")]
    [InputsJson("""{"stock":{}}""")]
    public async Task<int> ForeachDictionaryNested(WorkflowContext ctx, Dictionary<string, int> stock)
    {
        var shipped = 0;
        foreach (var (sku, quantity) in stock.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var unit in Enumerable.Range(0, quantity))
            {
                shipped += await Weigh(sku.Length + unit);
            }

            await ctx.Step("done-sku", ct => log.Do("done-sku", sku));
        }

        return shipped;
    }
}
