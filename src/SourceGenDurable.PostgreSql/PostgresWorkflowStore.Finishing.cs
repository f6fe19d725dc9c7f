using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>The end of an instance (completed, failed, cancelled) and the delivery of a child's outcome to its parent.</summary>
internal sealed partial class PostgresWorkflowStore
{
    // One set-based statement for the instances ending in one batch: each ends under this worker's lease; a child's
    // outcome goes to its parent's inbox as an event and wakes the parent if it waits for it; the waits it left are
    // removed. A row whose guard does not hold changes nothing and returns no row.
    private static readonly (string, string)[] FinishInput =
    [
        ("id", "text"), ("status", "integer"), ("result", "text"), ("error", "text"), ("now", "timestamptz"), ("event_name", "text"), ("outcome", "text"),
    ];

    private const string FinishSql = $"""
        finished AS (
            UPDATE workflow_instances i SET status = input.status, result = input.result, error = input.error, set_aside_reason = NULL, wake_at = NULL,
                awaited_event = NULL, updated_at = input.now, lease_owner = NULL, lease_expires_at = NULL
            FROM input
            WHERE i.id = input.id AND (i.lease_owner, i.status) IS NOT DISTINCT FROM ($8, 0)
            RETURNING input.ord, i.id, i.parent_id, input.event_name, input.outcome, input.now),
        delivered AS (
            INSERT INTO workflow_events (instance_id, name, payload, raised_at)
            SELECT parent_id, event_name, outcome, now FROM finished WHERE parent_id IS NOT NULL
            RETURNING instance_id, name, raised_at),
        woken AS (
            UPDATE workflow_instances p SET status = 0, wake_at = NULL, awaited_event = NULL, updated_at = delivered.raised_at
            FROM delivered
            WHERE p.id = delivered.instance_id AND p.status IS NOT DISTINCT FROM 5 AND p.awaited_event IN (delivered.name, '{StoreConventions.AnyEvent}')
            RETURNING delivered.name),
        waits AS (
            DELETE FROM workflow_waits w USING finished WHERE w.instance_id = finished.id)
        SELECT ord, EXISTS (SELECT 1 FROM woken WHERE woken.name = finished.event_name) FROM finished ORDER BY ord;
        """;

    private readonly PostgresRowStatement<FinishRow, bool> _finishes;

    /// <inheritdoc />
    public Task FinishAsync(string id, WorkflowOutcome outcome, CancellationToken cancellationToken)
    {
        StoreConventions.ThrowIfNotEnding(outcome);
        return _writer.RowAsync(id, _finishes, new FinishRow(id, outcome, Now()), cancellationToken);
    }

    private PostgresRowStatement<FinishRow, bool> CreateFinishStatement() =>
        new(FinishInput, FinishSql, FinishColumns, (reader, _) => reader.GetBoolean(1),
            refused: row => throw StoreConventions.FinishRefused(row.Id, WorkerId, row.Outcome.Status),
            // A parent woken by its child's outcome may be another host's to run.
            madeWork: (_, parentWoken) => parentWoken);

    /// <summary>The statement's parameters for <paramref name="rows"/>: one per column, then this worker's id.</summary>
    private object?[] FinishColumns(IReadOnlyList<FinishRow> rows)
    {
        object? Column<T>(Func<FinishRow, T> value) => PostgresRowStatement<FinishRow, bool>.Column(rows, value);
        return
        [
            Column(r => r.Id),
            Column(r => (int)r.Outcome.Status),
            Column(r => r.Outcome.Result),
            Column(r => r.Outcome.Error is null ? null : JsonSerializer.Serialize(r.Outcome.Error, PostgresJsonContext.Default.WorkflowError)),
            Column(r => r.Now),
            Column(r => WorkflowOutcome.EventName(r.Id)),
            Column(r => JsonSerializer.Serialize(r.Outcome, PostgresJsonContext.Default.WorkflowOutcome)),
            WorkerId,
        ];
    }

    /// <summary>One instance's end, as a row of the set-based finish.</summary>
    private readonly record struct FinishRow(string Id, WorkflowOutcome Outcome, DateTimeOffset Now);
}
