namespace SourceGenDurable.Storage;

/// <summary>
/// Where instances and their checkpoints live. Every method is atomic: a checkpoint either commits its state,
/// its slots and its step result together, or not at all.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Opens the store and creates its schema. Fails with the location and the reason when it cannot.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="instance"/> unless its id exists. Returns the stored instance and whether it was
    /// created by this call.
    /// </summary>
    Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken);

    /// <summary>The instance with this id, or null.</summary>
    Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The ids of every instance that is still running.</summary>
    Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits checkpoint <paramref name="state"/> as the instance's commit number <paramref name="commit"/>: the new
    /// slots and, when a step produced it, the step's result.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The instance is not running, or commit <paramref name="commit"/> is already recorded (another run got there first).
    /// </exception>
    Task CommitCheckpointAsync(string id, int state, int commit, string slots, StepRecord? step, CancellationToken cancellationToken);

    /// <summary>Marks the instance completed with its result.</summary>
    Task CompleteAsync(string id, string? result, CancellationToken cancellationToken);

    /// <summary>Marks the instance failed with its error.</summary>
    Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken);

    /// <summary>Records why a host declined to run the instance, and leaves everything else intact.</summary>
    Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken);

    /// <summary>The recorded step results of an instance, in checkpoint order.</summary>
    Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken);
}
