using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0007: only the workflow's locals and inputs are saved at a checkpoint (as slots). A field or property of the
/// workflow object, a captured constructor parameter or static state written by the body is lost on resume, when a
/// new object runs the body from the last checkpoint.
/// </summary>
public sealed class SGD0007StateOutsideSlotsTests
{
    [Fact]
    public Task Writes_to_the_workflow_object_and_to_static_state_are_reported() =>
        Verify.VerifyAsync(
            """
            public static class Counters
            {
                public static int Started;
            }

            public partial class Orders(int retries)
            {
                private int _attempts;

                public string? LastOrder { get; set; }

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string order)
                {
                    {|#0:_attempts|}++;
                    {|#1:LastOrder|} = order;
                    {|#2:Counters.Started|} += 1;
                    {|#3:retries|} = 0;
                    return await ctx.Step("a", ct => Task.FromResult(order.Length));
                }
            }
            """,
            Verify.Diagnostic("SGD0007").WithLocation(0).WithMessage(
                "'_attempts' is a field of the workflow class 'Orders', which is not saved at a checkpoint and is lost when the workflow resumes: keep the value in a local, or return it from a step"),
            Verify.Diagnostic("SGD0007").WithLocation(1).WithArguments("LastOrder", "a property of the workflow class 'Orders'"),
            Verify.Diagnostic("SGD0007").WithLocation(2).WithArguments("Counters.Started", "a static field"),
            Verify.Diagnostic("SGD0007").WithLocation(3).WithArguments("retries", "a constructor parameter captured by the workflow class 'Orders'"));

    [Fact]
    public Task Locals_objects_the_body_creates_reads_and_writes_inside_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public sealed class Tally
            {
                public int Count { get; set; }
            }

            public partial class Orders
            {
                private int _calls;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int count)
                {
                    var tally = new Tally { Count = count };
                    tally.Count++;
                    count += _calls;
                    await ctx.Step("count", ct => { _calls++; return Task.CompletedTask; });
                    return tally.Count;
                }

