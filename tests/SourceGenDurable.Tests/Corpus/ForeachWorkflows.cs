using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Durable awaits inside foreach over arrays, List&lt;T&gt;, IReadOnlyList&lt;T&gt;, a lazy LINQ query and a dictionary.</summary>
public sealed partial class ForeachWorkflows(StepLog log)
{
    [DurableWorkflow]
    [InputsJson("""{"names":[]}""")]
    [InputsJson("""{"names":["ada"]}""")]
    [InputsJson("""{"names":["ada","bob","cy"]}""")]
    public async Task<string> ForeachArray(WorkflowContext ctx, string[] names)
    {
        var greeted = new List<string>();
        foreach (var name in names)
        {
            greeted.Add(await Greet(name));
        }

        return string.Join("|", greeted);
    }

    /// <summary>A list that a step returns and the body extends; continue and break around the durable await.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(6)]
    public async Task<int> ForeachList(WorkflowContext ctx, int count)
    {
        var items = await ctx.Step("items", ct => log.Run("items", count, () => Enumerable.Range(1, count).ToList()));
        items.Add(100);
        var sum = 0;
        foreach (var item in items)
        {
            if (item % 3 == 0)
            {
                continue;
            }

            if (item > 50)
            {
                break;
            }

            sum += await Weigh(item);
        }

        return sum;
    }

    [DurableWorkflow]
    [InputsJson("""{"order":{"Id":"o-1","Customer":"ada","Lines":[{"Sku":"tea","Quantity":2},{"Sku":"cup","Quantity":1},{"Sku":"pen","Quantity":5}],"Shipping":4.5}}""")]
    [InputsJson("""{"order":{"Id":"o-2","Customer":"bob","Lines":[],"Shipping":1}}""")]
    public async Task<decimal> ForeachReadOnlyList(WorkflowContext ctx, Order order)
    {
        IReadOnlyList<OrderLine> lines = order.Lines;
        var total = 0m;
        foreach (var line in lines)
        {
            total += await UnitPrice(line.Sku) * line.Quantity;
        }

        return total + order.Shipping;
    }

    /// <summary>A lazy query: enumerated once, when the loop starts.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(6)]
    public async Task<List<string>> ForeachLinq(WorkflowContext ctx, int upTo)
    {
        var squares = Enumerable.Range(1, upTo).Where(n => n % 2 == 1).Select(n => n * n);
        var labels = new List<string>();
        foreach (var square in squares)
        {
            labels.Add(await ctx.Step("label", ct => log.Run("label", square, () => $"#{square}")));
        }

        return labels;
    }

    [DurableWorkflow]
    [InputsJson("""{"names":["ada","bob","cy"],"wanted":"bob"}""")]
    [InputsJson("""{"names":["ada"],"wanted":"zed"}""")]
    [InputsJson("""{"names":[],"wanted":"ada"}""")]
    public async Task<string> ReturnFromInsideForeach(WorkflowContext ctx, string[] names, string wanted)
    {
        foreach (var name in names)
        {
            var greeting = await Greet(name);
            if (name == wanted)
            {
                return greeting;
            }
        }

        await ctx.Step("missing", ct => log.Do("missing", wanted));
        return "nobody";
    }

    [DurableStep]
    private Task<string> Greet(string name) => log.Run("Greet", name, () => $"hi {name}");

    [DurableStep]
    private Task<int> Weigh(int item) => log.Run("Weigh", item, () => (item * 3) + 1);

    [DurableStep]
    private Task<decimal> UnitPrice(string sku) => log.Run("UnitPrice", sku, () => sku.Length * 1.25m);
}
