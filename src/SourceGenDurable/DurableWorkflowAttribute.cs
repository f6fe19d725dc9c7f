namespace SourceGenDurable;

/// <summary>
/// Marks an <c>async</c> method of a <c>partial</c> class as a durable workflow. The source generator turns it
/// into a resumable state machine that is checkpointed after every durable operation.
/// </summary>
/// <remarks>
/// The method takes a <see cref="WorkflowContext"/> first, then its inputs, and returns <see cref="Task"/> or
/// <see cref="Task{TResult}"/>. Inputs, locals that live across a checkpoint and the result must round-trip
/// through System.Text.Json.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DurableWorkflowAttribute : Attribute
{
    /// <summary>
    /// The name stored with every instance. Defaults to <c>Class.Method</c>; pin it to rename the method
    /// without orphaning instances that are in flight.
    /// </summary>
    public string? Name { get; init; }
}
