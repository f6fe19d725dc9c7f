namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The context of a direct run: steps run inline, nothing is persisted. Like the engine, it runs a
/// <c>ctx.Step</c> body up to the MaxAttempts the generator gives <c>ctx.Step</c> (the <see cref="DurableStepAttribute"/> default).
/// </summary>
public sealed class InlineWorkflowContext(string workflowId) : WorkflowContext
{
    /// <summary>The attempts of a <c>ctx.Step</c>: the generator uses the <c>[DurableStep]</c> default for it.</summary>
    public static int ContextStepMaxAttempts { get; } = new DurableStepAttribute().MaxAttempts;

    public override string WorkflowId => workflowId;

    public override DateTimeOffset UtcNow { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

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

    // A direct run has no clock to wait on and nobody to raise events: timers are due at once, and the corpus has no
    // event waits (the harness could not raise them between its simulated processes).
    public override Task Sleep(TimeSpan duration) => Task.CompletedTask;

    public override Task SleepUntil(DateTimeOffset dueTime) => Task.CompletedTask;

    public override Task<T> WaitForEvent<T>(string name) => throw new NotSupportedException("The crash harness raises no events.");

    public override Task<T> WaitForEvent<T>(string name, TimeSpan timeout) => WaitForEvent<T>(name);
}
