namespace SourceGenDurable.Tests.Workflows;

/// <summary>Fan-out and fan-in: steps, child workflows and waits run as one checkpoint.</summary>
public sealed partial class FanOutWorkflows(FakeServices services, ShippingWorkflows shipping)
{
    [DurableWorkflow(Name = "reserve-all")]
    public async Task<string> ReserveAll(WorkflowContext ctx, string[] lines)
    {
        // ctx.Step hands its body the step's token, so a host that stops cancels a reservation still running.
        var reserved = await ctx.WhenAll(lines.Select(line => ctx.Step("reserve", ct => services.CallAsync($"reserve {line}", $"{line} reserved", ct))));
        await ctx.Step("confirm", ct => services.CallAsync("confirm", reserved.Length, ct));

        // A fan-out inside a larger expression is spilled like any durable await; over no operations it ends at once.
        return string.Join(",", reserved) + (await ctx.WhenAll(lines.Skip(3).Select(line => Reserve(line)))).Length switch { 0 => "", _ => " and more" };
    }

    [DurableWorkflow(Name = "ship-and-invoice")]
    public async Task<string> ShipAndInvoice(WorkflowContext ctx, string order)
    {
        var done = await ctx.WhenAll(
            shipping.Ship(ctx, order, parcels: 1),
            shipping.Ship(ctx, order, parcels: 2),
            ctx.Step("invoice", ct => services.CallAsync("invoice", $"invoice {order}", ct)));
        return string.Join(" | ", done);
    }

    [DurableWorkflow(Name = "approve-or-expire")]
    public async Task<string> ApproveOrExpire(WorkflowContext ctx, string order)
    {
        var first = await ctx.WhenAny(ctx.WaitForEvent<string>("approved"), ctx.Sleep(TimeSpan.FromDays(3)));
        return first.Index == 0 ? $"{order} approved by {first.GetResult<string>()}" : $"{order} expired";
    }

    [DurableWorkflow(Name = "reserve-or-fail")]
    public async Task<string> ReserveOrFail(WorkflowContext ctx, string order)
    {
        try
        {
            await ctx.WhenAll(Reserve(order + "-a"), Reserve(order + "-broken"), Reserve(order + "-c"));
            return "all reserved";
        }
        catch (InvalidOperationException e)
        {
            return $"failed: {e.Message}";
        }
    }

    [DurableWorkflow(Name = "quote-race")]
    public async Task<int> QuoteRace(WorkflowContext ctx, string order)
    {
        var first = await ctx.WhenAny(
            ctx.Step("slow-quote", ct => services.CallAsync("slow-quote", 10, ct)),
            ctx.Step("fast-quote", ct => services.CallAsync("fast-quote", 20, ct)),
            shipping.ShipAfterPickup(ctx, order));
        return first.Index * 100 + first.GetResult<int>();
    }

    [DurableWorkflow(Name = "step-or-deadline")]
    public async Task<string> StepOrDeadline(WorkflowContext ctx, string order)
    {
        var first = await ctx.WhenAny(ctx.Step("slow-check", ct => services.CallAsync("slow-check", "checked", ct)), ctx.Sleep(TimeSpan.FromHours(1)));
        return first.Index == 0 ? first.GetResult<string>() : "deadline";
    }

    [DurableWorkflow(Name = "step-or-skip")]
    public async Task<string> StepOrSkip(WorkflowContext ctx, string order)
    {
        var first = await ctx.WhenAny(ctx.Step("slow-check", ct => services.CallAsync("slow-check", "checked", ct)), ctx.WaitForEvent<string>("skip-check"));
        return first.Index == 0 ? first.GetResult<string>() : $"skipped by {first.GetResult<string>()}";
    }

    [DurableStep(MaxAttempts = 1)]
    private Task<string> Reserve(string line) =>
        line.EndsWith("-broken", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"{line} is out of stock")
            : services.CallAsync($"reserve {line}", $"{line} reserved");
}
