using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Instances set aside: declined by a host or poisoned, listed for an operator, and resumed on request.</summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            id,
            // A host that declines an instance never ran it: that is not a start, and the lease goes back at once.
            $"""
            WITH set_aside AS (
                UPDATE workflow_instances SET set_aside_reason = $3, lease_owner = NULL, lease_expires_at = NULL, starts = greatest(starts - 1, 0)
                WHERE {UnderLease}
                RETURNING 1)
            SELECT count(*)::integer FROM set_aside;
            """,
            [id, WorkerId, reason],
            reader => reader.GetInt32(0),
            madeWork: null,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<WorkflowInstance>>(
            async (commands, token) => await commands.ReadAllAsync(
                $"SELECT {InstanceColumns} FROM workflow_instances WHERE set_aside_reason IS NOT NULL AND status IN {Unfinished} ORDER BY updated_at DESC, id;",
                reader => ReadInstance(reader),
                token).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                await LockStatusAsync(context.Commands, write.Id, CancellationToken.None).ConfigureAwait(false);
                var resumed = await context.Commands.ExecuteAsync(
                    $"""
                    UPDATE workflow_instances SET set_aside_reason = NULL, poisoned = false, starts = 0, updated_at = $2
                    WHERE id = $1 AND set_aside_reason IS NOT NULL AND status IN {Unfinished};
                    """,
                    CancellationToken.None,
                    write.Id,
                    write.Now).ConfigureAwait(false) == 1;

                // Any host may take it now, not only the one that declined it.
                context.WorkMade |= resumed;
                return resumed;
            },
            (Id: id, Now: Now()),
            cancellationToken);
}
