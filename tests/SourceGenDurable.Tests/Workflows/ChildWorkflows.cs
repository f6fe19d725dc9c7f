namespace SourceGenDurable.Tests.Workflows;

public sealed class ShipmentRefusedException(string message) : Exception(message);

/// <summary>Workflows of another class that a parent holds as a constructor parameter and starts as children.</summary>
public sealed partial class ShippingWorkflows(FakeServices services)
{
    [DurableWorkflow(Name = "ship")]
    public async Task<string> Ship(WorkflowContext ctx, string order, int parcels)
    {
        var label = await ctx.Step("label", ct => services.CallAsync("label", $"{order}x{parcels}", ct));
        return $"label {label}";
    }

    [DurableWorkflow(Name = "ship-refused")]
    public async Task<string> Refuse(WorkflowContext ctx, string order)
    {
        await ctx.Step("inspect", ct => services.CallAsync("inspect", order, ct));
        throw new ShipmentRefusedException($"{order} is too heavy");
    }

    [DurableWorkflow(Name = "ship-after-pickup")]
    public async Task<string> ShipAfterPickup(WorkflowContext ctx, string order)
    {
        var courier = await ctx.WaitForEvent<string>("pickup");
        return $"{order} picked up by {courier}";
    }
}

/// <summary>Parents that start child workflows: of their own class and of one they hold.</summary>
public sealed partial class ParentWorkflows(FakeServices services, ShippingWorkflows shipping)
{
    [DurableWorkflow(Name = "fulfil")]
    public async Task<string> Fulfil(WorkflowContext ctx, string order)
    {
        await ctx.Step("prepare", ct => services.CallAsync("prepare", order, ct));
        var label = await shipping.Ship(ctx, order, parcels: 2);
        var total = await Price(ctx, order);
        await ctx.Step("confirm", ct => services.CallAsync("confirm", total, ct));
        return $"{label}, {total}";
    }

    [DurableWorkflow(Name = "price")]
    public async Task<int> Price(WorkflowContext ctx, string order)
    {
        return await ctx.Step("price", ct => services.CallAsync("price", order.Length * 10, ct));
    }

    [DurableWorkflow(Name = "fulfil-or-refund")]
    public async Task<string> FulfilOrRefund(WorkflowContext ctx, string order)
    {
        try
        {
            return await shipping.Refuse(ctx, order);
        }
        catch (ShipmentRefusedException e)
        {
            await ctx.Step("refund", ct => services.CallAsync("refund", order, ct));
            return $"refunded: {e.Message}";
        }
    }

    [DurableWorkflow(Name = "fulfil-unguarded")]
    public async Task<string> FulfilUnguarded(WorkflowContext ctx, string order)
    {
        return await shipping.Refuse(ctx, order);
    }

    [DurableWorkflow(Name = "fulfil-after-pickup")]
    public async Task<string> FulfilAfterPickup(WorkflowContext ctx, string order)
    {
        try
        {
            return await shipping.ShipAfterPickup(ctx, order);
        }
        catch (WorkflowCancelledException)
        {
            return "shipment cancelled";
        }
    }
}
