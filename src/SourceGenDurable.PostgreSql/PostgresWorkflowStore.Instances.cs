using System.Text.Json;
using Npgsql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Instances: their start (idempotent by id), their reads by id and by filter, and the ids a host resumes.</summary>
internal sealed partial class PostgresWorkflowStore
{
    private const string InstanceColumns =
        "id, name, status, state, commits, layout_fingerprint, slots, result, error, set_aside_reason, created_at, updated_at, wake_at, awaited_event, cancellation, lease_owner, lease_expires_at, starts, poisoned, parent_id";

    private const string SelectInstance = $"SELECT {InstanceColumns} FROM workflow_instances WHERE id = $1";

    /// <summary>Pending (3) or running (0): what a worker may take.</summary>
    private const string Runnable = "(0, 3)";

    /// <summary>Sleeping (4) or waiting for an event (5).</summary>
    private const string Suspended = "(4, 5)";

    private const string Unfinished = "(0, 3, 4, 5)";

    /// <inheritdoc />
    public async Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var at = PostgresTime.Stored(instance.CreatedAt);
        var expires = PostgresTime.Stored(instance.LeaseExpiresAt);

        // Inserted, or else the stored row read back in the same statement: a start of an existing id returns it.
        var (created, stored) = await _writer.StatementAsync(
            instance.Id,
            $"""
            WITH inserted AS (
                INSERT INTO workflow_instances ({InstanceColumns})
                VALUES ($1, $2, $3, $4, 0, $5, $6, NULL, NULL, NULL, $7, $7, NULL, NULL, 0, $8, $9, $10, false, $11)
                ON CONFLICT (id) DO NOTHING
                RETURNING id)
            SELECT EXISTS (SELECT 1 FROM inserted), s.* FROM (SELECT 1) one
            LEFT JOIN (SELECT {InstanceColumns} FROM workflow_instances WHERE id = $1) s ON true;
            """,
            [instance.Id, instance.Name, (int)instance.Status, instance.State, instance.LayoutFingerprint, instance.Slots, at, instance.LeaseOwner, expires, instance.Starts, instance.ParentId],
            reader => (Created: reader.GetBoolean(0), Stored: reader.IsDBNull(1) ? null : ReadInstance(reader, 1)),
            // An instance nobody holds is for any host to take.
            madeWork: result => result.Created && instance.LeaseOwner is null,
            cancellationToken).ConfigureAwait(false);
        if (created)
        {
            // The row is what was just inserted (the statement's own snapshot does not show it).
            return (new WorkflowInstance(
                instance.Id, instance.Name, instance.Status, instance.State, 0, instance.LayoutFingerprint, instance.Slots, null, null, null, at, at,
                LeaseOwner: instance.LeaseOwner,
                LeaseExpiresAt: expires,
                Starts: instance.Starts,
                ParentId: instance.ParentId), true);
        }

        // Another host inserted it in the same moment: its row committed after this statement's snapshot was taken.
        return (stored ?? await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Instance '{instance.Id}' exists, yet it cannot be read."), false);
    }

    /// <inheritdoc />
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync((commands, token) => commands.ReadFirstAsync(SelectInstance, reader => ReadInstance(reader), token, id), cancellationToken);

    /// <summary>How many ids one query of the runnable look reads.</summary>
    private const int RunnablePage = 1_000;

