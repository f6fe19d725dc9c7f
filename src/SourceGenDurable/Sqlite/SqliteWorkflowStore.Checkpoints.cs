using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The checkpoint commit, the hot path: the instance's state and slots, its step record and the events it took, in
/// one guarded write of the group commit.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _writer.WriteAsync(static (statements, write) => write.Store.CommitCheckpoint(statements, write.Id, write.Commit), (Store: this, Id: id, Commit: commit), cancellationToken);
    }

    /// <summary>Commits a checkpoint on the writer's connection; returns whether a cancellation is requested and not yet delivered.</summary>
    private bool CommitCheckpoint(SqliteStatements statements, string id, CheckpointCommit commit)
    {
        // The guards on the commit count and the lease come first: when another run got there first, or another
        // worker took the instance over, nothing is written. A commit is progress, so the start count restarts.
        // Almost always no cancellation is pending, and the first statement alone commits; otherwise the second
        // one learns of it (and marks it delivered once the workflow has received it).
        SqlitePreparedStatement Update(string sql) =>
            Guarded(statements, sql)
                .Bind("$commit", commit.Commit)
                .Bind("$id", id)
                .Bind("$state", commit.State)
                .Bind("$slots", commit.Slots)
                .Bind("$now", Now());

        var cancellationRequested = false;
        var committed = Update(
            $"""
            UPDATE workflow_instances SET state = $state, commits = $commit, slots = $slots, updated_at = $now, starts = 0
            WHERE {RunningAtCommit} AND cancellation <> $requested;
            """).ExecuteNonQuery() == 1;
        if (!committed)
        {
            committed = Update(
                $"""
                UPDATE workflow_instances SET state = $state, commits = $commit, slots = $slots, updated_at = $now, starts = 0,
                    cancellation = CASE WHEN $delivered THEN $done ELSE cancellation END
                WHERE {RunningAtCommit} AND cancellation = $requested;
                """)
                .Bind("$delivered", commit.CancellationDelivered ? 1 : 0)
                .Bind("$done", (int)CancellationState.Delivered)
                .ExecuteNonQuery() == 1;
            cancellationRequested = !commit.CancellationDelivered;
        }

        if (!committed)
        {
            throw StoreConventions.CheckpointRefused(id, commit, WorkerId);
        }

        if (commit.Step is { } step)
        {
            statements.Prepared(
                $"""
                INSERT INTO workflow_steps (instance_key, {StepColumns})
                VALUES ({KeyOfInstance}, $sequence, $checkpoint, $name, $result, $attempts, $completed, $started);
                """)
                .Bind("$id", id)
                .Bind("$sequence", commit.Commit)
                .Bind("$checkpoint", step.Checkpoint)
                .Bind("$name", step.Name)
                .Bind("$result", step.Result)
                .Bind("$attempts", step.Attempts)
                .Bind("$completed", step.CompletedAt.ToUnixTimeMilliseconds())
                .Bind("$started", step.StartedAt?.ToUnixTimeMilliseconds())
                .ExecuteNonQuery();
        }

        foreach (var consumed in commit.ConsumedEvents)
        {
            var taken = Execute(
                statements,
                """
                UPDATE workflow_events SET consumed_by_commit = $commit
                WHERE sequence = $sequence AND instance_id = $id AND consumed_by_commit IS NULL AND rejected_reason IS NULL;
                """,
                ("$commit", commit.Commit),
                ("$sequence", consumed),
                ("$id", id));
            if (taken != 1)
            {
                // The savepoint of this write rolls back the instance update above with it.
                throw new InvalidOperationException(
                    $"Event {consumed} of instance '{id}' was consumed by another run, so checkpoint {commit.State} is not committed.");
            }
        }

        // The waits reached before this commit are behind the instance now: no re-execution reaches them again.
        // A run that reached none since its last commit (and has committed since it was loaded) has none to remove.
        if (commit.MayHaveWaits)
        {
            Execute(statements, "DELETE FROM workflow_waits WHERE instance_id = $id AND sequence = $commit;", ("$id", id), ("$commit", commit.Commit));
        }

        return cancellationRequested;
    }
}
