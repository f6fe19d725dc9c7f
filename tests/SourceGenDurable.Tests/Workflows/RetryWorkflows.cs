using System.Collections.Concurrent;

namespace SourceGenDurable.Tests.Workflows;

/// <summary>A service whose calls fail a set number of times, recording each attempt's <see cref="StepContext"/>.</summary>
public sealed class FlakyService
{
    private readonly ConcurrentQueue<StepContext> _attempts = new();

    /// <summary>How many calls of a step fail before one succeeds, by step name.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new();

    /// <summary>What a failing call throws, by step name; InvalidOperationException by default.</summary>
    public ConcurrentDictionary<string, Func<string, Exception>> Throws { get; } = new();

    /// <summary>Steps whose calls hang until the host stops, so a test can stop it at a known point.</summary>
    public ConcurrentDictionary<string, bool> Hangs { get; } = new();

    /// <summary>The step context of every call, in order.</summary>
    public IReadOnlyList<StepContext> Attempts => _attempts.ToArray();

    /// <summary>The last exception a call threw (in this process).</summary>
    public Exception? LastThrown { get; private set; }

    public async Task<string> CallAsync(string result, CancellationToken cancellationToken)
    {
        var step = StepContext.Current ?? throw new InvalidOperationException("StepContext.Current is not set in a step body.");
        _attempts.Enqueue(step);
        await Task.Yield();
        if (Hangs.ContainsKey(step.StepName))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Failures.TryGetValue(step.StepName, out var failures) && failures > 0)
        {
            Failures[step.StepName] = failures - 1;
            var message = $"{step.StepName} failed on attempt {step.Attempt}";
            LastThrown = Throws.TryGetValue(step.StepName, out var create) ? create(message) : new InvalidOperationException(message);
            throw LastThrown;
        }

        return result;
    }
}

/// <summary>Workflows whose steps are retried with durable backoff.</summary>
public sealed partial class RetryWorkflows(FlakyService flaky)
{
    /// <summary>Waits 1 minute, then 2, then 3 (capped) between its four attempts.</summary>
    [DurableWorkflow(Name = "backoff")]
    public async Task<string> Backoff(WorkflowContext ctx, string order)
    {
        return await Charge(order);
    }

    /// <summary>Retried an hour after each failure, three attempts in all.</summary>
    [DurableWorkflow(Name = "hourly")]
    public async Task<string> Hourly(WorkflowContext ctx, string account)
    {
        return await ctx.Step("sync", ct => flaky.CallAsync($"synced {account}", ct), new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromHours(1), BackoffCoefficient = 1 });
    }

    /// <summary>An ArgumentException is not retried, and the workflow catches it.</summary>
    [DurableWorkflow(Name = "validate")]
    public async Task<string> Validate(WorkflowContext ctx, string order)
    {
        try
        {
            return await Submit(order);
        }
        catch (ArgumentException e)
        {
            return $"rejected: {e.Message}";
        }
    }

    /// <summary>
    /// A step that uses up its attempts, caught by its type. The compensation step after it tells whether the workflow
    /// caught the exception object the step threw in this process, or one rebuilt after a restart.
    /// </summary>
    [DurableWorkflow(Name = "exhausted")]
    public async Task<string> Exhausted(WorkflowContext ctx, string order)
    {
        try
        {
            return await ctx.Step("reserve", ct => flaky.CallAsync($"reserved {order}", ct), new RetryPolicy { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMinutes(1) });
        }
        catch (InvalidOperationException e)
        {
            var seen = $"{(ReferenceEquals(e, flaky.LastThrown) ? "original" : "rebuilt")} {e.GetType().Name}: {e.Message}";
            return await ctx.Step("compensate", ct => flaky.CallAsync(seen, ct));
        }
    }

    /// <summary>A step that uses up its attempts with an exception type the workflow does not name.</summary>
    [DurableWorkflow(Name = "exhausted-unnamed")]
    public async Task<string> ExhaustedUnnamed(WorkflowContext ctx, string order)
    {
        try
        {
            return await ctx.Step("parse", ct => flaky.CallAsync(order, ct), new RetryPolicy { MaxAttempts = 2 });
        }
        catch (InvalidOperationException)
        {
            return "not reached: the step throws a FormatException";
        }
        catch (Exception e)
        {
            var seen = e is StepFailedException failed
                ? $"StepFailedException of {failed.StepName} after {failed.Attempts}: {failed.Original.Type}: {e.Message}"
                : $"{e.GetType().FullName}: {e.Message}";
            return await ctx.Step("report", ct => flaky.CallAsync(seen, ct));
        }
    }

    [DurableStep(MaxAttempts = 4, FirstRetryDelayMilliseconds = 60_000, BackoffCoefficient = 2, MaxRetryDelayMilliseconds = 180_000)]
    private Task<string> Charge(string order) => flaky.CallAsync($"charged {order}", CancellationToken.None);

    [DurableStep(MaxAttempts = 5, DoNotRetry = new[] { typeof(ArgumentException) })]
    private Task<string> Submit(string order) => flaky.CallAsync($"submitted {order}", CancellationToken.None);
}
