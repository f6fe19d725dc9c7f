using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Fan-out (<c>ctx.WhenAll</c>, <c>ctx.WhenAny</c>): the results of its step branches, recorded as each completes,
/// and the suspension of an instance that waits for several things at once.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string BranchColumns = "sequence, fan_out, branch, checkpoint, name, result, attempts, completed_at, started_at";

    /// <inheritdoc />
    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return RecordAtCommitAsync(
            id,
            branch.Sequence,
            $"""
            INSERT INTO workflow_branches (instance_id, {BranchColumns})
            SELECT $id, $commit, $fanOut, $branch, $checkpoint, $name, $result, $attempts, $completed, $started {OnTopOfCommit}
            ON CONFLICT (instance_id, sequence, fan_out, branch) DO NOTHING;
            """,
            $"the result of step '{branch.Name}' (branch {branch.Branch})",
            [
                ("$fanOut", branch.FanOut),
                ("$branch", branch.Branch),
                ("$checkpoint", branch.Checkpoint),
                ("$name", branch.Name),
                ("$result", (object?)branch.Result ?? DBNull.Value),
                ("$attempts", branch.Attempts),
                ("$completed", branch.CompletedAt.ToUnixTimeMilliseconds()),
                ("$started", branch.StartedAt is { } started ? started.ToUnixTimeMilliseconds() : DBNull.Value),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BranchRecord>>(
            statements => ReadAll(
                statements.For(
                    $"SELECT {BranchColumns} FROM workflow_branches WHERE instance_id = $id AND ($sequence IS NULL OR sequence = $sequence) ORDER BY sequence, fan_out, branch;",
                    [("$id", id), ("$sequence", (object?)sequence ?? DBNull.Value)]),
                reader => new BranchRecord(
                    Sequence: reader.GetInt32(0),
                    FanOut: reader.GetInt32(1),
                    Branch: reader.GetInt32(2),
                    Checkpoint: reader.GetInt32(3),
                    Name: reader.GetString(4),
                    Result: reader.IsDBNull(5) ? null : reader.GetString(5),
                    Attempts: reader.GetInt32(6),
                    CompletedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    StartedAt: reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)))),
            cancellationToken);

    /// <inheritdoc />
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waits);
        if (waits.Count == 0)
        {
            throw new ArgumentException("A fan-out suspends only for the waits it has pending; it has none.", nameof(waits));
        }

        // In the writer's transaction, which holds the write lock: an event raised meanwhile is either seen here or
        // wakes the saved instance.
        return _writer.WriteAsync(statements => Suspend(statements, id, waits, now, cancellationDelivered), cancellationToken);
    }

    private WaitResolution Suspend(SqliteStatements statements, string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered)
    {
        var cancellation = EnsureRunningAt(statements, id, waits[0]);
        if (cancellation == CancellationState.Requested && !cancellationDelivered)
        {
            return WaitResolution.CancellationRequested;
        }

        DateTimeOffset? wakeAt = null;
        var events = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wait in waits)
        {
            // The stored due time wins: it was computed when the wait was first reached.
            var stored = Scalar(
                statements,
                "SELECT due_at FROM workflow_waits WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;",
                ("$id", id),
                ("$sequence", wait.Commit),
                ("$ordinal", wait.Ordinal));
            DateTimeOffset? due = stored is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
            if (due <= now)
            {
                return WaitResolution.TimerFired;
            }

            if (due is { } pendingDue && (wakeAt is null || pendingDue < wakeAt))
            {
                wakeAt = pendingDue;
            }

            if (wait.Kind == WaitKind.Event)
            {
                var raised = Scalar(
                    statements,
                    "SELECT 1 FROM workflow_events WHERE instance_id = $id AND name = $name AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($deadline IS NULL OR raised_at < $deadline) LIMIT 1;",
                ("$id", id),
                ("$name", wait.EventName!),
                ("$deadline", due is { } deadline ? deadline.ToUnixTimeMilliseconds() : DBNull.Value));
                if (raised is not null)
                {
                    return WaitResolution.EventReceived;
                }

                events.Add(wait.EventName!);
            }
        }

        Execute(
            statements,
            "UPDATE workflow_instances SET status = $status, wake_at = $due, awaited_event = $name, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $id;",
            ("$id", id),
            ("$status", (int)(events.Count > 0 ? WorkflowStatus.WaitingForEvent : WorkflowStatus.Sleeping)),
            ("$due", wakeAt is { } wake ? wake.ToUnixTimeMilliseconds() : DBNull.Value),
            ("$name", events.Count switch { 0 => DBNull.Value, 1 => events.First(), _ => StoreConventions.AnyEvent }),
            ("$now", Now()));
        return WaitResolution.Suspended;
    }
}