                public void NotAWorkflow() => _calls++;
            }
            """);

    /// <summary>A readonly field does not make its collection immutable: the known mutating members of the BCL collections are writes.</summary>
    [Fact]
    public Task Collections_held_by_the_workflow_object_or_by_static_state_changed_in_place_are_reported() =>
        Verify.VerifyAsync(
            """
            using System.Collections.Concurrent;

            public static class Cache
            {
                public static readonly Dictionary<string, int> Prices = new();
            }

            public partial class Orders(List<string> audit)
            {
                private static readonly HashSet<string> s_seen = new();
                private static readonly ConcurrentDictionary<string, int> s_counts = new();
                private readonly List<string> _items = new();
                private readonly Queue<int> _queue = new();
                private readonly int[] _slots = new int[3];
                private readonly IDictionary<string, int> _map = new Dictionary<string, int>();

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string order)
                {
                    {|#0:s_seen.Add(order)|};
                    {|#1:Cache.Prices[order]|} = 1;
                    {|#2:s_counts.AddOrUpdate(order, 1, (_, n) => n + 1)|};
                    {|#3:_items.Remove(order)|};
                    {|#4:_queue.Enqueue(1)|};
                    {|#5:_slots[0]|}++;
                    {|#6:_map[order]|} += 2;
                    {|#7:audit.Add(order)|};
                    return await ctx.Step("a", ct => Task.FromResult(order.Length));
                }
            }
            """,
            Verify.Diagnostic("SGD0007").WithLocation(0).WithMessage(
                "'Orders.s_seen' is a static field holding a collection that 's_seen.Add' changes, which is not saved at a checkpoint and is lost when the workflow resumes: keep the value in a local, or return it from a step"),
            Verify.Diagnostic("SGD0007").WithLocation(1).WithArguments("Cache.Prices", "a static field holding a collection that 'Cache.Prices[...]' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(2).WithArguments("Orders.s_counts", "a static field holding a collection that 's_counts.AddOrUpdate' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(3).WithArguments("_items", "a field of the workflow class 'Orders' holding a collection that '_items.Remove' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(4).WithArguments("_queue", "a field of the workflow class 'Orders' holding a collection that '_queue.Enqueue' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(5).WithArguments("_slots", "a field of the workflow class 'Orders' holding a collection that '_slots[...]' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(6).WithArguments("_map", "a field of the workflow class 'Orders' holding a collection that '_map[...]' changes"),
            Verify.Diagnostic("SGD0007").WithLocation(7).WithArguments(
                "audit", "a constructor parameter captured by the workflow class 'Orders' holding a collection that 'audit.Add' changes"));

    [Fact]
    public Task Reads_of_held_collections_collections_the_body_creates_and_changes_inside_steps_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                private static readonly Dictionary<string, int> s_prices = new() { ["a"] = 1 };
                private readonly List<string> _names = new();

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string order)
                {
                    var lines = new List<string>();
                    lines.Add(order);
                    var counts = new Dictionary<string, int>();
                    counts[order] = s_prices.TryGetValue(order, out var price) ? price : s_prices["a"];
                    var found = _names.Contains(order) || s_prices.ContainsKey(order);
                    var copy = new List<string>(_names);
                    copy.Add(order);
                    await ctx.Step("remember", ct => { _names.Add(order); return Task.CompletedTask; });
                    return lines.Count + counts[order] + (found ? 1 : 0) + copy.Count;
                }
            }
            """);

    /// <summary>Followed through the call graph of SGD0010: static state through any call, the object's own state through calls on itself.</summary>
    [Fact]
    public Task Helpers_that_write_the_workflow_object_or_static_state_are_reported_at_the_call_with_the_chain() =>
        Verify.VerifyAsync(
            """
            public static class Registry
            {
                private static readonly List<string> s_all = new();

                public static void Register(string name) => s_all.Add(name);
            }

            public sealed class Tally
            {
                private int _n;

                public int N => _n;

                public void Bump() => _n++;
            }

            public partial class Orders
            {
                private static int s_total;
                private int _count;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string order)
                {
                    {|#0:Bump()|};
                    {|#1:this.BumpTwice()|};
                    {|#2:Total()|};
                    {|#3:Registry.Register(order)|};
                    var local = new Tally();
                    local.Bump();
                    return await ctx.Step("a", ct => Task.FromResult(local.N));
                }

                private void Bump() => _count++;

                private void BumpTwice()
                {
                    Bump();
                    Bump();
                }

                private static void Total() => s_total += 1;
            }
            """,
            Verify.Diagnostic("SGD0007").WithLocation(0).WithMessage(
                "'_count' is a field of the workflow class 'Orders', written through a call (ProcessOrder -> Bump -> _count), which is not saved at a checkpoint and is lost when the workflow resumes: keep the value in a local, or return it from a step"),
            Verify.Diagnostic("SGD0007").WithLocation(1).WithArguments("_count", "a field of the workflow class 'Orders', written through a call (ProcessOrder -> BumpTwice -> Bump -> _count)"),
            Verify.Diagnostic("SGD0007").WithLocation(2).WithArguments("Orders.s_total", "a static field, written through a call (ProcessOrder -> Total -> Orders.s_total)"),
            Verify.Diagnostic("SGD0007").WithLocation(3).WithArguments(
                "Registry.s_all", "a static field holding a collection that 's_all.Add' changes through a call (ProcessOrder -> Register -> s_all.Add)"));

    /// <summary>[Pure] (System.Diagnostics.Contracts) says a method changes no state; a step is where state may change.</summary>
    [Fact]
    public Task Helpers_marked_pure_steps_and_helpers_that_only_read_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics.Contracts;

            public partial class Orders
            {
                private static readonly Dictionary<int, int> s_memo = new();
                private int _calls;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var squared = Square(n);
                    await Count();
                    return squared + Peek();
                }

                [Pure]
                private static int Square(int n) => s_memo.TryGetValue(n, out var known) ? known : s_memo[n] = n * n;

                [DurableStep]
                private Task Count()
                {
                    _calls++;
                    return Task.CompletedTask;
                }

                private int Peek() => _calls;
            }
            """);
}
