using System.Diagnostics;
using Npgsql;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// The PostgreSQL scenarios, side by side on one server: the raw floor (Npgsql alone), SourceGenDurable on its
/// PostgreSQL store, and Hangfire on its PostgreSQL storage, each in schemas of its own made for the run and dropped
/// after it; then the goals that compare them. The server is the one <see cref="Variable"/> names; without it the
/// scenarios are reported as not run, unless <see cref="RequireVariable"/> is 1 (CI), which makes that a failure.
/// </summary>
internal static class PostgresRuns
{
    public const string Variable = "SGD_POSTGRES";

    public const string RequireVariable = "SGD_REQUIRE_POSTGRES";

    private const string Title = "PostgreSQL";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL scenarios cannot run when they must, or null when they can (or may be left out).</summary>
    public static string? MissingServer =>
        ConnectionString is null && Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? $"{RequireVariable}=1 but {Variable} is not set: start a server (../shared/scripts/postgres-start prints its connection string) and export that string as {Variable}."
            : null;

    public static async Task RunAsync(Sizes sizes, Report report, bool quick)
    {
        if (ConnectionString is not { } connectionString)
        {
            var reason = $"not run: {Variable} is not set";
            report.BeginSection(Title, $"Not run: {Variable} is not set, so there was no server to measure on. Set it to an Npgsql connection string (../shared/scripts/postgres-start starts a local server and prints one).");
            foreach (var goal in Goals(sizes))
            {
                report.Goal(goal, reason, null);
            }

            return;
        }

        var loadAtStart = Machine.LoadAverage();
        var took = Stopwatch.StartNew();
        report.BeginSection(Title, await DescribeAsync(connectionString, quick));

        var store = BenchmarkStore.Postgres(connectionString);
        Console.WriteLine("The raw single-row commit and SourceGenDurable's lone chain on PostgreSQL, in turns");
        var (commit, storeAlone, sequential) = await LoneChainAgainstRawCommitAsync(connectionString, store, sizes, report);
        Console.WriteLine($"SourceGenDurable on PostgreSQL: flat resume ({took.Elapsed.TotalSeconds:0} s so far)");
        var resume = await SourceGenDurableRuns.ResumeAsync(store, sizes, report);

        Console.WriteLine($"Throughput on PostgreSQL ({took.Elapsed.TotalSeconds:0} s so far)");
        var (throughput, unnest, copy, engine) = await ThroughputInTurnsAsync(connectionString, sizes, report);
        var ceiling = unnest.Median >= copy.Median ? unnest : copy;
        var hangfire = await HangfireRuns.ChainsAsync(HangfireRuns.Storage.Postgres(connectionString), sizes.HangfirePostgresChains, report);

        Console.WriteLine($"Start latency on PostgreSQL ({took.Elapsed.TotalSeconds:0} s so far)");
        await SourceGenDurableRuns.StartLatencyAsync(store, sizes, report);

        var (shortest, longest) = (resume.Keys.Min(), resume.Keys.Max());
        var goals = Goals(sizes);
        report.Goal(
            goals[0],
            $"{Report.Ratio(sequential.Median, commit.Median)} ({Report.Format(sequential.Median)} ms per step, {Report.Format(commit.Median)} ms per commit)",
            sequential.Median <= 1.5 * commit.Median);
        report.Goal(
            goals[1],
            $"{Report.Ratio(resume[longest].Median, resume[shortest].Median)} ({Report.Format(resume[longest].Median)} ms against {Report.Format(resume[shortest].Median)} ms)",
            resume[longest].Median <= 1.2 * resume[shortest].Median);
        report.Goal(
            goals[2],
            $"{Report.Ratio(throughput.Median, ceiling.Median)} ({Report.Format(throughput.Median)} steps/s against {Report.Format(ceiling.Median)} rows/s)",
            throughput.Median >= 0.25 * ceiling.Median);
        report.Goal(
            goals[3],
            $"{Report.Ratio(throughput.Median, hangfire.Median)} ({Report.Format(throughput.Median)} steps/s against {Report.Format(hangfire.Median)})",
            throughput.Median >= 20 * hangfire.Median);

        report.Note(
            $"The raw floor: one prepared INSERT of a 200-byte row in autocommit (one round trip and one commit) per sample, on one open connection, with synchronous_commit on as the server has it. " +
            $"It is measured with Npgsql's synchronous and asynchronous calls in turns (the asynchronous call's answer comes back through the thread pool); the goal takes the faster median of the two, {Report.Format(commit.Median)} ms. " +
            $"A repeat of these commits runs before each repeat of the lone chain ({sizes.Repeats} of each), so that both are measured under the same conditions.");
        report.Note(
            $"The ceiling: {sizes.RawBatchedRows:N0} rows, 1,000 to a transaction, written as one prepared INSERT ... SELECT unnest($1::text[]) per transaction (one round trip each) and as a binary COPY per transaction; " +
            $"the goal takes the faster ({Report.Format(ceiling.Median)} rows/s, {(ceiling == unnest ? "INSERT ... SELECT unnest" : "binary COPY")}). Each repeat starts on an emptied table.");
        report.Note(
            $"SourceGenDurable's throughput and the two ceilings are measured in turns ({sizes.ThroughputRepeats} rounds, the order reversed every other round), after {sizes.ThroughputWarmUps} unrecorded warm-up repeats of SourceGenDurable in its host, " +
            "which stays up throughout on one schema that keeps every repeat's instances; its workflows are started without ids.");
        report.Note(
            $"The engine over the memory store (samples/MemoryStore, nothing durable, no server), in the same turns: {Report.Format(engine.Median)} steps/s, {Report.Ratio(engine.Median, throughput.Median)} the rate on PostgreSQL. " +
            "It is not a peer: it bounds what the engine itself, with a store that does almost nothing, reaches on these cores, where on PostgreSQL the server shares them.");
        report.Note(
            $"The store alone: the same number of checkpoints of one leased instance, each with its step record, committed one after another through the store's own API (its group commit and its checkpoint statement) with no engine, " +
            $"a repeat of them after each repeat of the raw commits. {Report.Format(storeAlone.Median)} ms per checkpoint, {Report.Ratio(storeAlone.Median, commit.Median)} the raw commit, against the lone chain's {Report.Ratio(sequential.Median, commit.Median)}: " +
            "what lies between the raw commit and the store alone is the store's, the rest the engine's.");
        report.Note("The lone chain runs unrecorded chains of the same length first, each in a host and schema of its own, until one leaves the runtime nothing more to compile (at most 40), so that its repeats time steps rather than the runtime compiling the engine's and the store's code in the process.");
        report.Note(
            $"The resume scenario's histories are made by running the steps (one chain of {longest:N0} steps), not by writing rows; each resume starts a new host on the same schema, timed to the next step's start.");
        report.Note(
            $"Hangfire runs {sizes.HangfirePostgresChains:N0} chains of 10 continuation jobs rather than 1,000, once, enqueued while its server runs as on SQLite, with its default workers, its queue polled every 100 ms and its long polling on (a worker waits for the server's notification of a new job). " +
            "It completes a few jobs a second here, so 10,000 would take about half an hour; its rate did not depend on the count in probes (20 and 50 chains). " +
            "Where its time goes: the client's ContinueJobWith and the workers' state changes take Hangfire.PostgreSql's distributed lock on the same jobs, and a lock found taken is tried again after a sleep of up to 1 s. " +
            "In a probe (load average 17-31), 20 chains created before its server started ran at 29.7 steps/s, against 3.2 when created while it ran.");
        var loadAtEnd = Machine.LoadAverage();
        report.Note($"The PostgreSQL scenarios took {took.Elapsed.TotalMinutes:0.0} minutes. Load average (1 minute) at their start {loadAtStart ?? "unknown"}, at their end {loadAtEnd ?? "unknown"}, on {Environment.ProcessorCount} cores; the server runs on the same machine.");
        var findings = Path.Combine(AppContext.BaseDirectory, "postgres-profile.md");
        if (File.Exists(findings))
        {
            report.SectionFindings(await File.ReadAllTextAsync(findings));
        }
    }

