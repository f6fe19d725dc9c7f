namespace SourceGenDurable.Tests.Workflows;

/// <summary>A generic workflow class: each closed class is a workflow of its own.</summary>
public sealed partial class Repo<T>(FakeServices services)
    where T : notnull
{
    [DurableWorkflow]
    public async Task<string> Save(WorkflowContext ctx, T item)
    {
        var key = await ctx.Step("key", ct => services.CallAsync("key", $"{typeof(T).Name}:{item}", ct));
        return await ctx.Step("store", ct => services.CallAsync("store", key + "!", ct));
    }
}
