using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Durable waits (timers and events) and the timers that wake their instances when due.</summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string WaitOpen = "0";
    private const string WaitTimedOut = "1";
    private const string WaitRejected = "2";

    /// <inheritdoc />
    public Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync<DateTimeOffset?>(
            statements =>
            {
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
                    WHERE status IN ({Sleeping}, {Waiting}) AND wake_at <= $due;
                    """,
                    ("$running", (int)WorkflowStatus.Running),
                    ("$due", now.ToUnixTimeMilliseconds()),
                    ("$now", Now()));
                var next = statements.For($"SELECT MIN(wake_at) FROM workflow_instances WHERE status IN ({Sleeping}, {Waiting});").ExecuteScalar();
                return next is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        // The writer's transaction is BEGIN IMMEDIATE and holds the write lock, so no event or cancellation can slip in
        // between looking for it and saving the instance as waiting: either it is seen here or it wakes the saved instance.
        // The outcome is returned only once the transaction holding the wait record is durable.
        return _writer.WriteAsync(statements => Await(statements, id, wait, now, cancellationDelivered), cancellationToken);
    }

    private WaitOutcome Await(SqliteStatements statements, string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered)
    {
        var cancellation = EnsureRunningAt(statements, id, wait);

        DateTimeOffset? due = wait.DueAt;
        var outcome = WaitOpen;
        long? rejectedEvent = null;
        var found = false;
        var find = statements.For(
            """
            SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits
            WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;
            """);
        find.Set("$id", id);
        find.Set("$sequence", wait.Commit);
        find.Set("$ordinal", wait.Ordinal);
        using (var reader = find.ExecuteReader())
        {
            if (reader.Read())
            {
                found = true;
                var (checkpoint, kind, name) = (reader.GetInt32(0), (WaitKind)reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                if (checkpoint != wait.Checkpoint || kind != wait.Kind || name != wait.EventName)
                {
                    throw new InvalidOperationException(
                        $"Instance '{id}' re-executed from its last checkpoint and reached a {Describe(wait.Kind, wait.EventName)} wait at checkpoint {wait.Checkpoint}, " +
                        $"where it first reached a {Describe(kind, name)} wait at checkpoint {checkpoint}. The code between checkpoints must be deterministic: " +
                        "read the time, random numbers and outside state through ctx or a step.");
                }

                due = reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
                outcome = reader.GetInt32(4).ToString(System.Globalization.CultureInfo.InvariantCulture);
                rejectedEvent = reader.IsDBNull(5) ? null : reader.GetInt64(5);
            }
        }

        if (!found && !(wait.Kind == WaitKind.Timer && due <= now))
        {
            // A timer already due needs no record: re-executing reaches it due again.
            Execute(
                statements,
                """
                INSERT INTO workflow_waits (instance_id, sequence, ordinal, checkpoint, kind, event_name, due_at, outcome, event_sequence)
                VALUES ($id, $sequence, $ordinal, $checkpoint, $kind, $name, $due, 0, NULL);
                """,
                ("$id", id),
                ("$sequence", wait.Commit),
                ("$ordinal", wait.Ordinal),
                ("$checkpoint", wait.Checkpoint),
                ("$kind", (int)wait.Kind),
                ("$name", (object?)wait.EventName ?? DBNull.Value),
                ("$due", due is { } d ? d.ToUnixTimeMilliseconds() : DBNull.Value));
        }

        return Decide();

        WaitOutcome Decide()
        {
            if (outcome == WaitTimedOut)
            {
                return new WaitOutcome(WaitResolution.TimedOut);
            }

            if (outcome == WaitRejected)
            {
                var rejected = ReadEvents(statements, "sequence = $sequence", ("$sequence", rejectedEvent!.Value));
                return new WaitOutcome(WaitResolution.EventRejected, rejected.Single());
            }

            if (cancellation == CancellationState.Requested && !cancellationDelivered)
            {
                return new WaitOutcome(WaitResolution.CancellationRequested);
            }

            if (wait.Kind == WaitKind.Event)
            {
                // The earliest event of that name not yet taken, raised before the deadline: one raised at or after it
                // is left for a later wait, so a wait that could have timed out never takes it after the fact.
                var inbox = ReadEvents(
                    statements,
                    "instance_id = $id AND name = $name AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($deadline IS NULL OR raised_at < $deadline) ORDER BY sequence LIMIT 1",
                    ("$id", id),
                    ("$name", wait.EventName!),
                    ("$deadline", due is { } deadline ? deadline.ToUnixTimeMilliseconds() : DBNull.Value));
                if (inbox.Count == 1)
                {
                    return new WaitOutcome(WaitResolution.EventReceived, inbox[0]);
                }
            }

            if (due <= now)
            {
                if (wait.Kind == WaitKind.Timer)
                {
                    return new WaitOutcome(WaitResolution.TimerFired);
                }

                // Stored before the workflow sees it: a re-execution times out again even if the event arrives meanwhile.
                SetWaitOutcome(statements, id, wait, WaitTimedOut, null);
                return new WaitOutcome(WaitResolution.TimedOut);
            }

            if (wait.InFanOut)
            {
                return new WaitOutcome(WaitResolution.Pending, DueAt: due);
            }

            Execute(
                statements,
                // Saved at a durable wait: that is progress (the start count restarts), and no worker needs it until it wakes.
                "UPDATE workflow_instances SET status = $status, wake_at = $due, awaited_event = $name, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $id;",
                ("$id", id),
                ("$status", (int)(wait.Kind == WaitKind.Timer ? WorkflowStatus.Sleeping : WorkflowStatus.WaitingForEvent)),
                ("$due", due is { } wake ? wake.ToUnixTimeMilliseconds() : DBNull.Value),
                ("$name", (object?)wait.EventName ?? DBNull.Value),
                ("$now", Now()));
            return new WaitOutcome(WaitResolution.Suspended);
        }
    }

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _writer.WriteAsync(
            statements =>
            {
                EnsureRunningAt(statements, id, wait);
                SetWaitOutcome(statements, id, wait, WaitRejected, eventSequence);
                return Execute(
                    statements,
                    "UPDATE workflow_events SET rejected_reason = $reason WHERE sequence = $sequence AND instance_id = $id AND consumed_by_commit IS NULL;",
                    ("$reason", reason),
                    ("$sequence", eventSequence),
                    ("$id", id));
            },
            cancellationToken);
    }

    /// <summary>
    /// Checks, inside the transaction, that the instance is running at the commit <paramref name="wait"/> precedes under
    /// this worker's lease, so a run that another run has overtaken writes nothing. Returns the instance's cancellation state.
    /// </summary>
    private CancellationState EnsureRunningAt(SqliteStatements statements, string id, WaitRequest wait)
    {
        var command = statements.For("SELECT status, commits, cancellation, lease_owner FROM workflow_instances WHERE id = $id;");
        command.Set("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read() ||
            (WorkflowStatus)reader.GetInt32(0) != WorkflowStatus.Running ||
            reader.GetInt32(1) != wait.Commit - 1 ||
            (reader.IsDBNull(3) ? null : reader.GetString(3)) != WorkerId)
        {
            throw new InvalidOperationException(
                $"Instance '{id}' is not running, another run committed before its commit {wait.Commit}, or worker '{WorkerId}' no longer holds its lease, " +
                $"so its wait at checkpoint {wait.Checkpoint} is not recorded.");
        }

        return (CancellationState)reader.GetInt32(2);
    }

    private static void SetWaitOutcome(SqliteStatements statements, string id, WaitRequest wait, string outcome, long? eventSequence) =>
        Execute(
            statements,
            // The outcome is bound (the column's integer affinity stores the code as a number), so the text is a literal
            // and the writer finds its statement by reference.
            "UPDATE workflow_waits SET outcome = $outcome, event_sequence = $event WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;",
            ("$outcome", outcome),
            ("$id", id),
            ("$sequence", wait.Commit),
            ("$ordinal", wait.Ordinal),
            ("$event", (object?)eventSequence ?? DBNull.Value));

    private static string Describe(WaitKind kind, string? eventName) => kind == WaitKind.Timer ? "timer" : $"event '{eventName}'";
}
