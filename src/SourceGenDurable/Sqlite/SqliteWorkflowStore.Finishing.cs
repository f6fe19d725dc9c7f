using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>The end of an instance (completed, failed, cancelled) and the delivery of a child's outcome to its parent.</summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public Task FinishAsync(string id, WorkflowOutcome outcome, CancellationToken cancellationToken)
    {
        StoreConventions.ThrowIfNotEnding(outcome);
        return outcome.Error is { } error
            ? FinishAsync(id, FinishWithError, JsonSerializer.Serialize(error, StoreJsonContext.Default.WorkflowError), outcome, cancellationToken)
            : FinishAsync(id, FinishWithResult, outcome.Result, outcome, cancellationToken);
    }

    // The end of an instance stores its result or its error; each text is a literal, so the writer finds its statement
    // by reference.
    private const string FinishedSetAndGuard = $"""
        set_aside_reason = NULL, wake_at = NULL, awaited_event = NULL, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL
        WHERE {RunningUnderLease};
        """;

    private const string FinishWithResult = $"UPDATE workflow_instances SET status = $status, result = $value, {FinishedSetAndGuard}";

    private const string FinishWithError = $"UPDATE workflow_instances SET status = $status, error = $value, {FinishedSetAndGuard}";

    private Task FinishAsync(string id, string finishSql, string? value, WorkflowOutcome outcome, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var finished = Guarded(statements, finishSql)
                    .Bind("$id", id)
                    .Bind("$status", (int)outcome.Status)
                    .Bind("$value", value)
                    .Bind("$now", Now())
                    .ExecuteNonQuery() == 1;
                if (!finished)
                {
                    throw StoreConventions.FinishRefused(id, WorkerId, outcome.Status);
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
    private void DeliverToParent(SqliteStatements statements, string id, WorkflowOutcome outcome)
    {
        var name = WorkflowOutcome.EventName(id);
        var delivered = Execute(
            statements,
            "INSERT INTO workflow_events (instance_id, name, payload, raised_at) SELECT parent_id, $name, $payload, $now FROM workflow_instances WHERE id = $id AND parent_id IS NOT NULL;",
            ("$id", id),
            ("$name", name),
            ("$payload", JsonSerializer.Serialize(outcome, StoreJsonContext.Default.WorkflowOutcome)),
            ("$now", Now()));
        if (delivered == 0)
        {
            return;
        }

        Execute(
            statements,
            $"""
            UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
            WHERE id = (SELECT parent_id FROM workflow_instances WHERE id = $id) AND status = {Waiting} AND awaited_event IN ($name, '{StoreConventions.AnyEvent}');
            """,
            ("$id", id),
            ("$name", name),
            ("$running", (int)WorkflowStatus.Running),
            ("$now", Now()));
    }
}
