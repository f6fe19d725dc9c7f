using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// How steps are called: named and out-of-order arguments, a default argument, pinned step names, several
/// parameters, return await; and primary-constructor dependencies used in steps and between them.
/// </summary>
public sealed partial class StepShapeWorkflows(StepLog log, PriceList prices, TaxPolicy taxes)
{
    [DurableWorkflow]
    [Inputs("tea", 3)]
    [Inputs("", 1)]
    public async Task<decimal> NamedArguments(WorkflowContext ctx, string sku, int quantity)
    {
        var unit = await ctx.Step(body: ct => log.Run("unit", sku, () => prices.PriceOf(sku)), name: "unit");
        var line = await LineTotal(quantity: quantity, unitCents: unit);
        var single = await LineTotal(unit);
        return (line + single) / 100m;
    }

    [DurableWorkflow]
    [InputsJson("""{"order":{"Id":"o-7","Customer":"cy","Lines":[{"Sku":"pen","Quantity":4}],"Shipping":1}}""")]
    public async Task<string> PinnedStepNames(WorkflowContext ctx, Order order)
    {
        var label = await Ship(order.Id, order.Lines.Count);
        await Archive(label);
        return label;
    }

    [DurableWorkflow]
    [InputsJson("""{"order":{"Id":"o-8","Customer":"di","Lines":[{"Sku":"ink","Quantity":2},{"Sku":"paper","Quantity":10}],"Shipping":3.25},"rush":true}""")]
    [InputsJson("""{"order":{"Id":"o-9","Customer":"ed","Lines":[],"Shipping":0},"rush":false}""")]
    public async Task<Receipt> SeveralParameters(WorkflowContext ctx, Order order, bool rush)
    {
        var net = await Price(order.Lines, order.Customer, rush, 0.05m);
        var tax = taxes.TaxOn(net);
        var note = await Describe(order.Id, net, tax, order.Lines.Count, rush ? Tier.Gold : Tier.Bronze);
        return new Receipt(order.Id, order.Lines.Sum(l => l.Quantity), net, tax, net + tax + order.Shipping, note);
    }

    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(15)]
    public async Task<long> ReturnAwaitStepMethod(WorkflowContext ctx, int n)
    {
        var factorial = await ctx.Step("factorial", ct => log.Run("factorial", n, () => Enumerable.Range(1, n).Aggregate(1L, (a, b) => a * b)));
        return await Halve(factorial);
    }

    /// <summary>return await of a ctx.Step whose result (int) converts to the workflow's result (long).</summary>
    [DurableWorkflow]
    [Inputs(4)]
    [Inputs(-4)]
    public async Task<long> ReturnAwaitContextStep(WorkflowContext ctx, int n)
    {
        var sign = await ctx.Step("sign", ct => log.Run("sign", n, () => Math.Sign(n)));
        return await ctx.Step("scaled", ct => log.Run("scaled", new { n, sign }, () => n * sign * 1000));
    }

    [DurableStep]
    private Task<int> LineTotal(int unitCents, int quantity = 1) =>
        log.Run("LineTotal", new { unitCents, quantity }, () => unitCents * quantity);

    [DurableStep(Name = "ship-parcel", MaxAttempts = 5)]
    private Task<string> Ship(string orderId, int parcels) => log.Run("ship-parcel", new { orderId, parcels }, () => $"{orderId}/{parcels}");

    [DurableStep(Name = "archive")]
    private Task Archive(string label) => log.Do("archive", label);

    [DurableStep]
    private Task<decimal> Price(IReadOnlyList<OrderLine> lines, string customer, bool rush, decimal rushRate) =>
        log.Run("Price", new { lines, customer, rush, rushRate }, () =>
        {
            var net = lines.Sum(l => prices.PriceOf(l.Sku) * l.Quantity) / 100m;
            return rush ? Math.Round(net * (1 + rushRate), 2) : net;
        });

    [DurableStep]
    private Task<string> Describe(string orderId, decimal net, decimal tax, int lines, Tier tier) =>
        log.Run("Describe", new { orderId, net, tax, lines, tier }, () => $"{orderId}: {lines} line(s), {net + tax} incl. tax, {tier}");

    [DurableStep]
    private Task<long> Halve(long value) => log.Run("Halve", value, () => value / 2);
}
