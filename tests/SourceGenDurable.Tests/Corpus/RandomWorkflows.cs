// Written by random_workflows.py (python3 random_workflows.py > RandomWorkflows.cs), seed 20261206. Change the script,
// not this file.
#nullable enable
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Random compositions of the constructs the lowering flattens, with awaits in every position it handles, for the
/// crash harness: each must end as its direct run does, with the same steps, whatever commit a crash follows.
/// </summary>
public sealed partial class RandomWorkflows(StepLog log)
{

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random01(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = checked(x + (await ctx.Step("s101", ct => log.Run("s101", seed % 7, () => seed % 7 + 1)) * 2)) % 1009;
        var l101 = new List<int> { y++, (await Even((seed + x)) ? 1 : 2), y };
        y += Mix(l101[0], l101[2]) + l101.Count;
        y = Mix(new[] { Mix(x, y), x }.Sum(v => v + y), await ctx.Step("s102", ct => log.Run("s102", (seed + seed), () => (seed + seed) + 1)));
        if (Mix(Twist(seed), seed % 7) is var k102 && k102 % 2 == 0)
        {
            x += await F(x % 7);
            y += k102;
        }
        int? n103 = seed % 7 % 2 == 0 ? null : Mix(x, x);
        n103 ??= await F(Twist(x));
        x += n103.Value;
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random02(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (await Retry(seed) is var k201 && k201 % 2 == 0)
        {
            y += await F(x) + k201;
        }
        x = (Mix(y, y) % 4) switch
        {
            var g202 when await Even(g202 + Mix(y, seed)) => await F(x) + g202,
            1 => Twist(x),
            var g202 when g202 > 2 => g202 + await F((y + x)),
            _ => y % 7 + 5,
        };
        var z203 = await ctx.Step("s201", ct => log.Run("s201", x, () => x + 1)) + x;
        var s204 = $"{await Retry(y),5:D3}|{x++:D2}";
        x += s204.Length + s204.IndexOf('|');
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random03(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = Twist(y) % 3 == 0 || await Even((x + y)) ? await Retry(Mix(seed, seed)) : Mix((y + seed), await Retry((seed + x)));
        x = Mix(Twist(y), await F(Mix(x, x)));
        var b301 = 0;
        again302:
        b301++;
        var l303 = new List<int> { Mix(seed, y) };
        l303.Add(await ctx.Step("s301", ct => log.Run("s301", x % 7, () => x % 7 + 1)));
        l303.Add(await ctx.Step("s302", ct => log.Run("s302", Twist(y), () => Twist(y) + 1)) + l303.Count);
        y += l303.Sum() * l303.Count;
        var b304 = new Box { B = (await Even(Twist(y)) ? 1 : 2), A = y++ + await F(Twist(seed)) };
        y += (b304.A * 2) - b304.B;
        if (b301 < 2 && y % 2 == 0)
        {
            goto again302;
        }
        var b305 = 0;
        again306:
        b305++;
        var l307 = new List<int> { y++, await F(Twist(x)), y };
        y += Mix(l307[0], l307[2]) + l307.Count;
        x = Mix(y, y = await Retry(x % 7));
        if (b305 < 2 && (x + y) % 2 == 0)
        {
            goto again306;
        }
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random04(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        var a401 = new int[2];
        a401[0] = await ctx.Step("s401", ct => log.Run("s401", seed, () => seed + 1));
        a401[1] = a401[0] + await F(Twist(x));
        y += a401[0] - a401[1];
        if (Mix(x, x) % 2 == 0 && await Even((x + y)))
        {
            x = Mix(x++, await ctx.Step("s402", ct => log.Run("s402", seed % 7, () => seed % 7 + 1))) + x;
            using var u402 = new Marker(x % 7);
            x += u402.Value;
        }
        var w403 = 0;
        while (w403 < 2 && await Even(w403 + x))
        {
            w403++;
            y = Mix(y, y = await Retry(Mix(y, x)));
            using var u404 = new Marker((y + seed));
            x += u404.Value;
        }
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random05(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        y = (seed + seed) % 2 == 0 ? (await Even((seed + y)) ? await ctx.Step("s501", ct => log.Run("s501", (seed + x), () => (seed + x) + 1)) : (x + y)) : await ctx.Step("s502", ct => log.Run("s502", Twist(seed), () => Twist(seed) + 1));
        x = Mix(Twist(seed), await Retry(Twist(seed)));
        var l501 = new List<int> { x++, await Retry((x + x)), x };
        x += Mix(l501[0], l501[2]) + l501.Count;
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random06(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (y % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p601))
        {
            x += await F(Twist(y));
            if (Mix(y % 7, seed % 7) is var k602 && k602 % 2 == 0)
            {
                y += await Retry(x % 7);
                y += k602;
            }
            x += p601;
        }
        int Local0(int v) => Mix(v, Mix(x, seed));
        x += Local0((await Even(y % 7) ? 1 : 2));
        y += Local0(y);
        await ctx.Sleep(TimeSpan.FromHours(2));
        x += await ctx.Step("s601", ct => log.Run("s601", Twist(y), () => Twist(y) + 1));
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random07(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        var l701 = new List<int> { (y + y) };
        l701.Add(await Retry(x));
        l701.Add(await Retry(x) + l701.Count);
        y += l701.Sum() * l701.Count;
        if ((y + x) % 9 == 7)
        {
            return Mix(x, await Retry((seed + seed)));
        }
        var a702 = new int[2];
        a702[0] = await ctx.Step("s701", ct => log.Run("s701", seed % 7, () => seed % 7 + 1));
        a702[1] = a702[0] + await ctx.Step("s702", ct => log.Run("s702", Twist(y), () => Twist(y) + 1));
        x += a702[0] - a702[1];
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random08(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        y = await Even(x) ? await F(y % 7) : Mix(Mix(x, x), (await Even(Mix(seed, y)) ? 1 : 2));
        var s801 = $"{seed}:{await ctx.Step("s801", ct => log.Run("s801", (x + seed), () => (x + seed) + 1))}";
        y += s801.Length;
        if (seed % 7 % 3 == 0)
        {
            goto skip802;
        }
        x = await ctx.Step("s802", ct => log.Run("s802", (x + y), () => (x + y) + 1));
        skip802:
        y += 1;
        y += (await Even(Twist(x)) ? 1 : 2);
        y = (seed % 7 % 4) switch
        {
            var g803 when await Even(g803 + Mix(y, x)) => await ctx.Step("s803", ct => log.Run("s803", (x + y), () => (x + y) + 1)) + g803,
            1 => Mix(x, x),
            var g803 when g803 > 2 => g803 + (await Even(seed) ? 1 : 2),
            _ => (x + y) + 5,
        };
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random09(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (Mix(y % 7, seed) is var k901 && k901 % 2 == 0)
        {
            y += await Retry(Twist(k901));
            x += k901;
        }
        var w902 = 0;
        while (w902 < 2 && await Even(w902 + x))
        {
            w902++;
            var a903 = new int[2];
            a903[1] = await F(Twist(x));
            a903[0] = a903[1] + await F((seed + y));
            y += a903[0] - a903[1];
            if (int.TryParse((y % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p904))
            {
                x += await F((seed + x));
                y += await ctx.Step("s901", ct => log.Run("s901", seed % 7, () => seed % 7 + 1));
                var c905 = Twist(x) % 2 == 0 ? null : new List<int> { x };
                x += c905?.Append((await Even(p904 % 7) ? 1 : 2)).Sum() ?? Twist(y);
                y += p904;
            }
        }
        try
        {
            y += await Check(Twist(seed));
            y = await ctx.Step("s902", ct => log.Run("s902", y % 7, () => y % 7 + 1));
            using var u906 = new Marker(Twist(x));
            y += u906.Value;
        }
        catch (CorpusException)
        {
            y += 100;
            y = Order(b: (await Even((y + y)) ? 1 : 2), a: y++);
            x = seed % 2 == 0 && await Even(Twist(y)) ? await F(Mix(y, y)) : Mix(Mix(x, x), await F(Twist(y)));
        }
        var l907 = new List<int> { (x + x) };
        l907.Add((await Even((x + y)) ? 1 : 2));
        l907.Add(await ctx.Step("s903", ct => log.Run("s903", Twist(y), () => Twist(y) + 1)) + l907.Count);
        x += l907.Sum() * l907.Count;
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random10(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        int? n1001 = (x + x) % 2 == 0 ? null : Twist(x);
        x = n1001 ?? (await Even((seed + y)) ? 1 : 2);
        if (Mix(y, x) is var k1002 && k1002 % 2 == 0)
        {
            y += await Retry((x + seed));
            x += k1002;
        }
        x = (Twist(y) % 3) switch
        {
            0 => await ctx.Step("s1001", ct => log.Run("s1001", Mix(seed, x), () => Mix(seed, x) + 1)),
            1 => y + 2,
            _ => (await Even(y) ? 1 : 2),
        };
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random11(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (int.TryParse((Twist(y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1101))
        {
            y += (await Even(x % 7) ? 1 : 2);
            var c1102 = Mix(seed, x) % 2 == 0 ? null : new List<int> { Twist(seed) };
            y += c1102?.Append(await ctx.Step("s1101", ct => log.Run("s1101", Mix(seed, seed), () => Mix(seed, seed) + 1))).Sum() ?? (y + x);
            using var u1103 = new Marker(y);
            y += u1103.Value;
            x += p1101;
        }
        x = ((x + y) % 4) switch
        {
            var g1104 when await Even(g1104 + Mix(y, seed)) => await Retry(Twist(x)) + g1104,
            1 => x,
            var g1104 when g1104 > 2 => g1104 + await Retry(Mix(x, y)),
            _ => (seed + seed) + 5,
        };
        var l1105 = new List<int> { x++, await F(x), x };
        x += Mix(l1105[0], l1105[2]) + l1105.Count;
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random12(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        y = (Mix(seed, y) % 4) switch
        {
            var g1201 when await Even(g1201 + (y + seed)) => await Retry(g1201) + g1201,
            1 => Mix(y, y),
            var g1201 when g1201 > 2 => g1201 + (await Even(seed % 7) ? 1 : 2),
            _ => seed % 7 + 5,
        };
        try
        {
            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            y += 7;
        }
        x = Mix(x, x = await F(Twist(y)));
        if (seed % 2 == 0)
        {
            x = Mix(await F(x), await F(Twist(x)));
        }
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random13(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = x % 2 == 0 ? (await Even(Mix(seed, y)) ? await Retry((seed + seed)) : Mix(seed, seed)) : await Retry(Twist(y));
        try
        {
            y += await Check(Mix(seed, seed));
            if (Mix(Twist(x), y % 7) is var k1301 && k1301 % 2 == 1)
            {
                x += await ctx.Step("s1301", ct => log.Run("s1301", k1301 % 7, () => k1301 % 7 + 1));
                y += k1301;
            }
        }
        catch (CorpusException)
        {
            y += 100;
            if (Mix(seed % 7, Mix(seed, y)) is var k1302 && k1302 % 2 == 1)
            {
                x += (await Even(seed % 7) ? 1 : 2);
                y += k1302;
            }
        }
        x += await ctx.Step("s1302", ct => log.Run("s1302", x % 7, () => x % 7 + 1));
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random14(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        var s1401 = $"{(seed + y)}:{await ctx.Step("s1401", ct => log.Run("s1401", x % 7, () => x % 7 + 1))}";
        y += s1401.Length;
        (x, y) = (await F(y % 7), Mix(x, Mix(y, y)));
        x = (seed % 7 % 3) switch
        {
            0 => await F(Mix(x, x)),
            1 => seed % 7 + 2,
            _ => await ctx.Step("s1402", ct => log.Run("s1402", seed % 7, () => seed % 7 + 1)),
        };
        y = await F(Mix(x % 7, await F((x + x))));
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random15(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        switch (await Retry(Mix(y, x)) % 3)
        {
            case 0:
                y = Mix(await F(Twist(seed)), await F((x + x)));
                break;
            case 1:
                (x, y) = ((await Even(x) ? 1 : 2), Mix(x, Twist(y)));
                x = Mix(x++, await F(seed % 7)) + x;
                if (x % 7 % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                y = y % 2 == 0 ? await F(Twist(x)) : Mix(Mix(x, y), await ctx.Step("s1501", ct => log.Run("s1501", Mix(x, y), () => Mix(x, y) + 1)));
                var z1501 = await F(Twist(y)) + Twist(seed);
                break;
        }
        y = Mix(y++, await F((x + x))) + y;
        try
        {
            y += await Check(y);
            var b1502 = new Box { B = await Retry(Mix(y, seed)), A = y++ + (await Even(y) ? 1 : 2) };
            y += (b1502.A * 2) - b1502.B;
            x = await F(Mix(seed, await Retry(Mix(y, y))));
        }
        catch (CorpusException c1508) when (c1508.Message.Length % 2 == 0)
        {
            y += 100;
            int? n1503 = Twist(x) % 2 == 0 ? null : seed;
            x = n1503 ?? await Retry(seed);
            var b1504 = 0;
            again1505:
            b1504++;
            y += (await Even(seed) ? 1 : 2);
            var r1506 = await ctx.WhenAll(Enumerable.Range(0, 3).Select(j1507 => F(j1507 + Twist(seed))));
            x += r1506.Sum();
            if (b1504 < 2 && Twist(seed) % 2 == 0)
            {
                goto again1505;
            }
            y += c1508.Message.Length;
        }
        var l1509 = new List<int> { (y + seed) };
        l1509.Add(await ctx.Step("s1502", ct => log.Run("s1502", (seed + y), () => (seed + y) + 1)));
        l1509.Add(await F((seed + y)) + l1509.Count);
        x += l1509.Sum() * l1509.Count;
        return Mix(Twist(x), y);
    }

    [DurableWorkflow]
    [Raises("tick:5", "tick:9", "tick:2")]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> Random16(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        y = (seed % 7 % 4) switch
        {
            var g1601 when await Even(g1601 + seed) => await ctx.Step("s1601", ct => log.Run("s1601", Twist(g1601), () => Twist(g1601) + 1)) + g1601,
            1 => seed % 7,
            var g1601 when g1601 > 2 => g1601 + await ctx.Step("s1602", ct => log.Run("s1602", Twist(y), () => Twist(y) + 1)),
            _ => Mix(y, seed) + 5,
        };
        y = Order(b: await F((y + x)), a: y++);
        x = await F(Twist(seed));
        y = checked(y + (await Retry(Mix(y, x)) * 2)) % 1009;
        return Mix(Twist(x), y);
    }

    [DurableStep]
    private Task<int> F(int n) => log.Run("F", n, () => ((n * 7) + 3) % 101);

    [DurableStep]
    private Task<bool> Even(int n) => log.Run("Even", n, () => n % 2 == 0);

    /// <summary>Fails for one number in three: a workflow catches it, or fails with it.</summary>
    /// <summary>Fails its first attempt for one number in three, then succeeds: the retry is recorded with the step.</summary>
    [DurableStep(MaxAttempts = 2)]
    private Task<int> Retry(int n) => log.RunFlaky("Retry", n, n % 3 == 0 ? 1 : 0, () => ((n * 11) + 5) % 103);

    [DurableStep(MaxAttempts = 1)]
    private Task<int> Check(int n) => log.Run("Check", n, () => n % 3 == 1 ? throw new CorpusException($"{n} is one more than a multiple of 3") : n + 1);

    private static int Mix(int a, int b) => ((a * 31) + b) % 1009;

    private static int Order(int a, int b) => Mix(a, b + 1);

    /// <summary>Built by an object initializer whose members await.</summary>
    private sealed class Box
    {
        public int A { get; set; }

        public int B { get; set; }
    }

    /// <summary>A resource of a using declaration; it holds no state a resume could lose.</summary>
    private sealed class Marker(int value) : IDisposable
    {
        public int Value => value % 13;

        public void Dispose()
        {
        }
    }
}
