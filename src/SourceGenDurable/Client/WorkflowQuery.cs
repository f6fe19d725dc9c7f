
namespace SourceGenDurable.Client;

/// <summary>
/// Which instances <see cref="IWorkflowClient.ListWorkflowsAsync"/> returns: every filter that is set must match. Pages
/// are ordered by creation time, then id, so a page never repeats or skips an instance while more are started.
/// </summary>
/// <param name="WorkflowName">Only instances of this workflow.</param>
/// <param name="Status">Only instances in this status.</param>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedBefore">Only instances created before this time.</param>
/// <param name="PageSize">How many instances a page holds, 1 to 1,000.</param>
/// <param name="ContinuationToken">Where the page starts: the token of the previous page, or null for the first.</param>
public sealed record WorkflowQuery(
    string? WorkflowName = null,
    WorkflowStatus? Status = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedBefore = null,
    int PageSize = 100,
    string? ContinuationToken = null)
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxPageSize = 1_000;
}

/// <summary>One page of instances.</summary>
/// <param name="Items">The instances, oldest first.</param>
/// <param name="ContinuationToken">Pass it in the next <see cref="WorkflowQuery"/> for the next page; null on the last page.</param>
public sealed record WorkflowPage(IReadOnlyList<WorkflowInstanceInfo> Items, string? ContinuationToken);

/// <summary>
/// One entry of an instance's step history: a failed attempt of a step (with its error), or a step that completed (with
/// its result). Entries are in the order they happened.
/// </summary>
/// <param name="Sequence">The instance's commit that the step precedes: the steps of one commit share it.</param>
/// <param name="Checkpoint">The checkpoint of the workflow method that ran it.</param>
/// <param name="Name">The step name.</param>
/// <param name="Attempt">The attempt's number; for a completed step, how many attempts it took.</param>
/// <param name="StartedAt">When the attempt started; null for a step recorded by a version that did not record it.</param>
/// <param name="EndedAt">When the attempt failed, or when the step completed.</param>
/// <param name="ResultJson">A completed step's result as JSON; null for a failure or a step without a result.</param>
/// <param name="Error">Why the attempt failed; null for a completed step.</param>
public sealed record StepHistoryEntry(
    int Sequence, int Checkpoint, string Name, int Attempt, DateTimeOffset? StartedAt, DateTimeOffset EndedAt, string? ResultJson, WorkflowError? Error);
