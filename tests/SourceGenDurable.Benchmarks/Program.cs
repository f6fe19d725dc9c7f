using System.Diagnostics;
using System.Globalization;
using SourceGenDurable;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.Benchmarks.Scenarios;

// The benchmark suite: SourceGenDurable, the raw SQLite floor and the peers, side by side in one run on one machine;
// then, when SGD_POSTGRES names a server, the same on PostgreSQL (see PostgresRuns; SGD_REQUIRE_POSTGRES=1 makes a
// missing SGD_POSTGRES an error). `--quick` shrinks every scenario so that the suite finishes in a few minutes (CI runs
// it to show the suite still works; its numbers are not for comparison). A full run writes docs/benchmarks.md;
// `--output <file>` writes elsewhere. `--scenario recovery`, `--scenario postgres`, `--scenario postgres-steps` (goal 1 alone), `--scenario postgres-throughput` (goal 3 alone), `--scenario analyzers`, `--scenario compiler` (the generator's runs) and `--scenario aot` run those scenarios alone (with
// `--quick` too), and write only to an `--output` given. With `--against <dll>`, `--scenario compiler` and `--scenario
// analyzers` time another build's generator or analyzers (a SourceGenDurable.Generators.dll or SourceGenDurable.Analyzers.dll)
// in turns with this build's, in this process, and report each pair's ratio.
if (args is [RecoveryRuns.ChildFlag, var childMode, var childDatabase, var childInstances])
{
    Environment.Exit(await RecoveryRuns.ChildAsync(childMode, childDatabase, int.Parse(childInstances, CultureInfo.InvariantCulture)));
}

// A mistyped argument must not start a full run: it takes half an hour and rewrites docs/benchmarks.md.
if (UnknownArgument(args) is { } unknown)
{
    if (unknown is not ("--help" or "-h"))
    {
        Console.Error.WriteLine($"Unknown argument '{unknown}'.");
    }

    Console.Error.WriteLine(
        "Usage: dotnet run -c Release --project tests/SourceGenDurable.Benchmarks -- [--quick] [--output <file>] [--scenario <name> [--against <dll>]]\n" +
        "  no --scenario: the whole suite; a full run writes docs/benchmarks.md unless --output names another file\n" +
        "  --scenario: recovery, postgres, postgres-steps, postgres-throughput, analyzers, compiler or aot, alone (written only to an --output given)\n" +
        "  --against: with compiler or analyzers, another build's SourceGenDurable.Generators.dll or SourceGenDurable.Analyzers.dll, timed in turns with this build's\n" +
        "  SGD_POSTGRES: a PostgreSQL connection string, for the PostgreSQL scenarios");
    return unknown is "--help" or "-h" ? 0 : 2;
}

if (PostgresRuns.MissingServer is { } missingServer)
{
    Console.Error.WriteLine(missingServer);
    return 1;
}

var quick = args.Contains("--quick");
var outputIndex = Array.IndexOf(args, "--output");
var output = outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : quick ? null : Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
var sizes = quick ? Sizes.Quick : Sizes.Full;
var report = new Report(quick);
var total = Stopwatch.StartNew();
var loadAtStart = Machine.LoadAverage();

Console.WriteLine($"SourceGenDurable benchmarks, {(quick ? "quick" : "full")} mode, {Environment.ProcessorCount} cores");

