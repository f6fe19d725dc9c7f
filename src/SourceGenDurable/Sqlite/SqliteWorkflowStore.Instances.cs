using System.Text.Json;
using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Instances: their start (idempotent by id), their reads by id and by filter, and the ids a host resumes.</summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string SelectInstance = $"SELECT {InstanceColumns} FROM workflow_instances WHERE id = $id;";

    private const string InstanceColumns =
        "id, name, status, state, commits, layout_fingerprint, slots, result, error, set_aside_reason, created_at, updated_at, wake_at, awaited_event, cancellation, lease_owner, lease_expires_at, starts, poisoned, parent_id";

    private const string Sleeping = "4";
    private const string Waiting = "5";
    private const string Unfinished = "(0, 3, 4, 5)";

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
                    """,
                    [("$now", Now()), ("$running", (int)WorkflowStatus.Running), ("$pending", (int)WorkflowStatus.Pending)]);
                return ReadAll(select, reader => reader.GetString(0));
            },
            cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>The instance's status; throws <see cref="WorkflowNotFoundException"/> when there is no such instance.</summary>
    private static WorkflowStatus ReadStatus(SqliteStatements statements, string id) =>
        Scalar(statements, "SELECT status FROM workflow_instances WHERE id = $id;", ("$id", id)) is long status
            ? (WorkflowStatus)status
            : throw new WorkflowNotFoundException(id);

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
}
