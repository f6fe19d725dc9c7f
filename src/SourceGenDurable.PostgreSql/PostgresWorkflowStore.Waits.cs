using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Durable waits (timers and events) and the timers that wake their instances when due.</summary>
internal sealed partial class PostgresWorkflowStore
{
    private const int WaitOpen = 0;
    private const int WaitTimedOut = 1;
    private const int WaitRejected = 2;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await _writer.StatementAsync<(long Woken, DateTimeOffset? Next)>(
            null,
            // SKIP LOCKED: hosts waking timers at the same moment share them out rather than queue on each other's rows;
            // a row is marked running once, by one host, so a timer fires once.
            $"""
            WITH due AS (
                SELECT id FROM workflow_instances WHERE status IN {Suspended} AND wake_at <= $1 FOR UPDATE SKIP LOCKED),
            woken AS (
                UPDATE workflow_instances i SET status = 0, wake_at = NULL, awaited_event = NULL, updated_at = $2
                FROM due WHERE i.id = due.id
                RETURNING 1)
            SELECT (SELECT count(*) FROM woken), (SELECT min(wake_at) FROM workflow_instances WHERE status IN {Suspended} AND wake_at > $1);
            """,
            [PostgresTime.Stored(now), Now()],
            reader => (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)),
            madeWork: result => result.Woken > 0,
            cancellationToken).ConfigureAwait(false)).Next;

    /// <inheritdoc />
    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);

        // The instance's row is locked first, so no event or cancellation can slip in between looking for it and saving
        // the instance as waiting: the raiser waits for this transaction and then finds the instance waiting, or it
        // went first and its event is seen here. The outcome is returned only once the transaction is durable.
        return _writer.WriteAsync(
            id,
            static (context, write) => write.Store.AwaitAsync(context.Commands, write.Id, write.Wait, write.Now, write.CancellationDelivered),
            (Store: this, Id: id, Wait: wait, Now: PostgresTime.Stored(now), CancellationDelivered: cancellationDelivered),
            cancellationToken);
    }

    private async ValueTask<WaitOutcome> AwaitAsync(PostgresCommands commands, string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered)
    {
        var none = CancellationToken.None;
        var cancellation = await EnsureRunningAtAsync(commands, id, wait, none).ConfigureAwait(false);
        var stored = await commands.ReadFirstAsync(
            "SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits WHERE instance_id = $1 AND sequence = $2 AND ordinal = $3;",
            reader => new StoredWait(
                reader.GetInt32(0),
                (WaitKind)reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)),
            none,
            id,
            wait.Commit,
            wait.Ordinal).ConfigureAwait(false);

        var due = PostgresTime.Stored(wait.DueAt);
        var outcome = WaitOpen;
        long? rejectedEvent = null;
        if (stored is not null)
        {
            if (stored.Checkpoint != wait.Checkpoint || stored.Kind != wait.Kind || stored.EventName != wait.EventName)
            {
                throw StoreConventions.WaitNotDeterministic(id, wait, stored.Checkpoint, stored.Kind, stored.EventName);
            }

            (due, outcome, rejectedEvent) = (stored.DueAt, stored.Outcome, stored.EventSequence);
        }
        else if (!(wait.Kind == WaitKind.Timer && due <= now))
        {
            // A timer already due needs no record: re-executing reaches it due again.
            await commands.ExecuteAsync(
                """
                INSERT INTO workflow_waits (instance_id, sequence, ordinal, checkpoint, kind, event_name, due_at, outcome, event_sequence)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL);
                """,
                none,
                id,
                wait.Commit,
                wait.Ordinal,
                wait.Checkpoint,
                (int)wait.Kind,
                wait.EventName,
                due).ConfigureAwait(false);
        }

        if (outcome == WaitTimedOut)
        {
            return new WaitOutcome(WaitResolution.TimedOut);
        }

        if (outcome == WaitRejected)
        {
            var rejected = await commands.ReadFirstAsync($"SELECT {EventColumns} FROM workflow_events WHERE sequence = $1;", ReadEvent, none, rejectedEvent!.Value).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Event {rejectedEvent} that instance '{id}' rejected is not in its inbox.");
            return new WaitOutcome(WaitResolution.EventRejected, rejected);
        }

        if (cancellation == CancellationState.Requested && !cancellationDelivered)
        {
            return new WaitOutcome(WaitResolution.CancellationRequested);
        }

        if (wait.Kind == WaitKind.Event
            && await commands.ReadFirstAsync($"SELECT {EventColumns} FROM workflow_events WHERE {Receivable} ORDER BY sequence LIMIT 1;", ReadEvent, none, id, wait.EventName, due)
                .ConfigureAwait(false) is { } received)
        {
            // The earliest event of that name not yet taken, raised before the deadline: one raised at or after it is left
            // for a later wait, so a wait that could have timed out never takes it after the fact.
            return new WaitOutcome(WaitResolution.EventReceived, received);
        }

        if (due <= now)
        {
            if (wait.Kind == WaitKind.Timer)
            {
                return new WaitOutcome(WaitResolution.TimerFired);
            }

            // Stored before the workflow sees it: a re-execution times out again even if the event arrives meanwhile.
            await SetWaitOutcomeAsync(commands, id, wait, WaitTimedOut, null).ConfigureAwait(false);
            return new WaitOutcome(WaitResolution.TimedOut);
        }

        if (wait.InFanOut)
        {
            return new WaitOutcome(WaitResolution.Pending, DueAt: due);
        }

        await SuspendInstanceAsync(commands, id, wait.Kind == WaitKind.Timer ? WorkflowStatus.Sleeping : WorkflowStatus.WaitingForEvent, due, wait.EventName).ConfigureAwait(false);
        return new WaitOutcome(WaitResolution.Suspended);
    }

    /// <summary>The unconsumed, unrejected events of instance <c>$1</c> named <c>$2</c> raised before the deadline <c>$3</c> (none: any time).</summary>
    private const string Receivable =
        "instance_id = $1 AND name = $2 AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($3::timestamptz IS NULL OR raised_at < $3)";

    /// <summary>
    /// Saves the instance, locked by this transaction, as sleeping or waiting with its wake time: that is progress (the
    /// start count restarts), and no worker needs it until it wakes.
    /// </summary>
    private async ValueTask SuspendInstanceAsync(PostgresCommands commands, string id, WorkflowStatus status, DateTimeOffset? wakeAt, string? awaitedEvent) =>
        await commands.ExecuteAsync(
            "UPDATE workflow_instances SET status = $2, wake_at = $3, awaited_event = $4, updated_at = $5, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $1;",
            CancellationToken.None,
            id,
            (int)status,
            wakeAt,
            awaitedEvent,
            Now()).ConfigureAwait(false);

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                var (store, id, wait, eventSequence, reason) = write;
                await store.EnsureRunningAtAsync(context.Commands, id, wait, CancellationToken.None).ConfigureAwait(false);
                await SetWaitOutcomeAsync(context.Commands, id, wait, WaitRejected, eventSequence).ConfigureAwait(false);
                return await context.Commands.ExecuteAsync(
                    "UPDATE workflow_events SET rejected_reason = $1 WHERE sequence = $2 AND instance_id = $3 AND consumed_by_commit IS NULL;",
                    CancellationToken.None,
                    reason,
                    eventSequence,
                    id).ConfigureAwait(false);
            },
            (Store: this, Id: id, Wait: wait, EventSequence: eventSequence, Reason: reason),
            cancellationToken);
    }

    private static async ValueTask SetWaitOutcomeAsync(PostgresCommands commands, string id, WaitRequest wait, int outcome, long? eventSequence) =>
        await commands.ExecuteAsync(
            "UPDATE workflow_waits SET outcome = $1, event_sequence = $2 WHERE instance_id = $3 AND sequence = $4 AND ordinal = $5;",
            CancellationToken.None,
            outcome,
            eventSequence,
            id,
            wait.Commit,
            wait.Ordinal).ConfigureAwait(false);

    /// <summary>A wait as it was recorded when the run first reached it.</summary>
    private sealed record StoredWait(int Checkpoint, WaitKind Kind, string? EventName, DateTimeOffset? DueAt, int Outcome, long? EventSequence);
}
