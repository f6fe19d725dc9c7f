using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Durable waits (timers and events) and the timers that wake their instances when due.</summary>
internal sealed partial class SqliteWorkflowStore
{
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
        return _writer.WriteAsync(
            statements => Completed(WaitResolver.AwaitAsync(new WaitTransaction(this, statements, id), id, wait, now, cancellationDelivered)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        WaitResolver.ThrowIfNoWaits(waits);
        return _writer.WriteAsync(
            statements => Completed(WaitResolver.SuspendAsync(new WaitTransaction(this, statements, id), waits, now, cancellationDelivered)), cancellationToken);
    }

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _writer.WriteAsync(
            statements => Completed(WaitResolver.RejectAsync(new WaitTransaction(this, statements, id), wait, eventSequence, reason)), cancellationToken);
    }

    /// <summary>The result of a resolution over this store's SQL, which is synchronous: every task it awaits is complete, so it is too.</summary>
    private static T Completed<T>(ValueTask<T> resolution) =>
        resolution.IsCompleted ? resolution.GetAwaiter().GetResult() : throw new InvalidOperationException("A wait's resolution on SQLite did not complete synchronously.");

    /// <inheritdoc cref="Completed{T}(ValueTask{T})"/>
    private static bool Completed(ValueTask resolution)
    {
        if (!resolution.IsCompleted)
        {
            throw new InvalidOperationException("A wait's resolution on SQLite did not complete synchronously.");
        }

        resolution.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>
    /// A wait's reads and writes in the writer's transaction. It is BEGIN IMMEDIATE and holds the write lock, so no
    /// event or cancellation can slip in between looking for it and saving the instance as waiting: either it is seen
    /// here or it wakes the saved instance.
    /// </summary>
    private sealed class WaitTransaction(SqliteWorkflowStore store, SqliteStatements statements, string id) : IWaitTransaction
    {
        public ValueTask<CancellationState> EnsureRunningAtAsync(WaitRequest wait) =>
            ValueTask.FromResult(
                store.CancellationAt(statements, id, wait.Commit) ?? throw store.RefusedAtCommit(id, wait.Commit, $"its wait at checkpoint {wait.Checkpoint}"));

        public ValueTask<RecordedWait?> GetWaitAsync(WaitRequest wait) =>
            ValueTask.FromResult(
                statements.Prepared(
                    """
                    SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits
                    WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;
                    """)
                    .Bind("$id", id)
                    .Bind("$sequence", wait.Commit)
                    .Bind("$ordinal", wait.Ordinal)
                    .ReadFirst(row => new RecordedWait(
                        (int)row.GetInt64(0),
                        (WaitKind)row.GetInt64(1),
                        row.IsDBNull(2) ? null : row.GetString(2),
                        row.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3)),
                        (WaitRecordOutcome)row.GetInt64(4),
                        row.IsDBNull(5) ? null : row.GetInt64(5))));

        public ValueTask AddWaitAsync(WaitRequest wait)
        {
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
                ("$due", wait.DueAt is { } due ? due.ToUnixTimeMilliseconds() : DBNull.Value));
            return ValueTask.CompletedTask;
        }

        public ValueTask SetWaitOutcomeAsync(WaitRequest wait, WaitRecordOutcome outcome, long? eventSequence)
        {
            Execute(
                statements,
                "UPDATE workflow_waits SET outcome = $outcome, event_sequence = $event WHERE instance_id = $id AND sequence = $sequence AND ordinal = $ordinal;",
                ("$outcome", (int)outcome),
                ("$id", id),
                ("$sequence", wait.Commit),
                ("$ordinal", wait.Ordinal),
                ("$event", (object?)eventSequence ?? DBNull.Value));
            return ValueTask.CompletedTask;
        }

        public ValueTask<EventRecord?> GetEventAsync(long sequence) =>
            ValueTask.FromResult(
                statements.Prepared($"SELECT {EventColumns} FROM workflow_events WHERE sequence = $sequence AND instance_id = $id;")
                    .Bind("$sequence", sequence)
                    .Bind("$id", id)
                    .ReadFirst(ReadEvent<SqlitePreparedStatement>));

        public ValueTask<EventRecord?> GetReceivableEventAsync(string name, DateTimeOffset? deadline) =>
            ValueTask.FromResult(
                statements.Prepared(
                    $"""
                    SELECT {EventColumns} FROM workflow_events
                    WHERE instance_id = $id AND name = $name AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($deadline IS NULL OR raised_at < $deadline)
                    ORDER BY sequence LIMIT 1;
                    """)
                    .Bind("$id", id)
                    .Bind("$name", name)
                    .Bind("$deadline", deadline?.ToUnixTimeMilliseconds())
                    .ReadFirst(ReadEvent<SqlitePreparedStatement>));

        public ValueTask RejectEventAsync(long sequence, string reason)
        {
            Execute(
                statements,
                "UPDATE workflow_events SET rejected_reason = $reason WHERE sequence = $sequence AND instance_id = $id AND consumed_by_commit IS NULL;",
                ("$reason", reason),
                ("$sequence", sequence),
                ("$id", id));
            return ValueTask.CompletedTask;
        }

        public ValueTask SuspendAsync(WorkflowStatus status, DateTimeOffset? wakeAt, string? awaitedEvent)
        {
            Execute(
                statements,
                "UPDATE workflow_instances SET status = $status, wake_at = $due, awaited_event = $name, updated_at = $now, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $id;",
                ("$id", id),
                ("$status", (int)status),
                ("$due", wakeAt is { } wake ? wake.ToUnixTimeMilliseconds() : DBNull.Value),
                ("$name", (object?)awaitedEvent ?? DBNull.Value),
                ("$now", store.Now()));
            return ValueTask.CompletedTask;
        }
    }
}
