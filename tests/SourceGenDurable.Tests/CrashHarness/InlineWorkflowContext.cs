using System.Text.Json;
using SourceGenDurable.Execution;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The context of a direct run: steps run inline, nothing is persisted. Like the engine, it runs a
/// <c>ctx.Step</c> body up to the MaxAttempts the generator gives <c>ctx.Step</c> (the <see cref="DurableStepAttribute"/> default).
/// </summary>
public sealed class InlineWorkflowContext(string workflowId, ScriptedEvents events) : WorkflowContext
{
    /// <summary>The clock a durable run starts from too, so that both runs see the same times.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WorkflowJson = WorkflowSerializerOptions.CreateDefault().Options;
    private DateTimeOffset _now = Start;

    /// <summary>The attempts of a <c>ctx.Step</c>: the generator uses the <c>[DurableStep]</c> default for it.</summary>
    public static int ContextStepMaxAttempts { get; } = new DurableStepAttribute().MaxAttempts;

    public override string WorkflowId => workflowId;

    /// <summary>Moves only when the workflow sleeps or a wait times out, as the durable run's clock does.</summary>
    public override DateTimeOffset UtcNow => _now;

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Guid NewGuid() => Guid.NewGuid();

    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body) =>
        Step(name, body, RetryPolicy.Default with { MaxAttempts = ContextStepMaxAttempts });

    public override Task Step(string name, Func<CancellationToken, Task> body) =>
        Step(name, body, RetryPolicy.Default with { MaxAttempts = ContextStepMaxAttempts });

    // Retry delays are timers, and a direct run's timers are due at once.
    public override async Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body, RetryPolicy retry)
    {
        StepLog.EnterInlineStep();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await body(CancellationToken.None);
            }
            catch (Exception e) when (attempt < retry.MaxAttempts && !retry.IsNotRetried(e))
            {
            }
        }
    }

    public override Task Step(string name, Func<CancellationToken, Task> body, RetryPolicy retry) =>
        Step<bool>(
            name,
            async ct =>
            {
                await body(ct);
                return true;
            },
            retry);

    // Timers are due at once: the clock jumps to their due time, as the harness moves the durable run's clock.
    public override Task Sleep(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _now += duration;
        return Task.CompletedTask;
    }

    public override Task SleepUntil(DateTimeOffset dueTime)
    {
        _now = dueTime > _now ? dueTime : _now;
        return Task.CompletedTask;
    }

    // Operations run inline, one after the other, in the order given: the durable run starts them in that order too.
    public override Task<T[]> WhenAll<T>(params Task<T>[] operations) => Task.WhenAll(operations);

    public override Task<T[]> WhenAll<T>(IEnumerable<Task<T>> operations) => Task.WhenAll(operations.ToList());

    public override Task WhenAll(params Task[] operations) => Task.WhenAll(operations);

    // Inline operations have ended when they return, so the first in order wins, as it does in a durable run that
    // finds several ready at once.
    public override async Task<WhenAnyResult> WhenAny(params Task[] operations)
    {
        var index = Array.FindIndex(operations, o => o.IsCompleted);
        await operations[index];
        var result = operations[index].GetType().GetProperty("Result")?.GetValue(operations[index]);
        return new WhenAnyResult(index, result is null ? null : JsonSerializer.SerializeToElement(result, result.GetType(), WorkflowJson));
    }

    public override Task<T> WaitForEvent<T>(string name) =>
        TryReceive<T>(name, out var payload)
            ? Task.FromResult(payload)
            : throw new InvalidOperationException(
                $"Corpus convention: the workflow waits for event '{name}' without a timeout, and its [Raises] script has no more '{name}' events.");

    public override Task<T> WaitForEvent<T>(string name, TimeSpan timeout)
    {
        if (TryReceive<T>(name, out var payload))
        {
            return Task.FromResult(payload);
        }

        _now += timeout;
        throw new TimeoutException($"Workflow '{workflowId}' waited for event '{name}' until its timeout, and no such event was raised by then.");
    }

    private bool TryReceive<T>(string name, out T payload)
    {
        var json = events.TakeNext(name);
        payload = json is null ? default! : JsonSerializer.Deserialize<T>(json, WorkflowJson)!;
        return json is not null;
    }
}
