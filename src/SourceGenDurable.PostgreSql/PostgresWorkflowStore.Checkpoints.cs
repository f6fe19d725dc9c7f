using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The checkpoint commit, the hot path: the instance's state and slots, its step record and the removal of its waits,
/// guarded, in one set-based statement for every instance whose checkpoint is in the same batch of the group commit.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    // The guard first: a row whose instance another run got to first, or that another worker took over, updates nothing
    // and nothing follows from it (it returns no row). A commit is progress, so the start count restarts. The
    // cancellation it returns is the new one: still requested (1) only when the workflow has not been told yet.
    private static readonly (string, string)[] CheckpointInput =
    [
        ("id", "text"), ("commit", "integer"), ("state", "integer"), ("slots", "text"), ("delivered", "boolean"), ("may_have_waits", "boolean"),
        ("now", "timestamptz"), ("step_checkpoint", "integer"), ("step_name", "text"), ("step_result", "text"), ("step_attempts", "integer"),
        ("step_completed", "timestamptz"), ("step_started", "timestamptz"),
    ];

    private const string CheckpointSql = """
        updated AS (
            UPDATE workflow_instances i SET state = input.state, commits = input.commit, slots = input.slots, updated_at = input.now, starts = 0,
                cancellation = CASE WHEN i.cancellation = 1 AND input.delivered THEN 2 ELSE i.cancellation END
            FROM input
            WHERE i.id = input.id AND (i.lease_owner, i.status, i.commits) IS NOT DISTINCT FROM ($14, 0, input.commit - 1)
            RETURNING input.ord, i.cancellation, input.id, input.commit, input.may_have_waits, input.step_checkpoint, input.step_name,
                input.step_result, input.step_attempts, input.step_completed, input.step_started),
        step AS (
            INSERT INTO workflow_steps (instance_id, sequence, checkpoint, name, result, attempts, completed_at, started_at)
            SELECT id, commit, step_checkpoint, step_name, step_result, step_attempts, step_completed, step_started
            FROM updated WHERE step_name IS NOT NULL),
        waits AS (
            DELETE FROM workflow_waits w USING updated
            WHERE updated.may_have_waits AND w.instance_id = updated.id AND w.sequence = updated.commit)
        SELECT ord, cancellation FROM updated ORDER BY ord;
        """;

    private readonly PostgresRowStatement<CheckpointRow, bool> _checkpoints;

    /// <inheritdoc />
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var row = new CheckpointRow(id, commit, Now());
        if (commit.ConsumedEvents.Count == 0)
        {
            return _writer.RowAsync(id, _checkpoints, row, cancellationToken);
        }

        // Taking events is a conversation: when an event was taken by another run, the whole commit rolls back.
        return _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                var (store, row) = write;
                var (id, commit, _) = row;
                var commands = context.Commands;
                var (sql, arguments) = store._checkpoints.For([row]);
                var cancellation = store.Committed(
                    row, await commands.ReadFirstAsync(sql, reader => (int?)reader.GetInt32(1), CancellationToken.None, arguments).ConfigureAwait(false));
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
            (Store: this, Row: row),
            cancellationToken);
    }

    /// <summary>The statement's parameters for <paramref name="rows"/>: one per column, then this worker's id.</summary>
    private object?[] CheckpointColumns(IReadOnlyList<CheckpointRow> rows)
    {
        object? Column<T>(Func<CheckpointRow, T> value) => PostgresRowStatement<CheckpointRow, bool>.Column(rows, value);
        return
        [
            Column(r => r.Id),
            Column(r => r.Commit.Commit),
            Column(r => r.Commit.State),
            Column(r => r.Commit.Slots),
            Column(r => r.Commit.CancellationDelivered),
            // The waits reached before this commit are behind the instance now; a run that reached none since its last
            // commit (and has committed since it was loaded) has none to remove.
            Column(r => r.Commit.MayHaveWaits),
            Column(r => r.Now),
            Column(r => r.Commit.Step?.Checkpoint),
            Column(r => r.Commit.Step?.Name),
            Column(r => r.Commit.Step?.Result),
            Column(r => r.Commit.Step?.Attempts),
            Column(r => PostgresTime.Stored(r.Commit.Step?.CompletedAt)),
            Column(r => PostgresTime.Stored(r.Commit.Step?.StartedAt)),
            WorkerId,
        ];
    }

    /// <summary>Whether a cancellation is requested and not yet delivered, from the commit's result (null: its guard held it back, and this throws).</summary>
    private bool Committed(CheckpointRow row, int? cancellation) =>
        cancellation is { } state ? state == (int)CancellationState.Requested : throw StoreConventions.CheckpointRefused(row.Id, row.Commit, WorkerId);

    /// <summary>One instance's checkpoint, as a row of the set-based commit.</summary>
    private readonly record struct CheckpointRow(string Id, CheckpointCommit Commit, DateTimeOffset Now);
}
