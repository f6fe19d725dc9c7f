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
                var next = Scalar(statements, $"SELECT MIN(wake_at) FROM workflow_instances WHERE status IN ({Sleeping}, {Waiting});");
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
        var stored = statements.Prepared(
            """
            SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits
            WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;
            """)
            .Bind("$id", id)
            .Bind("$sequence", wait.Commit)
            .Bind("$ordinal", wait.Ordinal)
            .ReadFirst(row => new StoredWait(
                (int)row.GetInt64(0),
                (WaitKind)row.GetInt64(1),
                row.IsDBNull(2) ? null : row.GetString(2),
                row.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3)),
                row.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.IsDBNull(5) ? null : row.GetInt64(5)));
        if (stored is { } first)
        {
            if (first.Checkpoint != wait.Checkpoint || first.Kind != wait.Kind || first.EventName != wait.EventName)
            {
                throw StoreConventions.WaitNotDeterministic(id, wait, first.Checkpoint, first.Kind, first.EventName);
            }

            (due, outcome, rejectedEvent) = (first.DueAt, first.Outcome, first.EventSequence);
        }

        if (stored is null && !(wait.Kind == WaitKind.Timer && due <= now))
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
                var rejected = statements.Prepared($"SELECT {EventColumns} FROM workflow_events WHERE sequence = $sequence;")
                    .Bind("$sequence", rejectedEvent!.Value)
                    .ReadFirst(ReadEvent<SqlitePreparedStatement>)
                    ?? throw new InvalidOperationException($"Event {rejectedEvent} that instance '{id}' rejected is not in its inbox.");
                return new WaitOutcome(WaitResolution.EventRejected, rejected);
            }

            if (cancellation == CancellationState.Requested && !cancellationDelivered)
            {
                return new WaitOutcome(WaitResolution.CancellationRequested);
            }

            if (wait.Kind == WaitKind.Event)
            {
                // The earliest event of that name not yet taken, raised before the deadline: one raised at or after it
                // is left for a later wait, so a wait that could have timed out never takes it after the fact.
                var received = statements.Prepared(
                    $"""
                    SELECT {EventColumns} FROM workflow_events
                    WHERE instance_id = $id AND name = $name AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($deadline IS NULL OR raised_at < $deadline)
                    ORDER BY sequence LIMIT 1;
                    """)
                    .Bind("$id", id)
                    .Bind("$name", wait.EventName!)
                    .Bind("$deadline", due?.ToUnixTimeMilliseconds())
                    .ReadFirst(ReadEvent<SqlitePreparedStatement>);
                if (received is not null)
                {
                    return new WaitOutcome(WaitResolution.EventReceived, received);
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

    /// <summary>A wait as it was recorded when the run first reached it.</summary>
    private sealed record StoredWait(int Checkpoint, WaitKind Kind, string? EventName, DateTimeOffset? DueAt, string Outcome, long? EventSequence);
}
