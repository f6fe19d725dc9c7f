namespace SourceGenDurable;

/// <summary>
/// What a workflow body may ask of the engine. Awaiting <see cref="Step{T}"/> directly in a workflow body is a
/// durable checkpoint; everything else on the context is safe to call between checkpoints.
/// </summary>
public abstract class WorkflowContext
{
    /// <summary>The id of the running instance.</summary>
    public abstract string WorkflowId { get; }

    /// <summary>The current time from the engine's <see cref="TimeProvider"/>; use it instead of <see cref="DateTimeOffset.UtcNow"/>.</summary>
    public abstract DateTimeOffset UtcNow { get; }

    /// <summary>A new identifier; use it instead of <see cref="Guid.NewGuid"/>.</summary>
    public abstract Guid NewGuid();

    /// <summary>Cancelled when the host stops the instance.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs <paramref name="body"/> as a durable step named <paramref name="name"/> and records its result.</summary>
    public abstract Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body);

    /// <summary>Runs <paramref name="body"/> as a durable step named <paramref name="name"/>.</summary>
    public abstract Task Step(string name, Func<CancellationToken, Task> body);
}
