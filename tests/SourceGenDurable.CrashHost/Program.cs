using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Client;
using SourceGenDurable.CrashHost;
using SourceGenDurable.Hosting;

// A host that the kill tests run as a real child process:
//   SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step> [chain|nap]
// It starts (or finds) workflow "chain-1", runs it, and prints its result. With hang-before-step = N, step N
// writes "stepN-started" to the effects file and then hangs, so the parent can kill the process at that point.
// With "nap" it runs workflow "nap-1" instead: a step, a durable sleep of 3 seconds, a step.
if (args.Length is not (3 or 4) || (args.Length == 4 && args[3] is not ("chain" or "nap")))
{
    Console.Error.WriteLine("usage: SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step (0 for none)> [chain|nap]");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EffectLog(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
builder.Services.AddDurableWorkflows(o => o.UseSqlite($"Data Source={args[0]}"));
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var result = args.Length == 4 && args[3] == "nap"
    ? await (await client.StartNapAsync(3, workflowId: "nap-1")).GetResultAsync()
    : await (await client.StartChainAsync(10, workflowId: "chain-1")).GetResultAsync();
Console.WriteLine($"result={result}");
await host.StopAsync();
return 0;
