using SourceGenDurable.Storage;

namespace SourceGenDurable.Client;

/// <summary>What a client can see of an instance.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="WorkflowName">The workflow name.</param>
/// <param name="Status">Where the instance is in its life.</param>
/// <param name="State">The last committed checkpoint, -1 before the first.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="SetAsideReason">Why a host declined to run it, if one did.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="WakeAt">When a sleeping instance's timer is due, or a waiting instance's timeout; null otherwise.</param>
/// <param name="AwaitedEvent">The event a <see cref="WorkflowStatus.WaitingForEvent"/> instance waits for.</param>
/// <param name="CancelRequested">Cancellation of the instance was requested.</param>
/// <param name="ParentId">The workflow that started this one as its child; null for a top-level instance.</param>
/// <param name="Progress">
/// The last completed step and the step being retried, read by <see cref="IWorkflowClient.GetWorkflowAsync"/> (null
/// in listings, which read one row per instance).
/// </param>
public sealed record WorkflowInstanceInfo(
    string Id,
    string WorkflowName,
    WorkflowStatus Status,
    int State,
    WorkflowError? Error,
    string? SetAsideReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? WakeAt,
    string? AwaitedEvent,
    bool CancelRequested,
    string? ParentId = null,
    StepProgress? Progress = null)
{
    internal static WorkflowInstanceInfo From(WorkflowInstance instance, StepProgress? progress = null) => new(
        instance.Id,
        instance.Name,
        instance.Status,
        instance.State,
        instance.Error,
        instance.SetAsideReason,
        instance.CreatedAt,
        instance.UpdatedAt,
        instance.WakeAt,
        instance.AwaitedEvent,
        instance.Cancellation != CancellationState.None,
        instance.ParentId,
        progress);
}
