using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Client;
using SourceGenDurable.CrashHost;
using SourceGenDurable.Hosting;

// A host that the kill tests run as a real child process:
//   SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step>
// It starts (or finds) workflow "chain-1", runs it, and prints its result. With hang-before-step = N, step N
// writes "stepN-started" to the effects file and then hangs, so the parent can kill the process at that point.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step (0 for none)>");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EffectLog(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
builder.Services.AddDurableWorkflows(o => o.UseSqlite($"Data Source={args[0]}"));
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var handle = await client.StartChainAsync(10, workflowId: "chain-1");
Console.WriteLine($"result={await handle.GetResultAsync()}");
await host.StopAsync();
return 0;
