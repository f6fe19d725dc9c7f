using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.Benchmarks.Workflows;
using SourceGenDurable.Client;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>Goals 5 and 6: what sleeping instances cost while they wait, and how punctually their timers fire.</summary>
internal static class TimerRuns
{
    private const string System = "SourceGenDurable";

    public sealed record IdleCost(double MegabytesAdded, double BytesPerInstance, double BytesPerCheckpoint);

    /// <summary>
    /// Starts many instances that sleep for a month and measures the host's working set and managed heap before and
    /// after (both after a full collection), and the database bytes per instance and per checkpoint.
    /// </summary>
    public static async Task<IdleCost> IdleAsync(Sizes sizes, Report report)
    {
        using var database = new TempDatabase();
        using var host = await SourceGenDurableRuns.StartHostAsync(database, maxConcurrentWorkflows: 256);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var (workingSetBefore, heapBefore) = Memory();
        var fileBefore = await DatabaseBytesAsync(database);

        for (var first = 0; first < sizes.IdleInstances; first += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(1_000, sizes.IdleInstances - first)).Select(i => client.StartNapAsync(30, $"nap{i}")));
        }

        await UntilAsync(database, "SELECT COUNT(*) FROM workflow_instances WHERE status = 4;", sizes.IdleInstances);
        var (workingSetAfter, heapAfter) = Memory();
        var fileAfter = await DatabaseBytesAsync(database);

        await host.StopAsync();

        var megabytes = (workingSetAfter - workingSetBefore) / 1e6;
        var cost = new IdleCost(megabytes, (fileAfter - fileBefore) / (double)sizes.IdleInstances, await BytesPerCheckpointAsync());
        report.Add($"{sizes.IdleInstances:N0} instances asleep on a 30-day timer", System, "MB working set added", Samples.Of(megabytes));
        report.Add($"{sizes.IdleInstances:N0} instances asleep on a 30-day timer", System, "MB managed heap added", Samples.Of((heapAfter - heapBefore) / 1e6));
        report.Add("a sleeping instance", System, "bytes in the database", Samples.Of(cost.BytesPerInstance));
        report.Add("one checkpoint of a no-op step", System, "bytes in the database", Samples.Of(cost.BytesPerCheckpoint));
        return cost;
    }

    /// <summary>Many timers due in the same second: how late after its due time each workflow's next step ran.</summary>
    public static async Task<Samples> SameSecondAsync(Sizes sizes, Report report)
    {
        using var database = new TempDatabase();
        using var host = await SourceGenDurableRuns.StartHostAsync(database, maxConcurrentWorkflows: 256);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        TimerProbe.Arm(sizes.SameSecondTimers);

        // Far enough ahead for every instance to be started and asleep before the second comes.
        var due = DateTimeOffset.UtcNow + sizes.TimerLead;
        for (var first = 0; first < sizes.SameSecondTimers; first += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(first, Math.Min(1_000, sizes.SameSecondTimers - first)).Select(i => client.StartWakeAtAsync(due.AddMilliseconds(i % 1_000), i, $"t{i}")));
        }

        await UntilAsync(database, "SELECT COUNT(*) FROM workflow_instances WHERE status = 4;", sizes.SameSecondTimers);
        var spare = due - DateTimeOffset.UtcNow;
        await TimerProbe.AllWoke.WaitAsync(sizes.TimerLead + TimeSpan.FromMinutes(2));
        await host.StopAsync();

        var lateness = new Samples(TimerProbe.WokeAt.Select((woke, i) => (woke - due.AddMilliseconds(i % 1_000)).TotalMilliseconds));
        report.Add($"{sizes.SameSecondTimers:N0} timers due within one second (all asleep {spare.TotalSeconds:0.0} s before)", System, "ms late", lateness);
        return lateness;
    }

    /// <summary>One timer on an otherwise idle host: fired by the worker's own timer, not by its poll.</summary>
    public static async Task<Samples> SingleAsync(Sizes sizes, Report report)
    {
        using var database = new TempDatabase();
        using var host = await SourceGenDurableRuns.StartHostAsync(database);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var lateness = new List<double>();
        for (var repeat = 0; repeat < sizes.Repeats; repeat++)
        {
            TimerProbe.Arm(1);
            var due = DateTimeOffset.UtcNow.AddMilliseconds(1_500);
            await (await client.StartWakeAtAsync(due, 0, $"single{repeat}")).GetResultAsync();
            lateness.Add((TimerProbe.WokeAt[0] - due).TotalMilliseconds);
        }

        await host.StopAsync();
        return report.Add("one timer 1.5 s ahead, idle host", System, "ms late", new Samples(lateness)).Values;
    }

    /// <summary>A chain of 1,000 no-op steps in a database of its own: the bytes it adds, per checkpoint.</summary>
    private static async Task<double> BytesPerCheckpointAsync()
    {
        const int Steps = 1_000;
        using var database = new TempDatabase();
        using var host = await SourceGenDurableRuns.StartHostAsync(database);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        StepProbe.Arm(1);
        await (await client.StartChainAsync(0, "empty")).GetResultAsync();
        var before = await DatabaseBytesAsync(database);
        StepProbe.Arm(Steps);
        await (await client.StartChainAsync(Steps, "chain")).GetResultAsync();
        var after = await DatabaseBytesAsync(database);
        await host.StopAsync();
        return (after - before) / (double)Steps;
    }

    private static (long WorkingSet, long Heap) Memory()
    {
        // Aggressive collections also give the memory they free back to the system: the earlier scenarios' garbage
        // would otherwise still count in the working set measured before, and go while the sleepers are created.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static async Task UntilAsync(TempDatabase database, string count, long expected)
    {
        while (await CountAsync(database, count) < expected)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<long> CountAsync(TempDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The database's size once its write-ahead log is folded in.</summary>
    private static async Task<long> DatabaseBytesAsync(TempDatabase database)
    {
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        return new FileInfo(database.Path).Length;
    }
}
