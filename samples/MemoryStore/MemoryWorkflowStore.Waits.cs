using SourceGenDurable;
using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>
/// Durable waits: <see cref="WaitResolver"/> decides what a wait returns, as on every store, over this store's reads
/// and writes (<see cref="WaitTransaction"/>), in one transaction of the database.
/// </summary>
public sealed partial class MemoryWorkflowStore
{
    /// <inheritdoc />
    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _database.RunAsync(
            () => WaitResolver.AwaitAsync(new WaitTransaction(this, id), id, Stored(wait), Stored(now), cancellationDelivered), cancellationToken);
    }

    /// <inheritdoc />
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        WaitResolver.ThrowIfNoWaits(waits);
        return _database.RunAsync(
            () => WaitResolver.SuspendAsync(new WaitTransaction(this, id), waits, Stored(now), cancellationDelivered), cancellationToken);
    }

    /// <inheritdoc />
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return _database.RunAsync(
            async () =>
            {
                await WaitResolver.RejectAsync(new WaitTransaction(this, id), wait, eventSequence, reason).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The wait with its due time as this store keeps times.</summary>
    private static WaitRequest Stored(WaitRequest wait) => wait with { DueAt = Stored(wait.DueAt) };

    /// <summary>
    /// A wait's reads and writes, inside the database's transaction: no event or cancellation can come between looking
    /// for it and saving the instance as waiting.
    /// </summary>
    private sealed class WaitTransaction(MemoryWorkflowStore store, string id) : IWaitTransaction
    {
        private Dictionary<(int Commit, int Ordinal), RecordedWait> Waits => MemoryDatabase.RowsOf(store._database.Waits, id);

        private List<EventRecord> Inbox => MemoryDatabase.RowsOf(store._database.Events, id);

        public ValueTask<CancellationState> EnsureRunningAtAsync(WaitRequest wait)
        {
            var instance = store.Instances.GetValueOrDefault(id);
            return store.IsRunningAt(instance, wait.Commit)
                ? ValueTask.FromResult(instance!.Cancellation)
                : throw StoreConventions.RefusedAtCommit(id, wait.Commit, store.WorkerId, $"its wait at checkpoint {wait.Checkpoint}");
        }

        public ValueTask<RecordedWait?> GetWaitAsync(WaitRequest wait) => ValueTask.FromResult(Waits.GetValueOrDefault((wait.Commit, wait.Ordinal)));

        public ValueTask AddWaitAsync(WaitRequest wait)
        {
            Waits.Add((wait.Commit, wait.Ordinal), new RecordedWait(wait.Checkpoint, wait.Kind, wait.EventName, wait.DueAt, WaitRecordOutcome.Open, null));
            return ValueTask.CompletedTask;
        }

        public ValueTask SetWaitOutcomeAsync(WaitRequest wait, WaitRecordOutcome outcome, long? eventSequence)
        {
            if (Waits.TryGetValue((wait.Commit, wait.Ordinal), out var recorded))
            {
                Waits[(wait.Commit, wait.Ordinal)] = recorded with { Outcome = outcome, EventSequence = eventSequence };
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask<EventRecord?> GetEventAsync(long sequence) => ValueTask.FromResult(Inbox.Find(e => e.Sequence == sequence));

        public ValueTask<EventRecord?> GetReceivableEventAsync(string name, DateTimeOffset? deadline) =>
            ValueTask.FromResult(Inbox.Find(e => e.Name == name && e.ConsumedByCommit is null && e.RejectedReason is null && (deadline is null || e.RaisedAt < deadline)));

        public ValueTask RejectEventAsync(long sequence, string reason)
        {
            var index = Inbox.FindIndex(e => e.Sequence == sequence && e.ConsumedByCommit is null);
            if (index >= 0)
            {
                Inbox[index] = Inbox[index] with { RejectedReason = reason };
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask SuspendAsync(WorkflowStatus status, DateTimeOffset? wakeAt, string? awaitedEvent)
        {
            // Suspending is progress, as a commit is: the start count restarts.
            var instance = store.Instances[id];
            store.Instances[id] = instance with
            {
                Status = status,
                WakeAt = wakeAt,
                AwaitedEvent = awaitedEvent,
                UpdatedAt = store.Now(),
                LeaseOwner = null,
                LeaseExpiresAt = null,
                Starts = 0,
            };
            return ValueTask.CompletedTask;
        }
    }
}
