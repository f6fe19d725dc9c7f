using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Durable awaits inside expressions (arguments, interpolation, initializers, receivers, assignment targets), and
/// the C# features around them: lambdas and local functions that capture workflow locals, pattern variables,
/// out var, deconstruction, tuples, checked and nameof.
/// </summary>
public sealed partial class ExpressionWorkflows(StepLog log)
{
    private int _scratch;

    /// <summary>Arguments are evaluated left to right, around two durable awaits.</summary>
    [DurableWorkflow]
    [Inputs(2, 3)]
    [Inputs(0, -1)]
    public async Task<int> AwaitsAsArguments(WorkflowContext ctx, int a, int b)
    {
        var counter = 0;
        var total = Total(++counter, await Double(a), counter++, await Double(b), counter);
        return total;
    }

    [DurableWorkflow]
    [Inputs("ada", 3)]
    [Inputs("", 0)]
    public async Task<string> AwaitsInInterpolation(WorkflowContext ctx, string name, int n)
    {
        return $"{name}: {await Double(n)} and {await ctx.Step("upper", ct => log.Run("upper", name, () => name.ToUpperInvariant()))} ({n})";
    }

    /// <summary>The object exists before the awaits in its initializer run.</summary>
    [DurableWorkflow]
    [Inputs("o-1", 2)]
    [Inputs("o-2", 0)]
    public async Task<string> AwaitsInObjectInitializer(WorkflowContext ctx, string id, int items)
    {
        var draft = new ReceiptDraft
        {
            OrderId = id,
            Items = await Double(items),
            Lines = { await Describe("first"), await Describe($"second of {id}") },
        };
        return $"{draft.OrderId}:{draft.Items}:{string.Join(",", draft.Lines)}";
    }

    /// <summary>
    /// The targets (an array element whose index has a side effect, a property, a field of the workflow) are
    /// evaluated before the awaiting right side. The field is read only before the next checkpoint.
    /// </summary>
    [DurableWorkflow]
    [Inputs(4)]
    [Inputs(0)]
    public async Task<string> AwaitOnTheRightOfAssignments(WorkflowContext ctx, int n)
    {
        var values = new int[3];
        var index = 0;
        values[index++] = await Double(n);
        values[index++] = await Double(n + 1);
        var tally = new Tally();
        tally.Count = await Double(index);
        // SGD0007 is right that a field is not checkpointed; this case exists to lower a field target, and reads the
        // field before the next checkpoint, where a resume assigns it again from the recorded step result.
#pragma warning disable SGD0007
        _scratch = await ctx.Step("scratch", ct => log.Run("scratch", n, () => n * 7));
#pragma warning restore SGD0007
        var fromField = _scratch + 1;
        tally.Names.Add(await Describe("tally"));
        return $"{string.Join(",", values)}|{index}|{tally.Count}|{fromField}|{string.Join(",", tally.Names)}";
    }

    /// <summary>A local function and lambdas, none of which awaits, capture locals that change across checkpoints.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(4)]
    public async Task<int> CapturingLambdasAndLocalFunctions(WorkflowContext ctx, int count)
    {
        var factor = await Double(1);
        int Apply(int v) => v * factor;
        var kept = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var v = await ctx.Step("value", ct => log.Run("value", new { i, factor }, () => i + factor));
            kept.AddRange(new[] { v, v + 1 }.Where(x => x % factor == 0).Select(Apply));
            factor++;
        }

        return kept.Sum() + Apply(1);
    }

    /// <summary>checked arithmetic over step results: the large input overflows after the first step.</summary>
    [DurableWorkflow]
    [Inputs(1000)]
    [Inputs(2_000_000_000)]
    public async Task<int> CheckedArithmetic(WorkflowContext ctx, int n)
    {
        var doubled = checked(await Double(n / 2) * 2);
        var wrapped = unchecked(n * 3);
        var sum = checked(doubled + await Double(1));
        return sum + (wrapped % 7);
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    public async Task<string> NameofAroundDurableAwaits(WorkflowContext ctx, int count)
    {
        var report = new List<string>();
        for (var i = 0; i < count; i++)
        {
            report.Add($"{nameof(count)}[{i}]={await Double(i)}");
        }

        await ctx.Step(nameof(report), ct => log.Do(nameof(report), report.Count));
        return string.Join(";", report) + $";{nameof(report)}";
    }

    private static int Total(int first, int x, int second, int y, int third) =>
        (first * 10000) + (x * 1000) + (second * 100) + (y * 10) + third;

    [DurableStep]
    private Task<int> Double(int n) => log.Run("Double", n, () => n * 2);

    [DurableStep]
    private Task<string> Describe(string what) => log.Run("Describe", what, () => $"<{what}>");

    [DurableStep]
    private Task<string[]> Split(string csv) => log.Run("Split", csv, () => csv.Split(','));

    [DurableStep]
    private Task<DivModResult> DivMod(int a, int b) => log.Run("DivMod", new { a, b }, () => new DivModResult(a / b, a % b));

    [DurableStep]
    private Task<string?> Find(string key) => log.Run<string?>("Find", key, () => key.StartsWith('c') ? key.ToUpperInvariant() : null);

    [DurableStep]
    private Task<(int Low, int High)> Bounds(int n) => log.Run("Bounds", n, () => (n - 1, n + 1));
}
