using System.Diagnostics;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// Hangfire, the job queue .NET users reach for first: chains of ten continuation jobs, on its SQLite storage and on
/// its in-memory storage (which persists nothing).
/// </summary>
internal static class HangfireRuns
{
    public static async Task<Samples> ChainsAsync(Sizes sizes, Report report, bool inMemory)
    {
        using var database = new TempDatabase();
        JobStorage storage = inMemory
            ? new InMemoryStorage()
            : new SQLiteStorage(database.Path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) });
        var chains = sizes.HangfireChains;
        HangfireJobs.Expect(chains * Sizes.StepsPerConcurrentWorkflow);
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromMilliseconds(100) }, storage);
        var client = new BackgroundJobClient(storage);

        var start = Stopwatch.GetTimestamp();
        for (var chain = 0; chain < chains; chain++)
        {
            var id = client.Enqueue(() => HangfireJobs.Noop(chain, 0));
            for (var step = 1; step < Sizes.StepsPerConcurrentWorkflow; step++)
            {
                id = client.ContinueJobWith(id, () => HangfireJobs.Noop(chain, step));
            }
        }

        await HangfireJobs.AllDone.WaitAsync(TimeSpan.FromMinutes(10));
        var perSecond = chains * Sizes.StepsPerConcurrentWorkflow / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var system = inMemory ? "Hangfire 1.8 (in-memory storage)" : "Hangfire 1.8 (SQLite storage 0.4.3)";
        return report.Add($"{chains:N0} chains x {Sizes.StepsPerConcurrentWorkflow} continuation jobs", system, "steps/s", Samples.Of(perSecond)).Values;
    }
}

/// <summary>The jobs Hangfire runs: public and static, because Hangfire stores a job as a method to call.</summary>
public static class HangfireJobs
{
    private static int s_remaining;
    private static TaskCompletionSource s_done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal static Task AllDone => s_done.Task;

    internal static void Expect(int jobs)
    {
        s_done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref s_remaining, jobs);
    }

    public static void Noop(int chain, int step)
    {
        _ = (chain, step);
        if (Interlocked.Decrement(ref s_remaining) == 0)
        {
            s_done.TrySetResult();
        }
    }
}
