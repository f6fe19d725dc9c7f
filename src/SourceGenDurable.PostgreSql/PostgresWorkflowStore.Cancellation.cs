using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Cancellation requests: recorded on the instance, which a sleeping or waiting one is woken to receive.</summary>
internal sealed partial class PostgresWorkflowStore
{
    // Only the first request wakes a sleeping or waiting instance: a later one finds it told already (or about to be).
    private const string RequestCancellation = $"""
        UPDATE workflow_instances SET cancellation = 1, updated_at = $2,
            status = CASE WHEN status IN {Suspended} THEN 0 ELSE status END,
            wake_at = CASE WHEN status IN {Suspended} THEN NULL ELSE wake_at END,
            awaited_event = CASE WHEN status IN {Suspended} THEN NULL ELSE awaited_event END
        """;

    /// <inheritdoc />
    public Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                var status = await LockStatusAsync(context.Commands, write.Id, CancellationToken.None).ConfigureAwait(false);
                if (status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    return false;
                }

                if (await context.Commands.ExecuteAsync($"{RequestCancellation} WHERE id = $1 AND cancellation = 0;", CancellationToken.None, write.Id, write.Now)
                        .ConfigureAwait(false) == 1)
                {
                    context.WorkMade = true;
                }

                return true;
            },
            (Id: id, Now: Now()),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken) =>
        _writer.StatementAsync<IReadOnlyList<string>>(
            parentId,
            // As RequestCancellationAsync does for one instance: a sleeping or waiting child is woken to receive it.
            $"""
            WITH requested AS ({RequestCancellation} WHERE parent_id = $1 AND status IN {Unfinished} AND cancellation = 0 RETURNING id)
            SELECT coalesce(array_agg(id ORDER BY id), ARRAY[]::text[]) FROM requested;
            """,
            [parentId, Now()],
            reader => reader.GetFieldValue<string[]>(0),
            madeWork: children => children.Count > 0,
            cancellationToken);
}
