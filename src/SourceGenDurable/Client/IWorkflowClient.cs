using System.ComponentModel;
using System.Text.Json;
using SourceGenDurable.StateMachines;

namespace SourceGenDurable.Client;

/// <summary>
/// Starts workflow instances and reads their outcome. The generator adds a typed <c>StartXAsync</c> extension
/// method for every workflow, so most code never passes a workflow name.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Starts the workflow named <paramref name="workflowName"/> with <paramref name="input"/>, a JSON object with one
    /// property per workflow parameter. Starting an id that exists returns the existing instance and starts nothing.
    /// </summary>
    /// <exception cref="WorkflowNotRegisteredException">No workflow has that name.</exception>
    /// <exception cref="ArgumentException">The input does not match the workflow's parameters.</exception>
    Task<WorkflowHandle> StartWorkflowAsync(string workflowName, JsonElement input, string? workflowId = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a workflow from its generated definition. Called by the generated typed start methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    Task<WorkflowHandle> StartWorkflowAsync(WorkflowDefinition definition, IWorkflowSlots input, string? workflowId = null, CancellationToken cancellationToken = default);

    /// <summary>The instance with this id, or null when there is none.</summary>
    Task<WorkflowInstanceInfo?> GetWorkflowAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance finishes.</summary>
    /// <exception cref="WorkflowFailedException">The workflow failed.</exception>
    /// <exception cref="KeyNotFoundException">No instance has this id.</exception>
    Task<WorkflowInstanceInfo> WaitForCompletionAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance finishes and returns its result.</summary>
    /// <exception cref="WorkflowFailedException">The workflow failed.</exception>
    Task<TResult> GetResultAsync<TResult>(string workflowId, CancellationToken cancellationToken = default);
}
