using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one writer that commits whatever has queued as
/// one transaction (group commit); every write is atomic on its own, and with the default <c>synchronous=FULL</c> a
/// committed checkpoint survives power loss before its task completes. Reads use pooled connections alongside.
/// </summary>
public sealed class SqliteWorkflowStore : IWorkflowStore, IAsyncDisposable, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS workflow_instances (
            id TEXT NOT NULL PRIMARY KEY,
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
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_workflow_instances_status ON workflow_instances (status);
        CREATE TABLE IF NOT EXISTS workflow_steps (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            name TEXT NOT NULL,
            result TEXT NULL,
            attempts INTEGER NOT NULL,
            completed_at INTEGER NOT NULL,
            PRIMARY KEY (instance_id, sequence)
        );
        """;

    private const string InstanceColumns =
        "id, name, status, state, commits, layout_fingerprint, slots, result, error, set_aside_reason, created_at, updated_at";

    private const string SelectInstance = $"SELECT {InstanceColumns} FROM workflow_instances WHERE id = $id;";

    private readonly string _connectionString;
    private readonly string _dataSource;
    private readonly string _synchronous;
    private readonly TimeProvider _timeProvider;
    private readonly SqliteGroupCommit _writer;

    /// <summary>Creates a store over the SQLite database that <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="timeProvider">The clock for the stored timestamps.</param>
    /// <param name="synchronous">The <c>PRAGMA synchronous</c> level; FULL unless the user chooses otherwise.</param>
    public SqliteWorkflowStore(string connectionString, TimeProvider timeProvider, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _dataSource = string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? builder.DataSource
            : Path.GetFullPath(builder.DataSource);
        _connectionString = builder.ToString();
        _timeProvider = timeProvider;
        _synchronous = synchronous.ToString().ToUpperInvariant();
        _writer = new SqliteGroupCommit(OpenForWriting);
    }

    /// <summary>Lets queued writes commit, then stops the writer.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Lets queued writes commit, then stops the writer (hosts disposed synchronously end here).</summary>
    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new DurableStoreException(
                $"Cannot open the SQLite database '{_dataSource}': {e.Message} Check that its folder exists, that this process may write there, " +
                "and that the file is a SQLite database; or point SourceGenDurable:ConnectionString elsewhere.",
                e);
        }
    }

    /// <inheritdoc />
    public Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var command = statements.For(
                    $"""
                    INSERT INTO workflow_instances ({InstanceColumns})
                    VALUES ($id, $name, $status, $state, 0, $fingerprint, $slots, NULL, NULL, NULL, $now, $now)
                    ON CONFLICT (id) DO NOTHING;
                    """);
                command.Parameters.AddWithValue("$id", instance.Id);
                command.Parameters.AddWithValue("$name", instance.Name);
                command.Parameters.AddWithValue("$status", (int)instance.Status);
                command.Parameters.AddWithValue("$state", instance.State);
                command.Parameters.AddWithValue("$fingerprint", instance.LayoutFingerprint);
                command.Parameters.AddWithValue("$slots", instance.Slots);
                command.Parameters.AddWithValue("$now", instance.CreatedAt.ToUnixTimeMilliseconds());
                var created = command.ExecuteNonQuery() == 1;
                var stored = ReadInstance(statements.For(SelectInstance), instance.Id)
                    ?? throw new InvalidOperationException($"Instance '{instance.Id}' vanished right after it was inserted.");
                return (stored, created);
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectInstance;
        return ReadInstance(command, id);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM workflow_instances WHERE status = $status ORDER BY created_at, id;";
        command.Parameters.AddWithValue("$status", (int)WorkflowStatus.Running);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public Task CommitCheckpointAsync(string id, int state, int commit, string slots, StepRecord? step, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                // The guard on the commit count comes first: when another run got there first nothing is written.
                var update = statements.For(
                    """
                    UPDATE workflow_instances SET state = $state, commits = $commit, slots = $slots, updated_at = $now
                    WHERE id = $id AND status = $running AND commits = $commit - 1;
                    """);
                update.Parameters.AddWithValue("$commit", commit);
                update.Parameters.AddWithValue("$id", id);
                update.Parameters.AddWithValue("$state", state);
                update.Parameters.AddWithValue("$slots", slots);
                update.Parameters.AddWithValue("$now", Now());
                update.Parameters.AddWithValue("$running", (int)WorkflowStatus.Running);
                if (update.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException(
                        $"Instance '{id}' is not running, or its commit {commit} was made by another run, so checkpoint {state} is not committed.");
                }

                if (step is not null)
                {
                    var insert = statements.For(
                        """
                        INSERT INTO workflow_steps (instance_id, sequence, checkpoint, name, result, attempts, completed_at)
                        VALUES ($id, $sequence, $checkpoint, $name, $result, $attempts, $completed);
                        """);
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$sequence", commit);
                    insert.Parameters.AddWithValue("$checkpoint", step.Checkpoint);
                    insert.Parameters.AddWithValue("$name", step.Name);
                    insert.Parameters.AddWithValue("$result", (object?)step.Result ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$attempts", step.Attempts);
                    insert.Parameters.AddWithValue("$completed", step.CompletedAt.ToUnixTimeMilliseconds());
                    insert.ExecuteNonQuery();
                }

                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(string id, string? result, CancellationToken cancellationToken) =>
        FinishAsync(id, WorkflowStatus.Completed, "result", result, cancellationToken);

    /// <inheritdoc />
    public Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken) =>
        FinishAsync(id, WorkflowStatus.Failed, "error", JsonSerializer.Serialize(error, StoreJsonContext.Default.WorkflowError), cancellationToken);

    /// <inheritdoc />
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var command = statements.For("UPDATE workflow_instances SET set_aside_reason = $reason WHERE id = $id;");
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$reason", reason);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, checkpoint, name, result, attempts, completed_at FROM workflow_steps
            WHERE instance_id = $id ORDER BY sequence;
            """;
        command.Parameters.AddWithValue("$id", id);
        var steps = new List<StepRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            steps.Add(new StepRecord(
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return steps;
    }

    private Task FinishAsync(string id, WorkflowStatus status, string column, string? value, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var command = statements.For(
                    $"""
                    UPDATE workflow_instances SET status = $status, {column} = $value, set_aside_reason = NULL, updated_at = $now
                    WHERE id = $id AND status = $running;
                    """);
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$status", (int)status);
                command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", Now());
                command.Parameters.AddWithValue("$running", (int)WorkflowStatus.Running);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    /// <summary>Reads one instance with <paramref name="select"/>, a command whose text is <see cref="SelectInstance"/>.</summary>
    private static WorkflowInstance? ReadInstance(SqliteCommand select, string id)
    {
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new WorkflowInstance(
            Id: reader.GetString(0),
            Name: reader.GetString(1),
            Status: (WorkflowStatus)reader.GetInt32(2),
            State: reader.GetInt32(3),
            Commits: reader.GetInt32(4),
            LayoutFingerprint: reader.GetString(5),
            Slots: reader.GetString(6),
            Result: reader.IsDBNull(7) ? null : reader.GetString(7),
            Error: reader.IsDBNull(8) ? null : JsonSerializer.Deserialize(reader.GetString(8), StoreJsonContext.Default.WorkflowError),
            SetAsideReason: reader.IsDBNull(9) ? null : reader.GetString(9),
            CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
            UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)));
    }

    /// <summary>A pooled connection for reads; every write goes through the group-commit writer instead.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
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
