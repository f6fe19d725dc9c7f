using System.ComponentModel;
using System.Text.Json;
using SourceGenDurable.Execution;
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
    /// <remarks>
    /// Without a <c>workflowId</c>, the instance gets a new id that sorts by start time (a version 7 GUID). Ids that
    /// follow the order of starts keep the store's writes together; ids drawn at random (such as
    /// <see cref="Guid.NewGuid"/>) spread them and cost throughput on a large store.
    /// </remarks>
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
    /// <exception cref="WorkflowCancelledException">The workflow was cancelled.</exception>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<WorkflowInstanceInfo> WaitForCompletionAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance finishes and returns its result.</summary>
    /// <exception cref="WorkflowFailedException">The workflow failed.</exception>
    /// <exception cref="WorkflowCancelledException">The workflow was cancelled.</exception>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<TResult> GetResultAsync<TResult>(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises event <paramref name="eventName"/> with <paramref name="payload"/> (serialized as JSON) to an unfinished
    /// instance. It is stored before this returns, and delivered to the instance's first <c>ctx.WaitForEvent</c> of that
    /// name that has not received an earlier one, now or later; events of one name are delivered in the order raised.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The name is empty or longer than <c>MaxEventNameLength</c>, or the JSON payload is larger than <c>MaxEventPayloadBytes</c>.
    /// </exception>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    /// <exception cref="WorkflowFinishedException">The instance has finished, so no wait would ever receive the event.</exception>
    Task RaiseEventAsync<TPayload>(string workflowId, string eventName, TPayload payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Requests cancellation: the workflow's pending or next durable await throws <see cref="WorkflowCancelledException"/>
    /// and <c>ctx.CancellationToken</c> is cancelled. Requesting it again does nothing more.
    /// </summary>
    /// <returns>True when the instance is unfinished (cancellation is requested); false when it had already finished, which is left as it was.</returns>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<bool> CancelAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The unfinished instances a host set aside instead of running, with their reasons (<see cref="WorkflowInstanceInfo.SetAsideReason"/>):
    /// poisoned ones (started too often without reaching a checkpoint) and ones whose code this host does not have.
    /// </summary>
    Task<IReadOnlyList<WorkflowInstanceInfo>> GetSetAsideWorkflowsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a set-aside instance again after its cause is fixed: clears its reason and its count of starts without
    /// progress, so any worker takes it from its last checkpoint.
    /// </summary>
    /// <returns>True when the instance was set aside; false when it was not (nothing is changed then).</returns>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<bool> ResumeAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>One page of the instances that match <paramref name="query"/>, oldest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not between 1 and <see cref="WorkflowQuery.MaxPageSize"/>.</exception>
    /// <exception cref="ArgumentException">The continuation token was not returned by a previous page.</exception>
    Task<WorkflowPage> ListWorkflowsAsync(WorkflowQuery query, CancellationToken cancellationToken = default);

    /// <summary>The committed steps of an instance, in the order they completed.</summary>
    /// <exception cref="WorkflowNotFoundException">No instance has this id.</exception>
    Task<IReadOnlyList<StepHistoryEntry>> GetHistoryAsync(string workflowId, CancellationToken cancellationToken = default);
}
