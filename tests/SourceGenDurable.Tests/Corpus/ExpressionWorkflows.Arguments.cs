using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Durable awaits beside arguments passed by reference: <c>out var</c> declarations and discards, <c>ref</c> and
/// <c>in</c> arguments of locals, in conditions, declarations and statements, with the variables they set read after
/// later checkpoints; and named arguments out of order, which C# evaluates as written.
/// </summary>
public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(4)]
    [Inputs(9)]
    public async Task<string> ArgumentsByReference(WorkflowContext ctx, int n)
    {
        var total = 0;
        var other = n;
        if (int.TryParse((await Double(n)).ToString(System.Globalization.CultureInfo.InvariantCulture), out var parsed))
        {
            total += parsed + await Double(parsed);
        }

        if (TryHalve(await Double(n + 1) / 2, out var half) && half > 1)
        {
            total += half * await Double(half);
        }

        Halve(await Double(total % 50), out var again);
        total += again + await Double(again);
        var prices = new Dictionary<int, int> { [2] = 20, [4] = 40 };
        total += prices.TryGetValue(await Double(n) % 5, out var price) ? price + await Double(price) : -1;
        var swapped = TryHalve(await Double(total % 20), out _) && Exchange(ref total, ref other, await Double(3)) > 0;
        AddInto(ref total, in other, await Double(n));
        var ordered = Pair(second: await Double(10), first: await Double(11));
        return $"{total}|{other}|{swapped}|{ordered}";
    }

    private static bool TryHalve(int value, out int half)
    {
        half = value / 2;
        return value % 2 == 0;
    }

    private static void Halve(int value, out int half) => half = value / 2;

    private static int Exchange(ref int a, ref int b, int add)
    {
        (a, b) = (b + add, a);
        return a;
    }

    private static void AddInto(ref int target, in int by, int more) => target += by + more;

    private static int Pair(int first, int second) => (first * 100) + second;
}
