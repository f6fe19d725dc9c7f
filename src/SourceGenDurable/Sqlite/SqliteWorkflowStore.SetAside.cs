using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Instances set aside: declined by a host or poisoned, listed for an operator, and resumed on request.</summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            // A host that declines an instance never ran it: that is not a start, and the lease goes back at once.
            statements => Execute(
                Guarded(
                    statements,
                    $"""
                    UPDATE workflow_instances SET set_aside_reason = $reason, lease_owner = NULL, lease_expires_at = NULL, starts = MAX(starts - 1, 0)
                    WHERE {UnderLease};
                    """),
                ("$id", id),
                ("$reason", reason)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<WorkflowInstance>>(
            statements => ReadAll(
                statements.For($"SELECT {InstanceColumns} FROM workflow_instances WHERE set_aside_reason IS NOT NULL AND status IN {Unfinished} ORDER BY updated_at DESC, id;"),
                ReadInstance),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                ReadStatus(statements, id);
                return Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET set_aside_reason = NULL, poisoned = 0, starts = 0, updated_at = $now
                    WHERE id = $id AND set_aside_reason IS NOT NULL AND status IN {Unfinished};
                    """,
                    ("$id", id),
                    ("$now", Now())) == 1;
            },
            cancellationToken);
}
