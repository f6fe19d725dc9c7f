
namespace SourceGenDurable;

/// <summary>A workflow name that no <c>[DurableWorkflow]</c> method in this process has.</summary>
public sealed class WorkflowNotRegisteredException : Exception
{
    /// <summary>Creates the exception; the message lists the names that are registered.</summary>
    public WorkflowNotRegisteredException(string workflowName, IReadOnlyList<string> registered)
        : base($"No workflow named '{workflowName}' is registered. " +
               (registered.Count == 0
                   ? "No [DurableWorkflow] method is compiled into this process: reference SourceGenDurable from the project that declares them."
                   : $"Registered workflows: {string.Join(", ", registered)}. Names default to Class.Method; [DurableWorkflow(Name = \"...\")] sets one."))
    {
        WorkflowName = workflowName;
    }

    /// <summary>The name that was asked for.</summary>
    public string WorkflowName { get; }
}

/// <summary>A workflow instance ended by throwing.</summary>
public sealed class WorkflowFailedException : Exception
{
    /// <summary>Creates the exception for instance <paramref name="workflowId"/>.</summary>
    public WorkflowFailedException(string workflowId, WorkflowError error)
        : base($"Workflow '{workflowId}' failed with {error.Type}: {error.Message}")
    {
        WorkflowId = workflowId;
        Error = error;
    }

    /// <summary>The instance id.</summary>
    public string WorkflowId { get; }

    /// <summary>The exception the workflow ended with.</summary>
    public WorkflowError Error { get; }
}

/// <summary>No workflow instance has the id that was asked for.</summary>
/// <remarks>A <see cref="KeyNotFoundException"/>, so code written against earlier versions still catches it.</remarks>
public sealed class WorkflowNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="workflowId"/>.</summary>
    public WorkflowNotFoundException(string workflowId)
        : base($"No workflow instance has id '{workflowId}'. Check the id, or start the workflow first.")
    {
        WorkflowId = workflowId;
    }

    /// <summary>The id that was asked for.</summary>
    public string WorkflowId { get; }
}

/// <summary>The instance has finished (completed, failed or cancelled), so it cannot accept what was sent to it.</summary>
public sealed class WorkflowFinishedException : InvalidOperationException
{
    /// <summary>Creates the exception; <paramref name="message"/> says what was refused and why.</summary>
    public WorkflowFinishedException(string workflowId, WorkflowStatus status, string message)
        : base(message)
    {
        WorkflowId = workflowId;
        Status = status;
    }

    /// <summary>The instance id.</summary>
    public string WorkflowId { get; }

    /// <summary>How the instance finished.</summary>
    public WorkflowStatus Status { get; }
}
