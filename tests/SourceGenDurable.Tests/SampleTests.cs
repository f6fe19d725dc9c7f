using Microsoft.Extensions.DependencyInjection;
using OrderProcessing;
using SourceGenDurable.Client;
using SourceGenDurable.Testing;

namespace SourceGenDurable.Tests;

/// <summary>
/// The sample's order fulfilment (samples/OrderProcessing), on the test host's manual clock: what its README promises a
/// customer, the shop and the warehouse.
/// </summary>
public sealed class SampleTests : IDisposable
{
    private static readonly TimeSpan CancellationWindow = TimeSpan.FromHours(1);

    private static readonly Order Order = new(
        "order-7", "ada@example.com", "12 Engine Row", [new OrderLine("book", 2), new OrderLine("lamp", 1)], 60m);

    private readonly TempDatabase _database = new();
    private readonly CallLog _log = new();
    private readonly InMemoryInventory _inventory;
    private readonly InMemoryPayments _payments;

    public SampleTests()
    {
        _inventory = new InMemoryInventory(_log);
        _payments = new InMemoryPayments(_log);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task An_approved_order_is_charged_held_for_the_cancellation_window_and_then_shipped_by_its_shipping_child()
    {
        await using var host = await StartHostAsync();
        var handle = await host.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
        await host.Client.RaiseEventAsync("order-7", "payment-approved", new PaymentApproval("visa-4242"));
        await host.WaitUntilIdleAsync();

        var held = (await host.Client.GetWorkflowAsync("order-7"))!;
        Assert.Equal(WorkflowStatus.Sleeping, held.Status);
        Assert.Equal(host.UtcNow + CancellationWindow, held.WakeAt);
        Assert.DoesNotContain(_log.Calls, call => call.Contains("pack", StringComparison.Ordinal));

        await host.AdvanceTimeAsync(CancellationWindow);

        Assert.Equal(new OrderOutcome("order-7", OrderStatus.Shipped, "track-parcel-order-7"), await handle.GetResultAsync());
        Assert.Equal(
            [
                "order-7: reserve 2 x book",
                "order-7: reserve 1 x lamp",
                "order-7: charge 60.00 to visa-4242",
                "order-7: pack 3 items",
                "parcel-order-7: courier to 12 Engine Row",
                "email ada@example.com: order-7 is on its way: track-parcel-order-7",
            ],
            _log.Calls);
        var shipping = Assert.Single((await host.Client.ListWorkflowsAsync(new WorkflowQuery(WorkflowName: "order-shipping"))).Items);
        Assert.Equal(WorkflowStatus.Completed, shipping.Status);
        Assert.Equal("order-7", (await host.Store.GetAsync(shipping.Id, default))!.ParentId);
    }

    [Fact]
    public async Task An_order_not_approved_within_three_days_releases_its_stock_and_tells_the_customer_without_charging()
    {
        await using var host = await StartHostAsync();
        var handle = await host.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
        await host.WaitUntilIdleAsync();

        var waiting = (await host.Client.GetWorkflowAsync("order-7"))!;
        Assert.Equal((WorkflowStatus.WaitingForEvent, "payment-approved"), (waiting.Status, waiting.AwaitedEvent));
        Assert.Equal(host.UtcNow + TimeSpan.FromDays(3), waiting.WakeAt);

        await host.AdvanceTimeAsync(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(WorkflowStatus.WaitingForEvent, (await host.Client.GetWorkflowAsync("order-7"))!.Status);

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new OrderOutcome("order-7", OrderStatus.NotApproved, null), await handle.GetResultAsync());
        Assert.Equal(
            [
                "order-7: reserve 2 x book",
                "order-7: reserve 1 x lamp",
                "release res-order-7-book",
                "release res-order-7-lamp",
                "email ada@example.com: order-7 was not shipped: NotApproved",
            ],
            _log.Calls);
    }

    [Fact]
    public async Task An_order_whose_host_stops_while_it_waits_for_approval_is_finished_by_a_new_host_without_reserving_again()
    {
        await using (var first = await StartHostAsync(_database.Path))
        {
            await first.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
            await first.WaitUntilIdleAsync();
            Assert.Equal(WorkflowStatus.WaitingForEvent, (await first.Client.GetWorkflowAsync("order-7"))!.Status);
        }

        // Only the database file is left of the first host; the services stand for systems outside the process.
        await using var second = await StartHostAsync(_database.Path);
        await second.Client.RaiseEventAsync("order-7", "payment-approved", new PaymentApproval("visa-4242"));
        await second.WaitUntilIdleAsync();
        await second.AdvanceTimeAsync(CancellationWindow);

        var outcome = await second.Client.GetResultAsync<OrderOutcome>("order-7");
        Assert.Equal(OrderStatus.Shipped, outcome.Status);
        Assert.Equal(1, _log.Calls.Count(call => call == "order-7: reserve 2 x book"));
        Assert.Equal(1, _log.Calls.Count(call => call == "order-7: reserve 1 x lamp"));
        Assert.Equal(6, _log.Calls.Count);
    }

    [Fact]
    public async Task A_busy_inventory_is_retried_after_a_durable_backoff_of_one_then_two_seconds()
    {
        _inventory.FailNext("lamp", calls: 2);
        await using var host = await StartHostAsync();
        var handle = await host.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
        await host.Client.RaiseEventAsync("order-7", "payment-approved", new PaymentApproval("visa-4242"));
        await host.WaitUntilIdleAsync();
        Assert.Equal(host.UtcNow + TimeSpan.FromSeconds(1), (await host.Client.GetWorkflowAsync("order-7"))!.WakeAt);

        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(host.UtcNow + TimeSpan.FromSeconds(2), (await host.Client.GetWorkflowAsync("order-7"))!.WakeAt);
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(2));
        await host.AdvanceTimeAsync(CancellationWindow);

        Assert.Equal(OrderStatus.Shipped, (await handle.GetResultAsync()).Status);
        Assert.Equal(2, _log.Calls.Count(call => call == "order-7: reserve 1 x lamp failed, inventory busy"));
        Assert.Equal(1, _log.Calls.Count(call => call == "order-7: reserve 2 x book"));
        var failed = await host.Store.GetStepAttemptsAsync("order-7", default);
        Assert.Equal([1, 2], failed.Select(a => a.Attempt));
        Assert.All(failed, a => Assert.Equal("Reserve", a.StepName));
    }

