using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Results of several types; values computed between checkpoints; parameters read after checkpoints.</summary>
public sealed partial class ResultTypeWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(1, 2)]
    [Inputs(0, 0)]
    [Inputs(-5, 7)]
    public async Task<int> SumOfSquares(WorkflowContext ctx, int a, int b)
    {
        var aa = await Square(a);
        var bb = await Square(b);
        var sum = aa + bb; // computed between checkpoints
        await ctx.Step("audit", ct => log.Do("audit", sum));
        return sum + a - b; // parameters read after every checkpoint
    }

    [DurableWorkflow]
    [Inputs("ada", 2)]
    [Inputs("", 0)]
    [Inputs("  Grace Hopper ", 3)]
    public async Task<string> Greeting(WorkflowContext ctx, string name, int times)
    {
        var trimmed = name.Trim();
        var shout = trimmed.ToUpperInvariant(); // read only by the first step: never crosses a checkpoint
        var salutation = await ctx.Step("salutation", ct => log.Run("salutation", shout, () => shout.Length > 5 ? "Dear" : "Hi"));
        var repeated = string.Concat(Enumerable.Repeat(trimmed.Length == 0 ? "friend" : trimmed, times));
        var signature = await ctx.Step("sign", ct => log.Run("sign", repeated, () => $"[{repeated.Length}]"));
        return $"{salutation} {repeated} {signature}";
    }

    [DurableWorkflow]
    [Inputs(19.99, 3)]
    [Inputs(0.0, 1)]
    [Inputs(100.005, 7)]
    public async Task<decimal> Invoice(WorkflowContext ctx, decimal unitPrice, int quantity)
    {
        var net = await Multiply(unitPrice, quantity);
        var tax = Math.Round(net * 0.2m, 2, MidpointRounding.AwayFromZero);
        var discount = await ctx.Step("discount", ct => log.Run("discount", net, () => net > 50m ? 5.50m : 0m));
        return net + tax - discount;
    }

    [DurableWorkflow]
    [InputsJson("""{"order":{"Id":"o-1","Customer":"ada","Lines":[{"Sku":"tea","Quantity":2},{"Sku":"cup","Quantity":1}],"Shipping":4.5}}""")]
    [InputsJson("""{"order":{"Id":"o-2","Customer":"bob","Lines":[],"Shipping":0}}""")]
    public async Task<Receipt> Checkout(WorkflowContext ctx, Order order)
    {
        var items = order.Lines.Sum(l => l.Quantity);
        var cents = await PriceLines(order.Lines);
        var net = cents.Sum() / 100m;
        var tax = await ctx.Step("tax", ct => log.Run("tax", net, () => Math.Round(net * 0.2m, 2)));
        var note = items == 0 ? "empty" : $"{items} item(s) for {order.Customer}";
        return new Receipt(order.Id, items, net, tax, net + tax + order.Shipping, note);
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(4)]
    public async Task<List<int>> Evens(WorkflowContext ctx, int count)
    {
        var seeds = await ctx.Step("seeds", ct => log.Run("seeds", count, () => Enumerable.Range(1, count).ToList()));
        var doubled = seeds.Select(s => s * 2).Where(s => s % 4 != 0 || s > 4).ToList();
        var extra = await ctx.Step("extra", ct => log.Run("extra", doubled.Count, () => doubled.Count * 10));
        doubled.Add(extra);
        return doubled;
    }

    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(0)]
    public async Task<(int Sum, string Label)> SumAndLabel(WorkflowContext ctx, int n)
    {
        var sum = await ctx.Step("sum", ct => log.Run("sum", n, () => n * (n + 1) / 2));
        var label = await ctx.Step("label", ct => log.Run("label", sum, () => sum % 2 == 0 ? "even" : "odd"));
        return (sum, label);
    }

    /// <summary>A tuple that lives across a checkpoint: correct without a crash, wrong after a resume.</summary>
    [DurableWorkflow]
    [Inputs("ada")]
    public async Task<string> TupleAcrossCheckpoint(WorkflowContext ctx, string name)
    {
        var pair = await ctx.Step("split", ct => log.Run("split", name, () => (name.Length, name.ToUpperInvariant())));
        await ctx.Step("touch", ct => log.Do("touch", name));
        return $"{pair.Item2}:{pair.Item1}";
    }

    [DurableWorkflow]
    [Inputs(null)]
    [Inputs(0)]
    [Inputs(21)]
    [Inputs(42)]
    public async Task<int?> HalfOrNothing(WorkflowContext ctx, int? value)
    {
        var half = await ctx.Step("half", ct => log.Run<int?>("half", value, () => value is { } v && v % 2 == 0 ? v / 2 : null));
        int? bonus = half is null ? null : 1;
        await ctx.Step("record", ct => log.Do("record", new { half, bonus }));
        return half + bonus;
    }

    [DurableWorkflow]
    [Inputs(null)]
    [Inputs("x")]
    public async Task<string?> Exclaim(WorkflowContext ctx, string? text)
    {
        var length = await ctx.Step("length", ct => log.Run("length", text, () => text?.Length ?? -1));
        var result = length < 0 ? null : text + "!";
        await ctx.Step("done", ct => log.Do("done", result));
        return result;
    }

    [DurableWorkflow]
    [Inputs(10.0)]
    [Inputs(2500.0)]
    [Inputs(99999.5)]
    public async Task<Dictionary<string, Tier>> Classify(WorkflowContext ctx, double spend)
    {
        var points = await ctx.Step("points", ct => log.Run("points", spend, () => (long)Math.Floor(spend * 1.5)));
        var tier = points switch
        {
            >= 100_000 => Tier.Gold,
            >= 1_000 => Tier.Silver,
            _ => Tier.Bronze,
        };
        var vip = await ctx.Step("vip", ct => log.Run("vip", tier, () => tier == Tier.Gold));
        var result = new Dictionary<string, Tier> { ["computed"] = tier };
        if (vip)
        {
            result["vip"] = Tier.Gold;
        }

        return result;
    }

    /// <summary>A double that lives across a checkpoint: the mean of no scores is NaN.</summary>
    [DurableWorkflow]
    [InputsJson("""{"scores":[1,2,4]}""")]
    [InputsJson("""{"scores":[]}""")]
    public async Task<string> MeanScore(WorkflowContext ctx, int[] scores)
    {
        var mean = scores.Length == 0 ? double.NaN : scores.Average();
        var count = await ctx.Step("count", ct => log.Run("count", scores, () => scores.Length));
        return double.IsNaN(mean) ? $"no mean of {count} scores" : $"mean {mean:F2} of {count} scores";
    }

    [DurableStep]
    private Task<int> Square(int x) => log.Run("Square", x, () => x * x);

    [DurableStep]
    private Task<decimal> Multiply(decimal price, int quantity) => log.Run("Multiply", new { price, quantity }, () => price * quantity);

    [DurableStep]
    private Task<List<int>> PriceLines(IReadOnlyList<OrderLine> lines) =>
        log.Run("PriceLines", lines, () => lines.Select(l => l.Quantity * l.Sku.Length * 100).ToList());
}
