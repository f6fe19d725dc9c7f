using SourceGenDurable;

namespace OrderProcessing;

public sealed record OrderLine(string Sku, int Quantity);

public sealed record Order(string Id, string Customer, IReadOnlyList<OrderLine> Items, decimal Total, decimal Shipping);

public sealed record Reservation(string Id);

public sealed record Charge(string Id, decimal Amount);

public sealed record Receipt(string ReservationId, string ChargeId, decimal Total);

public sealed partial class OrderWorkflows(IInventory inventory, IPayments payments, INotifier notifier)
{
    [DurableWorkflow]
    public async Task<Receipt> ProcessOrder(WorkflowContext ctx, Order order)
    {
        var reservation = await Reserve(order);
        var charge = await ctx.Step("charge", ct => payments.ChargeAsync(order.Id, order.Total, ct));
        var total = charge.Amount + order.Shipping;
        await ctx.Step("email", ct => notifier.NotifyAsync(order.Customer, $"Order {order.Id}: charged {total:0.00}", ct));
        return new Receipt(reservation.Id, charge.Id, total);
    }

    [DurableStep]
    private Task<Reservation> Reserve(Order order) => inventory.ReserveAsync(order.Id, order.Items);
}
