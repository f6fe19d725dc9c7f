
namespace SourceGenDurable;

/// <summary>
/// Thrown into a workflow at its pending or next durable await after <c>IWorkflowClient.CancelAsync</c>, once: its
/// catch and finally blocks run (and may await steps, timers and events). A workflow that lets it escape ends as
/// <see cref="WorkflowStatus.Cancelled"/>; one that catches it and returns ends as completed. The client
/// throws it too when it is asked for the result of a cancelled instance.
/// </summary>
public sealed class WorkflowCancelledException : OperationCanceledException
{
    /// <summary>Creates the exception with <paramref name="message"/>; generated code rebuilds it this way after a resume.</summary>
    public WorkflowCancelledException(string message)
        : base(message)
    {
    }

    /// <summary>The cancelled instance, when known.</summary>
    public string? WorkflowId { get; private init; }

    internal static WorkflowCancelledException For(string workflowId) =>
        new($"Workflow '{workflowId}' was cancelled.") { WorkflowId = workflowId };
}

/// <summary>
/// An event's payload does not deserialize to the type the workflow waits for. The event is kept in the instance's
/// inbox, marked rejected with this message, and no later wait receives it; its JSON is in <see cref="Payload"/>.
/// </summary>
public sealed class EventPayloadException : Exception
{
    /// <summary>Creates the exception for event <paramref name="eventName"/> and its raw <paramref name="payload"/>.</summary>
    public EventPayloadException(string eventName, Type targetType, string payload, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        EventName = eventName;
        TargetType = targetType.FullName;
        Payload = payload;
    }

    /// <summary>Rebuilds the exception from its message, as generated code does after a resume.</summary>
    public EventPayloadException(string? message)
        : base(message)
    {
    }

    /// <summary>The event name, when known.</summary>
    public string? EventName { get; }

    /// <summary>The type the workflow waited for, when known.</summary>
    public string? TargetType { get; }

    /// <summary>The event's payload as it was raised, when known.</summary>
    public string? Payload { get; }
}

/// <summary>
/// A wait for an event reached its timeout before such an event was raised. It is a <see cref="TimeoutException"/>, so
/// <c>catch (TimeoutException)</c> works; catch this type to tell it from a step's own timeout.
/// </summary>
public sealed class EventTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a wait for <paramref name="eventName"/> by workflow <paramref name="workflowId"/>.</summary>
    public EventTimeoutException(string workflowId, string eventName)
        : base($"Workflow '{workflowId}' waited for event '{eventName}' until its timeout, and no such event was raised by then.")
    {
        EventName = eventName;
    }

    /// <summary>Rebuilds the exception from its message, as generated code does after a resume.</summary>
    public EventTimeoutException(string? message)
        : base(message)
    {
    }

    /// <summary>The awaited event's name, when known.</summary>
    public string? EventName { get; }
}

/// <summary>
/// A value the engine would store is over its limit (<see cref="DurableWorkflowOptions"/>): a step's result
/// (thrown into the workflow, and not retried: the same step returns the same size again), a workflow's result or a
/// checkpoint (the workflow fails with it). The message names the value, its size, the limit and the option that raises it.
/// </summary>
public sealed class WorkflowLimitExceededException : Exception
{
    /// <summary>Creates the exception for <paramref name="size"/> bytes over <paramref name="limit"/>, set by <paramref name="optionName"/>.</summary>
    public WorkflowLimitExceededException(string message, long size, long limit, string optionName)
        : base(message)
    {
        Size = size;
        Limit = limit;
        OptionName = optionName;
    }

    /// <summary>Rebuilds the exception from its message, as generated code does after a resume.</summary>
    public WorkflowLimitExceededException(string? message)
        : base(message)
    {
    }

    /// <summary>The size of the value, in bytes of UTF-8 JSON, when known.</summary>
    public long? Size { get; }

    /// <summary>The limit it is over, when known.</summary>
    public long? Limit { get; }

    /// <summary>The configuration key that raises the limit (<c>SourceGenDurable:MaxResultBytes</c>), when known.</summary>
    public string? OptionName { get; }
}
