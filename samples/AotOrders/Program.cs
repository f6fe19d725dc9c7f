using AotOrders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;

// One order through a durable workflow, in a native executable: start it, wait for its receipt, print it, exit 0.
// `--db <file>` chooses the SQLite database (aot-orders.db by default); an order id that is already there returns its
// recorded receipt instead of running again.
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var database = args is ["--db", var file, ..] ? file : "aot-orders.db";
builder.Services.AddSingleton<Warehouse>();
builder.Services.AddDurableWorkflows(o => o.UseSqlite($"Data Source={database}").UseJsonContext(OrdersJson.Default));

using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<IWorkflowClient>();

var order = new Order("order-7", "Ada", [new OrderLine("book", 2, 30m), new OrderLine("lamp", 1, 45.5m)]);
var handle = await client.StartProcessOrderAsync(order, workflowId: order.Id);
var receipt = await handle.GetResultAsync().WaitAsync(TimeSpan.FromSeconds(30));
Console.WriteLine(
    $"{receipt.OrderId}: {receipt.Total} ({string.Join(", ", receipt.Reservations)}), shipped {receipt.Shipment.Speed} as " +
    $"{receipt.Shipment.TrackingNumber}; {receipt.Greeting}");
await host.StopAsync();
