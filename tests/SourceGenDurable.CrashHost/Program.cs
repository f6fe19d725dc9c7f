using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable;
using SourceGenDurable.Client;
using SourceGenDurable.CrashHost;
using SourceGenDurable.Hosting;

// A host that the kill tests run as a real child process:
//   SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step> [chain|nap|join|doom|resume-doom]
// It starts (or finds) workflow "chain-1", runs it, and prints its result. With hang-before-step = N, step N
// writes "stepN-started" to the effects file and then hangs, so the parent can kill the process at that point.
// With "nap" it runs workflow "nap-1" instead: a step, a durable sleep of 3 seconds, a step.
// With "join" it starts nothing: its worker shares the database with another process, and it prints chain-1's result.
// With "doom" it starts (or finds) "doom-1", whose second step kills this process until "<effects-file>.fixed" exists,
// and prints the instance's status and set-aside reason once it has finished or is set aside.
// With "resume-doom" it prints the ids of the set-aside instances, resumes "doom-1" and prints its result.
// With "fan" it starts (or finds) "fan-1", whose steps 1 to 3 run as one ctx.WhenAll before step 4, and prints its result.
// With "tally" it waits for "<effects-file>.go" to exist, then starts (or finds) "tally-0" to "tally-39", each of five steps that record "<id> step<n> pid<process id>",
// and prints how many finished; two processes in this mode share the instances.
// Every mode prints "started=<Unix milliseconds>" once the host has started.
// Options come from the environment too (SourceGenDurable__LeaseDuration=00:00:01, ...), as in any host.
string[] modes = ["chain", "nap", "join", "doom", "resume-doom", "fan", "tally"];
if (args.Length is not (3 or 4) || (args.Length == 4 && !modes.Contains(args[3])))
{
    Console.Error.WriteLine($"usage: SourceGenDurable.CrashHost <database> <effects-file> <hang-before-step (0 for none)> [{string.Join('|', modes)}]");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EffectLog(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
builder.Services.AddSingleton(new DoomSwitch(args[1] + ".fixed"));
builder.Services.AddDurableWorkflows(o => o.UseSqlite($"Data Source={args[0]}"));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"started={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");

var client = host.Services.GetRequiredService<IWorkflowClient>();
switch (args.Length == 4 ? args[3] : "chain")
{
    case "nap":
        Console.WriteLine($"result={await (await client.StartNapAsync(3, workflowId: "nap-1")).GetResultAsync()}");
        break;
    case "fan":
        Console.WriteLine($"result={await (await client.StartFanAsync(10, workflowId: "fan-1")).GetResultAsync()}");
        break;
    case "tally":
        while (!File.Exists(args[1] + ".go"))
        {
            await Task.Delay(10);
        }

        var handles = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.StartTallyAsync(5, workflowId: $"tally-{i}")));
        var totals = await Task.WhenAll(handles.Select(handle => handle.GetResultAsync()));
        Console.WriteLine($"finished={totals.Count(total => total == 15)}");
        break;
    case "join":
        Console.WriteLine($"result={await client.GetResultAsync<int>("chain-1")}");
        break;
    case "doom":
        await client.StartDoomAsync(10, workflowId: "doom-1");
        while (await client.GetWorkflowAsync("doom-1") is { Status: not (WorkflowStatus.Completed or WorkflowStatus.Failed), SetAsideReason: null })
        {
            await Task.Delay(50);
        }

        var doom = (await client.GetWorkflowAsync("doom-1"))!;
        Console.WriteLine($"status={doom.Status}");
        Console.WriteLine($"setaside={doom.SetAsideReason}");
        break;
    case "resume-doom":
        Console.WriteLine($"setaside={string.Join(',', (await client.GetSetAsideWorkflowsAsync()).Select(w => w.Id))}");
        Console.WriteLine($"resumed={await client.ResumeAsync("doom-1")}");
        Console.WriteLine($"result={await client.GetResultAsync<int>("doom-1")}");
        break;
    default:
        Console.WriteLine($"result={await (await client.StartChainAsync(10, workflowId: "chain-1")).GetResultAsync()}");
        break;
}

await host.StopAsync();
return 0;
