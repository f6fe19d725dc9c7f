using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. The writes on a workflow's hot path (start, lease, checkpoint, durable
/// waits, events, cancellation, waking due timers, finish) go through one writer that commits whatever has queued as one
/// transaction (group commit); every write is atomic on its own, and with the default <c>synchronous=FULL</c> a committed
/// checkpoint survives power loss before its task completes. The rare writes left (rejecting an event payload, resuming
/// a set-aside instance) take their own transactions, which SQLite serializes with the writer's.
/// </summary>
internal sealed partial class SqliteWorkflowStore : IWorkflowStore, IAsyncDisposable, IDisposable
{
    // An instance's key never changes (an INTEGER PRIMARY KEY survives VACUUM); the step history is keyed by it rather
    // than by the id text, so that each step's entry is a few bytes next to its instance's earlier ones, whatever the
    // ids look like.
    private const string InstancesTable = """
        (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            status INTEGER NOT NULL,
            state INTEGER NOT NULL,
            commits INTEGER NOT NULL,
            layout_fingerprint TEXT NOT NULL,
            slots TEXT NOT NULL,
            result TEXT NULL,
            error TEXT NULL,
            set_aside_reason TEXT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            wake_at INTEGER NULL,
            awaited_event TEXT NULL,
            cancellation INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_expires_at INTEGER NULL,
            starts INTEGER NOT NULL DEFAULT 0,
            poisoned INTEGER NOT NULL DEFAULT 0,
            parent_id TEXT NULL
        )
        """;

