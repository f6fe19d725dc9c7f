using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. The writes on a workflow's hot path (start, lease, checkpoint, durable
/// waits, events, cancellation, waking due timers, finish) go through one writer that commits whatever has queued as one
/// transaction (group commit); every write is atomic on its own, and with the default <c>synchronous=FULL</c> a committed
/// checkpoint survives power loss before its task completes. The rarer writes (rejecting an event payload, resuming a
/// set-aside instance) go through the same writer. One partial file per concern: the checkpoint commit is in
/// SqliteWorkflowStore.Checkpoints.cs, the lease guard in SqliteWorkflowStore.LeaseGuard.cs.
/// </summary>
internal sealed partial class SqliteWorkflowStore : IWorkflowStore, IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly string _dataSource;

    /// <summary>The database's file, or null when it has none (in memory, a URI): no owner-only creation, no lock files then.</summary>
    private readonly string? _databaseFile;
    private readonly bool _createsFile;
    private readonly ILogger _logger;
    private readonly string _synchronous;
    private readonly TimeProvider _timeProvider;
    private readonly SqliteGroupCommit _writer;
    private readonly SqliteReadConnections _readers;
    private readonly Action<SqlitePreparedStatement> _bindGuardConstants;

    /// <summary>Creates a store over the SQLite database that <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="timeProvider">The clock for the stored timestamps.</param>
    /// <param name="synchronous">The <c>PRAGMA synchronous</c> level; FULL unless the user chooses otherwise.</param>
    /// <param name="workerId">The owner of the leases this store takes; unique among live processes. A new one when null.</param>
    /// <param name="logger">Where the store reports taking over a dead worker's instances, and why it cannot tell dead workers.</param>
    public SqliteWorkflowStore(
        string connectionString, TimeProvider timeProvider, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full, string? workerId = null, ILogger<SqliteWorkflowStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _dataSource = string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? builder.DataSource
            : Path.GetFullPath(builder.DataSource);
        _databaseFile = builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : _dataSource;
        _createsFile = builder.Mode == SqliteOpenMode.ReadWriteCreate;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _connectionString = builder.ToString();
        _timeProvider = timeProvider;
        _synchronous = synchronous.ToString().ToUpperInvariant();
        _writer = new SqliteGroupCommit(OpenForWriting);
        _readers = new SqliteReadConnections(OpenForReading);
        _bindGuardConstants = BindGuardConstants;
        WorkerId = workerId ?? DurableWorkflowOptions.CreateWorkerId();
    }

    /// <inheritdoc />
    public string WorkerId { get; }

    /// <summary>Lets queued writes commit, then stops the writer and closes the idle read connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _readers.Dispose();
        ReleaseWorkerLock();
    }

    /// <summary>Lets queued writes commit, then stops the writer (hosts disposed synchronously end here).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
