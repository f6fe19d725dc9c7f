using SourceGenDurable;

namespace OrderProcessing;

public sealed record OrderLine(string Sku, int Quantity);

public sealed record Order(string Id, string Customer, string Address, IReadOnlyList<OrderLine> Lines, decimal Total);

public sealed record Reservation(string Id, string Sku, int Quantity);

public sealed record PaymentApproval(string PaymentMethod);

public sealed record Charge(string Id, decimal Amount);

public sealed record Shipment(string ParcelId, string TrackingNumber);

public enum OrderStatus
{
    Shipped,
    NotApproved,
    PaymentDeclined,
    Cancelled,
}

public sealed record OrderOutcome(string OrderId, OrderStatus Status, string? TrackingNumber);

public sealed partial class OrderWorkflows(IInventory inventory, IPayments payments, INotifier notifier, ShippingWorkflows shipping)
{
    /// <summary>
    /// Reserves the stock, waits up to three days for the customer to approve the payment, charges it, holds the order
    /// for <paramref name="cancellationWindow"/>, and ships it. An order that does not go through gives back what it took.
    /// </summary>
    // The name is pinned: renaming the class or the method must not orphan orders that are in flight.
    [DurableWorkflow(Name = "order-fulfilment")]
    public async Task<OrderOutcome> Fulfil(WorkflowContext ctx, Order order, TimeSpan cancellationWindow)
    {
        var reservations = new List<Reservation>();
        Charge? charge = null;
        OrderStatus status;
        try
        {
            // One step per line, all at once: each reservation is recorded as it completes, so a restart in the middle
            // of a large order reserves only the lines that were not reserved yet.
            reservations.AddRange(await ctx.WhenAll(order.Lines.Select(line => Reserve(order.Id, line))));

            // The customer approves in their bank's app, which calls IWorkflowClient.RaiseEventAsync. The order leaves
            // memory while it waits, and the deadline holds across restarts.
            var approval = await ctx.WaitForEvent<PaymentApproval>("payment-approved", TimeSpan.FromDays(3));
            charge = await TakePayment(order, approval);

            // Until the courier has the parcel, the customer may change their mind at no cost to either side.
            await ctx.Sleep(cancellationWindow);

            // A child workflow: shipping has its own id, status and history, and the order waits for it out of memory.
            var shipment = await shipping.Ship(ctx, order.Id, order.Address, order.Lines);

            // A paid order must not fail because the mail server is down for an hour.
            await ctx.Step(
                "email-shipped",
                ct => notifier.NotifyAsync(order.Customer, $"{order.Id} is on its way: {shipment.TrackingNumber}", ct),
                new RetryPolicy { MaxAttempts = 10, FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(1) });
            return new OrderOutcome(order.Id, OrderStatus.Shipped, shipment.TrackingNumber);
        }
        catch (TimeoutException)
        {
            status = OrderStatus.NotApproved;
        }
        catch (PaymentDeclinedException)
        {
            status = OrderStatus.PaymentDeclined;
        }
        catch (WorkflowCancelledException)
        {
            // Compensation is not cancelled in turn: the steps below run to the end.
            status = OrderStatus.Cancelled;
        }

        // Give back what the order took: the money, then the stock.
        if (charge is not null)
        {
            await ctx.Step("refund", ct => payments.RefundAsync(charge, ct));
        }

        foreach (var reservation in reservations)
        {
            await Release(reservation);
        }

        await ctx.Step("email-not-shipped", ct => notifier.NotifyAsync(order.Customer, $"{order.Id} was not shipped: {status}", ct));
        return new OrderOutcome(order.Id, status, null);
    }

    // A busy inventory service is worth a few quick retries, each after a durable backoff (1 s, 2 s, 4 s, 8 s).
    [DurableStep(MaxAttempts = 5, FirstRetryDelayMilliseconds = 1_000)]
    // A CancellationToken parameter of a step gets the step's token: cancelled when the order is cancelled or the
    // host's shutdown timeout passes. Calls leave it out.
    private Task<Reservation> Reserve(string orderId, OrderLine line, CancellationToken cancellationToken = default) =>
        inventory.ReserveAsync(orderId, line, cancellationToken);

    // A step runs at least once, so the charge carries a key the provider deduplicates on; a declined card is final.
    [DurableStep(MaxAttempts = 4, FirstRetryDelayMilliseconds = 30_000, DoNotRetry = new[] { typeof(PaymentDeclinedException) })]
    private Task<Charge> TakePayment(Order order, PaymentApproval approval, CancellationToken cancellationToken = default) =>
        payments.ChargeAsync(order.Id, order.Total, approval.PaymentMethod, StepContext.Current!.IdempotencyKey, cancellationToken);

    [DurableStep]
    private Task Release(Reservation reservation, CancellationToken cancellationToken = default) => inventory.ReleaseAsync(reservation, cancellationToken);
}

/// <summary>Shipping, started by <see cref="OrderWorkflows.Fulfil"/> as a child workflow.</summary>
/// <remarks>The engine creates this class through DI when the order calls it: register it (<c>AddTransient&lt;ShippingWorkflows&gt;()</c>).</remarks>
public sealed partial class ShippingWorkflows(IWarehouse warehouse)
{
    [DurableWorkflow(Name = "order-shipping")]
    public async Task<Shipment> Ship(WorkflowContext ctx, string orderId, string address, IReadOnlyList<OrderLine> lines)
    {
        var parcel = await ctx.Step("pack", ct => warehouse.PackAsync(orderId, lines, ct));
        var trackingNumber = await ctx.Step("book-courier", ct => warehouse.BookCourierAsync(parcel, address, ct));
        return new Shipment(parcel, trackingNumber);
    }
}
