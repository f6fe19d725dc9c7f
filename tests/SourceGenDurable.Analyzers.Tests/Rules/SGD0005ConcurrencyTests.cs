using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0005: work started on other threads from a workflow body is neither recorded nor ordered by checkpoints, and
/// <c>ConfigureAwait(false)</c> moves the rest of the body off the engine's scheduler.
/// </summary>
public sealed class SGD0005ConcurrencyTests
{
    [Fact]
    public Task Threads_the_thread_pool_parallel_loops_and_configure_await_false_are_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] items)
                {
                    var background = {|#0:Task.Run(() => items.Length)|};
                    var factory = {|SGD0005:Task.Factory.StartNew(() => 1)|};
                    {|SGD0005:Parallel.For(0, items.Length, i => items[i]++)|};
                    var thread = {|SGD0005:new Thread(() => { })|};
                    {|SGD0005:ThreadPool.QueueUserWorkItem(_ => { })|};
                    var both = await {|#1:Task.WhenAll(background, factory)|};
                    var first = await {|SGD0005:Task.WhenAny(background, factory)|};
                    var total = await {|#2:ctx.Step("sum", ct => Task.FromResult(items.Sum())).ConfigureAwait(false)|};
                    return both.Length + total;
                }
            }
            """,
            Verify.Diagnostic("SGD0005").WithLocation(0).WithMessage(
                "'Task.Run' runs work on another thread, outside the order that checkpoints record: run the work inside a step"),
            Verify.Diagnostic("SGD0005").WithLocation(1).WithArguments(
                "Task.WhenAll",
                "awaits several tasks at once in the workflow body, where none of them is recorded or retried: use ctx.WhenAll or ctx.WhenAny over durable operations, or run the concurrent work inside one step"),
            Verify.Diagnostic("SGD0005").WithLocation(2).WithArguments(
                "Task.ConfigureAwait",
                "resumes the workflow on a thread-pool thread, off the engine's scheduler: remove 'ConfigureAwait(false)' (a workflow body needs no ConfigureAwait)"));

    [Fact]
    public Task Concurrency_inside_a_step_and_configure_await_true_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] items)
                {
                    var sums = await ctx.Step("fan-out", ct => Task.WhenAll(Task.Run(() => items.Sum()), Task.Run(() => items.Length)));
                    await Task.Yield();
                    return sums.Sum();
                }

                public Task NotAWorkflow() => Task.Run(() => { });
            }
            """);
}
