namespace SourceGenDurable.Storage;

/// <summary>What <see cref="IWorkflowStore.AcquireLeaseAsync"/> found.</summary>
public enum LeaseOutcome
{
    /// <summary>This worker holds the lease and runs the instance.</summary>
    Acquired,

    /// <summary>Another worker holds a lease that has not expired.</summary>
    HeldElsewhere,

    /// <summary>The instance is gone, finished, sleeping, waiting or poisoned: there is nothing to run.</summary>
    NotRunnable,

    /// <summary>The instance was started too often without reaching a checkpoint, and is set aside now.</summary>
    Poisoned,
}

/// <summary>The answer to <see cref="IWorkflowStore.AcquireLeaseAsync"/>.</summary>
/// <param name="Outcome">Whether the lease was taken.</param>
/// <param name="Instance">The instance as stored after the attempt; null when there is no such instance.</param>
/// <param name="StepAttemptsRecorded">
/// Whether failed step attempts are recorded for the commit the instance resumes into (one past
/// <see cref="WorkflowInstance.Commits"/>). When none are, the run knows that no step it reaches before its first
/// commit has any, and does not look them up step by step. True when the store cannot tell.
/// </param>
public sealed record LeaseAttempt(LeaseOutcome Outcome, WorkflowInstance? Instance, bool StepAttemptsRecorded = true);
