namespace SourceGenDurable.Execution;

/// <summary>The context the engine gives a running instance.</summary>
internal sealed class DurableWorkflowContext(string workflowId, TimeProvider timeProvider, CancellationToken cancellationToken)
    : WorkflowContext
{
    public override string WorkflowId => workflowId;

    public override DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    public override CancellationToken CancellationToken => cancellationToken;

    public override Guid NewGuid() => Guid.NewGuid();

    // Generated code turns every awaited ctx.Step into a checkpoint, so a call that reaches here was not awaited
    // directly in the workflow body (the analyzers flag that too).
    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body) => throw NotAwaitedDirectly(name);

    public override Task Step(string name, Func<CancellationToken, Task> body) => throw NotAwaitedDirectly(name);

    private static InvalidOperationException NotAwaitedDirectly(string name) => new(
        $"Step '{name}' was called outside a checkpoint. Await ctx.Step(...) directly in the [DurableWorkflow] method body, " +
        "so that the generator can make it a checkpoint.");
}
