namespace SourceGenDurable.Storage;

/// <summary>
/// How an instance ended, as <see cref="IWorkflowStore.FinishAsync"/> stores it and as the event a child's parent
/// receives: the parent waits for it as for any event, by the name <see cref="EventName"/> gives, so the wait costs no
/// memory and survives restarts.
/// </summary>
/// <param name="Status">Completed, Failed or Cancelled.</param>
/// <param name="Result">The result as JSON when it completed.</param>
/// <param name="Error">Why it failed or what cancelled it.</param>
public sealed record WorkflowOutcome(WorkflowStatus Status, string? Result, WorkflowError? Error)
{
    /// <summary>Event names with this prefix are reserved for child outcomes; a client cannot raise them.</summary>
    public const string EventPrefix = "$child:";

    /// <summary>The name of the event that carries the outcome of child <paramref name="childId"/> to its parent.</summary>
    public static string EventName(string childId) => EventPrefix + childId;
}
