using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.Benchmarks.Workflows;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// SourceGenDurable's scenarios, each on a fresh database (SQLite: a new file, with the default durability,
/// synchronous=FULL, unless a scenario names another; PostgreSQL: a new schema), on the store a scenario is given.
/// </summary>
internal static class SourceGenDurableRuns
{
    public sealed record LongChain(int Steps, IReadOnlyDictionary<int, Samples> PerStepAt, Samples Early, Samples Late);

    private const int MaxWarmUpChains = 40;

    /// <summary>
    /// Goal 1: per-step time along one chain of no-op steps. <paramref name="beforeEachRepeat"/>, when given, runs before
    /// each recorded chain: the baseline the steps are compared with, measured in turns with them.
    /// </summary>
    public static async Task<Samples> SequentialAsync(BenchmarkStore store, Sizes sizes, Report report, Func<Task>? beforeEachRepeat = null)
    {
        var perStep = new List<double>();
        var allocated = new List<double>();

        // Unrecorded chains first, as the throughput runs warm up, until one of them leaves the runtime nothing more to
        // compile (tiered compilation recompiles hot code in the background): the goal is the time of a step, not of
        // the runtime compiling the engine's and the store's code in the process.
        var warmUps = 0;
        bool compiling;
        do
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            using (var location = store.CreateLocation())
            {
                await RunChainAsync(location, sizes.SequentialSteps);
            }

            warmUps++;
            compiling = JitInfo.GetCompiledMethodCount() != compiled;
        }
        while (compiling && warmUps < MaxWarmUpChains);

        Console.WriteLine($"  the lone chain ran {warmUps} unrecorded warm-up chains");

        for (var repeat = 0; repeat < sizes.Repeats; repeat++)
        {
            if (beforeEachRepeat is not null)
            {
                await beforeEachRepeat();
            }

            using var database = store.CreateLocation();
            var bytes = await RunChainAsync(database, sizes.SequentialSteps);
            perStep.AddRange(Enumerable.Range(1, sizes.SequentialSteps - 1).Select(StepProbe.StepMilliseconds));
            allocated.Add(bytes / (double)sizes.SequentialSteps);
        }