    [Fact]
    public async Task A_declined_payment_is_not_retried_and_the_stock_is_released()
    {
        _payments.Declined.Add("stolen-card");
        await using var host = await StartHostAsync();
        var handle = await host.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
        await host.Client.RaiseEventAsync("order-7", "payment-approved", new PaymentApproval("stolen-card"));

        Assert.Equal(new OrderOutcome("order-7", OrderStatus.PaymentDeclined, null), await handle.GetResultAsync());
        Assert.Equal(
            [
                "order-7: reserve 2 x book",
                "order-7: reserve 1 x lamp",
                "order-7: charge 60.00 to stolen-card declined",
                "release res-order-7-book",
                "release res-order-7-lamp",
                "email ada@example.com: order-7 was not shipped: PaymentDeclined",
            ],
            _log.Calls);
    }

    [Fact]
    public async Task A_customer_who_cancels_within_the_window_is_refunded_and_nothing_ships()
    {
        await using var host = await StartHostAsync();
        var handle = await host.Client.StartFulfilAsync(Order, CancellationWindow, workflowId: "order-7");
        await host.Client.RaiseEventAsync("order-7", "payment-approved", new PaymentApproval("visa-4242"));
        await host.WaitUntilIdleAsync();

        Assert.True(await host.Client.CancelAsync("order-7"));

        Assert.Equal(new OrderOutcome("order-7", OrderStatus.Cancelled, null), await handle.GetResultAsync());
        Assert.Equal(
            [
                "order-7: reserve 2 x book",
                "order-7: reserve 1 x lamp",
                "order-7: charge 60.00 to visa-4242",
                "refund ch-order-7 60.00",
                "release res-order-7-book",
                "release res-order-7-lamp",
                "email ada@example.com: order-7 was not shipped: Cancelled",
            ],
            _log.Calls);
        Assert.Empty((await host.Client.ListWorkflowsAsync(new WorkflowQuery(WorkflowName: "order-shipping"))).Items);
    }

    /// <summary>A test host with the sample's services; on the database file <paramref name="databasePath"/> when given, else on its own temporary one.</summary>
    private Task<DurableTestHost> StartHostAsync(string? databasePath = null) =>
        DurableTestHost.StartAsync(
            services => services
                .AddSingleton(_log)
                .AddSingleton<IInventory>(_inventory)
                .AddSingleton<IPayments>(_payments)
                .AddSingleton<IWarehouse, InMemoryWarehouse>()
                .AddSingleton<INotifier, InMemoryNotifier>()
                .AddTransient<ShippingWorkflows>(),
            databasePath: databasePath);
}