    private const string StepsTable = """
        (
            instance_key INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            name TEXT NOT NULL,
            result TEXT NULL,
            attempts INTEGER NOT NULL,
            completed_at INTEGER NOT NULL,
            started_at INTEGER NULL,
            PRIMARY KEY (instance_key, sequence)
        )
        """;

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS workflow_instances {InstancesTable};
        CREATE INDEX IF NOT EXISTS ix_workflow_instances_status ON workflow_instances (status);
        CREATE INDEX IF NOT EXISTS ix_workflow_instances_created ON workflow_instances (created_at, id);
        CREATE TABLE IF NOT EXISTS workflow_steps {StepsTable};
        CREATE TABLE IF NOT EXISTS workflow_branches (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            fan_out INTEGER NOT NULL,
            branch INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            name TEXT NOT NULL,
            result TEXT NULL,
            attempts INTEGER NOT NULL,
            completed_at INTEGER NOT NULL,
            started_at INTEGER NULL,
            PRIMARY KEY (instance_id, sequence, fan_out, branch)
        );
        CREATE TABLE IF NOT EXISTS workflow_waits (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            event_name TEXT NULL,
            due_at INTEGER NULL,
            outcome INTEGER NOT NULL,
            event_sequence INTEGER NULL,
            PRIMARY KEY (instance_id, sequence, ordinal)
        );
        CREATE TABLE IF NOT EXISTS workflow_events (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            name TEXT NOT NULL,
            payload TEXT NOT NULL,
            raised_at INTEGER NOT NULL,
            consumed_by_commit INTEGER NULL,
            rejected_reason TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_workflow_events_inbox ON workflow_events (instance_id, name, sequence)
            WHERE consumed_by_commit IS NULL AND rejected_reason IS NULL;
        CREATE TABLE IF NOT EXISTS workflow_step_attempts (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            attempt INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            name TEXT NOT NULL,
            error_type TEXT NOT NULL,
            message TEXT NOT NULL,
            stack TEXT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NOT NULL,
            final INTEGER NOT NULL,
            PRIMARY KEY (instance_id, sequence, ordinal, attempt)
        );
        """;

    // Columns added after the first release: a database created by it gets them when a newer host opens it.
    private static readonly (string Table, string Name, string Definition)[] AddedColumns =
    [
        ("workflow_instances", "wake_at", "INTEGER NULL"),
        ("workflow_instances", "awaited_event", "TEXT NULL"),
        ("workflow_instances", "cancellation", "INTEGER NOT NULL DEFAULT 0"),
        ("workflow_instances", "lease_owner", "TEXT NULL"),
        ("workflow_instances", "lease_expires_at", "INTEGER NULL"),
        ("workflow_instances", "starts", "INTEGER NOT NULL DEFAULT 0"),
        ("workflow_instances", "poisoned", "INTEGER NOT NULL DEFAULT 0"),
        ("workflow_instances", "parent_id", "TEXT NULL"),
        ("workflow_steps", "started_at", "INTEGER NULL"),
    ];

    private const string WaitOpen = "0";
    private const string WaitTimedOut = "1";
    private const string WaitRejected = "2";

    private const string SelectInstance = $"SELECT {InstanceColumns} FROM workflow_instances WHERE id = $id;";

    private const string InstanceColumns =
        "id, name, status, state, commits, layout_fingerprint, slots, result, error, set_aside_reason, created_at, updated_at, wake_at, awaited_event, cancellation, lease_owner, lease_expires_at, starts, poisoned, parent_id";

    private const string StepColumns = "sequence, checkpoint, name, result, attempts, completed_at, started_at";

    /// <summary>The key of the instance whose id is bound to <c>$id</c>: the step history is keyed by it.</summary>
    private const string KeyOfInstance = "(SELECT key FROM workflow_instances WHERE id = $id)";

    private const string EventColumns = "sequence, name, payload, raised_at, consumed_by_commit, rejected_reason";

    private const string AttemptColumns = "sequence, ordinal, checkpoint, name, attempt, error_type, message, stack, started_at, ended_at, final";

    private const string Sleeping = "4";
    private const string Waiting = "5";
    private const string Unfinished = "(0, 3, 4, 5)";

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

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_databaseFile is not null && _createsFile)
            {
                OwnerOnlyFiles.CreateDatabase(_databaseFile);
            }

            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, null, Schema, cancellationToken).ConfigureAwait(false);
            foreach (var table in AddedColumns.GroupBy(c => c.Table))
            {
                var columns = new HashSet<string>(StringComparer.Ordinal);
                await using (var info = connection.CreateCommand())
                {
                    info.CommandText = $"PRAGMA table_info({table.Key});";
                    await using var reader = await info.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        columns.Add(reader.GetString(1));
                    }
                }

                foreach (var (_, name, definition) in table.Where(c => !columns.Contains(c.Name)))
                {
                    await ExecuteAsync(connection, null, $"ALTER TABLE {table.Key} ADD COLUMN {name} {definition};", cancellationToken).ConfigureAwait(false);
                }
            }

            await KeyStepHistoryAsync(connection, cancellationToken).ConfigureAwait(false);

            await ExecuteAsync(
                connection,
                null,
                "CREATE INDEX IF NOT EXISTS ix_workflow_instances_wake ON workflow_instances (wake_at) WHERE wake_at IS NOT NULL;",
                cancellationToken).ConfigureAwait(false);
            await TakeWorkerLockAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new DurableStoreException(
                $"Cannot open the SQLite database '{_dataSource}': {e.Message} Check that its folder exists, that this process may write there, " +
                "and that the file is a SQLite database; or point SourceGenDurable:ConnectionString elsewhere.",
                e);
        }
    }

    /// <summary>
    /// Rebuilds a database made before instances had a key (their id was the primary key, and the step history was keyed
    /// by it): the instances get their rowid as key and every step row its instance's key, in one transaction that
    /// fails rather than leave a step behind. Run before any other connection of this store writes.
    /// </summary>
    private static async Task KeyStepHistoryAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await HasColumnAsync(connection, "workflow_instances", "key", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // IMMEDIATE: of two hosts opening the same old database at once, the second waits here and then finds it rebuilt.
        await ExecuteAsync(connection, null, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await HasColumnAsync(connection, "workflow_instances", "key", cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(
                    connection,
                    null,
                    $"""
                    CREATE TABLE workflow_instances_keyed {InstancesTable};
                    INSERT INTO workflow_instances_keyed (key, {InstanceColumns}) SELECT rowid, {InstanceColumns} FROM workflow_instances;
                    DROP TABLE workflow_instances;
                    ALTER TABLE workflow_instances_keyed RENAME TO workflow_instances;
                    CREATE TABLE workflow_steps_keyed {StepsTable};
                    INSERT INTO workflow_steps_keyed (instance_key, {StepColumns})
                        SELECT (SELECT key FROM workflow_instances WHERE id = instance_id), {StepColumns}
                        FROM workflow_steps WHERE instance_id IN (SELECT id FROM workflow_instances);
                    """,
                    cancellationToken).ConfigureAwait(false);
                var orphans = await ScalarAsync(
                    connection,
                    "SELECT (SELECT COUNT(*) FROM workflow_steps) - (SELECT COUNT(*) FROM workflow_steps_keyed);",
                    cancellationToken).ConfigureAwait(false);
                if (orphans != 0)
                {
                    throw new DurableStoreException(
                        $"{orphans} rows of workflow_steps name an instance that workflow_instances does not hold, so the step history cannot be keyed by " +
                        "instance. Nothing was changed. Restore those instances or delete those step rows, then start the host again.");
                }

                await ExecuteAsync(
                    connection,
                    null,
                    "DROP TABLE workflow_steps; ALTER TABLE workflow_steps_keyed RENAME TO workflow_steps;",
                    cancellationToken).ConfigureAwait(false);
                // The instances' indexes went with their old table.
                await ExecuteAsync(connection, null, Schema, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, null, "COMMIT;", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                await ExecuteAsync(connection, null, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';", cancellationToken).ConfigureAwait(false) == 1;

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, sql, []);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var created = Execute(
                    statements,
                    $"""
                    INSERT INTO workflow_instances ({InstanceColumns})
                    VALUES ($id, $name, $status, $state, 0, $fingerprint, $slots, NULL, NULL, NULL, $now, $now, NULL, NULL, 0, $owner, $expires, $starts, 0, $parent)
                    ON CONFLICT (id) DO NOTHING;
                    """,
                    ("$id", instance.Id),
                    ("$name", instance.Name),
                    ("$status", (int)instance.Status),
                    ("$state", instance.State),
                    ("$fingerprint", instance.LayoutFingerprint),
                    ("$slots", instance.Slots),
                    ("$now", instance.CreatedAt.ToUnixTimeMilliseconds()),
                    ("$owner", (object?)instance.LeaseOwner ?? DBNull.Value),
                    ("$expires", (object?)instance.LeaseExpiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value),
                    ("$starts", instance.Starts),
                    ("$parent", (object?)instance.ParentId ?? DBNull.Value)) == 1;
                if (created)
                {
                    // The row is what was just inserted (timestamps stored to the millisecond): no need to read it back.
                    static DateTimeOffset Stored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
                    var at = Stored(instance.CreatedAt);
                    return (new WorkflowInstance(
                        instance.Id, instance.Name, instance.Status, instance.State, 0, instance.LayoutFingerprint, instance.Slots, null, null, null, at, at,
                        LeaseOwner: instance.LeaseOwner,
                        LeaseExpiresAt: instance.LeaseExpiresAt is { } expires ? Stored(expires) : null,
                        Starts: instance.Starts,
                        ParentId: instance.ParentId), true);
                }

                var stored = ReadInstance(statements, instance.Id)
                    ?? throw new InvalidOperationException($"Instance '{instance.Id}' vanished right after it was inserted.");
                return (stored, false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(statements => ReadAll(statements.For(SelectInstance, [("$id", id)]), ReadInstance) is [var instance] ? instance : null, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken)
    {
        await ExpireLeasesOfDeadWorkersAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync<IReadOnlyList<string>>(
            statements =>
            {
                var select = statements.For(
                    """
                    SELECT id FROM workflow_instances
                    WHERE status IN ($running, $pending) AND poisoned = 0 AND (lease_owner IS NULL OR lease_expires_at <= $now)
                    ORDER BY created_at, id;
                    """);
                select.Set("$now", Now());
                select.Set("$running", (int)WorkflowStatus.Running);
                select.Set("$pending", (int)WorkflowStatus.Pending);
                return ReadAll(select, reader => reader.GetString(0));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync<DateTimeOffset?>(
            statements =>
            {
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
                    WHERE status IN ({Sleeping}, {Waiting}) AND wake_at <= $due;
                    """,
                    ("$running", (int)WorkflowStatus.Running),
                    ("$due", now.ToUnixTimeMilliseconds()),
                    ("$now", Now()));
                var next = statements.For($"SELECT MIN(wake_at) FROM workflow_instances WHERE status IN ({Sleeping}, {Waiting});").ExecuteScalar();
                return next is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _writer.WriteAsync(static (statements, write) => write.Store.CommitCheckpoint(statements, write.Id, write.Commit), (Store: this, Id: id, Commit: commit), cancellationToken);
    }

    /// <summary>Commits a checkpoint on the writer's connection; returns whether a cancellation is requested and not yet delivered.</summary>
    private bool CommitCheckpoint(SqliteStatements statements, string id, CheckpointCommit commit)
    {
        // The guards on the commit count and the lease come first: when another run got there first, or another
        // worker took the instance over, nothing is written. A commit is progress, so the start count restarts.
        // Almost always no cancellation is pending, and the first statement alone commits; otherwise the second
        // one learns of it (and marks it delivered once the workflow has received it).
        SqlitePreparedStatement Guarded(string sql) =>
            statements.Prepared(sql, _bindGuardConstants)
                .Bind("$commit", commit.Commit)
                .Bind("$id", id)
                .Bind("$state", commit.State)
                .Bind("$slots", commit.Slots)
                .Bind("$now", Now());

        var cancellationRequested = false;
        var committed = Guarded(
            """
            UPDATE workflow_instances SET state = $state, commits = $commit, slots = $slots, updated_at = $now, starts = 0
            WHERE id = $id AND status = $running AND commits = $commit - 1 AND lease_owner = $owner AND cancellation <> $requested;
            """).ExecuteNonQuery() == 1;
        if (!committed)
        {
            committed = Guarded(
                """
                UPDATE workflow_instances SET state = $state, commits = $commit, slots = $slots, updated_at = $now, starts = 0,
                    cancellation = CASE WHEN $delivered THEN $done ELSE cancellation END
                WHERE id = $id AND status = $running AND commits = $commit - 1 AND lease_owner = $owner AND cancellation = $requested;
                """)
                .Bind("$delivered", commit.CancellationDelivered ? 1 : 0)
                .Bind("$done", (int)CancellationState.Delivered)
                .ExecuteNonQuery() == 1;
            cancellationRequested = !commit.CancellationDelivered;
        }

        if (!committed)
        {
            throw new InvalidOperationException(
                $"Instance '{id}' is not running, its commit {commit.Commit} was made by another run, or worker '{WorkerId}' no longer holds its lease " +
                $"(it expired and another worker took the instance over), so checkpoint {commit.State} is not committed.");
        }

        if (commit.Step is { } step)
        {
            statements.Prepared(
                $"""
                INSERT INTO workflow_steps (instance_key, {StepColumns})
                VALUES ({KeyOfInstance}, $sequence, $checkpoint, $name, $result, $attempts, $completed, $started);
                """)
                .Bind("$id", id)
                .Bind("$sequence", commit.Commit)
                .Bind("$checkpoint", step.Checkpoint)
                .Bind("$name", step.Name)
                .Bind("$result", step.Result)
                .Bind("$attempts", step.Attempts)
                .Bind("$completed", step.CompletedAt.ToUnixTimeMilliseconds())
                .Bind("$started", step.StartedAt?.ToUnixTimeMilliseconds())
                .ExecuteNonQuery();
        }

        foreach (var consumed in commit.ConsumedEvents)
        {
            var taken = Execute(
                statements,
                """
                UPDATE workflow_events SET consumed_by_commit = $commit
                WHERE sequence = $sequence AND instance_id = $id AND consumed_by_commit IS NULL AND rejected_reason IS NULL;
                """,
                ("$commit", commit.Commit),
                ("$sequence", consumed),
                ("$id", id));
            if (taken != 1)
            {
                // The savepoint of this write rolls back the instance update above with it.
                throw new InvalidOperationException(
                    $"Event {consumed} of instance '{id}' was consumed by another run, so checkpoint {commit.State} is not committed.");
            }
        }

        // The waits reached before this commit are behind the instance now: no re-execution reaches them again.
        // A run that reached none since its last commit (and has committed since it was loaded) has none to remove.
        if (commit.MayHaveWaits)
        {
            Execute(statements, "DELETE FROM workflow_waits WHERE instance_id = $id AND sequence = $commit;", ("$id", id), ("$commit", commit.Commit));
        }

        return cancellationRequested;
    }

    /// <summary>The values a checkpoint's guarded statements compare with that never change: bound once per statement.</summary>
    private void BindGuardConstants(SqlitePreparedStatement statement) =>
        statement
            .Bind("$owner", WorkerId)
            .Bind("$running", (int)WorkflowStatus.Running)
            .Bind("$requested", (int)CancellationState.Requested);

    /// <inheritdoc />
    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        // The writer's transaction is BEGIN IMMEDIATE and holds the write lock, so no event or cancellation can slip in
        // between looking for it and saving the instance as waiting: either it is seen here or it wakes the saved instance.
        // The outcome is returned only once the transaction holding the wait record is durable.
        return _writer.WriteAsync(statements => Await(statements, id, wait, now, cancellationDelivered), cancellationToken);
    }

    private WaitOutcome Await(SqliteStatements statements, string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered)
    {
        var cancellation = EnsureRunningAt(statements, id, wait);

        DateTimeOffset? due = wait.DueAt;
        var outcome = WaitOpen;
        long? rejectedEvent = null;
        var found = false;
        var find = statements.For(
            """
            SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits
            WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;
            """);
        find.Set("$id", id);
        find.Set("$sequence", wait.Commit);
        find.Set("$ordinal", wait.Ordinal);
        using (var reader = find.ExecuteReader())
        {
            if (reader.Read())
            {
                found = true;
                var (checkpoint, kind, name) = (reader.GetInt32(0), (WaitKind)reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                if (checkpoint != wait.Checkpoint || kind != wait.Kind || name != wait.EventName)
                {
                    throw new InvalidOperationException(
                        $"Instance '{id}' re-executed from its last checkpoint and reached a {Describe(wait.Kind, wait.EventName)} wait at checkpoint {wait.Checkpoint}, " +
                        $"where it first reached a {Describe(kind, name)} wait at checkpoint {checkpoint}. The code between checkpoints must be deterministic: " +
                        "read the time, random numbers and outside state through ctx or a step.");
                }

                due = reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
                outcome = reader.GetInt32(4).ToString(System.Globalization.CultureInfo.InvariantCulture);
                rejectedEvent = reader.IsDBNull(5) ? null : reader.GetInt64(5);
            }
        }

        if (!found && !(wait.Kind == WaitKind.Timer && due <= now))
        {
            // A timer already due needs no record: re-executing reaches it due again.
            Execute(
                statements,
                """
                INSERT INTO workflow_waits (instance_id, sequence, ordinal, checkpoint, kind, event_name, due_at, outcome, event_sequence)
                VALUES ($id, $sequence, $ordinal, $checkpoint, $kind, $name, $due, 0, NULL);
                """,
                ("$id", id),
                ("$sequence", wait.Commit),
                ("$ordinal", wait.Ordinal),
                ("$checkpoint", wait.Checkpoint),
                ("$kind", (int)wait.Kind),
                ("$name", (object?)wait.EventName ?? DBNull.Value),
                ("$due", due is { } d ? d.ToUnixTimeMilliseconds() : DBNull.Value));
        }

        return Decide();

        WaitOutcome Decide()
        {
            if (outcome == WaitTimedOut)
            {
                return new WaitOutcome(WaitResolution.TimedOut);
            }

            if (outcome == WaitRejected)
            {
                var rejected = ReadEvents(statements, "sequence = $sequence", ("$sequence", rejectedEvent!.Value));
                return new WaitOutcome(WaitResolution.EventRejected, rejected.Single());
            }

            if (cancellation == CancellationState.Requested && !cancellationDelivered)
            {
                return new WaitOutcome(WaitResolution.CancellationRequested);
            }

            if (wait.Kind == WaitKind.Event)
            {
                // The earliest event of that name not yet taken, raised before the deadline: one raised at or after it
                // is left for a later wait, so a wait that could have timed out never takes it after the fact.
                var inbox = ReadEvents(
                    statements,
                    "instance_id = $id AND name = $name AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($deadline IS NULL OR raised_at < $deadline) ORDER BY sequence LIMIT 1",
                    ("$id", id),
                    ("$name", wait.EventName!),
                    ("$deadline", due is { } deadline ? deadline.ToUnixTimeMilliseconds() : DBNull.Value));
                if (inbox.Count == 1)
                {
                    return new WaitOutcome(WaitResolution.EventReceived, inbox[0]);
                }
            }

            if (due <= now)
            {
                if (wait.Kind == WaitKind.Timer)
                {
                    return new WaitOutcome(WaitResolution.TimerFired);
                }

                // Stored before the workflow sees it: a re-execution times out again even if the event arrives meanwhile.
                SetWaitOutcome(statements, id, wait, WaitTimedOut, null);
                return new WaitOutcome(WaitResolution.TimedOut);
            }

            if (wait.InFanOut)
            {
                return new WaitOutcome(WaitResolution.Pending, DueAt: due);
            }

            Execute(
                statements,
                // Saved at a durable wait: that is progress (the start count restarts), and no worker needs it until it wakes.
                "UPDATE workflow_instances SET status = $status, wake_at = $due, awaited_event = $name, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $id;",
                ("$id", id),
                ("$status", (int)(wait.Kind == WaitKind.Timer ? WorkflowStatus.Sleeping : WorkflowStatus.WaitingForEvent)),
                ("$due", due is { } wake ? wake.ToUnixTimeMilliseconds() : DBNull.Value),
                ("$name", (object?)wait.EventName ?? DBNull.Value),
                ("$now", Now()));
            return new WaitOutcome(WaitResolution.Suspended);
        }
    }

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _writer.WriteAsync(
            statements =>
            {
                EnsureRunningAt(statements, id, wait);
                SetWaitOutcome(statements, id, wait, WaitRejected, eventSequence);
                return Execute(
                    statements,
                    "UPDATE workflow_events SET rejected_reason = $reason WHERE sequence = $sequence AND instance_id = $id AND consumed_by_commit IS NULL;",
                    ("$reason", reason),
                    ("$sequence", eventSequence),
                    ("$id", id));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var status = ReadStatus(statements, id);
                if (status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    throw new WorkflowFinishedException(
                        id,
                        status,
                        $"Event '{name}' cannot be raised to workflow '{id}': it is {status}, so no wait will ever receive it. Raise events only to unfinished instances.");
                }

                var now = Now();
                var insert = statements.For("INSERT INTO workflow_events (instance_id, name, payload, raised_at) VALUES ($id, $name, $payload, $now) RETURNING sequence;");
                insert.Set("$id", id);
                insert.Set("$name", name);
                insert.Set("$payload", payload);
                insert.Set("$now", now);
                var sequence = (long)insert.ExecuteScalar()!;
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
                    WHERE id = $id AND status = {Waiting} AND awaited_event IN ($name, '{AnyEvent}');
                    """,
                    ("$id", id),
                    ("$name", name),
                    ("$running", (int)WorkflowStatus.Running),
                    ("$now", now));
                return sequence;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var status = ReadStatus(statements, id);
                if (status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    return false;
                }

                // Only the first request wakes a sleeping or waiting instance: a later one finds it told already (or about to be).
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET cancellation = $requested, updated_at = $now,
                        status = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN $running ELSE status END,
                        wake_at = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN NULL ELSE wake_at END,
                        awaited_event = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN NULL ELSE awaited_event END
                    WHERE id = $id AND cancellation = $none;
                    """,
                    ("$id", id),
                    ("$requested", (int)CancellationState.Requested),
                    ("$none", (int)CancellationState.None),
                    ("$running", (int)WorkflowStatus.Running),
                    ("$now", Now()));
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(string id, string? result, CancellationToken cancellationToken) =>
        FinishAsync(id, FinishWithResult, result, new ChildOutcome(WorkflowStatus.Completed, result, null), cancellationToken);

    /// <inheritdoc />
    public Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken) =>
        FinishAsync(id, FinishWithError, JsonSerializer.Serialize(error, StoreJsonContext.Default.WorkflowError), new ChildOutcome(WorkflowStatus.Failed, null, error), cancellationToken);

    /// <inheritdoc />
    public Task CancelAsync(string id, WorkflowError error, CancellationToken cancellationToken) =>
        FinishAsync(id, FinishWithError, JsonSerializer.Serialize(error, StoreJsonContext.Default.WorkflowError), new ChildOutcome(WorkflowStatus.Cancelled, null, error), cancellationToken);

    /// <inheritdoc />
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            // A host that declines an instance never ran it: that is not a start, and the lease goes back at once.
            statements => Execute(
                statements,
                """
                UPDATE workflow_instances SET set_aside_reason = $reason, lease_owner = NULL, lease_expires_at = NULL, starts = MAX(starts - 1, 0)
                WHERE id = $id AND lease_owner = $owner;
                """,
                ("$id", id),
                ("$reason", reason),
                ("$owner", WorkerId)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> ListAsync(
        InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        void Where(string condition, params (string Name, object Value)[] values)
        {
            where.Add(condition);
            parameters.AddRange(values);
        }

        if (filter.Name is { } name)
        {
            Where("name = $name", ("$name", name));
        }

        if (filter.Status is { } status)
        {
            Where("status = $status", ("$status", (int)status));
        }

        if (filter.CreatedFrom is { } from)
        {
            Where("created_at >= $from", ("$from", from.ToUnixTimeMilliseconds()));
        }

        if (filter.CreatedBefore is { } before)
        {
            Where("created_at < $before", ("$before", before.ToUnixTimeMilliseconds()));
        }

        if (after is { } last)
        {
            Where("(created_at, id) > ($afterCreated, $afterId)", ("$afterCreated", last.CreatedAt.ToUnixTimeMilliseconds()), ("$afterId", last.Id));
        }

        parameters.Add(("$limit", limit));
        // One SQL text per combination of filters, each compiled once per read connection.
        var sql = $"""
            SELECT {InstanceColumns} FROM workflow_instances
            {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY created_at, id LIMIT $limit;
            """;
        return ReadAsync<IReadOnlyList<WorkflowInstance>>(statements => ReadAll(statements.For(sql, parameters), ReadInstance), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StepRecord>>(
            statements => ReadAll(
                statements.For(
                    $"SELECT {StepColumns} FROM workflow_steps WHERE instance_key = {KeyOfInstance} ORDER BY sequence;",
                    [("$id", id)]),
                reader => new StepRecord(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<EventRecord>>(statements => ReadEvents(statements, "instance_id = $id ORDER BY sequence", ("$id", id)), cancellationToken);

    /// <inheritdoc />
    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return _writer.WriteAsync(
            statements =>
            {
                // Written only on top of the commit the step precedes, under this worker's lease: a run that another
                // run overtook, or whose instance another worker took over, records nothing.
                var written = Execute(
                    statements,
                    $"""
                    INSERT INTO workflow_step_attempts (instance_id, {AttemptColumns})
                    SELECT $id, $sequence, $ordinal, $checkpoint, $name, $attempt, $type, $message, $stack, $started, $ended, $final
                    WHERE EXISTS (SELECT 1 FROM workflow_instances WHERE id = $id AND status = $running AND commits = $sequence - 1 AND lease_owner = $owner);
                    """,
                    ("$id", id),
                    ("$owner", WorkerId),
                    ("$sequence", attempt.Sequence),
                    ("$ordinal", attempt.Ordinal),
                    ("$checkpoint", attempt.Checkpoint),
                    ("$name", attempt.StepName),
                    ("$attempt", attempt.Attempt),
                    ("$type", attempt.Error.Type),
                    ("$message", attempt.Error.Message),
                    ("$stack", (object?)attempt.Error.StackTrace ?? DBNull.Value),
                    ("$started", attempt.StartedAt.ToUnixTimeMilliseconds()),
                    ("$ended", attempt.EndedAt.ToUnixTimeMilliseconds()),
                    ("$final", attempt.Final),
                    ("$running", (int)WorkflowStatus.Running));
                if (written != 1)
                {
                    throw new InvalidOperationException(
                        $"Instance '{id}' is not running, another run committed before its commit {attempt.Sequence}, or worker '{WorkerId}' no longer holds its lease, " +
                        $"so attempt {attempt.Attempt} of step '{attempt.StepName}' is not recorded.");
                }

                return written;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken) =>
        ReadAttemptsAsync("instance_id = $id ORDER BY sequence, ordinal, attempt", cancellationToken, ("$id", id));

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken) =>
        ReadAttemptsAsync(
            "instance_id = $id AND sequence = $sequence AND ordinal = $ordinal ORDER BY attempt", cancellationToken, ("$id", id), ("$sequence", sequence), ("$ordinal", ordinal));

    private Task<IReadOnlyList<StepAttempt>> ReadAttemptsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        ReadAsync<IReadOnlyList<StepAttempt>>(
            statements => ReadAll(
                statements.For($"SELECT {AttemptColumns} FROM workflow_step_attempts WHERE {where};", parameters),
                reader => new StepAttempt(
                    Sequence: reader.GetInt32(0),
                    Ordinal: reader.GetInt32(1),
                    Checkpoint: reader.GetInt32(2),
                    StepName: reader.GetString(3),
                    Attempt: reader.GetInt32(4),
                    Error: new WorkflowError(reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)),
                    StartedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                    EndedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                    Final: reader.GetBoolean(10))),
            cancellationToken);

    // The end of an instance stores its result or its error; each text is a literal, so the writer finds its statement
    // by reference.
    private const string FinishedSetAndGuard = """
        set_aside_reason = NULL, wake_at = NULL, awaited_event = NULL, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $id AND status = $running AND lease_owner = $owner;
        """;

    private const string FinishWithResult = $"UPDATE workflow_instances SET status = $status, result = $value, {FinishedSetAndGuard}";

    private const string FinishWithError = $"UPDATE workflow_instances SET status = $status, error = $value, {FinishedSetAndGuard}";

    private Task FinishAsync(string id, string finishSql, string? value, ChildOutcome outcome, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var finished = statements.Prepared(finishSql)
                    .Bind("$id", id)
                    .Bind("$owner", WorkerId)
                    .Bind("$status", (int)outcome.Status)
                    .Bind("$value", value)
                    .Bind("$now", Now())
                    .Bind("$running", (int)WorkflowStatus.Running)
                    .ExecuteNonQuery() == 1;
                if (!finished)
                {
                    throw new InvalidOperationException(
                        $"Instance '{id}' is not running, or worker '{WorkerId}' no longer holds its lease (it expired and another worker took the instance over), so it is not marked {outcome.Status}.");
                }

                // Only a child has a parent to tell, in this same transaction. Read apart: RETURNING costs SQLite more.
                if (Scalar(statements, "SELECT parent_id FROM workflow_instances WHERE id = $id;", ("$id", id)) is not null)
                {
                    DeliverToParent(statements, id, outcome);
                }

                // A wait that ended without a commit (a timeout the workflow caught before it returned) is not needed any more.
                return Execute(statements, "DELETE FROM workflow_waits WHERE instance_id = $id;", ("$id", id));
            },
            cancellationToken);

    /// <summary>
    /// A child workflow's outcome reaches its parent as an event in the parent's inbox, in the transaction that
    /// finishes the child, and wakes the parent when it waits for it: so the parent waits like any event wait, holding
    /// no memory, and the outcome can never be lost between the two.
    /// </summary>
    private void DeliverToParent(SqliteStatements statements, string id, ChildOutcome outcome)
    {
        var name = ChildOutcome.EventName(id);
        var delivered = Execute(
            statements,
            "INSERT INTO workflow_events (instance_id, name, payload, raised_at) SELECT parent_id, $name, $payload, $now FROM workflow_instances WHERE id = $id AND parent_id IS NOT NULL;",
            ("$id", id),
            ("$name", name),
            ("$payload", JsonSerializer.Serialize(outcome, StoreJsonContext.Default.ChildOutcome)),
            ("$now", Now()));
        if (delivered == 0)
        {
            return;
        }

        Execute(
            statements,
            $"""
            UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
            WHERE id = (SELECT parent_id FROM workflow_instances WHERE id = $id) AND status = {Waiting} AND awaited_event IN ($name, '{AnyEvent}');
            """,
            ("$id", id),
            ("$name", name),
            ("$running", (int)WorkflowStatus.Running),
            ("$now", Now()));
    }

    /// <summary>
    /// Checks, inside the transaction, that the instance is running at the commit <paramref name="wait"/> precedes under
    /// this worker's lease, so a run that another run has overtaken writes nothing. Returns the instance's cancellation state.
    /// </summary>
    private CancellationState EnsureRunningAt(SqliteStatements statements, string id, WaitRequest wait)
    {
        var command = statements.For("SELECT status, commits, cancellation, lease_owner FROM workflow_instances WHERE id = $id;");
        command.Set("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read() ||
            (WorkflowStatus)reader.GetInt32(0) != WorkflowStatus.Running ||
            reader.GetInt32(1) != wait.Commit - 1 ||
            (reader.IsDBNull(3) ? null : reader.GetString(3)) != WorkerId)
        {
            throw new InvalidOperationException(
                $"Instance '{id}' is not running, another run committed before its commit {wait.Commit}, or worker '{WorkerId}' no longer holds its lease, " +
                $"so its wait at checkpoint {wait.Checkpoint} is not recorded.");
        }

        return (CancellationState)reader.GetInt32(2);
    }

    private static void SetWaitOutcome(SqliteStatements statements, string id, WaitRequest wait, string outcome, long? eventSequence) =>
        Execute(
            statements,
            // The outcome is bound (the column's integer affinity stores the code as a number), so the text is a literal
            // and the writer finds its statement by reference.
            "UPDATE workflow_waits SET outcome = $outcome, event_sequence = $event WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;",
            ("$outcome", outcome),
            ("$id", id),
            ("$sequence", wait.Commit),
            ("$ordinal", wait.Ordinal),
            ("$event", (object?)eventSequence ?? DBNull.Value));

    /// <summary>The instance's status; throws <see cref="WorkflowNotFoundException"/> when there is no such instance.</summary>
    private static WorkflowStatus ReadStatus(SqliteStatements statements, string id)
    {
        var command = statements.For("SELECT status FROM workflow_instances WHERE id = $id;");
        command.Set("$id", id);
        return command.ExecuteScalar() is long status ? (WorkflowStatus)status : throw new WorkflowNotFoundException(id);
    }

    /// <summary>The events <paramref name="where"/> selects, in the order it gives.</summary>
    private static List<EventRecord> ReadEvents(SqliteStatements statements, string where, params (string Name, object Value)[] parameters) =>
        ReadAll(statements.For($"SELECT {EventColumns} FROM workflow_events WHERE {where};", parameters), ReadEvent);

    /// <summary>The event at the reader's current row of <see cref="EventColumns"/>.</summary>
    private static EventRecord ReadEvent(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> on the writer's connection, in its open transaction.</summary>
    private static int Execute(SqliteStatements statements, string sql, params (string Name, object Value)[] parameters)
    {
        var statement = statements.Prepared(sql);
        foreach (var (name, value) in parameters)
        {
            statement.Bind(name, value);
        }

        return statement.ExecuteNonQuery();
    }

    private static string Describe(WaitKind kind, string? eventName) => kind == WaitKind.Timer ? "timer" : $"event '{eventName}'";

    /// <summary>
    /// Runs <paramref name="read"/> on a read connection, whose statements stay compiled for the next read. SQLite reads
    /// synchronously whatever the API, so the read runs on the caller's thread.
    /// </summary>
    private Task<T> ReadAsync<T>(Func<SqliteStatements, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(_readers.Read(read));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>Runs <paramref name="select"/> and maps every row it returns.</summary>
    private static List<T> ReadAll<T>(SqliteCommand select, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The instance <paramref name="id"/> as the writer's transaction sees it, or null when there is none.</summary>
    private static WorkflowInstance? ReadInstance(SqliteStatements statements, string id) =>
        statements.Prepared(SelectInstance).Bind("$id", id).ReadFirst(ReadInstance<SqlitePreparedStatement>);

    private static WorkflowInstance ReadInstance(SqliteDataReader reader) => ReadInstance(new DataReaderRow(reader));

    /// <summary>The instance at the current row of <see cref="InstanceColumns"/>.</summary>
    private static WorkflowInstance ReadInstance<TRow>(TRow reader)
        where TRow : ISqliteRow =>
        new(
            Id: reader.GetString(0),
            Name: reader.GetString(1),
            Status: (WorkflowStatus)reader.GetInt64(2),
            State: (int)reader.GetInt64(3),
            Commits: (int)reader.GetInt64(4),
            LayoutFingerprint: reader.GetString(5),
            Slots: reader.GetString(6),
            Result: reader.IsDBNull(7) ? null : reader.GetString(7),
            Error: reader.IsDBNull(8) ? null : JsonSerializer.Deserialize(reader.GetString(8), StoreJsonContext.Default.WorkflowError),
            SetAsideReason: reader.IsDBNull(9) ? null : reader.GetString(9),
            CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
            UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            WakeAt: reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
            AwaitedEvent: reader.IsDBNull(13) ? null : reader.GetString(13),
            Cancellation: (CancellationState)reader.GetInt64(14),
            LeaseOwner: reader.IsDBNull(15) ? null : reader.GetString(15),
            LeaseExpiresAt: reader.IsDBNull(16) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(16)),
            Starts: (int)reader.GetInt64(17),
            Poisoned: reader.GetInt64(18) != 0,
            ParentId: reader.IsDBNull(19) ? null : reader.GetString(19));

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // synchronous is a per-connection setting, so every connection gets it before its first write.
            command.CommandText = $"PRAGMA synchronous={_synchronous};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A connection for reads only. It skips <c>PRAGMA synchronous</c>: the setting matters only to a connection's writes,
    /// and <see cref="OpenAsync"/> sets it again whenever a pooled connection is opened to write.
    /// </summary>
    private SqliteConnection OpenForReading()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The writer's connection. synchronous is a per-connection setting, so it is set before the first write.</summary>
    internal SqliteConnection OpenForWriting()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={_synchronous};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
