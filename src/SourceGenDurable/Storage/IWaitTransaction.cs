namespace SourceGenDurable.Storage;

/// <summary>
/// The reads and writes of a durable wait, in a store's own SQL, inside one transaction of its writer. A store
/// implements these; <see cref="WaitResolver"/> decides with them, the same way on every store, what a wait returns.
/// </summary>
/// <remarks>
/// Everything after <see cref="EnsureRunningAtAsync"/> runs with the instance held against concurrent writers (its row
/// locked, or the store's write lock held), so that an event or a cancellation raised meanwhile is either seen by the
/// wait or finds the instance saved as waiting. A store whose SQL is synchronous returns completed tasks.
/// </remarks>
public interface IWaitTransaction
{
    /// <summary>
    /// Holds the instance and checks that it is running at the commit <paramref name="wait"/> precedes under this
    /// worker's lease; throws <see cref="StoreConventions.RefusedAtCommit"/>'s refusal when it is not. Returns its
    /// cancellation state.
    /// </summary>
    ValueTask<CancellationState> EnsureRunningAtAsync(WaitRequest wait);

    /// <summary>The record of <paramref name="wait"/> (by its commit and ordinal), or null when it has none yet.</summary>
    ValueTask<RecordedWait?> GetWaitAsync(WaitRequest wait);

    /// <summary>Records <paramref name="wait"/>, open, with its due time.</summary>
    ValueTask AddWaitAsync(WaitRequest wait);

    /// <summary>Stores how <paramref name="wait"/> ended, and the event it rejected.</summary>
    ValueTask SetWaitOutcomeAsync(WaitRequest wait, WaitRecordOutcome outcome, long? eventSequence);

    /// <summary>The instance's event with this sequence, or null.</summary>
    ValueTask<EventRecord?> GetEventAsync(long sequence);

    /// <summary>
    /// The instance's earliest event named <paramref name="name"/> that is neither consumed nor rejected and was raised
    /// before <paramref name="deadline"/> (any time when null), or null.
    /// </summary>
    ValueTask<EventRecord?> GetReceivableEventAsync(string name, DateTimeOffset? deadline);

    /// <summary>Marks the instance's unconsumed event <paramref name="sequence"/> rejected, with <paramref name="reason"/>.</summary>
    ValueTask RejectEventAsync(long sequence, string reason);

    /// <summary>
    /// Saves the instance as sleeping or waiting until <paramref name="wakeAt"/>, for <paramref name="awaitedEvent"/>, and
    /// gives up this worker's lease. That is progress: its start count restarts.
    /// </summary>
    ValueTask SuspendAsync(WorkflowStatus status, DateTimeOffset? wakeAt, string? awaitedEvent);
}

/// <summary>How a recorded wait ended, as stored with it; a store keeps the number.</summary>
public enum WaitRecordOutcome
{
    /// <summary>Not decided: the wait resolves by what it finds.</summary>
    Open = 0,

    /// <summary>The event's deadline passed first.</summary>
    TimedOut = 1,

    /// <summary>The wait rejected an event whose payload did not fit.</summary>
    Rejected = 2,
}

/// <summary>A wait as recorded when a run first reached it.</summary>
/// <param name="Checkpoint">The checkpoint it was reached at.</param>
/// <param name="Kind">Timer or event.</param>
/// <param name="EventName">The awaited event's name; null for a timer.</param>
/// <param name="DueAt">The due time or deadline computed when it was first reached.</param>
/// <param name="Outcome">How it ended, if it did.</param>
/// <param name="EventSequence">The event it rejected.</param>
public sealed record RecordedWait(int Checkpoint, WaitKind Kind, string? EventName, DateTimeOffset? DueAt, WaitRecordOutcome Outcome, long? EventSequence);
