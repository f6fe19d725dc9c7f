namespace SourceGenDurable;

/// <summary>
/// Marks a method of a workflow class as a durable step. Awaiting a call to it from a
/// <see cref="DurableWorkflowAttribute">workflow</see> is a checkpoint: the step runs at least once and its
/// result is recorded exactly once.
/// </summary>
/// <remarks>
/// A <see cref="CancellationToken"/> parameter of the method gets the attempt's token, whatever the call passes (declare
/// it with <c>= default</c> and leave it out of calls): it is cancelled when the workflow is cancelled, when the step loses
/// a <c>ctx.WhenAny</c>, and when the host's shutdown timeout passes.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DurableStepAttribute : Attribute
{
    /// <summary>The step name recorded in the history. Defaults to the method name.</summary>
    public string? Name { get; init; }

    /// <summary>How many times the step runs before its last exception is thrown into the workflow.</summary>
    public int MaxAttempts { get; init; } = 3;

    // The retry policy of a [DurableStep]: attribute arguments must be constants, so delays are whole milliseconds. The
    // generator turns them into a RetryPolicy at the call site; see RetryPolicy for what each one means.

    /// <summary>The wait before the first retry, in milliseconds; 0 (the default) retries at once. A wait is a durable timer.</summary>
    public int FirstRetryDelayMilliseconds { get; init; }

    /// <summary>What each wait is multiplied by for the next retry; at least 1 (2 by default).</summary>
    public double BackoffCoefficient { get; init; } = 2;

    /// <summary>The longest wait between two attempts, in milliseconds; 0 (the default) for no limit.</summary>
    public int MaxRetryDelayMilliseconds { get; init; }

    /// <summary>Exception types (and types derived from them) that are not retried: they reach the workflow at once.</summary>
    public Type[]? DoNotRetry { get; init; }
}
