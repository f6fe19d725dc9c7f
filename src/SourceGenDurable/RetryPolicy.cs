namespace SourceGenDurable;

/// <summary>
/// How a step is retried: <see cref="MaxAttempts"/> attempts in all, the n-th retry
/// <see cref="FirstRetryDelay"/> × <see cref="BackoffCoefficient"/>^(n-1) after the attempt before it failed, at most
/// <see cref="MaxRetryDelay"/>; an exception of a <see cref="DoNotRetry"/> type (or a type derived from one) ends the
/// step at once. A delay is a durable timer: the failed attempt is recorded, the instance sleeps and leaves memory, and
/// it makes the next attempt when woken, also after a restart. The default retries at once, three attempts in all.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Three attempts, retried at once: what a step gets without a policy.</summary>
    public static RetryPolicy Default { get; } = new();

    // The policies of steps declared with only a number of attempts: one object each, not one per step run.
    private static readonly RetryPolicy[] ImmediateRetries = [.. Enumerable.Range(1, 10).Select(attempts => new RetryPolicy { MaxAttempts = attempts })];

    /// <summary><see cref="Default"/> with <paramref name="maxAttempts"/> attempts in all.</summary>
    internal static RetryPolicy WithMaxAttempts(int maxAttempts) =>
        maxAttempts >= 1 && maxAttempts <= ImmediateRetries.Length ? ImmediateRetries[maxAttempts - 1] : Default with { MaxAttempts = maxAttempts };

    /// <summary>How many times the step body runs before its last exception is thrown into the workflow; at least 1.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the first retry; <see cref="TimeSpan.Zero"/> (the default) retries at once.</summary>
    public TimeSpan FirstRetryDelay { get; init; }

    /// <summary>What each wait is multiplied by for the next retry; at least 1 (2 by default).</summary>
    public double BackoffCoefficient { get; init; } = 2;

    /// <summary>The longest wait between two attempts; null (the default) for no limit.</summary>
    public TimeSpan? MaxRetryDelay { get; init; }

    /// <summary>Exception types that are not retried: the step's exception is thrown into the workflow at once.</summary>
    public IReadOnlyList<Type> DoNotRetry { get; init; } = [];

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based) before the next one.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = FirstRetryDelay.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        var limit = (MaxRetryDelay ?? TimeSpan.MaxValue).Ticks;
        // Compared as doubles first: a long backoff overflows a TimeSpan well before it reaches a sensible limit.
        return ticks >= limit ? TimeSpan.FromTicks(limit) : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether <paramref name="exception"/> is of a type the policy does not retry.</summary>
    public bool IsNotRetried(Exception exception) => DoNotRetry.Any(type => type.IsInstanceOfType(exception));

    /// <summary>Checks that the policy can run; the message names the step and the setting to fix.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate(string stepName)
    {
        var notAnException = DoNotRetry.FirstOrDefault(t => t is not null && !typeof(Exception).IsAssignableFrom(t));
        string? problem =
            MaxAttempts < 1 ? $"MaxAttempts is {MaxAttempts}; a step must be allowed at least one attempt" :
            FirstRetryDelay < TimeSpan.Zero ? $"FirstRetryDelay is {FirstRetryDelay}; it must not be negative" :
            !(BackoffCoefficient >= 1) || double.IsInfinity(BackoffCoefficient) ? $"BackoffCoefficient is {BackoffCoefficient}; it must be a finite number of at least 1" :
            MaxRetryDelay < TimeSpan.Zero ? $"MaxRetryDelay is {MaxRetryDelay}; it must not be negative" :
            DoNotRetry.Contains(null!) ? "DoNotRetry holds null" :
            notAnException is not null ? $"DoNotRetry holds {notAnException.FullName}, which is not an exception type" :
            null;
        if (problem is not null)
        {
            throw new ArgumentException($"The retry policy of step '{stepName}' cannot run: {problem}. Fix it where the step is declared.");
        }
    }
}
