using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The schema: the tables a new database gets, the columns and keys an older one gains when a newer host opens it,
/// and the statements that run on the setup connection before the writer starts.
/// </summary>
internal sealed partial class SqliteWorkflowStore
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

    /// <summary>
    /// The schema version this host writes, kept in <c>PRAGMA user_version</c>. Version 1 is the schema above (with the
    /// columns and the instance key that older databases gain below); a later change adds a version, and a host refuses a
    /// database of a version newer than it knows.
    /// </summary>
    internal const int SchemaVersion = 1;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_databaseFile is not null && _createsFile)
            {
                OwnerOnlyFiles.CreateDatabase(_databaseFile);
            }

            await using var connection = OpenForWriting();
            var version = await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false);
            if (version > SchemaVersion)
            {
                throw new DurableStoreException(
                    $"The SQLite database '{_dataSource}' is at schema version {version}, newer than this host knows (version {SchemaVersion}): a newer " +
                    "release of SourceGenDurable wrote it. Run this application with that release or a later one; an older host must not write to a " +
                    "database it does not know.");
            }

            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
            foreach (var (table, name, definition) in AddedColumns)
            {
                if (!await HasColumnAsync(connection, table, name, cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN {name} {definition};", cancellationToken).ConfigureAwait(false);
                }
            }

            await KeyStepHistoryAsync(connection, cancellationToken).ConfigureAwait(false);

            await ExecuteAsync(
                connection,
                "CREATE INDEX IF NOT EXISTS ix_workflow_instances_wake ON workflow_instances (wake_at) WHERE wake_at IS NOT NULL;",
                cancellationToken).ConfigureAwait(false);
            if (version < SchemaVersion)
            {
                await ExecuteAsync(connection, $"PRAGMA user_version = {SchemaVersion};", cancellationToken).ConfigureAwait(false);
            }

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
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await HasColumnAsync(connection, "workflow_instances", "key", cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(
                    connection,
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
                    "DROP TABLE workflow_steps; ALTER TABLE workflow_steps_keyed RENAME TO workflow_steps;",
                    cancellationToken).ConfigureAwait(false);
                // The instances' indexes went with their old table.
                await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT;", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                await ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';", cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Runs <paramref name="sql"/> (one statement or several) on the setup connection.</summary>
    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The number <paramref name="sql"/> selects, on the setup connection.</summary>
    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
