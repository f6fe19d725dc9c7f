using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;

// Run it, kill it (Ctrl+C or kill -9) while orders are in flight, and run it again: the unfinished orders resume
// from their last checkpoint, and no step that had committed runs twice.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IInventory, SlowInventory>();
builder.Services.AddSingleton<IPayments, SlowPayments>();
builder.Services.AddSingleton<INotifier, ConsoleNotifier>();
builder.Services.AddDurableWorkflows(o => o.UseSqlite("Data Source=orders.db"));

using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var orders = new[]
{
    new Order("order-1", "ada@example.com", [new OrderLine("book", 2)], 40m, 5m),
    new Order("order-2", "linus@example.com", [new OrderLine("keyboard", 1)], 120m, 0m),
    new Order("order-3", "grace@example.com", [new OrderLine("cable", 3), new OrderLine("mouse", 1)], 35.5m, 4.5m),
};

var handles = new List<WorkflowHandle<Receipt>>();
foreach (var order in orders)
{
    // Starting an id that exists returns the existing instance, so a second run starts nothing new.
    var handle = await client.StartProcessOrderAsync(order, workflowId: order.Id);
    var status = await client.GetWorkflowAsync(handle.Id);
    Console.WriteLine(handle.Created
        ? $"{handle.Id}: started"
        : $"{handle.Id}: already {status!.Status}, at checkpoint {status.State}");
    handles.Add(handle);
}

foreach (var handle in handles)
{
    var receipt = await handle.GetResultAsync();
    Console.WriteLine($"{handle.Id}: done, reservation {receipt.ReservationId}, charge {receipt.ChargeId}, total {receipt.Total:0.00}");
}

await host.StopAsync();
