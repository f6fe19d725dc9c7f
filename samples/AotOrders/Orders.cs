using System.Text.Json.Serialization;
using SourceGenDurable;

namespace AotOrders;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Order(string Id, string Customer, IReadOnlyList<OrderLine> Lines);

public sealed record Shipment(string TrackingNumber, Speed Speed);

public sealed record Receipt(string OrderId, IReadOnlyList<string> Reservations, decimal Total, Shipment Shipment, string Greeting);

// Written by name rather than number: the runtime honours the converter an enum names, under Native AOT too.
[JsonConverter(typeof(JsonStringEnumConverter<Speed>))]
public enum Speed
{
    Standard,
    Express,
}

/// <summary>
/// The application's own types, as System.Text.Json asks of any Native AOT application. The strings, the list of
/// strings, the decimal and the enum the workflows also keep need no entry: the runtime brings those. A foreach whose
/// body has a checkpoint keeps its items as a List of the element type, so that list is named too (SGD0014 says so).
/// </summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<OrderLine>))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Shipment))]
public sealed partial class OrdersJson : JsonSerializerContext;

public sealed class Warehouse
{
    private int _next;

    public Task<string> ReserveAsync(string orderId, OrderLine line, CancellationToken cancellationToken) =>
        Task.FromResult($"{orderId}/{line.Sku}x{line.Quantity}#{Interlocked.Increment(ref _next)}");

    public Task<Shipment> ShipAsync(string orderId, Speed speed, CancellationToken cancellationToken) =>
        Task.FromResult(new Shipment($"TRK-{orderId}-{speed}".ToUpperInvariant(), speed));
}

public sealed partial class OrderWorkflows(Warehouse warehouse)
{
    /// <summary>Reserves each line, prices the order, ships it (unless a day passes first) and greets the customer (a child workflow).</summary>
    [DurableWorkflow]
    public async Task<Receipt> ProcessOrder(WorkflowContext ctx, Order order)
    {
        var reservations = new List<string>();
        foreach (var line in order.Lines)
        {
            reservations.Add(await Reserve(order.Id, line));
        }

        var total = await ctx.Step("price", _ => Task.FromResult(order.Lines.Sum(l => l.Quantity * l.UnitPrice)));
        var speed = total >= 100m ? Speed.Express : Speed.Standard;
        var shipped = await ctx.WhenAny(Ship(order.Id, speed), ctx.Sleep(TimeSpan.FromDays(1)));
        var shipment = shipped.Index == 0 ? shipped.GetResult<Shipment>() : new Shipment("none", speed);
        var greeting = await Greet(ctx, order.Customer);
        return new Receipt(order.Id, reservations, total, shipment, greeting);
    }

    /// <summary>The workflow of the report: one string in, one string out.</summary>
    [DurableWorkflow]
    public async Task<string> Greet(WorkflowContext ctx, string name)
    {
        var greeting = await ctx.Step("greet", _ => Task.FromResult($"Thank you, {name}"));
        return greeting + "!";
    }

    [DurableStep]
    private Task<string> Reserve(string orderId, OrderLine line, CancellationToken cancellationToken = default) =>
        warehouse.ReserveAsync(orderId, line, cancellationToken);

    [DurableStep]
    private Task<Shipment> Ship(string orderId, Speed speed, CancellationToken cancellationToken = default) =>
        warehouse.ShipAsync(orderId, speed, cancellationToken);
}