var scenarioIndex = Array.IndexOf(args, "--scenario");
if (scenarioIndex >= 0)
{
    switch (args.ElementAtOrDefault(scenarioIndex + 1))
    {
        case "recovery":
            RecoveryGoal(report, await RecoveryRuns.AfterKillAsync(sizes, report));
            break;
        case "postgres":
            await PostgresRuns.RunAsync(sizes, report, quick);
            break;
        case "postgres-steps":
            await PostgresRuns.StepsAsync(sizes, report, rounds: 3);
            break;
        case "postgres-throughput":
            await PostgresRuns.ThroughputAsync(sizes, report);
            break;
        case "analyzers" when Array.IndexOf(args, "--against") is var against && against >= 0:
            await CompilerRuns.AnalyzersAgainstAsync(sizes, report, args.ElementAtOrDefault(against + 1)
                ?? throw new ArgumentException("--against needs the path of another build's SourceGenDurable.Analyzers.dll."));
            break;
        case "analyzers":
            await CompilerRuns.AnalyzersAsync(sizes, report);
            break;
        case "aot":
            await NativeAotRuns.RunAsync(sizes, report, RepositoryRoot());
            break;
        case "compiler" when Array.IndexOf(args, "--against") is var against && against >= 0:
            await CompilerRuns.GeneratorsAgainstAsync(sizes, report, args.ElementAtOrDefault(against + 1)
                ?? throw new ArgumentException("--against needs the path of another build's SourceGenDurable.Generators.dll."));
            break;
        case "compiler":
            CompilerRuns.Generators(sizes, report);
            break;
        case var other:
            Console.Error.WriteLine($"--scenario '{other}' is not one that runs alone; those that do are 'recovery', 'postgres', 'postgres-steps', 'postgres-throughput', 'analyzers', 'compiler' and 'aot'.");
            return 1;
    }

    if (outputIndex >= 0 && output is not null)
    {
        await File.WriteAllTextAsync(output, report.ToMarkdown(DateTimeOffset.UtcNow));
        Console.WriteLine($"Wrote {output}");
    }

    return 0;
}

Console.WriteLine("Raw SQLite floor");
var floor = await RawSqliteFloor.RunAsync(sizes, report);

Console.WriteLine($"Sequential latency and flat resume (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
var sequential = await SourceGenDurableRuns.SequentialAsync(BenchmarkStore.Sqlite, sizes, report);
var chain = await SourceGenDurableRuns.LongChainAsync(sizes, report);
var resume = await SourceGenDurableRuns.ResumeAsync(BenchmarkStore.Sqlite, sizes, report);
var durableTaskChains = await DurableTaskRuns.ChainsAsync(sizes, report);

// Goal 2 asks for the per-step cost along SourceGenDurable's chain next to the Durable Task host's, in one table.
report.Table(
    "Per-step cost by chain length",
    $"Milliseconds per step, the median with the minimum and maximum; - where that length was not run. SourceGenDurable: steps n-9 to n of one chain of {sizes.LongChainSteps:N0} steps, that is a step once n have run. " +
    "Durable Task in-process host: an orchestration of n activities, its time divided by n, over its repeats (one at 1,000 activities and more); each of its steps replays the history before it.",
    ["Steps", "SourceGenDurable", "Durable Task in-process host"],
    chain.PerStepAt.Keys.Union(durableTaskChains.Keys).Order().Select(steps => new[] { steps.ToString("N0", CultureInfo.InvariantCulture), Cell(chain.PerStepAt, steps), Cell(durableTaskChains, steps) }));

Console.WriteLine($"Throughput (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
// The rates that goal 3 and the synchronous=NORMAL row compare are measured in turns, each repeat of one next to a
// repeat of the others, so that the machine's drift over minutes falls on all of them alike.
// Durable Task with its cap lifted runs goal 3's own workload, which the goal compares against, and the issue's
// orientation size of 200 orchestrations, reported beside it.
Samples throughput, throughputNormal, durableTaskCapLifted, durableTaskCapLiftedOrientation, ceiling;
await using (var full = await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Sqlite, sizes, SqliteSynchronousMode.Full))
await using (var normal = await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Sqlite, sizes, SqliteSynchronousMode.Normal))
await using (var capLifted = await DurableTaskRuns.StartThroughputWithCapLiftedAsync(sizes, sizes.ConcurrentWorkflows))
await using (var capLiftedOrientation = await DurableTaskRuns.StartThroughputWithCapLiftedAsync(sizes, sizes.DurableTaskOrchestrationsCapLifted))
await using (var rawCeiling = RawSqliteFloor.Ceiling(sizes))
{
    var rates = await ThroughputRuns.InTurnsAsync(report, sizes.ThroughputRepeats, full, normal, capLifted, capLiftedOrientation, rawCeiling);
    (throughput, throughputNormal, durableTaskCapLifted, durableTaskCapLiftedOrientation, ceiling) = (rates[0], rates[1], rates[2], rates[3], rates[4]);
}

