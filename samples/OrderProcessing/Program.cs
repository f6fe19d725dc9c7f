using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing;
using SourceGenDurable;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;
using SourceGenDurable.PostgreSql;

// Two orders: Ada's ships; Grace pays, then cancels while her order waits for the courier, and gets her money back.
// Run it, kill it (Ctrl+C or kill -9) while orders are in flight, and run it again: the unfinished orders resume
// from their last checkpoint, and no step that had committed runs twice.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var log = new CallLog { Latency = TimeSpan.FromMilliseconds(300) };
log.Recorded += call => Console.WriteLine($"  {call}");
var inventory = new InMemoryInventory(log);
inventory.FailNext("book", calls: 1); // to watch a step retried after a durable backoff
builder.Services.AddSingleton(log);
builder.Services.AddSingleton<IInventory>(inventory);
builder.Services.AddSingleton<IPayments, InMemoryPayments>();
builder.Services.AddSingleton<IWarehouse, InMemoryWarehouse>();
builder.Services.AddSingleton<INotifier, InMemoryNotifier>();
builder.Services.AddTransient<ShippingWorkflows>(); // the engine creates OrderWorkflows through DI, and it holds this
builder.Services.AddDurableWorkflows(o =>
{
    // SQLite in a file next to you, or PostgreSQL when SourceGenDurable:Postgres:ConnectionString is configured (for
    // example as the environment variable SourceGenDurable__Postgres__ConnectionString).
    if (builder.Configuration.GetSection(PostgresStoreOptions.SectionName).Exists())
    {
        o.UsePostgres();
    }
    else
    {
        o.UseSqlite("Data Source=orders.db");
    }
});

using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<IWorkflowClient>();

// Seconds, so that the sample finishes while you watch; a shop would hold an order for an hour or so.
var cancellationWindow = TimeSpan.FromSeconds(2);
var orders = new[]
{
    new Order("order-1001", "ada@example.com", "12 Engine Row, London", [new OrderLine("book", 2)], 45m),
    new Order("order-1002", "grace@example.com", "1 Compiler Lane, Arlington", [new OrderLine("cable", 3), new OrderLine("mouse", 1)], 40m),
};

// Ctrl+C stops the host rather than the process: the waits below end, and the orders keep their last checkpoint.
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
try
{
    var handles = new List<WorkflowHandle<OrderOutcome>>();
    foreach (var order in orders)
    {
        // Starting an id that exists returns the existing instance, so a second run starts nothing new.
        var handle = await client.StartFulfilAsync(order, cancellationWindow, workflowId: order.Id, stopping);
        var status = await client.GetWorkflowAsync(handle.Id, stopping);
        Console.WriteLine(handle.Created
            ? $"{handle.Id}: started"
            : $"{handle.Id}: already {status!.Status}, at checkpoint {status.State}");
        if (handle.Created)
        {
            // The customer's bank would raise this; here it comes at once. An event raised before the workflow waits
            // for it is kept until the wait takes it.
            await client.RaiseEventAsync(order.Id, "payment-approved", new PaymentApproval($"card of {order.Customer}"), stopping);
        }

        handles.Add(handle);
    }

    // Grace changes her mind once she has paid, while her order is held for the courier.
    while (await client.GetWorkflowAsync("order-1002", stopping) is { Status: not (WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled) }
           && !(await client.GetHistoryAsync("order-1002", stopping)).Any(step => step.Name == "TakePayment"))
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), stopping);
    }

    await client.CancelAsync("order-1002", stopping);

    foreach (var handle in handles)
    {
        var outcome = await handle.GetResultAsync(stopping);
        Console.WriteLine($"{outcome.OrderId}: {outcome.Status}{(outcome.TrackingNumber is { } tracking ? $", tracking number {tracking}" : "")}");
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped. Run the sample again to resume the unfinished orders.");
}

await host.StopAsync();
