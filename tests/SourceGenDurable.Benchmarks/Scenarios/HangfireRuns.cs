using System.Diagnostics;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// Hangfire, the job queue .NET users reach for first: chains of ten continuation jobs, on its SQLite storage, on its
/// in-memory storage (which persists nothing), and on its PostgreSQL storage.
/// </summary>
internal static class HangfireRuns
{
    /// <summary>Where Hangfire keeps its jobs: the report's system column, and a new, empty storage with what to delete after it.</summary>
    public sealed record Storage(string System, Func<(JobStorage Jobs, IDisposable? Place)> Create)
    {
        public static Storage Sqlite { get; } = new("Hangfire 1.8 (SQLite storage 0.4.3)", () =>
        {
            var database = new TempDatabase();
            return (new SQLiteStorage(database.Path, new SQLiteStorageOptions { QueuePollInterval = PollInterval }), database);
        });

        public static Storage InMemory { get; } = new("Hangfire 1.8 (in-memory storage)", () => (new InMemoryStorage(), null));

        /// <summary>
        /// Hangfire.PostgreSql in a schema of its own, which it creates. Long polling on: a worker waiting for a job wakes
        /// on the server's notification of a new one instead of at its next poll (the package's own setting for this).
        /// </summary>
        public static Storage Postgres(string connectionString) => new("Hangfire 1.8 (PostgreSQL storage 1.21.1)", () =>
        {
            var schema = new PostgresSchema(connectionString);
            var options = new PostgreSqlStorageOptions { SchemaName = schema.Name, QueuePollInterval = PollInterval, EnableLongPolling = true, PrepareSchemaIfNecessary = true };
            return (new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options), schema);
        });
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(5);

    public static async Task<Samples> ChainsAsync(Storage storage, int chains, Report report)
    {
        var (jobs, place) = storage.Create();
        using var removed = place;
        HangfireJobs.Expect(chains * Sizes.StepsPerConcurrentWorkflow);
        double perSecond;
        using (new BackgroundJobServer(new BackgroundJobServerOptions { SchedulePollingInterval = PollInterval }, jobs))
        {
            var client = new BackgroundJobClient(jobs);
            var start = Stopwatch.GetTimestamp();
            for (var chain = 0; chain < chains; chain++)
            {
                var id = client.Enqueue(() => HangfireJobs.Noop(chain, 0));
                for (var step = 1; step < Sizes.StepsPerConcurrentWorkflow; step++)
                {
                    id = client.ContinueJobWith(id, () => HangfireJobs.Noop(chain, step));
                }
            }

            // A job Hangfire fetched and never ran stays invisible for its 30-minute invisibility timeout (seen once on
            // PostgreSQL: 45 of 50 done, the 46th fetched, the rest awaiting it). The peer's stall is reported as the
            // rate it reached, with a note, rather than failing the whole suite.
            var expected = chains * Sizes.StepsPerConcurrentWorkflow;
            var finished = await Task.WhenAny(HangfireJobs.AllDone, Task.Delay(StallLimit)) == HangfireJobs.AllDone;
            var elapsed = Stopwatch.GetElapsedTime(start);
            var done = expected - HangfireJobs.Remaining;
            perSecond = done / elapsed.TotalSeconds;
            if (!finished)
            {
                report.Note($"Hangfire ({storage.System}) stalled: {done:N0} of {expected:N0} jobs had run after {elapsed.TotalMinutes:0.#} minutes, when the suite stopped waiting; its rate is theirs.");
            }
        }

        return report.Add($"{chains:N0} chains x {Sizes.StepsPerConcurrentWorkflow} continuation jobs", storage.System, "steps/s", Samples.Of(perSecond)).Values;
    }
}

/// <summary>The jobs Hangfire runs: public and static, because Hangfire stores a job as a method to call.</summary>
public static class HangfireJobs
{
    private static int s_remaining;
    private static TaskCompletionSource s_done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal static Task AllDone => s_done.Task;

    internal static int Remaining => Volatile.Read(ref s_remaining);

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