var throughputHostPerRepeat = await ThroughputRuns.AloneAsync(report, sizes.Repeats, await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Sqlite, sizes, SqliteSynchronousMode.Full, hostPerRepeat: true));
var throughputRandomIds = await ThroughputRuns.AloneAsync(report, sizes.Repeats, await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Sqlite, sizes, SqliteSynchronousMode.Full, randomIds: true));
var hangfireSqlite = await HangfireRuns.ChainsAsync(HangfireRuns.Storage.Sqlite, sizes.HangfireChains, report);
var hangfireMemory = await HangfireRuns.ChainsAsync(HangfireRuns.Storage.InMemory, sizes.HangfireChains, report);
var durableTask = await DurableTaskRuns.ThroughputAsync(sizes, report);

Console.WriteLine($"Start latency (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
var start = await SourceGenDurableRuns.StartLatencyAsync(BenchmarkStore.Sqlite, sizes, report);

Console.WriteLine($"Timers and idle instances (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
var idle = await TimerRuns.IdleAsync(sizes, report);
var sameSecond = await TimerRuns.SameSecondAsync(sizes, report);
var single = await TimerRuns.SingleAsync(sizes, report);

Console.WriteLine($"Restart after a kill (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
var recovery = await RecoveryRuns.AfterKillAsync(sizes, report);

Console.WriteLine($"Generator and analyzers (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
var generator = CompilerRuns.Generators(sizes, report);
var analyzers = await CompilerRuns.AnalyzersAsync(sizes, report);

// The Native AOT publish takes minutes; CI already publishes and runs the sample natively, so the quick run leaves it out.
if (!quick)
{
    Console.WriteLine($"Native AOT sample and its JIT build: size and start-up (the suite so far: {total.Elapsed.TotalSeconds:0} s)");
    await NativeAotRuns.RunAsync(sizes, report, RepositoryRoot());
}

Console.WriteLine($"Goals (ratios of medians from this run; the suite so far: {total.Elapsed.TotalSeconds:0} s)");
report.Goal("1. per-step time of a 1,000-step chain <= 1.5x one raw single-row commit", Report.Ratio(sequential.Median, floor.CommitMilliseconds.Median), sequential.Median <= 1.5 * floor.CommitMilliseconds.Median);
var comparableChain = durableTaskChains.Keys.Where(k => k <= sizes.SequentialSteps).DefaultIfEmpty(durableTaskChains.Keys.Min()).Max();
report.Goal($"1. >= 10x faster per step than the Durable Task host at {comparableChain:N0} steps", Report.Ratio(durableTaskChains[comparableChain].Median, sequential.Median), durableTaskChains[comparableChain].Median >= 10 * sequential.Median);
report.Goal("2. per-step time late in a long chain (up to step 10,000) within 1.2x of steps 11-20", Report.Ratio(chain.Late.Median, chain.Early.Median), chain.Late.Median <= 1.2 * chain.Early.Median);
var (shortest, longest) = (resume.Keys.Min(), resume.Keys.Max());
report.Goal($"2. resume with {longest:N0} committed steps within 1.2x of {shortest:N0}", Report.Ratio(resume[longest].Median, resume[shortest].Median), resume[longest].Median <= 1.2 * resume[shortest].Median);
report.Goal("3. throughput >= 25% of raw SQLite at 1,000 rows per transaction", Report.Ratio(throughput.Median, ceiling.Median), throughput.Median >= 0.25 * ceiling.Median);
report.Goal("3. throughput >= 50x Hangfire on SQLite", Report.Ratio(throughput.Median, hangfireSqlite.Median), throughput.Median >= 50 * hangfireSqlite.Median);
report.Goal("3. throughput > Hangfire in memory", Report.Ratio(throughput.Median, hangfireMemory.Median), throughput.Median > hangfireMemory.Median);
report.Goal("3. throughput >= 20x the Durable Task host, default settings", Report.Ratio(throughput.Median, durableTask.Median), throughput.Median >= 20 * durableTask.Median);
report.Goal(
    $"3. throughput >= 20x the Durable Task host, concurrency cap lifted, on the same {sizes.ConcurrentWorkflows:N0} x {Sizes.StepsPerConcurrentWorkflow}",
    $"{Report.Ratio(throughput.Median, durableTaskCapLifted.Median)} (against its {sizes.DurableTaskOrchestrationsCapLifted:N0} orchestrations x {Sizes.StepsPerConcurrentWorkflow}: {Report.Ratio(throughput.Median, durableTaskCapLiftedOrientation.Median)})",
    throughput.Median >= 20 * durableTaskCapLifted.Median);
report.Goal("4. start latency p50 < 1 ms", $"{Report.Format(start.Median)} ms", start.Median < 1);
report.Goal($"5. {sizes.IdleInstances:N0} sleeping instances add < 50 MB to the working set", $"{Report.Format(idle.MegabytesAdded)} MB; {Report.Format(idle.BytesPerInstance)} bytes stored per instance, {Report.Format(idle.BytesPerCheckpoint)} per checkpoint", idle.MegabytesAdded < 50);
report.Goal($"6. {sizes.SameSecondTimers:N0} timers due in one second all fire within 1 s of due", $"latest {Report.Format(sameSecond.Max)} ms late (median {Report.Format(sameSecond.Median)} ms)", sameSecond.Max <= 1_000);
report.Goal("6. a single timer fires within 50 ms of due", $"{Report.Format(single.Max)} ms late at worst (median {Report.Format(single.Median)} ms)", single.Max <= 50);
report.Goal(
    "7. the generator's cold and incremental times and the analyzers' time for 200 workflows stay in the suite",
    $"generator: cold {Report.Format(generator.Cold.Median)} ms, incremental after one edit {Report.Format(generator.Incremental.Median)} ms (the attribute-only baseline: {Report.Format(generator.BaselineCold.Median)} ms and {Report.Format(generator.BaselineIncremental.Median)} ms); analyzers: {Report.Format(analyzers.Median)} ms per new compilation of 200 workflows and 1,000 helpers",
    true);
RecoveryGoal(report, recovery);
Console.WriteLine("What the optimizations bought (from this run's numbers)");
var perCheckpointCeiling = 1_000 / floor.CommitMilliseconds.Median;
report.Bought(
    "Group commit: many instances' checkpoints in one transaction, each instance continuing once it is durable",
    $"{Report.Format(throughput.Median)} steps/s at synchronous=FULL, {Report.Ratio(throughput.Median, perCheckpointCeiling)} the {Report.Format(perCheckpointCeiling)} checkpoints/s that one transaction per checkpoint could reach at best (one raw single-row commit takes {Report.Format(floor.CommitMilliseconds.Median)} ms here)");
report.Bought(
    "A checkpoint is one small write (prepared statements on the writer's connection)",
    $"{Report.Format(sequential.Median)} ms per step in a lone chain, {Report.Format(sequential.Median - floor.CommitMilliseconds.Median)} ms above the disk's single-row commit ({Report.Ratio(sequential.Median, floor.CommitMilliseconds.Median)})");
report.Bought(
    "Flat resume: load one row and jump to the saved state, no history replay",
    $"resuming {longest:N0} committed steps takes {Report.Ratio(resume[longest].Median, resume[shortest].Median)} the time of {shortest:N0}; the Durable Task host's per-step cost grows from {Report.Format(durableTaskChains[durableTaskChains.Keys.Min()].Median)} ms at {durableTaskChains.Keys.Min():N0} steps to {Report.Format(durableTaskChains[durableTaskChains.Keys.Max()].Median)} ms at {durableTaskChains.Keys.Max():N0}");
report.Bought(
    "Time-ordered ids for workflows started without one (version 7 GUIDs: the instances running now sit together at the end of every index keyed by instance id)",
    $"{Report.Format(throughput.Median)} steps/s with the ids the client makes, {Report.Ratio(throughput.Median, throughputRandomIds.Median)} the {Report.Format(throughputRandomIds.Median)} steps/s of the same run with a random id given to each workflow (measured after it, alone, on a database of its own that grew the same way)");
report.Bought(
    "synchronous=NORMAL (a user's choice, not the default: a power loss may drop the last commits)",
    $"{Report.Format(throughputNormal.Median)} steps/s, {Report.Ratio(throughputNormal.Median, throughput.Median)} FULL's throughput");
var optimizations = Path.Combine(AppContext.BaseDirectory, "optimizations.md");
if (File.Exists(optimizations))
{
    report.BoughtElsewhere(await File.ReadAllTextAsync(optimizations));
}

report.Note("SourceGenDurable's lone chain (goal 1's per-step time) runs unrecorded chains of the same length first, each in a host and database of its own, until one leaves the runtime nothing more to compile (at most 40), so that its repeats time steps rather than the runtime compiling the engine's code in the process.");
report.Note("Durable Task chains of 1,000 or more activities run once (a 3,000-step chain takes minutes); Hangfire's and default Durable Task's throughput runs once per mode.");
report.Note($"SourceGenDurable's throughput (FULL and NORMAL) and Durable Task's with its cap lifted (both sizes) each run all their repeats in one host, after {sizes.ThroughputWarmUps} unrecorded warm-up repeats of the same shape in it: the runtime's tiered JIT recompiles hot code for the first few hundred thousand steps of a process. SourceGenDurable's database keeps every earlier repeat's instances and steps. Hangfire's and default Durable Task's rates are set by their polling and dispatcher sleeps, not by the JIT.");
report.Note($"Those four throughput runs and raw SQLite's 1,000 rows per transaction (goal 3's ceiling, a new database for each repeat, as before) are measured in turns: {sizes.ThroughputRepeats} rounds, each running one repeat of every one of them (in reverse order every other round), every host staying up in between. This shared machine's speed drifts by tens of percent over minutes; measured one after the other, the ratio of two medians would carry that drift.");
report.Note($"SourceGenDurable's throughput with a new host and database per repeat, as earlier versions of this suite measured it, reads {Report.Ratio(throughputHostPerRepeat.Median, throughput.Median)} the one-host figure in this run. (In a profiling harness, a new host per round kept the runtime's JIT compiling each host's start-up code on the same two cores; the suite's two figures have differed by less than its run-to-run spread. See change 5 in the section on what each optimization bought.)");
report.Note("SourceGenDurable's throughput runs start their workflows without an id, so each gets the time-ordered one the client makes, as for a user who gives none; the row with random ids gives each workflow a Guid.NewGuid() of its own.");
report.Note("The restart after a kill runs two processes of this program: the first starts the instances with room to run all of them at once, and is killed (SIGKILL) once every one is blocked in its second step, holding a 30 s lease; the second starts a host with the default options (64 runs at once) on the same database and is timed from its host's start (not the process's, whose .NET start-up is not the engine's), to the first run of a resumed step and to the moment the store holds every instance as completed (polled every 5 ms). The goal's figures come from a second process that first ran one instance in a host of its own on another database, so that they time the recovery rather than the runtime compiling the hosting and engine code for the first time; the rows \"in a new process\" include that (about 250 ms of a host's start here). The rows \"with MaxConcurrentWorkflows\" restart with room to run every instance at once, as the killed host had: the first step then waits behind the lease claims of thousands of runs starting together.");
report.Note("Start latency is measured from the moment the caller's await of StartXAsync resumes: a start made where the worker has a free slot is handed to it already leased, so the first step can begin before that, and some samples are negative.");
report.Note($"Hangfire runs {sizes.HangfireChains:N0} chains of 10 jobs rather than 1,000: on SQLite it completes a few dozen jobs a second here, so 10,000 jobs would take minutes; its rate does not depend on the count.");
report.Note($"Durable Task with default settings runs {sizes.DurableTaskOrchestrations:N0} orchestrations rather than 200: at a few activities per second (its sidecar's full dispatchers sleep 500 ms before they look again), 200 x 10 would take about ten minutes.");
report.Note($"Durable Task with its concurrency cap lifted runs on the same sidecar, worker and client as with default settings, assembled from the package's public pieces around its in-memory orchestration service with the two cap properties re-implemented (the test host's StartAsync has no setting for them); the worker keeps its defaults. It runs goal 3's workload, {sizes.ConcurrentWorkflows:N0} orchestrations of 10 activities, which the goal compares against, and {sizes.DurableTaskOrchestrationsCapLifted:N0} orchestrations ({Sizes.Full.DurableTaskOrchestrationsCapLifted:N0} in a full run: the size the issue quotes it at, which earlier versions of this suite compared against; in this run {Report.Format(durableTaskCapLifted.Median)} and {Report.Format(durableTaskCapLiftedOrientation.Median)} steps/s). Each size has a host of its own.");

total.Stop();
var loadAtEnd = Machine.LoadAverage();
if (loadAtStart is not null && loadAtEnd is not null)
{
    report.Note(
        $"The suite took {total.Elapsed.TotalMinutes:0.0} minutes. Load average (1 minute) at its start {loadAtStart}, at its end {loadAtEnd}, on {Environment.ProcessorCount} cores" +
        (Math.Max(double.Parse(loadAtStart, System.Globalization.CultureInfo.InvariantCulture), double.Parse(loadAtEnd, System.Globalization.CultureInfo.InvariantCulture)) > 1.5
            ? ": other processes (builds, tests) were running on the machine while it ran, so the times are noisier and slower than on an idle machine; the ratios compare numbers taken under the same load."
            : "."));
}

// Last, in a section of their own with their own goals and notes (the note above covers the rest of the suite).
Console.WriteLine("PostgreSQL");
await PostgresRuns.RunAsync(sizes, report, quick);

Console.WriteLine($"Suite finished in {total.Elapsed.TotalSeconds:0} s");
if (output is not null)
{
    await File.WriteAllTextAsync(output, report.ToMarkdown(DateTimeOffset.UtcNow));
    Console.WriteLine($"Wrote {output}");
}

return 0;

static void RecoveryGoal(Report report, RecoveryRuns.Result recovery) =>
    report.Goal(
        $"8. a host restarted after a SIGKILL with {recovery.Instances:N0} instances in flight runs the first resumed step within 100 ms and finishes them all within 5 s",
        $"first step {Report.Format(recovery.FirstStep.Max)} ms, all {Report.Format(recovery.AllFinished.Max)} ms after the host's start, at worst (medians {Report.Format(recovery.FirstStep.Median)} and {Report.Format(recovery.AllFinished.Median)} ms; " +
        $"in a new process, whose runtime compiles the host's code first: {Report.Format(recovery.ColdFirstStep.Median)} and {Report.Format(recovery.ColdAllFinished.Median)} ms; " +
        $"with room to run all {recovery.Instances:N0} at once, as the killed host had: {Report.Format(recovery.WideFirstStep.Median)} and {Report.Format(recovery.WideAllFinished.Median)} ms; the dead host's leases ran for 30 s)",
        recovery.FirstStep.Max <= 100 && recovery.AllFinished.Max <= 5_000);

static string Cell(IReadOnlyDictionary<int, Samples> perStep, int steps) =>
    perStep.TryGetValue(steps, out var samples) ? $"{Report.Format(samples.Median)} ({Report.Format(samples.Min)}-{Report.Format(samples.Max)})" : "-";

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "SourceGenDurable.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run the suite from inside the repository (docs/benchmarks.md is written there), or pass --output <file>.");
}

// The first argument that is neither a known flag nor the value of one that takes a value; null when all are known.
static string? UnknownArgument(string[] args)
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--quick":
                continue;
            case "--output" or "--scenario" or "--against" when i + 1 < args.Length:
                i++;
                continue;
            default:
                return args[i];
        }
    }

    return null;
}
