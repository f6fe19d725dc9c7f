namespace SourceGenDurable;

/// <summary>
/// Marks a method of a workflow class as a durable step. Awaiting a call to it from a
/// <see cref="DurableWorkflowAttribute">workflow</see> is a checkpoint: the step runs at least once and its
/// result is recorded exactly once.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DurableStepAttribute : Attribute
{
    /// <summary>The step name recorded in the history. Defaults to the method name.</summary>
    public string? Name { get; init; }

    /// <summary>How many times the step runs before its last exception is thrown into the workflow.</summary>
    public int MaxAttempts { get; init; } = 3;
}