        report.Add($"one workflow of {sizes.SequentialSteps:N0} no-op steps", store.System, "bytes allocated per step", new Samples(allocated));
        return report.Add($"one workflow of {sizes.SequentialSteps:N0} no-op steps", store.System, "ms per step", new Samples(perStep)).Values;
    }

    /// <summary>Goal 2: the per-step time at several depths of one long chain (on SQLite).</summary>
    public static async Task<LongChain> LongChainAsync(Sizes sizes, Report report)
    {
        var system = BenchmarkStore.Sqlite.System;
        using var database = new TempDatabase();
        await RunChainAsync(database, sizes.LongChainSteps);

        var perStepAt = new Dictionary<int, Samples>();
        foreach (var depth in sizes.PerStepWindows.Where(d => d <= sizes.LongChainSteps))
        {
            perStepAt[depth] = report.Add($"steps {Math.Max(1, depth - 9):N0}-{depth:N0} of a {sizes.LongChainSteps:N0}-step chain", system, "ms per step", Window(depth - 9, depth)).Values;
        }

        var early = Window(11, 20);
        var lateEnd = Math.Min(10_000, sizes.LongChainSteps - 1);
        var late = Window(lateEnd - 9, lateEnd);
        report.Add($"steps 11-20 of a {sizes.LongChainSteps:N0}-step chain", system, "ms per step", early);
        report.Add($"steps {lateEnd - 9:N0}-{lateEnd:N0} of a {sizes.LongChainSteps:N0}-step chain", system, "ms per step", late);
        return new LongChain(sizes.LongChainSteps, perStepAt, early, late);

        Samples Window(int first, int last) =>
            new(Enumerable.Range(Math.Max(1, first), Math.Min(last, sizes.LongChainSteps - 1) - Math.Max(1, first) + 1).Select(StepProbe.StepMilliseconds));
    }

    /// <summary>
    /// Goal 2: the time from a host starting to the next step of an instance that has <c>history</c> committed steps
    /// running. The instance blocks in that step until the host stops, so every repeat resumes the same state. Every
    /// database is built first, then the repeats take the histories in turn: measured right after its build, the longest
    /// history met the disk still writing back the build, and each sample is only a few milliseconds.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Samples>> ResumeAsync(BenchmarkStore store, Sizes sizes, Report report)
    {
        var databases = new Dictionary<int, IStoreLocation>();
        try
        {
            foreach (var history in sizes.ResumeHistories)
            {
                databases[history] = store.CreateLocation();
                StepProbe.Arm(history + 1, blockAt: history);
                var reached = StepProbe.Reached(history);
                // The step the instance blocks in ends only when the host cancels it: stop at once rather than after the
                // default 20 s of grace (which made this scenario most of the suite's time), from the same committed state.
                using var host = await StartHostAsync(databases[history], shutdownTimeout: TimeSpan.Zero);
                await host.Services.GetRequiredService<IWorkflowClient>().StartChainAsync(history + 1, "chain");
                await reached;
                await host.StopAsync();
            }

            var times = sizes.ResumeHistories.ToDictionary(history => history, _ => new List<double>());
            for (var repeat = 0; repeat < sizes.ResumeRepeats; repeat++)
            {
                foreach (var history in sizes.ResumeHistories)
                {
                    StepProbe.Arm(history + 1, blockAt: history);
                    var reached = StepProbe.Reached(history);
                    var start = Stopwatch.GetTimestamp();
                    using var host = await StartHostAsync(databases[history], shutdownTimeout: TimeSpan.Zero);
                    await reached;
                    times[history].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    await host.StopAsync();
                }
            }

            return times.ToDictionary(
                entry => entry.Key,
                entry => report.Add($"resume an instance with {entry.Key:N0} committed steps", store.System, "ms host start to next step", new Samples(entry.Value)).Values);
        }
        finally
        {
            foreach (var database in databases.Values)
            {
                database.Dispose();
            }
        }
    }

    /// <summary>
    /// Goal 3: many workflows of ten no-op steps at once, as a throughput run to measure (see <see cref="ThroughputRuns"/>).
    /// Unrecorded warm-up repeats come first: the runtime's tiered JIT is still recompiling the engine's code for the first
    /// few hundred thousand steps, which is not what a long-running host spends. Every repeat runs in one host on one
    /// database, which keeps growing, as a service runs for days (and as the Durable Task peer's run keeps one host). With
    /// <paramref name="hostPerRepeat"/>, each repeat builds and starts a host of its own on a new database instead, as
    /// earlier versions of the suite did; the JIT then keeps compiling each new host's start-up code on the same two cores.
    /// Workflows are started without an id, so each gets the id the client makes, unless <paramref name="randomIds"/>
    /// has the caller give each a random GUID of its own.
    /// </summary>
    public static async Task<IThroughputRun> StartThroughputAsync(BenchmarkStore store, Sizes sizes, SqliteSynchronousMode synchronous, bool hostPerRepeat = false, bool randomIds = false)
    {
        var database = hostPerRepeat ? null : store.CreateLocation();
        var host = database is null ? null : await StartHostAsync(database, sizes.ConcurrentWorkflows, synchronous);
        return new Throughput(store, sizes, synchronous, database, host, randomIds);
    }

    private sealed class Throughput(BenchmarkStore store, Sizes sizes, SqliteSynchronousMode synchronous, IStoreLocation? sharedDatabase, IHost? sharedHost, bool randomIds) : IThroughputRun
    {
        public (string Scenario, string System, string Unit) Row =>
            ($"{sizes.ConcurrentWorkflows:N0} workflows x {Sizes.StepsPerConcurrentWorkflow} no-op steps" +
             (sharedHost is null ? ", a new host and database per repeat" : "") +
             (randomIds ? ", each given a random id (Guid.NewGuid) by the caller" : ""),
             store.SystemAt(synchronous),
             "steps/s");

        public int WarmUps => sizes.ThroughputWarmUps;

        public async Task<double> RunOnceAsync()
        {
            var workflows = sizes.ConcurrentWorkflows;
            using var ownDatabase = sharedHost is null ? store.CreateLocation() : null;
            using var ownHost = ownDatabase is null ? null : await StartHostAsync(ownDatabase, workflows, synchronous);
            var client = (ownHost ?? sharedHost!).Services.GetRequiredService<IWorkflowClient>();
            var start = Stopwatch.GetTimestamp();
            var handles = await Task.WhenAll(Enumerable.Range(0, workflows).Select(i => client.StartTenStepsAsync(i, randomIds ? Guid.NewGuid().ToString("N") : null)));
            await Task.WhenAll(handles.Select(h => h.GetResultAsync()));
            var perSecond = workflows * Sizes.StepsPerConcurrentWorkflow / Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (ownHost is not null)
            {
                await ownHost.StopAsync();
            }

            return perSecond;
        }

        public async ValueTask DisposeAsync()
        {
            if (sharedHost is not null)
            {
                await sharedHost.StopAsync();
                sharedHost.Dispose();
            }

            sharedDatabase?.Dispose();
        }
    }

    /// <summary>Goal 4: from the typed start method returning to the first step body running.</summary>
    public static async Task<Samples> StartLatencyAsync(BenchmarkStore store, Sizes sizes, Report report)
    {
        using var database = store.CreateLocation();
        using var host = await StartHostAsync(database);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var latencies = new List<double>();
        for (var i = 0; i < sizes.StartLatencySamples; i++)
        {
            StepProbe.Arm(1);
            var handle = await client.StartChainAsync(1, $"start{i}");
            var returned = Stopwatch.GetTimestamp();
            await handle.GetResultAsync();
            latencies.Add(Stopwatch.GetElapsedTime(returned, StepProbe.Stamps[0]).TotalMilliseconds);
        }

        await host.StopAsync();
        var samples = new Samples(latencies);
        report.Add($"{sizes.StartLatencySamples} starts, one after another", store.System, "ms start returned to step 1", samples);
        return samples;
    }

    /// <summary>Runs a chain to its end and returns the bytes the process allocated meanwhile (every thread).</summary>
    private static async Task<long> RunChainAsync(IStoreLocation database, int steps)
    {
        StepProbe.Arm(steps);
        using var host = await StartHostAsync(database);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var handle = await host.Services.GetRequiredService<IWorkflowClient>().StartChainAsync(steps, "chain");
        await handle.GetResultAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await host.StopAsync();
        return allocated;
    }

    public static Task<IHost> StartHostAsync(IStoreLocation database, int maxConcurrentWorkflows = 64, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full, TimeSpan? shutdownTimeout = null) =>
        StartHostAsync(database.Configure, maxConcurrentWorkflows, synchronous, shutdownTimeout);

    /// <summary>A host on the SQLite database <paramref name="connectionString"/> names.</summary>
    public static Task<IHost> StartHostAsync(string connectionString, int maxConcurrentWorkflows = 64) =>
        StartHostAsync(options => options.ConnectionString = connectionString, maxConcurrentWorkflows, SqliteSynchronousMode.Full, shutdownTimeout: null);

    private static async Task<IHost> StartHostAsync(Action<DurableWorkflowOptions> useStore, int maxConcurrentWorkflows, SqliteSynchronousMode synchronous, TimeSpan? shutdownTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddDurableWorkflows(options =>
        {
            useStore(options);
            options.MaxConcurrentWorkflows = maxConcurrentWorkflows;
            options.Synchronous = synchronous;
            if (shutdownTimeout is { } timeout)
            {
                options.ShutdownTimeout = timeout;
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
