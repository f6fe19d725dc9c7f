using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The checkpoint commit, the hot path: the instance's state and slots, its step record and the removal of its waits in
/// one guarded statement, sent with the other instances' commits in one round trip of the group commit.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    // The guard first: when another run got there first, or another worker took the instance over, the UPDATE matches
    // nothing and neither does anything that follows from it. A commit is progress, so the start count restarts. The
    // cancellation it returns is the new one: still requested (1) only when the workflow has not been told yet.
    private const string CommitSql = $"""
        WITH updated AS (
            UPDATE workflow_instances SET state = $4, commits = $3, slots = $5, updated_at = $6, starts = 0,
                cancellation = CASE WHEN cancellation = 1 AND $7 THEN 2 ELSE cancellation END
            WHERE {RunningAtCommit}
            RETURNING cancellation),
        step AS (
            INSERT INTO workflow_steps (instance_id, sequence, checkpoint, name, result, attempts, completed_at, started_at)
            SELECT $1, $3, $8::integer, $9::text, $10::text, $11::integer, $12::timestamptz, $13::timestamptz FROM updated WHERE $9::text IS NOT NULL),
        waits AS (
            DELETE FROM workflow_waits WHERE $14 AND instance_id = $1 AND sequence = $3 AND EXISTS (SELECT 1 FROM updated))
        SELECT (SELECT cancellation FROM updated);
        """;

    /// <inheritdoc />
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var step = commit.Step;
        object?[] arguments =
        [
            id, WorkerId, commit.Commit, commit.State, commit.Slots, Now(), commit.CancellationDelivered,
            step?.Checkpoint, step?.Name, step?.Result, step?.Attempts, PostgresTime.Stored(step?.CompletedAt), PostgresTime.Stored(step?.StartedAt),
            // The waits reached before this commit are behind the instance now; a run that reached none since its last
            // commit (and has committed since it was loaded) has none to remove.
            commit.MayHaveWaits,
        ];
        if (commit.ConsumedEvents.Count == 0)
        {
            return _writer.StatementAsync(id, CommitSql, arguments, reader => Committed(id, commit, reader.IsDBNull(0) ? null : reader.GetInt32(0)), madeWork: null, cancellationToken);
        }

        // Taking events is a conversation: when an event was taken by another run, the whole commit rolls back.
        return _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                var (store, id, commit, arguments) = write;
                var commands = context.Commands;
                var cancellation = store.Committed(id, commit, await commands.ScalarAsync(CommitSql, CancellationToken.None, arguments).ConfigureAwait(false) as int?);
                var sequences = commit.ConsumedEvents.Distinct().ToArray();
                var taken = await commands.ExecuteAsync(
                    """
                    UPDATE workflow_events SET consumed_by_commit = $2
                    WHERE sequence = ANY($3) AND instance_id = $1 AND consumed_by_commit IS NULL AND rejected_reason IS NULL;
                    """,
                    CancellationToken.None,
                    id,
                    commit.Commit,
                    sequences).ConfigureAwait(false);
                if (taken != sequences.Length)
                {
                    throw new InvalidOperationException(
                        $"An event among {string.Join(", ", sequences)} of instance '{id}' was consumed by another run, so checkpoint {commit.State} is not committed.");
                }

                return cancellation;
            },
            (Store: this, Id: id, Commit: commit, Arguments: arguments),
            cancellationToken);
    }

    /// <summary>Whether a cancellation is requested and not yet delivered, from the commit's result; throws when its guard held it back.</summary>
    private bool Committed(string id, CheckpointCommit commit, int? cancellation) =>
        cancellation is { } state
            ? state == (int)CancellationState.Requested
            : throw StoreConventions.CheckpointRefused(id, commit, WorkerId);
}
