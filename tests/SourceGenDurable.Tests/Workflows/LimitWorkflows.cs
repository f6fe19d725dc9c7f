namespace SourceGenDurable.Tests.Workflows;

/// <summary>Workflows whose step results, locals, results and child inputs are as large as a test asks.</summary>
public sealed partial class LimitWorkflows(FakeServices services, ShippingWorkflows shipping)
{
    [DurableWorkflow(Name = "large-step-result")]
    public async Task<string> LargeStepResult(WorkflowContext ctx, int size)
    {
        try
        {
            var text = await ctx.Step("fetch", ct => services.CallAsync("fetch", new string('r', size), ct));
            return $"fetched {text.Length}";
        }
        catch (WorkflowLimitExceededException e)
        {
            await ctx.Step("report", ct => services.CallAsync("report", e.Message, ct));
            return $"caught: {e.Message}";
        }
    }

    [DurableWorkflow(Name = "unrecordable-step-result")]
    public async Task<string> UnrecordableStepResult(WorkflowContext ctx)
    {
        try
        {
            // System.Text.Json refuses to serialize a Type, which is what this workflow shows at run time (and SGD0008 at build time).
#pragma warning disable SGD0008
            var type = await ctx.Step("describe", ct => services.CallAsync("describe", typeof(string), ct));
#pragma warning restore SGD0008
            return type.Name;
        }
        catch (NotSupportedException e)
        {
            return $"caught: {e.GetType().Name}";
        }
    }

    [DurableWorkflow(Name = "large-checkpoint")]
    public async Task<int> LargeCheckpoint(WorkflowContext ctx, int size)
    {
        var small = "s";
        var big = new string('b', size);
        try
        {
            await ctx.Step("first", ct => services.CallAsync("first", 1, ct));
        }
        catch (Exception)
        {
            // Not reached by a checkpoint over its limit: the engine fails the workflow past its catch blocks.
            return -1;
        }

        await ctx.Step("second", ct => services.CallAsync("second", 2, ct));
        return big.Length + small.Length;
    }

    [DurableWorkflow(Name = "large-result")]
    public async Task<string> LargeResult(WorkflowContext ctx, int size)
    {
        var length = await ctx.Step("measure", ct => services.CallAsync("measure", size, ct));
        return new string('w', length);
    }

    [DurableWorkflow(Name = "large-child-input")]
    public async Task<string> LargeChildInput(WorkflowContext ctx, int size)
    {
        try
        {
            return await shipping.Ship(ctx, new string('o', size), parcels: 1);
        }
        catch (ArgumentException e)
        {
            return $"refused: {e.Message}";
        }
    }
}
