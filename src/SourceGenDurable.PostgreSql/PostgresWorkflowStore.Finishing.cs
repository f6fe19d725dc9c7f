using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>The end of an instance (completed, failed, cancelled) and the delivery of a child's outcome to its parent.</summary>
internal sealed partial class PostgresWorkflowStore
{
    // One statement: the instance ends under this worker's lease; when it is a child, its outcome goes to its parent's
    // inbox as an event and wakes the parent if it waits for it; the waits it left are removed. When the guard does not
    // hold, nothing follows from it.
    private const string FinishSql = $"""
        WITH finished AS (
            UPDATE workflow_instances SET status = $3, result = $4, error = $5, set_aside_reason = NULL, wake_at = NULL, awaited_event = NULL,
                updated_at = $6, lease_owner = NULL, lease_expires_at = NULL
            WHERE {RunningUnderLease}
            RETURNING parent_id),
        delivered AS (
            INSERT INTO workflow_events (instance_id, name, payload, raised_at)
            SELECT parent_id, $7, $8, $6 FROM finished WHERE parent_id IS NOT NULL
            RETURNING instance_id),
        woken AS (
            UPDATE workflow_instances SET status = 0, wake_at = NULL, awaited_event = NULL, updated_at = $6
            WHERE id = (SELECT instance_id FROM delivered) AND status = 5 AND awaited_event IN ($7, '{StoreConventions.AnyEvent}')
            RETURNING 1),
        waits AS (
            DELETE FROM workflow_waits WHERE instance_id = $1 AND EXISTS (SELECT 1 FROM finished))
        SELECT EXISTS (SELECT 1 FROM finished), EXISTS (SELECT 1 FROM woken);
        """;

    /// <inheritdoc />
    public Task CompleteAsync(string id, string? result, CancellationToken cancellationToken) =>
        FinishAsync(id, result, null, new ChildOutcome(WorkflowStatus.Completed, result, null), cancellationToken);

    /// <inheritdoc />
    public Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken) =>
        FinishAsync(id, null, error, new ChildOutcome(WorkflowStatus.Failed, null, error), cancellationToken);

    /// <inheritdoc />
    public Task CancelAsync(string id, WorkflowError error, CancellationToken cancellationToken) =>
        FinishAsync(id, null, error, new ChildOutcome(WorkflowStatus.Cancelled, null, error), cancellationToken);

    private Task FinishAsync(string id, string? result, WorkflowError? error, ChildOutcome outcome, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            id,
            FinishSql,
            [
                id, WorkerId, (int)outcome.Status, result, error is null ? null : JsonSerializer.Serialize(error, PostgresJsonContext.Default.WorkflowError), Now(),
                ChildOutcome.EventName(id), JsonSerializer.Serialize(outcome, PostgresJsonContext.Default.ChildOutcome),
            ],
            reader => reader.GetBoolean(0)
                ? reader.GetBoolean(1)
                : throw StoreConventions.FinishRefused(id, WorkerId, outcome.Status),
            // A parent woken by its child's outcome may be another host's to run.
            madeWork: parentWoken => parentWoken,
            cancellationToken);
}
