namespace SourceGenDurable.Analyzers.Tests;

/// <summary>Workflows that every shape rule accepts; each diagnostic's tests check that they stay quiet.</summary>
internal static class ValidWorkflows
{
    /// <summary>A straight-line workflow: partial class, async Task&lt;T&gt;, context first, only durable awaits the generator lowers.</summary>
    public const string StraightLine = """
        public sealed partial class Orders
        {
            [DurableWorkflow]
            public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
            {
                var x = await ctx.Step("a", ct => Task.FromResult(quantity));
                var y = await MyStep(x);
                await ctx.Step("b", ct => Task.CompletedTask);
                return await ctx.Step("c", ct => Task.FromResult(x + y));
            }

            [DurableStep]
            private Task<int> MyStep(int v) => Task.FromResult(v * 2);
        }
        """;
}
