namespace SourceGenDurable.Storage;

/// <summary>
/// What every store writes and says the same way: the engine and the client read one meaning from any store, and an
/// operator reads the same refusal whichever store gave it.
/// </summary>
public static class StoreConventions
{
    /// <summary>
    /// The awaited event of an instance that waits for several events at once (a fan-out over event waits or child
    /// workflows): any event raised to it wakes it, and it re-executes to the fan-out to see which waits resolve.
    /// Names that start with '$' are the engine's, so no client can raise it.
    /// </summary>
    public const string AnyEvent = "$any";

    /// <summary>Why an instance that was started <see cref="WorkflowInstance.Starts"/> times without progress is set aside.</summary>
    public static string PoisonedReason(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return $"Workflow '{instance.Name}' was started {instance.Starts} times at checkpoint {instance.State} and no run reached a new checkpoint: " +
            "each ended without committing, because its process died during a step (a crash, a kill, running out of memory) or its checkpoint " +
            "could not be written (see the workers' logs). No worker runs it again until you fix the cause and call IWorkflowClient.ResumeAsync.";
    }

    /// <summary>The refusal of a checkpoint whose guard did not hold.</summary>
    public static InvalidOperationException CheckpointRefused(string id, CheckpointCommit commit, string workerId)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return new(
            $"Instance '{id}' is not running, its commit {commit.Commit} was made by another run, or worker '{workerId}' no longer holds its lease " +
            $"(it expired and another worker took the instance over), so checkpoint {commit.State} is not committed.");
    }

    /// <summary>The refusal of a record made between two commits (a wait, a failed attempt, a branch) whose guard did not hold; <paramref name="what"/> names it.</summary>
    public static InvalidOperationException RefusedAtCommit(string id, int commit, string workerId, string what) =>
        new($"Instance '{id}' is not running, another run committed before its commit {commit}, or worker '{workerId}' no longer holds its lease, so {what} is not recorded.");

    /// <summary>Checks, before a store writes it, that <paramref name="outcome"/> ends an instance: completed without an error, failed or cancelled with one.</summary>
    public static void ThrowIfNotEnding(WorkflowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is not (WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled))
        {
            throw new ArgumentException($"An instance ends as Completed, Failed or Cancelled, not {outcome.Status}.", nameof(outcome));
        }

        if ((outcome.Status == WorkflowStatus.Completed) != (outcome.Error is null))
        {
            throw new ArgumentException($"A {outcome.Status} instance {(outcome.Error is null ? "needs the error that ended it" : "has no error")}.", nameof(outcome));
        }
    }

    /// <summary>The refusal of the end of a run whose guard did not hold.</summary>
    public static InvalidOperationException FinishRefused(string id, string workerId, WorkflowStatus status) =>
        new($"Instance '{id}' is not running, or worker '{workerId}' no longer holds its lease (it expired and another worker took the instance over), so it is not marked {status}.");

    /// <summary>A re-execution reached another wait where a wait was recorded: the code between checkpoints is not deterministic.</summary>
    public static InvalidOperationException WaitNotDeterministic(string id, WaitRequest wait, int recordedCheckpoint, WaitKind recordedKind, string? recordedEvent)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return new(
            $"Instance '{id}' re-executed from its last checkpoint and reached a {Describe(wait.Kind, wait.EventName)} wait at checkpoint {wait.Checkpoint}, " +
            $"where it first reached a {Describe(recordedKind, recordedEvent)} wait at checkpoint {recordedCheckpoint}. The code between checkpoints must be deterministic: " +
            "read the time, random numbers and outside state through ctx or a step.");
    }

    /// <summary>The refusal of an event raised to a finished instance.</summary>
    public static WorkflowFinishedException EventToFinished(string id, string name, WorkflowStatus status) =>
        new(id, status, $"Event '{name}' cannot be raised to workflow '{id}': it is {status}, so no wait will ever receive it. Raise events only to unfinished instances.");

    private static string Describe(WaitKind kind, string? eventName) => kind == WaitKind.Timer ? "timer" : $"event '{eventName}'";
}
