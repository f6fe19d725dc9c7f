using Verify = SourceGenDurable.Analyzers.Tests.AllAnalyzersVerifier;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// One problem does not hide another, as with the compiler's own errors: a workflow that cannot be lowered still gets
/// its non-checkpointable slots (SGD0008, SGD0106) and the determinism rules (SGD0001-SGD0012) in the same build, and
/// every shape problem of one method is reported.
/// </summary>
public sealed class EveryProblemReportedTests
{
    [Fact]
    public Task A_using_declaration_spanning_a_durable_await_does_not_hide_the_slots_or_the_determinism_rules() =>
        Verify.VerifyAsync(
            """
            public sealed class Counter
            {
                public int Count { get; private set; }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    using var stream = {|SGD0004:System.IO.File.OpenRead("orders.json")|};
                    var now = {|SGD0001:DateTime.UtcNow|};
                    Func<int, int> {|#1:twice|} = v => v * 2;
                    var {|#2:counter|} = new Counter();
                    await {|#3:ctx.Step("a", ct => Task.FromResult(n))|};
                    await {|SGD0003:Task.Delay(10)|};
                    return twice(n) + counter.Count + now.Second + (int){|SGD0004:stream.Length|};
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(3).WithArguments(
                "the using declaration of 'stream' is still in scope here, and a resource cannot survive a restart; dispose it before the durable await"),
            Verify.Diagnostic("SGD0106").WithLocation(1).WithArguments(
                "ProcessOrder", "'twice' of type 'System.Func<int, int>' lives across a checkpoint, but delegates cannot be checkpointed"),
            Verify.Diagnostic("SGD0008").WithLocation(2).WithArguments(
                "counter", "Counter", "ctx.Step(\"a\", ...)", 15,
                "its property 'Counter.Count' has no public setter and no constructor parameter, so System.Text.Json writes it but cannot read it back"));

    [Fact]
    public Task Every_declaration_problem_and_every_body_problem_of_one_method_is_reported() =>
        Verify.VerifyAsync(
            """
            public class Orders
            {
                [DurableWorkflow]
                public static async Task<int> {|#0:ProcessOrder|}<T>(WorkflowContext ctx, T input)
                {
                    var {|#1:source|} = new CancellationTokenSource();
                    Func<Task<int>> later = () => {|#2:ctx.Step("a", ct => Task.FromResult(1))|};
                    using (var stream = {|SGD0004:System.IO.File.OpenRead("orders.json")|})
                    {
                        await {|#3:ctx.Step("b", ct => Task.FromResult(2))|};
                    }

                    await ctx.Step("c", ct => Task.FromResult(3));
                    return source.Token.GetHashCode() + {|SGD0002:Guid.NewGuid()|}.GetHashCode();
                }
            }
            """,
            Verify.Diagnostic("SGD0101").WithLocation(0).WithArguments("ProcessOrder", "Orders"),
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it is static; make it an instance method (the class is created through dependency injection)"),
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has type parameters, which this version does not support yet"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "source", "System.Threading.CancellationTokenSource", "ctx.Step(\"c\", ...)", 13,
                "it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen"),
            Verify.Diagnostic("SGD0105").WithLocation(2).WithArguments("it is inside a lambda or local function; a durable operation must be awaited in the workflow body itself"),
            Verify.Diagnostic("SGD0105").WithLocation(3).WithArguments(
                "it is inside a using statement, and the resource it holds (a connection, a stream, a lock) cannot survive a restart; dispose it before the durable await"));

    [Fact]
    public Task A_workflow_that_is_not_async_gets_the_determinism_rules_but_not_the_body_findings_that_follow_from_it() =>
        // Without async no call is awaited: SGD0105 on each would only repeat SGD0102.
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    var now = {|SGD0001:DateTime.Now|};
                    return ctx.Step("a", ct => Task.FromResult(now.Second));
                }
            }
            """,
            Verify.Diagnostic("SGD0102").WithLocation(0).WithArguments(
                "ProcessOrder", ", so the durable operation 'ctx.Step(\"a\", ...)' whose task it returns is never awaited and never becomes a checkpoint"));
}
