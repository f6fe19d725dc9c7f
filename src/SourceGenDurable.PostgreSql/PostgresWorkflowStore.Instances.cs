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

    private static readonly (string, string)[] StartInput =
    [
        ("id", "text"), ("name", "text"), ("status", "integer"), ("state", "integer"), ("layout_fingerprint", "text"), ("slots", "text"),
        ("created_at", "timestamptz"), ("lease_owner", "text"), ("lease_expires_at", "timestamptz"), ("starts", "integer"), ("parent_id", "text"),
    ];

    // Inserted, or else the stored row read back in the same statement: a start of an existing id returns it. Every
    // row of the batch gets a result row (the stored columns are null for one just inserted: the statement's own
    // snapshot does not show it).
    private const string StartSql = $"""
        inserted AS (
            INSERT INTO workflow_instances ({InstanceColumns})
            SELECT id, name, status, state, 0, layout_fingerprint, slots, NULL, NULL, NULL, created_at, created_at, NULL, NULL, 0,
                lease_owner, lease_expires_at, starts, false, parent_id
            FROM input
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        SELECT input.ord, inserted.id IS NOT NULL, s.* FROM input
        LEFT JOIN inserted ON inserted.id = input.id
        LEFT JOIN LATERAL (SELECT {InstanceColumns} FROM workflow_instances WHERE id = input.id AND inserted.id IS NULL) s ON true
        ORDER BY input.ord;
        """;

    private readonly PostgresRowStatement<WorkflowInstance, (bool Created, WorkflowInstance? Stored)> _starts;

    private static PostgresRowStatement<WorkflowInstance, (bool Created, WorkflowInstance? Stored)> CreateStartStatement()
    {
        static object?[] Columns(IReadOnlyList<WorkflowInstance> rows)
        {
            object? Column<T>(Func<WorkflowInstance, T> value) => PostgresRowStatement<WorkflowInstance, (bool, WorkflowInstance?)>.Column(rows, value);
            return
            [
                Column(r => r.Id), Column(r => r.Name), Column(r => (int)r.Status), Column(r => r.State), Column(r => r.LayoutFingerprint),
                Column(r => r.Slots), Column(r => r.CreatedAt), Column(r => r.LeaseOwner), Column(r => r.LeaseExpiresAt), Column(r => r.Starts),
                Column(r => r.ParentId),
            ];
        }

        return new(
            StartInput,
            StartSql,
            Columns,
            // Inserted, or found stored already (null: by a start this statement's snapshot does not show yet).
            (reader, _) => (Created: reader.GetBoolean(1), Stored: reader.IsDBNull(2) ? null : ReadInstance(reader, 2)),
            refused: row => throw new InvalidOperationException($"The start of instance '{row.Id}' returned no row."),
            // An instance nobody holds is for any host to take.
            madeWork: (row, result) => result.Created && row.LeaseOwner is null);
    }

    /// <inheritdoc />
    public async Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        // The row as the statement stores it, and as it is returned when inserted (its own snapshot does not show it).
        var at = PostgresTime.Stored(instance.CreatedAt);
        var row = instance with
        {
            Commits = 0, Result = null, Error = null, SetAsideReason = null, CreatedAt = at, UpdatedAt = at, WakeAt = null, AwaitedEvent = null,
            Cancellation = CancellationState.None, LeaseExpiresAt = PostgresTime.Stored(instance.LeaseExpiresAt), Poisoned = false,
        };
        var (created, found) = await _writer.RowAsync(instance.Id, _starts, row, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            return (row, true);
        }

        // Another host inserted it in the same moment: its row committed after this statement's snapshot was taken.
        return (found ?? await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false)
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
