namespace SourceGenDurable.Storage;

/// <summary>What a durable wait waits for.</summary>
public enum WaitKind
{
    /// <summary><c>ctx.Sleep</c> or <c>ctx.SleepUntil</c>: a due time.</summary>
    Timer = 0,

    /// <summary><c>ctx.WaitForEvent</c>: an event by name, with an optional timeout.</summary>
    Event = 1,
}

/// <summary>
/// A durable wait that a workflow reached. It is identified by the commit it precedes and its ordinal among the waits
/// reached since the last commit: re-executing the code from the last checkpoint reaches the same waits in the same
/// order, and the ordinal tells two waits apart when one ended without a commit (a timeout caught in a loop).
/// </summary>
/// <param name="Commit">The number the next commit will have (commits so far + 1).</param>
/// <param name="Ordinal">How many durable waits this run reached since its last commit, before this one.</param>
/// <param name="Checkpoint">The checkpoint of the wait, checked on re-execution to catch non-deterministic code.</param>
/// <param name="Kind">Timer or event.</param>
/// <param name="EventName">The awaited event's name; null for a timer.</param>
/// <param name="DueAt">
/// The timer's due time or the event's timeout deadline, computed when the wait is first reached; ignored when the wait
/// record exists (the stored one wins). Null for an event wait without a timeout.
/// </param>
/// <param name="InFanOut">
/// A wait of a <c>WhenAll</c>/<c>WhenAny</c>: when it cannot resolve yet it is <see cref="WaitResolution.Pending"/> and
/// the instance is not saved as waiting, since the fan-out decides when to suspend (<see cref="IWorkflowStore.SuspendAsync"/>).
/// </param>
public sealed record WaitRequest(int Commit, int Ordinal, int Checkpoint, WaitKind Kind, string? EventName, DateTimeOffset? DueAt, bool InFanOut = false);

/// <summary>How a durable wait ended, or that it has to wait.</summary>
public enum WaitResolution
{
    /// <summary>Nothing to return yet: the instance is saved as sleeping or waiting and leaves memory.</summary>
    Suspended,

    /// <summary>The timer is due.</summary>
    TimerFired,

    /// <summary>An event is delivered; it is consumed by the next commit.</summary>
    EventReceived,

    /// <summary>The event's deadline passed first; the decision is stored, so a re-execution times out again.</summary>
    TimedOut,

    /// <summary>This wait already rejected an event whose payload did not fit; it is rejected again.</summary>
    EventRejected,

    /// <summary>Cancellation was requested and the workflow has not been told yet.</summary>
    CancellationRequested,

    /// <summary>A fan-out's wait that cannot resolve yet; the instance stays running (see <see cref="WaitRequest.InFanOut"/>).</summary>
    Pending,
}

/// <summary>The answer to <see cref="IWorkflowStore.AwaitAsync"/>.</summary>
/// <param name="Resolution">How the wait ended.</param>
/// <param name="Event">The delivered or rejected event.</param>
/// <param name="DueAt">A <see cref="WaitResolution.Pending"/> wait's stored due time (a timer's, or an event's deadline).</param>
public sealed record WaitOutcome(WaitResolution Resolution, EventRecord? Event = null, DateTimeOffset? DueAt = null);

/// <summary>An event in an instance's inbox.</summary>
/// <param name="Sequence">Its position among all events of the store: events of one name are delivered in this order.</param>
/// <param name="Name">The event name.</param>
/// <param name="Payload">The payload as JSON.</param>
/// <param name="RaisedAt">When the client raised it.</param>
/// <param name="ConsumedByCommit">The commit that consumed it; null while it waits for a receiver.</param>
/// <param name="RejectedReason">Why a wait could not take its payload; such an event is kept but delivered to no later wait.</param>
public sealed record EventRecord(long Sequence, string Name, string Payload, DateTimeOffset RaisedAt, int? ConsumedByCommit, string? RejectedReason);

/// <summary>Everything one checkpoint commits, in one transaction.</summary>
/// <param name="State">The checkpoint.</param>
/// <param name="Commit">The instance's commit number: it applies only on top of commit - 1.</param>
/// <param name="Slots">The slots as a JSON object.</param>
/// <param name="Step">The result of the step that just ran, if it was a step.</param>
/// <param name="ConsumedEvents">The sequences of the events the waits since the last commit received (one per wait of a fan-out).</param>
/// <param name="CancellationDelivered">The workflow has received <see cref="WorkflowCancelledException"/> since its last commit.</param>
/// <param name="MayHaveWaits">
/// Wait records of this commit may exist: the run reached a durable wait since its last commit, or this is its first
/// commit since it was loaded (an earlier run may have recorded waits before it). When false the commit skips removing them.
/// </param>
public sealed record CheckpointCommit(int State, int Commit, string Slots, StepRecord? Step, IReadOnlyList<long> ConsumedEvents, bool CancellationDelivered, bool MayHaveWaits = true);
