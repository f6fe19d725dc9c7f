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
        if (await F(Mix(y, seed)) is > 3 and < 50 or 7)
        {
            x += await ctx.Step("s402", ct => log.Run("s402", (seed + y), () => (seed + y) + 1));
        }
        x = await F(Twist(y));
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
        var s501 = $"{await ctx.Step("s501", ct => log.Run("s501", (y + seed), () => (y + seed) + 1)),5:D3}|{y++:D2}";
        y += s501.Length + s501.IndexOf('|');
        var a502 = new int[2];
        a502[0] = await ctx.Step("s502", ct => log.Run("s502", seed % 7, () => seed % 7 + 1));
        a502[1] = a502[0] + await F(x % 7);
        x += a502[0] - a502[1];
        x = Order(b: x++, a: await ctx.Step("s503", ct => log.Run("s503", Twist(x), () => Twist(x) + 1))) + x;
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
        int? n601 = seed % 7 % 2 == 0 ? null : Mix(y, x);
        x = n601 ?? await ctx.Step("s601", ct => log.Run("s601", (seed + seed), () => (seed + seed) + 1));
        var z602 = await F(x % 7) + Twist(x);
        try
        {
            y += await Check(seed % 7);
            x = await ctx.Step("s602", ct => log.Run("s602", Twist(seed), () => Twist(seed) + 1));
            using var u603 = new Marker(Twist(y));
            x += u603.Value;
        }
        catch (CorpusException)
        {
            y += 100;
            y = Mix(x, x = await ctx.Step("s603", ct => log.Run("s603", Twist(z602), () => Twist(z602) + 1)));
        }
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
        switch (Mix(Mix(y, y), Twist(x)) % 5)
        {
            case var k701 when k701 > 1 && await Even(k701 + (y + x)):
                y += await F((seed + seed));
                switch (await ctx.Step("s701", ct => log.Run("s701", x % 7, () => x % 7 + 1)) % 3)
                {
                    case 0:
                        x += await F(Mix(y, y));
                        y = Mix(seed, seed) % 2 == 0 ? (await Even(Twist(seed)) ? 1 : 2) : Mix(x % 7, await Retry(y));
                        if (int.TryParse(((seed + k701) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p702))
                        {
                            y += await F(k701);
                            x += await F(p702);
                            if (Twist(seed) % 9 == 7)
                            {
                                return Mix(x, await Retry(x % 7));
                            }
                            x += p702;
                        }
                        break;
                    case 1:
                        x += await Retry(seed % 7);
                        var a703 = new int[3];
                        a703[await ctx.Step("s702", ct => log.Run("s702", y, () => y + 1)) % 3] = await Retry(x % 7);
                        x += a703.Sum();
                        break;
                    default:
                        y += await F(k701 % 7);
                        x = Mix(y, y = await Retry(Mix(x, k701)));
                        break;
                }
                var a704 = new int[3];
                a704[await ctx.Step("s703", ct => log.Run("s703", y, () => y + 1)) % 3] = await F(Mix(y, y));
                y += a704.Sum();
                x += k701;
                break;
            default:
                if (Mix(seed, y) % 9 == 7)
                {
                    return Mix(x, await F(Twist(seed)));
                }
                break;
        }
        y = await F(Mix((y + y), (await Even(Mix(seed, seed)) ? 1 : 2)));
        var l705 = new List<int> { y++, (await Even(Mix(y, y)) ? 1 : 2), y };
        y += Mix(l705[0], l705[2]) + l705.Count;
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
        if (x % 7 % 2 == 0 && await Even(Mix(y, x)))
        {
            foreach (var e801 in new[] { y % 7, Mix(y, seed) })
            {
                x += e801;
                x += (await Even((y + y)) ? 1 : 2);
                await ctx.Sleep(TimeSpan.FromHours(2));
                x += await F((y + x));
            }
        }
        y = Mix(new[] { seed, x }.Sum(v => v + y), await F((seed + y)));
        x = seed % 7 % 2 == 0 ? await F((seed + y)) : Mix((y + y), await Retry((y + y)));
        var l802 = new List<int> { seed % 7 };
        l802.Add((await Even((y + seed)) ? 1 : 2));
        l802.Add(await ctx.Step("s801", ct => log.Run("s801", x % 7, () => x % 7 + 1)) + l802.Count);
        y += l802.Sum() * l802.Count;
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
        (x, y) = (await F(Mix(seed, x)), Mix(x, Mix(y, y)));
        x = (Mix(x, seed) % 4) switch
        {
            var g901 when await Even(g901 + Twist(seed)) => (await Even(Twist(g901)) ? 1 : 2) + g901,
            1 => x,
            var g901 when g901 > 2 => g901 + (await Even(Twist(x)) ? 1 : 2),
            _ => seed + 5,
        };
        if (x % 7 % 3 == 0 || await Even(y))
        {
            y = Order(b: (await Even(x % 7) ? 1 : 2), a: y++);
        }
        int Local0(int v) => Mix(v, Twist(x));
        x += Local0(await F(Twist(seed)));
        x += Local0(y);
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
        y = Mix(y, seed) % 3 == 0 ? await F(Twist(x)) : y + 1;
        var s1001 = $"{Twist(y)}:{await F((seed + y))}";
        x += s1001.Length;
        var a1002 = new int[3];
        a1002[await Retry(Mix(seed, x)) % 3] = await F((x + seed));
        x += a1002.Sum();
        try
        {
            y += await Check((seed + x));
            if (Twist(x) % 9 == 8)
            {
                return Mix(x, y);
            }
            var s1003 = $"{(y + seed)}:{await Check(Mix(x, x))}";
            y += s1003.Length;
            using var u1004 = new Marker(Mix(y, x));
            y += u1004.Value;
        }
        catch (CorpusException c1006)
        {
            y += 100;
            x = await F(y);
            using var u1005 = new Marker(Mix(x, y));
            y += u1005.Value;
            if (Mix(x, y) % 3 == 2)
            {
                return Mix(x, y);
            }
            x += c1006.Message.Length;
            if ((seed + x) % 4 == 0)
            {
                throw;
            }
        }
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
        (x, y) = (await Retry(y % 7), Mix(x, (y + seed)));
        int z1101 = await Retry(Twist(y)) + (x + seed), z1102 = z1101 + await F((y + seed));
        x = Mix(x, x = await F(x % 7));
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
        var w1201 = 0;
        while (w1201 < 2)
        {
            w1201++;
            x = Mix(y, y = await Retry((y + y)));
            using var u1202 = new Marker(Twist(x));
            x += u1202.Value;
            if (seed % 7 % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        var l1203 = new List<int> { (seed + seed) };
        l1203.Add(await Retry(seed));
        l1203.Add(await ctx.Step("s1201", ct => log.Run("s1201", seed % 7, () => seed % 7 + 1)) + l1203.Count);
        y += l1203.Sum() * l1203.Count;
        var a1204 = new[] { (seed + seed), Twist(x) };
        a1204[y % 2] -= await ctx.Step("s1202", ct => log.Run("s1202", y, () => y + 1));
        x += a1204[0] + a1204[1];
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
        int? n1301 = Mix(seed, x) % 2 == 0 ? null : seed;
        x = n1301 ?? await Retry(Twist(seed));
        x = Order(b: x++, a: await ctx.Step("s1301", ct => log.Run("s1301", Twist(y), () => Twist(y) + 1))) + x;
        var a1302 = new[] { Mix(x, seed), Mix(seed, y) };
        a1302[Twist(y) % 2] -= await ctx.Step("s1302", ct => log.Run("s1302", (x + seed), () => (x + seed) + 1));
        y += a1302[0] + a1302[1];
        if (seed % 7 % 3 == 0)
        {
            goto skip1303;
        }
        x = await ctx.Step("s1303", ct => log.Run("s1303", (x + y), () => (x + y) + 1));
        skip1303:
        y += 1;
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
        var s1401 = $"{(await Even(Twist(x)) ? 1 : 2),5:D3}|{y++:D2}";
        y += s1401.Length + s1401.IndexOf('|');
        y = (seed % 7 % 4) switch
        {
            var g1402 when await Even(g1402 + Mix(y, x)) => await ctx.Step("s1401", ct => log.Run("s1401", (x + y), () => (x + y) + 1)) + g1402,
            1 => Mix(x, x),
            var g1402 when g1402 > 2 => g1402 + (await Even(seed) ? 1 : 2),
            _ => (x + y) + 5,
        };
        var c1403 = y % 7 % 2 == 0 ? null : new List<int> { (y + y) };
        x += c1403?.Append((await Even(x % 7) ? 1 : 2)).Sum() ?? Twist(seed);
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
        if (int.TryParse((Mix(x, x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1501))
        {
            y += (await Even(p1501 % 7) ? 1 : 2);
            y = Mix(new[] { y % 7, x }.Sum(v => v + y), await F(y));
            y += p1501;
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
        x = Twist(seed) % 2 == 0 && await Even(x % 7) ? (await Even((y + seed)) ? 1 : 2) : Mix((seed + x), await Retry(seed % 7));
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
        var t1601 = 0;
        while (true)
        {
            if (++t1601 > 2)
            {
                break;
            }
            int Local1(int v) => Mix(v, (seed + y));
            y += Local1(await Retry(y));
            y += Local1(y);
            try
            {
                y += (await Even(Mix(seed, y)) ? 1 : 2);
                x = await F(Mix(x, (await Even(seed) ? 1 : 2)));
            }
            finally
            {
                x += 3;
                y += await Retry(y % 7);
                var a1602 = new[] { (y + seed), (y + y) };
                a1602[x % 7 % 2] -= await ctx.Step("s1601", ct => log.Run("s1601", (y + x), () => (y + x) + 1));
                x += a1602[0] + a1602[1];
            }
        }
        var s1603 = $"{y % 7}:{await Retry(y)}";
        x += s1603.Length;
        for (var i1604 = 0; i1604 < 2 && await Even(i1604 + y % 7); i1604 += await Even(i1604 + y) ? 1 : 2)
        {
            y += i1604;
            y = Mix(seed, i1604) % 3 == 0 || await Even(Mix(x, y)) ? (await Even(Mix(i1604, x)) ? 1 : 2) : Mix(Twist(x), await ctx.Step("s1602", ct => log.Run("s1602", Mix(y, x), () => Mix(y, x) + 1)));
            int Local1(int v) => Mix(v, i1604 % 7);
            y += Local1(await F(Mix(x, y)));
            x += Local1(y);
            using var u1605 = new Marker((seed + x));
            x += u1605.Value;
        }
        var l1606 = new List<int> { x };
        l1606.Add(await F((x + seed)));
        l1606.Add(await Retry(seed % 7) + l1606.Count);
        y += l1606.Sum() * l1606.Count;
        try
        {
            x = Mix(await F(y % 7), (await Even(seed) ? 1 : 2));
        }
        finally
        {
            x += 3;
            int z1607 = await F(x % 7) + Mix(x, seed), z1608 = z1607 + await F((seed + seed));
            var a1609 = new int[3];
            a1609[await F(x) % 3] = await ctx.Step("s1603", ct => log.Run("s1603", seed, () => seed + 1));
            x += a1609.Sum();
        }
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
