using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Statement and pattern forms users write around durable awaits: bodies without braces, else-if chains, a nested block,
/// a using statement and a using declaration beside checkpoints, a for with no clauses, a backward goto out of a for,
/// a switch on a string, positional and deconstructing patterns (in is-expressions, case labels, switch expression
/// arms, foreach and declarations).
/// </summary>
public sealed partial class StatementFormWorkflows(StepLog log)
{
    /// <summary>Positional patterns and deconstruction on awaited tuples, their variables read after checkpoints.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> PositionalPatterns(WorkflowContext ctx, int seed)
    {
        var total = 0;
        if (await Pair(seed) is var (a, b) && a > b - 100)
        {
            total += await F(a) + b;
        }

        if (await Pair(seed + 1) is (var c, > 0 and var d))
        {
            total += await F(c) * d;
        }

        switch (await Pair(seed + 2))
        {
            case (var e, var f) when e > 2:
                total += await F(e) + f;
                break;
            case var (e, f):
                total -= e + f;
                break;
        }

        var g = await Pair(seed) switch
        {
            (var h, var i) when h > 0 => h + await F(i),
            _ => 0,
        };
        total += g;
        var loops = 0;
        while (loops++ < 3 && await F(total) is var w && w % 5 != 0)
        {
            total += w;
            total += await F(w);
        }

        foreach (var (k, (m, n)) in new[] { (1, (2, 3)), (4, (await F(seed), 6)) })
        {
            if (await F(k + m) is { } got and > 10)
            {
                total += await F(got) + n;
            }
        }

        var ((p, q), r) = ((await F(1), 2), await F(3));
        total += await F(p + q + r) + p;
        return total;
    }

    /// <summary>Bodies without braces around awaits, a nested block, a using statement, and a goto back out of a for.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> UnbracedBodies(WorkflowContext ctx, int seed)
    {
        var total = 0;
        if (seed > 5) total += await F(seed); else total -= await F(seed + 1);
        if (seed % 2 == 0)
            total += await F(1);
        else if (await F(seed) % 2 == 0)
            total += await F(2);
        else
            total += 3;
        for (var i = 0; i < 2; i++) total += await F(i + total);
        foreach (var e in new[] { 1, seed }) total += await F(e) * e;
        var w = 0;
        while (w++ < 2) total += await F(w);
        do total += await F(total); while (total % 3 == 0 && total < 500);
        {
            var inner = await F(total);
            total += inner;
        }

        using (var m = new Marker(seed))
        {
            total += m.Value;
        }

        total += await F(total % 50);
        var tries = 0;
    again:
        for (var j = 0; j < 3; j++)
        {
            if (await F(j + tries) % 4 == 0 && tries++ < 2)
            {
                goto again;
            }

            if (j == 1) break;
        }

        switch (seed)
        {
            case int n when n > await F(1) % 10:
                total += n;
                break;
            case var n:
                total -= n;
                break;
        }

        return seed > 100 ? total : await F(total) switch
        {
            > 50 => total + await F(3),
            var v => v - total,
        };
    }

    /// <summary>
    /// A query over an awaited array, a for with no clauses, a switch on a string whose guard awaits, a foreach over a
    /// range whose count awaits, a deconstruction of a ?: with an await on each side, pattern variables declared on the
    /// right of a && that awaits and read after it (in a while and an if), a using declaration after the last await of
    /// its block.
    /// </summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> LoopAndSwitchForms(WorkflowContext ctx, int seed)
    {
        var total = 0;
        var items = await Items(seed);
        var query = from v in items where v % 2 == 0 select v * 3;
        total += query.Sum();
        for (;;)
        {
            total += await F(total);
            if (total % 3 != 0 || total > 200)
            {
                break;
            }
        }

        var name = seed > 4 ? "big" : "small";
        switch (name)
        {
            case "big" when await F(seed) > 20:
                total += 1;
                break;
            case "small":
                total += await F(2);
                break;
            default:
                total -= 1;
                break;
        }

        foreach (var i in Enumerable.Range(0, await F(seed) % 3))
        {
            total += await F(i);
        }

        var (a, b) = seed > 5 ? (await F(1), 2) : (3, await F(4));
        total += a * b;
        var rounds = 0;
        while (rounds++ < 3 && await F(rounds + seed) is var got && got % 4 != 3)
        {
            total += got;
        }

        if (total > 0 && await F(total % 30) is var more && more > 10)
        {
            total += more;
        }

        if (total > 0)
        {
            var made = await F(total % 20);
            using var marker = new Marker(made);
            total += marker.Value;
        }

        return total;
    }

    [DurableStep]
    private Task<int> F(int n) => log.Run("F", n, () => ((n * 7) + 3) % 101);

    [DurableStep]
    private Task<(int, int)> Pair(int n) => log.Run("Pair", n, () => (n * 3, n + 1));

    [DurableStep]
    private Task<int[]> Items(int n) => log.Run("Items", n, () => Enumerable.Range(n, 5).ToArray());

    /// <summary>A resource that holds no state a resume could lose.</summary>
    private sealed class Marker(int value) : IDisposable
    {
        public int Value => value % 13;

        public void Dispose()
        {
        }
    }
}
