using System.Diagnostics;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// Goal 1's chain without the engine: one leased instance's checkpoints, each with its step record, committed one after
/// another through the PostgreSQL store's own API (its group commit and its checkpoint statement), in a schema of its
/// own. Run in turns with the raw commit and the lone chain, it splits the chain's ratio to the raw commit into the
/// store's part and the engine's.
/// </summary>
internal sealed class StoreAloneCommits : IAsyncDisposable
{
    public const string Scenario = "checkpoints of one instance, the store alone (no engine)";

    private const string Id = "store-alone";
    private readonly PostgresSchema _schema;
    private readonly PostgresWorkflowStore _store;
    private readonly Sizes _sizes;
    private readonly string _system;
    private readonly List<double> _times = [];
    private int _commit;

    private StoreAloneCommits(PostgresSchema schema, PostgresWorkflowStore store, Sizes sizes, string system) =>
        (_schema, _store, _sizes, _system) = (schema, store, sizes, system);

    /// <param name="system">The report's system column, the lone chain's.</param>
    public static async Task<StoreAloneCommits> OpenAsync(string connectionString, Sizes sizes, string system)
    {
        var schema = new PostgresSchema(connectionString);
        var store = new PostgresWorkflowStore(
            new PostgresStoreOptions { ConnectionString = connectionString, Schema = schema.Name }, TimeProvider.System, "store-alone-" + Guid.NewGuid().ToString("N"));
        await store.InitializeAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(new WorkflowInstance(Id, "Chain", WorkflowStatus.Running, 0, 0, "layout", "{}", null, null, null, now, now), CancellationToken.None);
        var lease = await store.AcquireLeaseAsync(Id, TimeSpan.FromHours(1), maxStartsWithoutProgress: 10, CancellationToken.None);
        if (lease.Outcome != LeaseOutcome.Acquired)
        {
            throw new InvalidOperationException("The store-alone scenario could not lease its instance.");
        }

        return new StoreAloneCommits(schema, store, sizes, system);
    }

    /// <summary>One repeat: as many checkpoints as a repeat of the raw floor has commits.</summary>
    public async Task RepeatAsync()
    {
        for (var i = 0; i < _sizes.RawSingleRowCommits; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var commit = ++_commit;
            var now = DateTimeOffset.UtcNow;
            var step = new StepRecord(commit, commit, "Step", "null", 1, now, now);
            await _store.CommitCheckpointAsync(Id, new CheckpointCommit(commit, commit, "{}", step, [], CancellationDelivered: false, MayHaveWaits: false), CancellationToken.None);
            _times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public Samples Report(Report report) =>
        report.Add($"{_sizes.RawSingleRowCommits:N0} {Scenario}", _system, "ms per checkpoint", new Samples(_times)).Values;

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _schema.Dispose();
    }
}
