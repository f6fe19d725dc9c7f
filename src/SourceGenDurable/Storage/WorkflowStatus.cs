namespace SourceGenDurable.Storage;

/// <summary>Where an instance is in its life.</summary>
public enum WorkflowStatus
{
    /// <summary>Started and not finished: a worker runs or resumes it.</summary>
    Running = 0,

    /// <summary>Returned; its result is stored.</summary>
    Completed = 1,

    /// <summary>Threw, or its saved state could not be read; the error is stored.</summary>
    Failed = 2,
}