    /// <inheritdoc />
    /// <remarks>
    /// Read in pages in the runnable index's order, each page a query with a <c>LIMIT</c>: without one, the planner
    /// may read the whole table (every instance ever finished, once a second) whenever its statistics overstate how
    /// many instances run, while the limited query walks the index of the runnable ones.
    /// </remarks>
    public async Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken)
    {
        await EndLeasesOfDeadWorkersAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync<IReadOnlyList<string>>(
            async (commands, token) =>
            {
                var now = Now();
                var ids = new List<string>();
                (DateTimeOffset CreatedAt, string Id)? after = null;
                while (true)
                {
                    var page = await commands.ReadAllAsync(
                        $"""
                        SELECT id, created_at FROM workflow_instances
                        WHERE status IN {Runnable} AND NOT poisoned AND (lease_owner IS NULL OR lease_expires_at <= $1)
                            AND (created_at, id) > (COALESCE($2::timestamptz, '-infinity'), COALESCE($3::text, ''))
                        ORDER BY created_at, id LIMIT $4;
                        """,
                        reader => (CreatedAt: reader.GetFieldValue<DateTimeOffset>(1), Id: reader.GetString(0)),
                        token,
                        now,
                        after?.CreatedAt,
                        after?.Id,
                        RunnablePage).ConfigureAwait(false);
                    ids.AddRange(page.Select(row => row.Id));
                    if (page.Count < RunnablePage)
                    {
                        return ids;
                    }

                    after = page[^1];
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> ListAsync(
        InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // One text for every combination of filters: a filter left out is a NULL that matches everything.
        const string sql = $"""
            SELECT {InstanceColumns} FROM workflow_instances
            WHERE ($1::text IS NULL OR name = $1) AND ($2::integer IS NULL OR status = $2)
                AND ($3::timestamptz IS NULL OR created_at >= $3) AND ($4::timestamptz IS NULL OR created_at < $4)
                AND ($5::timestamptz IS NULL OR (created_at, id) > ($5, $6::text))
            ORDER BY created_at, id LIMIT $7;
            """;
        return ReadAsync<IReadOnlyList<WorkflowInstance>>(
            async (commands, token) => await commands.ReadAllAsync(
                sql,
                reader => ReadInstance(reader),
                token,
                filter.Name,
                (int?)filter.Status,
                PostgresTime.Stored(filter.CreatedFrom),
                PostgresTime.Stored(filter.CreatedBefore),
                after is { } last ? PostgresTime.Stored(last.CreatedAt) : null,
                after?.Id,
                limit).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>
    /// The instance's status, its row locked for the rest of the transaction (so a wait deciding to suspend it and this
    /// write happen one after the other); throws <see cref="WorkflowNotFoundException"/> when there is no such instance.
    /// </summary>
    private static async ValueTask<WorkflowStatus> LockStatusAsync(PostgresCommands commands, string id, CancellationToken cancellationToken) =>
        await commands.ScalarAsync("SELECT status FROM workflow_instances WHERE id = $1 FOR UPDATE;", cancellationToken, id).ConfigureAwait(false) is int status
            ? (WorkflowStatus)status
            : throw new WorkflowNotFoundException(id);

    /// <summary>The instance at the current row, whose <see cref="InstanceColumns"/> start at column <paramref name="first"/>.</summary>
    private static WorkflowInstance ReadInstance(NpgsqlDataReader reader, int first = 0)
    {
        string? Text(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        DateTimeOffset? At(int i) => reader.IsDBNull(first + i) ? null : reader.GetFieldValue<DateTimeOffset>(first + i);
        return new(
            Id: reader.GetString(first),
            Name: reader.GetString(first + 1),
            Status: (WorkflowStatus)reader.GetInt32(first + 2),
            State: reader.GetInt32(first + 3),
            Commits: reader.GetInt32(first + 4),
            LayoutFingerprint: reader.GetString(first + 5),
            Slots: reader.GetString(first + 6),
            Result: Text(7),
            Error: Text(8) is { } error ? JsonSerializer.Deserialize(error, PostgresJsonContext.Default.WorkflowError) : null,
            SetAsideReason: Text(9),
            CreatedAt: At(10)!.Value,
            UpdatedAt: At(11)!.Value,
            WakeAt: At(12),
            AwaitedEvent: Text(13),
            Cancellation: (CancellationState)reader.GetInt32(first + 14),
            LeaseOwner: Text(15),
            LeaseExpiresAt: At(16),
            Starts: reader.GetInt32(first + 17),
            Poisoned: reader.GetBoolean(first + 18),
            ParentId: Text(19));
    }
}
