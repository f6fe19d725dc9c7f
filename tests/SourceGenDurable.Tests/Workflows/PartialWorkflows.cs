namespace SourceGenDurable.Tests.Workflows;

/// <summary>A workflow written as a partial method: the attribute is on the implementing declaration, the one with the body.</summary>
public sealed partial class PartialWorkflows(FakeServices services)
{
    public partial Task<string> Greet(WorkflowContext ctx, string name);

    [DurableWorkflow]
    public partial async Task<string> Greet(WorkflowContext ctx, string name)
    {
        var greeting = await ctx.Step("greet", ct => services.CallAsync("greet", $"hello {name}", ct));
        return greeting + "!";
    }
}
