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

    /// <summary>
    /// Variables that patterns in a deconstructing foreach's body declare, read after checkpoints: an is-pattern on an
    /// awaited value, a switch expression's arm whose guard awaits, and a case label.
    /// </summary>
    [DurableWorkflow]
    [InputsJson("""{"stock":{"tea":2,"cup":0,"mug":7}}""")]
    [InputsJson("""{"stock":{"pen":4}}""")]
    public async Task<int> ForeachDeconstructionBodyPatterns(WorkflowContext ctx, Dictionary<string, int> stock)
    {
        var total = 0;
        foreach (var (sku, quantity) in stock.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (await Weigh(quantity) is var weight && weight % 2 == 1)
            {
                total += await Weigh(weight + sku.Length) + weight;
            }

            total += (quantity % 4) switch
            {
                var rest when await Weigh(rest) > 4 => await Weigh(rest + 1) + rest,
                var rest => rest,
            };

            switch (quantity)
            {
                case > 1 and var many:
                    total += await Weigh(many) * many;
                    break;
                default:
                    total -= 1;
                    break;
            }
        }

        return total;
    }
}
