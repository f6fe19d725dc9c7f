namespace SourceGenDurable;

/// <summary>
/// What a running step body may know about itself, through <see cref="Current"/>: set while the body runs (and in the
/// code it awaits), null elsewhere.
/// </summary>
/// <param name="WorkflowId">The instance that runs the step.</param>
/// <param name="StepName">The step's name.</param>
/// <param name="Attempt">Which attempt this is, from 1.</param>
/// <param name="IdempotencyKey">
/// The same on every attempt of this step and on every re-execution after a restart, and different for every other
/// step of every instance: pass it to an external system that deduplicates requests (a payment provider's idempotency
/// key), so that a step that ran but was not recorded does not take effect twice.
/// </param>
public sealed record StepContext(string WorkflowId, string StepName, int Attempt, string IdempotencyKey)
{
    private static readonly AsyncLocal<StepContext?> Ambient = new();

    /// <summary>The step whose body is running on this async flow; null outside a step body.</summary>
    public static StepContext? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }
}