    /// <summary>
    /// Goal 1 alone, for comparing builds: the raw single-row commit and the lone chain's step, measured in turns for
    /// <paramref name="rounds"/> rounds, each round's ratio printed.
    /// </summary>
    public static async Task StepsAsync(Sizes sizes, Report report, int rounds)
    {
        var connectionString = ServerFor("postgres-steps");
        var store = BenchmarkStore.Postgres(connectionString);
        for (var round = 1; round <= rounds; round++)
        {
            var (commit, storeAlone, step) = await LoneChainAgainstRawCommitAsync(connectionString, store, sizes, report);
            Console.WriteLine(
                $"round {round}: {Report.Format(step.Median)} ms per step, {Report.Format(commit.Median)} ms per commit: {Report.Ratio(step.Median, commit.Median)}; " +
                $"the store alone {Report.Format(storeAlone.Median)} ms: {Report.Ratio(storeAlone.Median, commit.Median)} (load {Machine.LoadAverage() ?? "unknown"})");
        }
    }

    /// <summary>
    /// Goal 1's two sides, a repeat of the raw single-row commits before each repeat of the lone chain, so that a change
    /// in the machine's load during the run weighs on both (it swung the ratio when one side ran after the other); and
    /// between them a repeat of the store's checkpoints without the engine, which splits the chain's ratio into the
    /// store's part and the engine's.
    /// </summary>
    private static async Task<(Samples Commit, Samples StoreAlone, Samples Step)> LoneChainAgainstRawCommitAsync(
        string connectionString, BenchmarkStore store, Sizes sizes, Report report)
    {
        await using var commits = await RawPostgresFloor.SingleRowCommits.OpenAsync(connectionString, sizes);
        await using var storeAlone = await StoreAloneCommits.OpenAsync(connectionString, sizes, store.System);
        var step = await SourceGenDurableRuns.SequentialAsync(store, sizes, report, async () =>
        {
            await commits.RepeatAsync();
            await storeAlone.RepeatAsync();
        });
        return (commits.Report(report), storeAlone.Report(report), step);
    }

