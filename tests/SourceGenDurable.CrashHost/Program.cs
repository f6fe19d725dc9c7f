using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable;
using SourceGenDurable.Client;
using SourceGenDurable.CrashHost;
using SourceGenDurable.Hosting;
using SourceGenDurable.PostgreSql;

// A host that the kill tests run as a real child process:
//   SourceGenDurable.CrashHost <store> <effects-file> <hang-before-step> [chain|nap|join|doom|resume-doom|fan|tally[:<instances>x<steps>]]
// where <store> is a SQLite database file, or "--postgres <connection string> <schema>" for PostgreSQL.
// It starts (or finds) workflow "chain-1", runs it, and prints its result. With hang-before-step = N, step N
// writes "stepN-started" to the effects file and then hangs, so the parent can kill the process at that point.
// With "nap" it runs workflow "nap-1" instead: a step, a durable sleep of 3 seconds, a step.
// With "join" it starts nothing: its worker shares the database with another process, and it prints chain-1's result.
// With "doom" it starts (or finds) "doom-1", whose second step kills this process until "<effects-file>.fixed" exists,
// and prints the instance's status and set-aside reason once it has finished or is set aside.
// With "resume-doom" it prints the ids of the set-aside instances, resumes "doom-1" and prints its result.
// With "fan" it starts (or finds) "fan-1", whose steps 1 to 3 run as one ctx.WhenAll before step 4, and prints its result.
// With "tally" it waits for "<effects-file>.go" to exist, then starts (or finds) "tally-0" to "tally-39" (or as many as
// <instances> says), each of five steps (or <steps>) that record "<id> step<n> pid<process id> at<Unix milliseconds>",
// and prints how many finished once all have ended; processes in this mode share the instances. A store error while it
// waits for them (the server restarting) is counted, printed as "storeerrors=<n> <exception types>", and the read tried again.
// Every mode prints "started=<Unix milliseconds>" once the host has started.
// Options come from the environment too (SourceGenDurable__LeaseDuration=00:00:01, ...), as in any host.
string[] modes = ["chain", "nap", "join", "doom", "resume-doom", "fan", "tally"];
var storeArgs = args is ["--postgres", ..] ? 3 : 1;
var mode = args.Length - storeArgs == 3 ? args[^1] : "chain";
if (args.Length - storeArgs is not (2 or 3) || !(modes.Contains(mode) || TallySize(mode) is not null))
{
    Console.Error.WriteLine($"usage: SourceGenDurable.CrashHost <database>|--postgres <connection string> <schema> <effects-file> <hang-before-step (0 for none)> [{string.Join('|', modes)}[:<instances>x<steps>]]");
    return 2;
}

var effectsFile = args[storeArgs];
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EffectLog(effectsFile, int.Parse(args[storeArgs + 1], CultureInfo.InvariantCulture)));
builder.Services.AddSingleton(new DoomSwitch(effectsFile + ".fixed"));
builder.Services.AddDurableWorkflows(o =>
{
    if (storeArgs == 3)
    {
        o.UsePostgres(args[1], s => s.Schema = args[2]);
    }
    else
    {
        o.UseSqlite($"Data Source={args[0]}");
    }
});
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"started={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");

var client = host.Services.GetRequiredService<IWorkflowClient>();
switch (mode)
{
    case "nap":
        Console.WriteLine($"result={await (await client.StartNapAsync(3, workflowId: "nap-1")).GetResultAsync()}");
        break;
    case "fan":
        Console.WriteLine($"result={await (await client.StartFanAsync(10, workflowId: "fan-1")).GetResultAsync()}");
        break;
    case var tally when tally.StartsWith("tally", StringComparison.Ordinal):
        while (!File.Exists(effectsFile + ".go"))
        {
            await Task.Delay(10);
        }

        var (instances, steps) = TallySize(tally) ?? (40, 5);
        var storeErrors = 0;
        var storeErrorTypes = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();

        // A start with an id is idempotent: one that met a server restart is simply made again, as an application would.
        var handles = await Task.WhenAll(Enumerable.Range(0, instances).Select(i => RetryAsync(() => client.StartTallyAsync(steps, workflowId: $"tally-{i}"))));

        // One listing every 100 ms until all have ended, rather than a wait per instance: each wait polls the store for an
        // instance another process runs, and ninety of them in each of three processes would poll a server thousands of
        // times a second.
        while (await RetryAsync(async () => (await client.ListWorkflowsAsync(new WorkflowQuery("tally", PageSize: WorkflowQuery.MaxPageSize))).Items
                   .Count(w => w.Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)) < instances)
        {
            await Task.Delay(100);
        }

        var totals = await Task.WhenAll(handles.Select(handle => RetryAsync(() => handle.GetResultAsync())));
        Console.WriteLine($"storeerrors={storeErrors} {string.Join(',', storeErrorTypes.Keys.Order())}");
        Console.WriteLine($"finished={totals.Count(total => total == steps * (steps + 1) / 2)}");
        break;

        // A store error (the server restarting) is counted, and the read tried again.
        async Task<T> RetryAsync<T>(Func<Task<T>> read)
        {
            while (true)
            {
                try
                {
                    return await read();
                }
                catch (Exception e) when (e is DurableStoreException or DbException)
                {
                    Interlocked.Increment(ref storeErrors);
                    storeErrorTypes.TryAdd(e.GetType().Name, true);
                    await Task.Delay(100);
                }
            }
        }

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

// "tally:<instances>x<steps>" as numbers (as many instances as one listing shows), or null when it is not that.
static (int Instances, int Steps)? TallySize(string mode) =>
    mode.Split(':', 'x') is ["tally", var instances, var steps]
    && int.TryParse(instances, CultureInfo.InvariantCulture, out var i) && i is > 0 and <= WorkflowQuery.MaxPageSize
    && int.TryParse(steps, CultureInfo.InvariantCulture, out var n) && n > 0
        ? (i, n)
        : null;
