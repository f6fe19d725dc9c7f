namespace SourceGenDurable.Storage;

/// <summary>
/// Where instances and their checkpoints live. Every method is atomic: a checkpoint either commits its state,
/// its slots and its step result together, or not at all.
/// </summary>
/// <remarks>
/// For store authors, as Hangfire's <c>JobStorage</c> is: this namespace holds the contract and the records it passes,
/// and nothing else. Applications never use it; they see the client (<c>SourceGenDurable.Client</c>) and the statuses,
/// errors and options of the root namespace. The runtime's own store is SQLite, chosen with <c>UseSqlite</c>.
/// </remarks>
public interface IWorkflowStore
{
    /// <summary>Opens the store and creates its schema. Fails with the location and the reason when it cannot.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="instance"/> unless its id exists. Returns the stored instance and whether it was
    /// created by this call. Its status, state, slots, parent and lease (owner, expiry and start count: a client may
    /// create an instance already leased to its own process's worker) are stored as given; it has no commits, result,
    /// error or wait yet.
    /// </summary>
    Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken);

    /// <summary>The instance with this id, or null.</summary>
    Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of every instance that is pending or running (not sleeping, waiting or finished), that no worker holds a
    /// live lease on, and that is not set aside as poisoned. The leases of owners the store can tell are dead processes
    /// are ended first, so their instances are among them at once.
    /// </summary>
    Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken);

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
    /// The instance is not running, this worker no longer holds its lease, or the commit number is already recorded
    /// (another run got there first).
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
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    /// <exception cref="WorkflowFinishedException">The instance has finished.</exception>
    Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Records that cancellation of an unfinished instance is requested and wakes it. Returns false when the instance
    /// has already finished (nothing is changed then).
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the running instance under this worker's lease with <paramref name="outcome"/> (completed with its result,
    /// failed or cancelled with its error), gives up the lease and removes its waits. A child's outcome goes to its
    /// parent's inbox in the same transaction, as the event <see cref="WorkflowOutcome.EventName"/> names, and wakes the
    /// parent when it waits for it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance is not running, or this worker no longer holds its lease.</exception>
    Task FinishAsync(string id, WorkflowOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Records why a host declined to run the instance, and leaves everything else intact.</summary>
    Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken);

    /// <summary>The recorded step results of an instance, in checkpoint order.</summary>
    Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The events raised to an instance, in the order they were raised.</summary>
    Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The worker this store writes for: the owner of the leases it takes, checked by every commit, failed attempt and wait.</summary>
    string WorkerId { get; }

    /// <summary>
    /// Takes the lease on a pending or running instance for <paramref name="duration"/>, when no other worker holds a
    /// live one, marks it running and counts the start; or, when it has already started
    /// <paramref name="maxStartsWithoutProgress"/> times without reaching a checkpoint, sets it aside as poisoned instead.
    /// </summary>
    Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken);

    /// <summary>Extends this worker's lease on the instance to <paramref name="duration"/> from now. False when it no longer holds it.</summary>
    Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up this worker's lease (nothing happens when another worker holds it), so any worker may run the instance
    /// at once. A run that ended in an orderly way (the host stopped) does not count as a start; one that could not
    /// write its checkpoint does (<paramref name="failed"/>).
    /// </summary>
    Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken);

    /// <summary>The unfinished instances that a host set aside, with their reasons, most recently changed first.</summary>
    Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken);

    /// <summary>Clears the set-aside reason and the start count of an unfinished instance, so workers take it again. False when it was not set aside.</summary>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> instances matching the filters, ordered by creation time then id, starting after
    /// <paramref name="after"/> (the creation time and id of the last instance of the previous page).
    /// </summary>
    Task<IReadOnlyList<WorkflowInstance>> ListAsync(InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed step attempt, durably, if the instance is running at the commit the step precedes under this
    /// worker's lease.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The instance is not running, another run committed in between, or this worker no longer holds its lease.
    /// </exception>
    Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The failed step attempts of an instance (the step history), in the order they were made.</summary>
    Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken);

    /// <summary>The failed attempts of the step at (<paramref name="sequence"/>, <paramref name="ordinal"/>), by attempt number.</summary>
    Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken);

    /// <summary>Records the result of a fan-out's step as it completes, so that a re-execution does not run it again.</summary>
    Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken);

    /// <summary>The fan-out step results recorded before commit <paramref name="sequence"/> (every commit's when null).</summary>
    Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the instance as waiting for any of <paramref name="waits"/> (a fan-out's pending waits, recorded already by
    /// <see cref="AwaitAsync"/>), in one transaction with a last look: returns <see cref="WaitResolution.Suspended"/>, or
    /// <see cref="WaitResolution.CancellationRequested"/>, or another resolution when one of the waits can resolve now.
    /// </summary>
    Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken);

    /// <summary>The last completed step of <paramref name="instance"/> and the step failing since its last commit, if any.</summary>
    Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken);

    /// <summary>Requests the cancellation of every unfinished child of <paramref name="parentId"/>; returns their ids.</summary>
    Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken);
}

/// <summary>The filters of a listing; null filters match everything.</summary>
public sealed record InstanceFilter(string? Name, WorkflowStatus? Status, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore);
