using Verify = SourceGenDurable.Analyzers.Tests.CodeFixVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer, SourceGenDurable.CodeFixes.UseWorkflowContextCodeFixProvider>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// The code fixes of SGD0001-SGD0003: what the workflow's context offers instead, written with the name of the
/// workflow's own context parameter, and only where it means the same thing.
/// </summary>
public sealed class UseWorkflowContextCodeFixTests
{
    [Fact]
    public Task Clock_reads_become_reads_of_the_context_clock() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext context)
                {
                    var offset = {|SGD0001:DateTimeOffset.UtcNow|};
                    var utc = {|SGD0001:DateTime.UtcNow|};
                    var local = {|SGD0001:DateTime.Now|};
                    return await context.Step("a", ct => Task.FromResult($"{offset}{utc}{local}"));
                }
            }
            """,
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext context)
                {
                    var offset = context.UtcNow;
                    var utc = context.UtcNow.UtcDateTime;
                    var local = context.UtcNow.LocalDateTime;
                    return await context.Step("a", ct => Task.FromResult($"{offset}{utc}{local}"));
                }
            }
            """);

    [Fact]
    public Task Guid_NewGuid_becomes_the_context_guid() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Guid> ProcessOrder(WorkflowContext ctx)
                {
                    var id = {|SGD0002:Guid.NewGuid()|};
                    return await ctx.Step("a", ct => Task.FromResult(id));
                }
            }
            """,
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Guid> ProcessOrder(WorkflowContext ctx)
                {
                    var id = ctx.NewGuid();
                    return await ctx.Step("a", ct => Task.FromResult(id));
                }
            }
            """);

    [Fact]
    public Task An_awaited_Task_Delay_becomes_a_durable_sleep() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await {|SGD0003:Task.Delay(TimeSpan.FromMinutes(5))|};
                    await {|SGD0003:Task.Delay(250)|};
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await ctx.Sleep(TimeSpan.FromMinutes(5));
                    await ctx.Sleep(TimeSpan.FromMilliseconds(250));
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """);

    /// <summary>ctx.Sleep takes no token, and a delay kept in a variable is not awaited where it is created: no fix would mean the same.</summary>
    [Fact]
    public Task A_delay_with_a_token_or_not_awaited_where_it_is_created_gets_no_fix() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await {|SGD0003:Task.Delay(100, ctx.CancellationToken)|};
                    var later = {|SGD0003:Task.Delay(100)|};
                    await ctx.Step("a", ct => later);
                }
            }
            """,
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx)
                {
                    await {|SGD0003:Task.Delay(100, ctx.CancellationToken)|};
                    var later = {|SGD0003:Task.Delay(100)|};
                    await ctx.Step("a", ct => later);
                }
            }
            """);
}
