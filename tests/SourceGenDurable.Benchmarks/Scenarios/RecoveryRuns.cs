using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.Benchmarks.Workflows;
using SourceGenDurable.Client;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// Restart after a crash: a host process with many instances in flight (each blocked in a step, so each holds a lease
/// of the default 30 s) is killed with SIGKILL, and a new host process starts on the same database. Measured in the new
/// process, from its host's start: the first resumed step, and the last instance finished (its completion durable).
/// Both processes are this program, run again with <see cref="ChildFlag"/>.
/// </summary>
internal static class RecoveryRuns
{
    public const string ChildFlag = "--recovery-child";
    private const string System = "SourceGenDurable";

    /// <summary>
    /// The times from the new host's start: with the default options, in a process that had run a host before (warm) and
    /// in a new process (cold); and warm with as many runs at once as the killed host had (wide).
    /// </summary>
    public sealed record Result(int Instances, Samples FirstStep, Samples AllFinished, Samples ColdFirstStep, Samples ColdAllFinished, Samples WideFirstStep, Samples WideAllFinished);

    public static async Task<Result> AfterKillAsync(Sizes sizes, Report report)
    {
        var instances = sizes.RecoveryInstances;
        var times = new Dictionary<string, (List<double> First, List<double> All)> { ["resume"] = ([], []), ["resume-cold"] = ([], []), ["resume-wide"] = ([], []) };
        for (var repeat = 0; repeat < sizes.RecoveryRepeats; repeat++)
        {
            foreach (var (mode, samples) in times)
            {
                var (first, all) = await KillAndRestartAsync(mode, instances);
                samples.First.Add(first);
                samples.All.Add(all);
            }
        }

        var scenario = $"{instances:N0} instances in flight, host killed (SIGKILL), a new host started";
        var cold = $"{scenario} in a new process";
        var wide = $"{scenario} with MaxConcurrentWorkflows = {instances:N0}, as the killed host";
        return new Result(
            instances,
            report.Add(scenario, System, "ms host start to first resumed step", new Samples(times["resume"].First)).Values,
            report.Add(scenario, System, "ms host start to all finished", new Samples(times["resume"].All)).Values,
            report.Add(cold, System, "ms host start to first resumed step", new Samples(times["resume-cold"].First)).Values,
            report.Add(cold, System, "ms host start to all finished", new Samples(times["resume-cold"].All)).Values,
            report.Add(wide, System, "ms host start to first resumed step", new Samples(times["resume-wide"].First)).Values,
            report.Add(wide, System, "ms host start to all finished", new Samples(times["resume-wide"].All)).Values);
    }

    private static async Task<(double First, double All)> KillAndRestartAsync(string mode, int instances)
    {
        using var database = new TempDatabase();
        using (var doomed = StartChild("hold", database.Path, instances))
        {
            var line = await doomed.StandardOutput.ReadLineAsync();
            if (line != "held")
            {
                throw new InvalidOperationException($"The host to be killed did not get its instances in flight: {line}{await doomed.StandardError.ReadToEndAsync()}");
            }

            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }

        using var restarted = StartChild(mode, database.Path, instances);
        var output = await restarted.StandardOutput.ReadToEndAsync();
        await restarted.WaitForExitAsync();
        if (restarted.ExitCode != 0 || !output.StartsWith("first=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The restarted host failed: {output}{await restarted.StandardError.ReadToEndAsync()}");
        }

        var values = output.Trim().Split(' ').Select(part => double.Parse(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)).ToArray();
        return (values[0], values[1]);
    }

    /// <summary>
    /// The child processes: <c>hold</c> starts the instances and blocks them in flight; <c>resume-cold</c> is the restarted
    /// host with the default options; <c>resume</c> is too, after running one instance to its end in a host of its own on
    /// another database, so that what is timed is the recovery, not the .NET runtime compiling the host's and the engine's
    /// code for the first time; <c>resume-wide</c> is <c>resume</c> with room to run every instance at once.
    /// </summary>
    public static async Task<int> ChildAsync(string mode, string databasePath, int instances)
    {
        var connectionString = $"Data Source={databasePath}";
        if (mode == "hold")
        {
            var held = RecoveryProbe.HoldAll(instances);
            // Every instance runs at once, so every one holds a lease when the kill comes.
            var host = await SourceGenDurableRuns.StartHostAsync(connectionString, maxConcurrentWorkflows: instances);
            var client = host.Services.GetRequiredService<IWorkflowClient>();
            await Task.WhenAll(Enumerable.Range(0, instances).Select(i => client.StartRecoverAsync(i)));
            await held;
            Console.WriteLine("held");
            await Task.Delay(Timeout.Infinite);
        }

        if (mode is "resume" or "resume-wide")
        {
            using var scratch = new TempDatabase();
            using var warmUp = await SourceGenDurableRuns.StartHostAsync(scratch.ConnectionString);
            await (await warmUp.Services.GetRequiredService<IWorkflowClient>().StartRecoverAsync(0)).GetResultAsync();
            await warmUp.StopAsync();
            RecoveryProbe.Reset();
        }

        var start = Stopwatch.GetTimestamp();
        using var resumed = mode == "resume-wide"
            ? await SourceGenDurableRuns.StartHostAsync(connectionString, maxConcurrentWorkflows: instances)
            : await SourceGenDurableRuns.StartHostAsync(connectionString);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var completed = connection.CreateCommand();
        completed.CommandText = $"SELECT COUNT(*) FROM workflow_instances WHERE status = {(int)WorkflowStatus.Completed};";
        while ((long)completed.ExecuteScalar()! < instances)
        {
            await Task.Delay(5);
        }

        var allFinished = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var firstStep = Stopwatch.GetElapsedTime(start, RecoveryProbe.FirstResumed).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first={firstStep:0.0} all={allFinished:0.0}"));
        await resumed.StopAsync();
        return 0;
    }

    private static Process StartChild(string mode, string databasePath, int instances)
    {
        // Run as an apphost (dotnet run, the build output) or through the dotnet muxer (dotnet <dll>).
        var processPath = Environment.ProcessPath!;
        var start = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RecoveryRuns).Assembly.Location);
        }

        foreach (var argument in new[] { ChildFlag, mode, databasePath, instances.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
