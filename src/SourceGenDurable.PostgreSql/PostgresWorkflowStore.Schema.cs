using System.Net.Sockets;
using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The schema: versioned migrations, applied when a host starts under a transaction-level advisory lock, so that ten
/// hosts starting at once apply each migration once; a host refuses a schema newer than the newest it knows.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <summary>The migrations in order; a migration is never edited once released, only followed by another.</summary>
    /// <remarks>
    /// A checkpoint changes only columns that no index names (in its key or its predicate), and the instances' pages
    /// keep room for a new version of a row: so the checkpoint's update is a HOT update, one heap record, no index entries.
    /// </remarks>
    private static readonly string[] Migrations =
    [
        // 1: the first schema.
        """
        CREATE TABLE workflow_instances (
            id text PRIMARY KEY,
            name text NOT NULL,
            status integer NOT NULL,
            state integer NOT NULL,
            commits integer NOT NULL,
            layout_fingerprint text NOT NULL,
            slots text NOT NULL,
            result text NULL,
            error text NULL,
            set_aside_reason text NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            wake_at timestamptz NULL,
            awaited_event text NULL,
            cancellation integer NOT NULL DEFAULT 0,
            lease_owner text NULL,
            lease_expires_at timestamptz NULL,
            starts integer NOT NULL DEFAULT 0,
            poisoned boolean NOT NULL DEFAULT false,
            parent_id text NULL
        ) WITH (fillfactor = 70);
        CREATE INDEX ix_workflow_instances_created ON workflow_instances (created_at, id);
        CREATE INDEX ix_workflow_instances_runnable ON workflow_instances (created_at, id) WHERE status IN (0, 3) AND NOT poisoned;
        CREATE INDEX ix_workflow_instances_wake ON workflow_instances (wake_at) WHERE status IN (4, 5) AND wake_at IS NOT NULL;
        CREATE INDEX ix_workflow_instances_status ON workflow_instances (status);
        CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_id) WHERE parent_id IS NOT NULL;
        CREATE INDEX ix_workflow_instances_lease_owner ON workflow_instances (lease_owner) WHERE lease_owner IS NOT NULL;
        CREATE INDEX ix_workflow_instances_set_aside ON workflow_instances (id) WHERE set_aside_reason IS NOT NULL;
        CREATE TABLE workflow_steps (
            instance_id text NOT NULL,
            sequence integer NOT NULL,
            checkpoint integer NOT NULL,
            name text NOT NULL,
            result text NULL,
            attempts integer NOT NULL,
            completed_at timestamptz NOT NULL,
            started_at timestamptz NULL,
            PRIMARY KEY (instance_id, sequence)
        );
        CREATE TABLE workflow_branches (
            instance_id text NOT NULL,
            sequence integer NOT NULL,
            fan_out integer NOT NULL,
            branch integer NOT NULL,
            checkpoint integer NOT NULL,
            name text NOT NULL,
            result text NULL,
            attempts integer NOT NULL,
            completed_at timestamptz NOT NULL,
            started_at timestamptz NULL,
            PRIMARY KEY (instance_id, sequence, fan_out, branch)
        );
        CREATE TABLE workflow_waits (
            instance_id text NOT NULL,
            sequence integer NOT NULL,
            ordinal integer NOT NULL,
            checkpoint integer NOT NULL,
            kind integer NOT NULL,
            event_name text NULL,
            due_at timestamptz NULL,
            outcome integer NOT NULL,
            event_sequence bigint NULL,
            PRIMARY KEY (instance_id, sequence, ordinal)
        );
        CREATE TABLE workflow_events (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            instance_id text NOT NULL,
            name text NOT NULL,
            payload text NOT NULL,
            raised_at timestamptz NOT NULL,
            consumed_by_commit integer NULL,
            rejected_reason text NULL
        );
        CREATE INDEX ix_workflow_events_instance ON workflow_events (instance_id, sequence);
        CREATE INDEX ix_workflow_events_inbox ON workflow_events (instance_id, name, sequence)
            WHERE consumed_by_commit IS NULL AND rejected_reason IS NULL;
        CREATE TABLE workflow_step_attempts (
            instance_id text NOT NULL,
            sequence integer NOT NULL,
            ordinal integer NOT NULL,
            attempt integer NOT NULL,
            checkpoint integer NOT NULL,
            name text NOT NULL,
            error_type text NOT NULL,
            message text NOT NULL,
            stack text NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz NOT NULL,
            final boolean NOT NULL,
            PRIMARY KEY (instance_id, sequence, ordinal, attempt)
        );
        CREATE TABLE workflow_workers (
            worker_id text PRIMARY KEY,
            lock_key bigint NOT NULL,
            started_at timestamptz NOT NULL
        );
        """,

        // 2: no index on the status alone. No query needs it (the runnable, waking and lease indexes serve them), every
        // change of status wrote an entry into it, and the runnable look through it read the dead entries of every
        // instance ended since the last vacuum; through the runnable index an index scan drops those as it meets them.
        """
        DROP INDEX IF EXISTS ix_workflow_instances_status;
        """,

        // 3: identifiers compare as bytes. They are opaque, and under a linguistic collation (a database created with
        // en_US or ICU) every key comparison in their indexes goes through the collation: a step's insert into its
        // index costs about 30% more under ICU's en-US. As bytes they also order as SQLite orders them.
        """
        ALTER TABLE workflow_instances
            ALTER COLUMN id TYPE text COLLATE "C",
            ALTER COLUMN parent_id TYPE text COLLATE "C",
            ALTER COLUMN lease_owner TYPE text COLLATE "C";
        ALTER TABLE workflow_steps ALTER COLUMN instance_id TYPE text COLLATE "C";
        ALTER TABLE workflow_branches ALTER COLUMN instance_id TYPE text COLLATE "C";
        ALTER TABLE workflow_waits ALTER COLUMN instance_id TYPE text COLLATE "C";
        ALTER TABLE workflow_events ALTER COLUMN instance_id TYPE text COLLATE "C";
        ALTER TABLE workflow_step_attempts ALTER COLUMN instance_id TYPE text COLLATE "C";
        ALTER TABLE workflow_workers ALTER COLUMN worker_id TYPE text COLLATE "C";
        """,
    ];

    /// <summary>The newest schema version this host knows.</summary>
    internal static int SchemaVersion => Migrations.Length;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            await _session.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DurableStoreException(
                $"Cannot open the PostgreSQL store at {_server} (schema '{_schema}'): {e.Message} Check that the server is running and reachable from " +
                $"this host, and the credentials in {PostgresStoreOptions.SectionName}:ConnectionString. The host does not start without its store.",
                e);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var commands = new PostgresCommands(connection, transaction);

        // Held until the transaction ends: every host starting at once waits here, then finds the schema current.
        await commands.ExecuteAsync("SELECT pg_advisory_xact_lock($1, 0);", cancellationToken, SchemaLockKey(_schema)).ConfigureAwait(false);
        // Created only when missing: an application user without CREATE can run on a schema an administrator made.
        if (await commands.ScalarAsync("SELECT to_regclass('schema_version') IS NOT NULL;", cancellationToken).ConfigureAwait(false) is not true)
        {
            await commands.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {_schema}; CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);", cancellationToken).ConfigureAwait(false);
        }

        var current = await commands.ScalarAsync("SELECT max(version) FROM schema_version;", cancellationToken).ConfigureAwait(false) is int version ? version : 0;
        if (current > SchemaVersion)
        {
            throw new DurableStoreException(
                $"The PostgreSQL schema '{_schema}' at {_server} is at version {current}, newer than this host knows (version {SchemaVersion}): a newer " +
                "release of SourceGenDurable.PostgreSql migrated it. Run this application with that release or a later one; an older host must not " +
                "write to a schema it does not know.");
        }

        for (var next = current + 1; next <= SchemaVersion; next++)
        {
            await commands.ExecuteAsync(Migrations[next - 1], cancellationToken).ConfigureAwait(false);
        }

        if (current < SchemaVersion)
        {
            await commands.ExecuteAsync("DELETE FROM schema_version;", cancellationToken).ConfigureAwait(false);
            await commands.ExecuteAsync("INSERT INTO schema_version (version) VALUES ($1);", cancellationToken, SchemaVersion).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
