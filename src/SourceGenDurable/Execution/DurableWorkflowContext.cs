namespace SourceGenDurable.Execution;

/// <summary>The context the engine gives a running instance.</summary>
internal sealed class DurableWorkflowContext(string workflowId, TimeProvider timeProvider, CancellationToken cancellationToken)
    : WorkflowContext
{
    public override string WorkflowId => workflowId;

    public override DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    public override CancellationToken CancellationToken => cancellationToken;

    public override Guid NewGuid() => Guid.NewGuid();

    // Generated code turns every awaited ctx.Step, ctx.Sleep and ctx.WaitForEvent into a checkpoint, so a call that reaches here was not awaited
    // directly in the workflow body (the analyzers flag that too).
    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body) => throw NotAwaitedDirectly($"Step '{name}'", "Step");

    public override Task Step(string name, Func<CancellationToken, Task> body) => throw NotAwaitedDirectly($"Step '{name}'", "Step");

    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body, RetryPolicy retry) => throw NotAwaitedDirectly($"Step '{name}'", "Step");

    public override Task Step(string name, Func<CancellationToken, Task> body, RetryPolicy retry) => throw NotAwaitedDirectly($"Step '{name}'", "Step");

    public override Task Sleep(TimeSpan duration) => throw NotAwaitedDirectly("Sleep", "Sleep");

    public override Task SleepUntil(DateTimeOffset dueTime) => throw NotAwaitedDirectly("SleepUntil", "SleepUntil");

    public override Task<T> WaitForEvent<T>(string name) => throw NotAwaitedDirectly($"WaitForEvent('{name}')", "WaitForEvent");

    public override Task<T> WaitForEvent<T>(string name, TimeSpan timeout) => throw NotAwaitedDirectly($"WaitForEvent('{name}')", "WaitForEvent");

    public override Task<T[]> WhenAll<T>(params Task<T>[] operations) => throw NotAwaitedDirectly("WhenAll", "WhenAll");

    public override Task<T[]> WhenAll<T>(IEnumerable<Task<T>> operations) => throw NotAwaitedDirectly("WhenAll", "WhenAll");

    public override Task WhenAll(params Task[] operations) => throw NotAwaitedDirectly("WhenAll", "WhenAll");

    public override Task<WhenAnyResult> WhenAny(params Task[] operations) => throw NotAwaitedDirectly("WhenAny", "WhenAny");

    private static InvalidOperationException NotAwaitedDirectly(string what, string method) => new(
        $"{what} was called outside a checkpoint. Await ctx.{method}(...) directly in the [DurableWorkflow] method body, " +
        "so that the generator can make it a checkpoint.");
}
