namespace SourceGenDurable.Storage;

/// <summary>
/// Where instances and their checkpoints live. Every method is atomic: a checkpoint either commits its state,
/// its slots and its step result together, or not at all.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Opens the store and creates its schema. Fails with the location and the reason when it cannot.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="instance"/> unless its id exists. Returns the stored instance and whether it was
    /// created by this call.
    /// </summary>
    Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken);

    /// <summary>The instance with this id, or null.</summary>
    Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The ids of every instance that is pending or running (not sleeping, waiting or finished).</summary>
    Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken);

    /// <summary>Marks a pending instance running, as a worker picks it up. Does nothing to an instance in another status.</summary>
    Task MarkRunningAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks running every sleeping or waiting instance whose wake time is at or before <paramref name="now"/>, and
    /// returns the earliest wake time still ahead, or null when no instance has one.
    /// </summary>
    Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a checkpoint: the new state and slots and, when present, the step's result, the consumption of the
    /// received event, and that the workflow was told of its cancellation. The wait records of this commit are removed.
    /// Returns whether cancellation of the instance is requested and not yet delivered.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The instance is not running, or the commit number is already recorded (another run got there first).
    /// </exception>
    Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves a durable wait in one transaction: records it when it is new, then returns a stored decision (timed out,
    /// rejected), a pending cancellation (unless <paramref name="cancellationDelivered"/>), the earliest unconsumed event
    /// of the awaited name raised before the deadline, or a due timer; otherwise it stores a timeout that is due, or
    /// saves the instance as sleeping or waiting with its wake time and returns <see cref="WaitResolution.Suspended"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The instance is not running, another run committed in between, or the stored wait at this position is of another
    /// checkpoint or event (the code between checkpoints is not deterministic).
    /// </exception>
    Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken);

    /// <summary>Stores that <paramref name="wait"/> rejected event <paramref name="eventSequence"/>, and why, so a re-execution rejects it too.</summary>
    Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken);

    /// <summary>Adds an event to an unfinished instance's inbox and wakes the instance when it waits for that name.</summary>
    /// <returns>The event's sequence number.</returns>
    /// <exception cref="Client.WorkflowNotFoundException">No instance has this id.</exception>
    /// <exception cref="Client.WorkflowFinishedException">The instance has finished.</exception>
    Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Records that cancellation of an unfinished instance is requested and wakes it. Returns false when the instance
    /// has already finished (nothing is changed then).
    /// </summary>
    /// <exception cref="Client.WorkflowNotFoundException">No instance has this id.</exception>
    Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks the instance completed with its result.</summary>
    Task CompleteAsync(string id, string? result, CancellationToken cancellationToken);

    /// <summary>Marks the instance failed with its error.</summary>
    Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken);

    /// <summary>Marks the instance cancelled with the exception that ended it.</summary>
    Task CancelAsync(string id, WorkflowError error, CancellationToken cancellationToken);

    /// <summary>Records why a host declined to run the instance, and leaves everything else intact.</summary>
    Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken);

    /// <summary>The recorded step results of an instance, in checkpoint order.</summary>
    Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The events raised to an instance, in the order they were raised.</summary>
    Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> instances matching the filters, ordered by creation time then id, starting after
    /// <paramref name="after"/> (the creation time and id of the last instance of the previous page).
    /// </summary>
    Task<IReadOnlyList<WorkflowInstance>> ListAsync(InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed step attempt, durably, if the instance is running at the commit the step precedes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance is not running, or another run committed in between.</exception>
    Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The failed step attempts of an instance (the step history), in the order they were made.</summary>
    Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The failed attempts of the step at (<paramref name="sequence"/>, <paramref name="ordinal"/>), by attempt number.</summary>
    Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken);
}

/// <summary>The filters of a listing; null filters match everything.</summary>
public sealed record InstanceFilter(string? Name, WorkflowStatus? Status, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore);
