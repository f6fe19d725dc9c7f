using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Durable waits (timers and events) and the timers that wake their instances when due.</summary>
internal sealed partial class PostgresWorkflowStore
{
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
        return _writer.WriteAsync(
            id,
            static (context, write) => WaitResolver.AwaitAsync(
                new WaitTransaction(write.Store, context.Commands, write.Id), write.Id, write.Wait, write.Now, write.CancellationDelivered),
            (Store: this, Id: id, Wait: wait with { DueAt = PostgresTime.Stored(wait.DueAt) }, Now: PostgresTime.Stored(now), CancellationDelivered: cancellationDelivered),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        WaitResolver.ThrowIfNoWaits(waits);
        return _writer.WriteAsync(
            id,
            static (context, write) => WaitResolver.SuspendAsync(new WaitTransaction(write.Store, context.Commands, write.Id), write.Waits, write.Now, write.CancellationDelivered),
            (Store: this, Id: id, Waits: waits, Now: PostgresTime.Stored(now), CancellationDelivered: cancellationDelivered),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                await WaitResolver.RejectAsync(new WaitTransaction(write.Store, context.Commands, write.Id), write.Wait, write.EventSequence, write.Reason).ConfigureAwait(false);
                return true;
            },
            (Store: this, Id: id, Wait: wait, EventSequence: eventSequence, Reason: reason),
            cancellationToken);
    }

    /// <summary>
    /// A wait's reads and writes in the writer's open transaction. The instance's row is locked first, so no event or
    /// cancellation can slip in between looking for it and saving the instance as waiting: the raiser waits for this
    /// transaction and then finds the instance waiting, or it went first and its event is seen here.
    /// </summary>
    private sealed class WaitTransaction(PostgresWorkflowStore store, PostgresCommands commands, string id) : IWaitTransaction
    {
        private static readonly CancellationToken None = CancellationToken.None;

        public async ValueTask<CancellationState> EnsureRunningAtAsync(WaitRequest wait) =>
            await commands.ScalarAsync($"SELECT cancellation FROM workflow_instances WHERE {RunningAtCommit} FOR UPDATE;", None, id, store.WorkerId, wait.Commit)
                .ConfigureAwait(false) is int cancellation
                ? (CancellationState)cancellation
                : throw store.RefusedAtCommit(id, wait.Commit, $"its wait at checkpoint {wait.Checkpoint}");

        public async ValueTask<RecordedWait?> GetWaitAsync(WaitRequest wait) =>
            await commands.ReadFirstAsync(
                "SELECT checkpoint, kind, event_name, due_at, outcome, event_sequence FROM workflow_waits WHERE instance_id = $1 AND sequence = $2 AND ordinal = $3;",
                reader => new RecordedWait(
                    reader.GetInt32(0),
                    (WaitKind)reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                    (WaitRecordOutcome)reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)),
                None,
                id,
                wait.Commit,
                wait.Ordinal).ConfigureAwait(false);

        public async ValueTask AddWaitAsync(WaitRequest wait) =>
            await commands.ExecuteAsync(
                """
                INSERT INTO workflow_waits (instance_id, sequence, ordinal, checkpoint, kind, event_name, due_at, outcome, event_sequence)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL);
                """,
                None,
                id,
                wait.Commit,
                wait.Ordinal,
                wait.Checkpoint,
                (int)wait.Kind,
                wait.EventName,
                wait.DueAt).ConfigureAwait(false);

        public async ValueTask SetWaitOutcomeAsync(WaitRequest wait, WaitRecordOutcome outcome, long? eventSequence) =>
            await commands.ExecuteAsync(
                "UPDATE workflow_waits SET outcome = $1, event_sequence = $2 WHERE instance_id = $3 AND sequence = $4 AND ordinal = $5;",
                None,
                (int)outcome,
                eventSequence,
                id,
                wait.Commit,
                wait.Ordinal).ConfigureAwait(false);

        public async ValueTask<EventRecord?> GetEventAsync(long sequence) =>
            await commands.ReadFirstAsync($"SELECT {EventColumns} FROM workflow_events WHERE sequence = $1 AND instance_id = $2;", ReadEvent, None, sequence, id)
                .ConfigureAwait(false);

        public async ValueTask<EventRecord?> GetReceivableEventAsync(string name, DateTimeOffset? deadline) =>
            await commands.ReadFirstAsync(
                $"""
                SELECT {EventColumns} FROM workflow_events
                WHERE instance_id = $1 AND name = $2 AND consumed_by_commit IS NULL AND rejected_reason IS NULL AND ($3::timestamptz IS NULL OR raised_at < $3)
                ORDER BY sequence LIMIT 1;
                """,
                ReadEvent,
                None,
                id,
                name,
                deadline).ConfigureAwait(false);

        public async ValueTask RejectEventAsync(long sequence, string reason) =>
            await commands.ExecuteAsync(
                "UPDATE workflow_events SET rejected_reason = $1 WHERE sequence = $2 AND instance_id = $3 AND consumed_by_commit IS NULL;",
                None,
                reason,
                sequence,
                id).ConfigureAwait(false);

        public async ValueTask SuspendAsync(WorkflowStatus status, DateTimeOffset? wakeAt, string? awaitedEvent) =>
            await commands.ExecuteAsync(
                "UPDATE workflow_instances SET status = $2, wake_at = $3, awaited_event = $4, updated_at = $5, lease_owner = NULL, lease_expires_at = NULL, starts = 0 WHERE id = $1;",
                None,
                id,
                (int)status,
                wakeAt,
                awaitedEvent,
                store.Now()).ConfigureAwait(false);
    }
}
