namespace SourceGenDurable.Storage;

/// <summary>One stored workflow instance: the row a resume loads.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Name">The workflow name.</param>
/// <param name="Status">Where the instance is in its life.</param>
/// <param name="State">The last committed checkpoint, or -1 before the first.</param>
/// <param name="Commits">How many checkpoints have been committed: a checkpoint in a loop commits once per pass.</param>
/// <param name="LayoutFingerprint">The state machine layout that wrote <paramref name="Slots"/>.</param>
/// <param name="Slots">The checkpoint slots as a JSON object.</param>
/// <param name="Result">The result as JSON once completed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="SetAsideReason">Why a host declined to run it (for example a layout mismatch); the instance stays intact.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="WakeAt">When a sleeping instance's timer is due, or a waiting instance's timeout; null otherwise.</param>
/// <param name="AwaitedEvent">The event name a <see cref="WorkflowStatus.WaitingForEvent"/> instance waits for.</param>
/// <param name="Cancellation">Whether cancellation was requested, and whether the workflow has been told.</param>
/// <param name="LeaseOwner">The worker running the instance now, while its lease lasts; null when no worker holds it.</param>
/// <param name="LeaseExpiresAt">When the lease ends unless its owner renews it; another worker may take it then.</param>
/// <param name="Starts">How many runs have started since the instance last reached a checkpoint (or a durable wait).</param>
/// <param name="Poisoned">Set aside because it was started too often without progress: no worker takes it until it is resumed.</param>
/// <param name="ParentId">The workflow that started this one as its child, which receives its outcome; null for a top-level instance.</param>
public sealed record WorkflowInstance(
    string Id,
    string Name,
    WorkflowStatus Status,
    int State,
    int Commits,
    string LayoutFingerprint,
    string Slots,
    string? Result,
    WorkflowError? Error,
    string? SetAsideReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? WakeAt = null,
    string? AwaitedEvent = null,
    CancellationState Cancellation = CancellationState.None,
    string? LeaseOwner = null,
    DateTimeOffset? LeaseExpiresAt = null,
    int Starts = 0,
    bool Poisoned = false,
    string? ParentId = null);

/// <summary>Where a cancellation request is; stored as an integer.</summary>
public enum CancellationState
{
    /// <summary>Nobody asked to cancel the instance.</summary>
    None = 0,

    /// <summary>Cancellation was requested; the workflow's next durable await throws <see cref="WorkflowCancelledException"/>.</summary>
    Requested = 1,

    /// <summary>The workflow has received <see cref="WorkflowCancelledException"/> and committed a checkpoint since (compensating).</summary>
    Delivered = 2,
}

/// <summary>A step's recorded result.</summary>
/// <param name="Sequence">The number of the commit that recorded it (1, 2, ...): unique within an instance.</param>
/// <param name="Checkpoint">The checkpoint (state) the step belongs to; a checkpoint in a loop records a step per pass.</param>
/// <param name="Name">The step name.</param>
/// <param name="Result">The step's result as JSON, or null for a step without one.</param>
/// <param name="Attempts">How many times the body ran before it succeeded.</param>
/// <param name="CompletedAt">When the step succeeded.</param>
/// <param name="StartedAt">When the attempt that succeeded started; null in a database from before it was recorded.</param>
public sealed record StepRecord(int Sequence, int Checkpoint, string Name, string? Result, int Attempts, DateTimeOffset CompletedAt, DateTimeOffset? StartedAt = null);
