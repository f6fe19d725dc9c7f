namespace SourceGenDurable;

/// <summary>
/// What a workflow body may ask of the engine. Awaiting <see cref="Step{T}(string, Func{CancellationToken, Task{T}})"/>, <see cref="Sleep"/>,
/// <see cref="SleepUntil"/> or <see cref="WaitForEvent{T}(string)"/> directly in a workflow body is a durable
/// checkpoint; everything else on the context is safe to call between checkpoints.
/// </summary>
public abstract class WorkflowContext
{
    /// <summary>The id of the running instance.</summary>
    public abstract string WorkflowId { get; }

    /// <summary>The current time from the engine's <see cref="TimeProvider"/>; use it instead of <see cref="DateTimeOffset.UtcNow"/>.</summary>
    public abstract DateTimeOffset UtcNow { get; }

    /// <summary>A new identifier; use it instead of <see cref="Guid.NewGuid"/>.</summary>
    public abstract Guid NewGuid();

    /// <summary>
    /// Cancelled when the workflow is cancelled (<c>IWorkflowClient.CancelAsync</c>). Steps that run before the workflow
    /// has received <see cref="WorkflowCancelledException"/> get it too; steps in its compensation do not, so they can finish.
    /// A host that stops does not cancel it: the instance merely leaves memory and resumes later.
    /// </summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs <paramref name="body"/> as a durable step named <paramref name="name"/> and records its result.</summary>
    public abstract Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body);

    /// <summary>Runs <paramref name="body"/> as a durable step named <paramref name="name"/>.</summary>
    public abstract Task Step(string name, Func<CancellationToken, Task> body);

    /// <summary>Runs <paramref name="body"/> as a durable step, retried as <paramref name="retry"/> says, and records its result.</summary>
    public abstract Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body, RetryPolicy retry);

    /// <summary>Runs <paramref name="body"/> as a durable step, retried as <paramref name="retry"/> says.</summary>
    public abstract Task Step(string name, Func<CancellationToken, Task> body, RetryPolicy retry);

    /// <summary>
    /// A durable timer: the instance is saved and leaves memory until <paramref name="duration"/> has passed on the
    /// engine's <see cref="TimeProvider"/>, across restarts. The due time is computed once, when the sleep is first reached.
    /// </summary>
    public abstract Task Sleep(TimeSpan duration);

    /// <summary>A durable timer until <paramref name="dueTime"/>; a time already passed returns at once.</summary>
    public abstract Task SleepUntil(DateTimeOffset dueTime);

    /// <summary>
    /// Waits, durably, for the next event named <paramref name="name"/> raised to this instance (events raised before the
    /// wait are kept, and delivered in the order they were raised) and returns its payload.
    /// </summary>
    /// <exception cref="EventPayloadException">The payload does not deserialize to <typeparamref name="T"/>.</exception>
    public abstract Task<T> WaitForEvent<T>(string name);

    /// <summary>
    /// Waits as <see cref="WaitForEvent{T}(string)"/> does, for at most <paramref name="timeout"/> (measured from when
    /// the wait is first reached); then throws <see cref="TimeoutException"/>. An event raised after the deadline is
    /// left for a later wait.
    /// </summary>
    /// <exception cref="TimeoutException">No event of that name was raised before the deadline.</exception>
    /// <exception cref="EventPayloadException">The payload does not deserialize to <typeparamref name="T"/>.</exception>
    public abstract Task<T> WaitForEvent<T>(string name, TimeSpan timeout);
}
