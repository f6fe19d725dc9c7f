using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Cancellation requests: recorded on the instance, which a sleeping or waiting one is woken to receive.</summary>
internal sealed partial class SqliteWorkflowStore
{
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
    public Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken) =>
        // As RequestCancellationAsync does for one instance: a sleeping or waiting child is woken to receive it.
        _writer.WriteAsync<IReadOnlyList<string>>(
            statements =>
            {
                return statements.Prepared(
                    $"""
                    UPDATE workflow_instances SET cancellation = $requested, updated_at = $now,
                        status = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN $running ELSE status END,
                        wake_at = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN NULL ELSE wake_at END,
                        awaited_event = CASE WHEN status IN ({Sleeping}, {Waiting}) THEN NULL ELSE awaited_event END
                    WHERE parent_id = $parent AND status IN {Unfinished} AND cancellation = $none
                    RETURNING id;
                    """)
                    .Bind("$parent", parentId)
                    .Bind("$requested", (int)CancellationState.Requested)
                    .Bind("$none", (int)CancellationState.None)
                    .Bind("$running", (int)WorkflowStatus.Running)
                    .Bind("$now", Now())
                    .ReadAll(row => row.GetString(0));
            },
            cancellationToken);
}
