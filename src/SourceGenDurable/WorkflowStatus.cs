namespace SourceGenDurable;

/// <summary>Where an instance is in its life.</summary>
/// <remarks>The values are stored as integers: existing ones never change, new ones take the next number.</remarks>
public enum WorkflowStatus
{
    /// <summary>Started and not yet picked up by a worker.</summary>
    Pending = 3,

    /// <summary>A worker runs or resumes it (or will, after a restart).</summary>
    Running = 0,

    /// <summary>Out of memory until its durable timer is due (<see cref="Client.WorkflowInstanceInfo.WakeAt"/>).</summary>
    Sleeping = 4,

    /// <summary>
    /// Out of memory until the event it waits for is raised (<see cref="Client.WorkflowInstanceInfo.AwaitedEvent"/>), or
    /// until its timeout (<see cref="Client.WorkflowInstanceInfo.WakeAt"/>) when it has one.
    /// </summary>
    WaitingForEvent = 5,

    /// <summary>Returned; its result is stored.</summary>
    Completed = 1,

    /// <summary>Threw, or its saved state could not be read; the error is stored.</summary>
    Failed = 2,

    /// <summary>Was cancelled and let <see cref="WorkflowCancelledException"/> escape; the exception is stored as its error.</summary>
    Cancelled = 6,
}
