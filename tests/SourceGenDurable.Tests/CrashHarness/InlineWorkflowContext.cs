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

    public override async Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body)
    {
        StepLog.EnterInlineStep();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await body(CancellationToken.None);
            }
            catch (Exception) when (attempt < ContextStepMaxAttempts)
            {
            }
        }
    }

    public override Task Step(string name, Func<CancellationToken, Task> body) =>
        Step<bool>(name, async ct =>
        {
            await body(ct);
            return true;
        });
}