    /// <summary>
    /// Goal 3 alone, for comparing builds: SourceGenDurable's throughput and the raw ceilings, measured in turns as the
    /// full run measures them, the ratio printed.
    /// </summary>
    public static async Task ThroughputAsync(Sizes sizes, Report report)
    {
        var (ours, unnest, copy, engine) = await ThroughputInTurnsAsync(ServerFor("postgres-throughput"), sizes, report);
        var ceiling = Math.Max(unnest.Median, copy.Median);
        Console.WriteLine($"{Report.Format(ours.Median)} steps/s, ceiling {Report.Format(ceiling)} rows/s: {Report.Ratio(ours.Median, ceiling)} (load {Machine.LoadAverage() ?? "unknown"})");
        Console.WriteLine($"The engine over the memory store: {Report.Format(engine.Median)} steps/s, {Report.Ratio(engine.Median, ours.Median)} the rate on PostgreSQL");
    }

    /// <summary>
    /// Goal 3's runs in turns: SourceGenDurable on PostgreSQL, the two raw ceilings, and the engine over the sample
    /// memory store, which bounds what the engine alone (with a store that does almost nothing) can reach on this machine.
    /// </summary>
    private static async Task<(Samples Ours, Samples Unnest, Samples Copy, Samples Engine)> ThroughputInTurnsAsync(string connectionString, Sizes sizes, Report report)
    {
        var ceilings = RawPostgresFloor.Ceilings(connectionString, sizes);
        await using var ours = await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Postgres(connectionString), sizes, SqliteSynchronousMode.Full);
        await using var engine = await SourceGenDurableRuns.StartThroughputAsync(BenchmarkStore.Memory, sizes, SqliteSynchronousMode.Full);
        await using (ceilings[0])
        await using (ceilings[1])
        {
            var rates = await ThroughputRuns.InTurnsAsync(report, sizes.ThroughputRepeats, ours, ceilings[0], ceilings[1], engine);
            return (rates[0], rates[1], rates[2], rates[3]);
        }
    }

    /// <summary>The server a scenario that runs alone measures on; it cannot run without one.</summary>
    private static string ServerFor(string scenario) =>
        ConnectionString ?? throw new InvalidOperationException($"--scenario {scenario} needs a server: set {Variable}.");

    /// <summary>The goals the PostgreSQL scenarios check, in the order <see cref="RunAsync"/> reports them.</summary>
    private static string[] Goals(Sizes sizes) =>
    [
        $"1. per-step time of a {sizes.SequentialSteps:N0}-step chain <= 1.5x one raw single-row commit",
        $"2. resume with {sizes.ResumeHistories.Max():N0} committed steps within 1.2x of {sizes.ResumeHistories.Min():N0}",
        "3. throughput >= 25% of raw PostgreSQL at 1,000 rows per transaction",
        "3. throughput >= 20x Hangfire on PostgreSQL",
    ];

    /// <summary>The section's opening: when, on which build and which server, with its durability settings.</summary>
    private static async Task<string> DescribeAsync(string connectionString, bool quick)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var settings = new NpgsqlCommand(
            "SELECT current_setting('server_version'), current_setting('synchronous_commit'), current_setting('fsync'), current_setting('wal_sync_method'), current_setting('full_page_writes');",
            connection);
        await using var reader = await settings.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"Measured on {DateTimeOffset.UtcNow:yyyy-MM-dd} at commit {Machine.Commit()}, {(quick ? "quick mode (small sizes; not for comparison)" : "full mode")}, " +
               $"on PostgreSQL {reader.GetString(0)} at {builder.Host}:{builder.Port} on this machine (synchronous_commit={reader.GetString(1)}, fsync={reader.GetString(2)}, wal_sync_method={reader.GetString(3)}, full_page_writes={reader.GetString(4)}). " +
               $"Reproduce with `{Variable}='<connection string>' dotnet run -c Release --project tests/SourceGenDurable.Benchmarks -- --scenario postgres` (add `--quick` for a smoke run). " +
               "Every system works in schemas of its own, made for the run and dropped after it; ratios compare medians measured in this same run.";
    }
}
