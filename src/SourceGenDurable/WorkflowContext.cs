
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
    /// the wait is first reached); then throws <see cref="EventTimeoutException"/>, a <see cref="TimeoutException"/>. An event raised after the deadline is
    /// left for a later wait.
    /// </summary>
    /// <exception cref="EventTimeoutException">No event of that name was raised before the deadline.</exception>
    /// <exception cref="EventPayloadException">The payload does not deserialize to <typeparamref name="T"/>.</exception>
    public abstract Task<T> WaitForEvent<T>(string name, TimeSpan timeout);

    /// <summary>
    /// Runs durable operations (steps, child workflows) concurrently and returns their results in the order given.
    /// Awaited directly in a workflow body, it is one checkpoint: each operation's identity is its position here, each
    /// step's result is recorded as it completes, so after a crash only the unfinished ones run again. When one fails,
    /// the others still end, and the exception of the first failed operation in the order given is thrown.
    /// </summary>
    /// <param name="operations">Calls of durable operations, not awaited (<c>ctx.WhenAll(Charge(a), Charge(b))</c>).</param>
    public abstract Task<T[]> WhenAll<T>(params Task<T>[] operations);

    /// <summary>
    /// As <see cref="WhenAll{T}(Task{T}[])"/>, over a sequence built with <c>Select</c>:
    /// <c>ctx.WhenAll(lines.Select(line => Reserve(line)))</c>.
    /// </summary>
    public abstract Task<T[]> WhenAll<T>(IEnumerable<Task<T>> operations);

    /// <summary>As <see cref="WhenAll{T}(Task{T}[])"/>, for operations of different result types or none; also timers and event waits.</summary>
    public abstract Task WhenAll(params Task[] operations);

    /// <summary>
    /// Waits for the first of several durable operations to end (steps, child workflows, timers, event waits) and returns
    /// which one, with its result. The typical use races an event against a timer:
    /// <c>var first = await ctx.WhenAny(ctx.WaitForEvent&lt;Approval&gt;("approved"), ctx.Sleep(TimeSpan.FromDays(3)));</c>.
    /// The others are dropped: a running step's token is cancelled and the step is waited for, a child workflow is
    /// cancelled, a wait is forgotten (an event it did not take stays for a later wait).
    /// </summary>
    public abstract Task<WhenAnyResult> WhenAny(params Task[] operations);
}
