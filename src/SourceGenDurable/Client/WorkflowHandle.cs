namespace SourceGenDurable.Client;

/// <summary>A started workflow instance.</summary>
public class WorkflowHandle
{
    /// <summary>Creates a handle for instance <paramref name="id"/>.</summary>
    public WorkflowHandle(IWorkflowClient client, string id, string workflowName, bool created)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(id);
        Client = client;
        Id = id;
        WorkflowName = workflowName;
        Created = created;
    }

    /// <summary>The instance id.</summary>
    public string Id { get; }

    /// <summary>The workflow name.</summary>
    public string WorkflowName { get; }

    /// <summary>False when the id already existed and the existing instance was returned.</summary>
    public bool Created { get; }

    /// <summary>The client that started the instance.</summary>
    public IWorkflowClient Client { get; }

    /// <summary>Waits until the instance finishes.</summary>
    /// <exception cref="WorkflowFailedException">The workflow failed.</exception>
    public Task GetResultAsync(CancellationToken cancellationToken = default) =>
        Client.WaitForCompletionAsync(Id, cancellationToken);
}

/// <summary>A started workflow instance that returns <typeparamref name="TResult"/>.</summary>
public sealed class WorkflowHandle<TResult> : WorkflowHandle
{
    /// <summary>Wraps an untyped handle.</summary>
    public WorkflowHandle(WorkflowHandle handle)
        : base(handle?.Client!, handle?.Id!, handle?.WorkflowName!, handle?.Created ?? false)
    {
    }

    /// <summary>Waits until the instance finishes and returns its result.</summary>
    /// <exception cref="WorkflowFailedException">The workflow failed.</exception>
    public new Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        Client.GetResultAsync<TResult>(Id, cancellationToken);
}
