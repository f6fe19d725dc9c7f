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
        if (Mix(y, seed) % 3 == 0 || await Even((y + seed)))
        {
            var b101 = new Box { B = await F(x), A = x++ + await ctx.Step("s101", ct => log.Run("s101", Mix(x, seed), () => Mix(x, seed) + 1)) };
            x += (b101.A * 2) - b101.B;
            if (await Retry(Mix(x, x)) is var k102 && k102 % 2 == 0)
            {
                x += await Retry(Twist(seed)) + k102;
            }
        }
        if (Mix(y, seed) is var k103 && k103 % 2 == 0)
        {
            y += await F(Mix(seed, k103));
            y += k103;
        }
        var a104 = new[] { x, (x + seed) };
        a104[x % 2] *= await ctx.Step("s102", ct => log.Run("s102", x, () => x + 1));
        y += a104[0] + a104[1];
        y = await F(Mix(x % 7, await F(x)));
        switch (await F(Mix(y, seed)) % 3)
        {
            case 0:
                foreach (var e105 in new[] { (y + y), (await Even((x + y)) ? 1 : 2) })
                {
                    x += e105;
                    y += await Retry(y);
                    var s106 = $"{Mix(e105, e105)}:{await Retry((e105 + y))}";
                    x += s106.Length;
                    using var u107 = new Marker(Mix(y, x));
                    x += u107.Value;
                    if (Twist(x) % 3 == 2)
                    {
                        continue;
                    }
                }
                if (y % 7 % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                y = Order(b: await Retry(Twist(seed)), a: y++);
                var w108 = 0;
                while (w108++ < 2 && await F(w108 + seed % 7) is var k109 && k109 % 4 != 3)
                {
                    y += await F(Mix(y, x));
                    if (await Retry(Mix(k109, y)) is not (> 5 and < 60))
                    {
                        x += await Retry(x);
                    }
                    else
                    {
                        y -= 1;
                    }
                    x = ((seed + y) % 3) switch
                    {
                        0 => await F((seed + y)),
                        1 => seed + 2,
                        _ => await F(Twist(x)),
                    };
                    y += k109;
                }
                break;
            default:
                switch ((seed % 3, await Even(Twist(y))))
                {
                    case (0, true):
                        y += await F((x + y));
                        int z111 = await F(seed % 7) + (y + seed), z112 = z111 + await Retry(Twist(seed));
                        break;
                    case (var k110, false) when k110 > 0:
                        x += await ctx.Step("s103", ct => log.Run("s103", seed % 7, () => seed % 7 + 1)) + k110;
                        break;
                    default:
                        x += 4;
                        break;
                }
                if (await Retry(x) is var k113 && k113 % 2 == 0)
                {
                    y += await F(y) + k113;
                }
                break;
        }
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
        var l201 = new List<int> { seed % 7 };
        l201.Add(await F(x % 7));
        l201.Add(await F(seed) + l201.Count);
        x += l201.Sum() * l201.Count;
        if ((y + x) % 3 == 0)
        {
            goto skip202;
        }
        x += await Retry((seed + y));
        skip202:
        x += 1;
        (x, y) = (await ctx.Step("s201", ct => log.Run("s201", Twist(y), () => Twist(y) + 1)), Mix(x, Twist(x)));
        x = await F(seed) is var k203 && k203 % 3 != 0 ? k203 + await F((x + seed)) : k203 - 1;
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
        var s301 = $"{await Retry(x),5:D3}|{y++:D2}";
        y += s301.Length + s301.IndexOf('|');
        try
        {
            y += await Check(seed);
            try
            {
                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
            var a302 = new int[2];
            a302[1] = await F(Twist(seed));
            a302[0] = a302[1] + await ctx.Step("s301", ct => log.Run("s301", seed, () => seed + 1));
            y += a302[0] - a302[1];
        }
        catch (CorpusException c307) when (c307.Message.Length % 2 == 1)
        {
            y += 100;
            if (Mix((x + y), (seed + y)) is var k303 && k303 % 2 == 1)
            {
                y += (await Even(Mix(seed, seed)) ? 1 : 2);
                x += k303;
            }
            int z304 = await ctx.Step("s302", ct => log.Run("s302", Twist(y), () => Twist(y) + 1)) + Twist(seed), z305 = z304 + await F(x);
            using var u306 = new Marker(x);
            y += u306.Value;
            if (Twist(z305) % 3 == 2)
            {
                return Mix(x, y);
            }
            y += c307.Message.Length;
        }
        finally
        {
            x += 3;
            try
            {
                y += await F(Mix(seed, seed));
                x = await F(Mix(y, await Retry(x)));
                var z308 = await ctx.Step("s303", ct => log.Run("s303", Twist(y), () => Twist(y) + 1)) + seed;
            }
            finally
            {
                x += 3;
                x += await F(x);
                var c309 = (y + seed) % 2 == 0 ? null : new List<int> { (y + x) };
                x += c309?.Append(await ctx.Step("s304", ct => log.Run("s304", Twist(seed), () => Twist(seed) + 1))).Sum() ?? (seed + x);
                var w310 = 0;
                while (w310++ < 2 && await F(w310 + x % 7) is var k311 && k311 % 4 != 3)
                {
                    y += await ctx.Step("s305", ct => log.Run("s305", Twist(x), () => Twist(x) + 1));
                    if (await F(Mix(x, k311)) is > 3 and < 50 or 7)
                    {
                        y += await F((x + y));
                    }
                    int Local3(int v) => Mix(v, Mix(y, y));
                    x += Local3((await Even((y + x)) ? 1 : 2));
                    y += Local3(y);
                    y += k311;
                }
            }
        }
        if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p312))
        {
            y += (await Even(seed) ? 1 : 2);
            (x, y) = (y, Mix(x, (await Even(Mix(p312, y)) ? 1 : 2)));
            y += p312;
        }
        foreach (var (e313, e314) in new[] { (Mix(y, seed), 1), ((await Even(Mix(y, y)) ? 1 : 2), 2) })
        {
            y += e313 * e314;
            if ((y + seed) % 4 == 3)
            {
                break;
            }
            var t315 = 0;
            while (true)
            {
                if (++t315 > 2)
                {
                    break;
                }
                x += await ctx.Step("s306", ct => log.Run("s306", Mix(e313, y), () => Mix(e313, y) + 1));
                if (Mix(e314, e313) % 9 == 8)
                {
                    return Mix(x, y);
                }
                var l316 = new List<int> { (e314 + seed) };
                l316.Add((await Even(seed) ? 1 : 2));
                l316.Add((await Even(Twist(e313)) ? 1 : 2) + l316.Count);
                x += l316.Sum() * l316.Count;
            }
            x += e313 - e314;
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
        y = Mix(new[] { (x + x), x }.Sum(v => v + y), await Retry((x + seed)));
        if (x % 2 == 0 && await Even((seed + y)))
        {
            int? n401 = seed % 2 == 0 ? null : (seed + seed);
            n401 ??= (await Even(Mix(y, x)) ? 1 : 2);
            x += n401.Value;
            if (Twist(y) % 3 == 0 || await Even(y))
            {
                x += await Retry((y + y));
                y = Mix(y, x) % 2 == 0 ? (await Even(Mix(seed, x)) ? await ctx.Step("s401", ct => log.Run("s401", y % 7, () => y % 7 + 1)) : x) : (await Even(Twist(seed)) ? 1 : 2);
                var a402 = new[] { Twist(y), await Retry(seed), x };
                y += a402[^1] + a402[1..].Sum() + a402[..^2].Length + await F(seed % 7);
                using var u403 = new Marker(x % 7);
                x += u403.Value;
            }
            else
            {
                x += await F((y + y));
                switch (seed % 3)
                {
                    case 0:
                        y += (await Even(x % 7) ? 1 : 2);
                        var t404 = (A: (seed + x), B: await F(Mix(seed, x)));
                        t404.A += t404.B++ + await F(Twist(seed));
                        x = Mix(t404.A, t404.B);
                        if (x % 7 % 9 == 7)
                        {
                            return Mix(x, (await Even(seed) ? 1 : 2));
                        }
                        break;
                    case 1:
                        y += await F(y % 7);
                        x = ((seed + y) % 3) switch
                        {
                            0 => await F(Twist(seed)),
                            1 => y + 2,
                            _ => await F((x + seed)),
                        };
                        break;
                    default:
                        x += await F((y + x));
                        var a405 = new int[3];
                        a405[await ctx.Step("s402", ct => log.Run("s402", Mix(y, seed), () => Mix(y, seed) + 1)) % 3] = await F((seed + y));
                        x += a405.Sum();
                        break;
                }
                (x, y) = (y, Mix(x, (await Even(seed) ? 1 : 2)));
            }
        }
        var a406 = new int[2];
        a406[0] = await Retry(x);
        a406[1] = a406[0] + await F(Mix(x, x));
        x += a406[0] - a406[1];
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
        y = checked(y + (await Retry(Mix(y, x)) * 2)) % 1009;
        var s501 = $"{await Retry(seed),5:D3}|{y++:D2}";
        y += s501.Length + s501.IndexOf('|');
        x = Twist(seed) % 3 == 0 || await Even(Twist(x)) ? await F(seed) : Mix((x + x), await F(Twist(y)));
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
        var l601 = new List<int> { x++, await F(y), x };
        x += Mix(l601[0], l601[2]) + l601.Count;
        var p602 = new Point { A = Mix(x, seed) };
        p602.B = await F(Twist(x));
        var q603 = p602;
        p602.Bump();
        p602.A += await F(Twist(y));
        x += Mix(p602.A - p602.B, q603.A + q603.B);
        try
        {
            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            x += 7;
        }
        y = Mix(y++, (await Even(y % 7) ? 1 : 2)) + y;
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
        var d701 = 0;
        do
        {
            d701++;
            try
            {
                y += await Check(seed % 7);
                x += await ctx.Step("s701", ct => log.Run("s701", Mix(y, x), () => Mix(y, x) + 1));
                if (Mix(x, x) % 3 == 0)
                {
                    goto skip702;
                }
                x = await F(y % 7);
                skip702:
                y += 1;
            }
            catch (CorpusException c706) when (c706.Message.Length % 2 == 1)
            {
                y += 100;
                y += await Retry(x % 7);
                try
                {
                    y += await Check(seed % 7);
                    x += await ctx.Step("s702", ct => log.Run("s702", (x + y), () => (x + y) + 1));
                    y = x % 7 % 2 == 0 ? (await Even(Mix(y, x)) ? await Retry(Mix(seed, y)) : seed % 7) : (await Even(y) ? 1 : 2);
                }
                catch (CorpusException c704)
                {
                    y += 100;
                    x += await F(Mix(x, x));
                    var a703 = new int[2];
                    a703[0] = await F(x % 7);
                    a703[1] = a703[0] + await ctx.Step("s703", ct => log.Run("s703", (y + y), () => (y + y) + 1));
                    x += a703[0] - a703[1];
                    x += c704.Message.Length;
                    if (Mix(x, x) % 4 == 0)
                    {
                        throw;
                    }
                }
                var l705 = new List<int> { Twist(y) };
                l705.Add(await F(y));
                l705.Add((await Even(x % 7) ? 1 : 2) + l705.Count);
                y += l705.Sum() * l705.Count;
                y += c706.Message.Length;
            }
            var a707 = new int[2];
            a707[0] = await ctx.Step("s704", ct => log.Run("s704", (x + seed), () => (x + seed) + 1));
            a707[1] = a707[0] + await Retry(x);
            y += a707[0] - a707[1];
        }
        while (d701 < 2);
        var a708 = new[] { Mix(y, seed), await Retry(Mix(x, y)), Mix(seed, y) };
        x += a708[^1] + a708[1..].Sum() + a708[..^2].Length + await ctx.Step("s705", ct => log.Run("s705", Mix(x, x), () => Mix(x, x) + 1));
        if (Twist(seed) % 3 == 0 || await Even(Twist(seed)))
        {
            var s709 = $"{await Retry(y),5:D3}|{y++:D2}";
            y += s709.Length + s709.IndexOf('|');
        }
        else
        {
            if (new[] { Twist(y), await ctx.Step("s706", ct => log.Run("s706", seed, () => seed + 1)), x } is [var k710, > 10 and var k711, ..])
            {
                y += await F(Mix(k710, y)) + Mix(k710, k711);
            }
        }
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
        var a801 = new int[3];
        a801[await ctx.Step("s801", ct => log.Run("s801", Mix(x, y), () => Mix(x, y) + 1)) % 3] = await F(Mix(seed, x));
        y += a801.Sum();
        if ((x + seed) % 3 == 0)
        {
            goto skip802;
        }
        x += await ctx.Step("s802", ct => log.Run("s802", (y + x), () => (y + x) + 1));
        skip802:
        x += 1;
        if ((await Even(y) ? 1 : 2) is var k803 && k803 % 2 == 1)
        {
            x += await F(Twist(seed)) + k803;
        }
        var b804 = 0;
        again805:
        b804++;
        var b806 = new Box { A = y % 7 };
        b806.A += b806.B++ + (await Even(Twist(x)) ? 1 : 2);
        b806.B *= await F((x + y)) % 5;
        x += Mix(b806.A, b806.B);
        var s807 = $"{y % 7}";
        s807 += $"-{s807.Length + await F(Twist(seed))}";
        s807 = s807.Substring(s807.Length / 2) + s807.Length;
        y += s807.Length + s807[0];
        if (b804 < 2 && Mix(seed, x) % 2 == 0)
        {
            goto again805;
        }
        var a808 = new[] { (seed + y), Mix(seed, seed) };
        a808[Mix(y, x) % 2] *= await F((seed + y));
        x += a808[0] + a808[1];
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
        var z901 = await Retry(y % 7) + y;
        x = Mix(y, y = await F(x % 7));
        int z902 = await F(Twist(x)) + (x + y), z903 = z902 + await F((seed + seed));
        await ctx.Sleep(TimeSpan.FromHours(1));
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
        var w1001 = 0;
        while (w1001++ < 2 && await F(w1001 + (x + y)) is var k1002 && k1002 % 4 != 3)
        {
            if (new[] { Twist(k1002), await F(k1002), x } is [var k1003, > 10 and var k1004, ..])
            {
                y += await F(Mix(k1004, k1004)) + Mix(k1003, k1004);
            }
            x = await F(x);
            y += k1002;
        }
        int? n1005 = x % 2 == 0 ? null : Mix(seed, y);
        n1005 ??= (await Even(seed) ? 1 : 2);
        y += n1005.Value;
        var b1006 = new Box { A = (seed + x) };
        b1006.A += b1006.B++ + await Retry(Twist(seed));
        b1006.B *= (await Even(Mix(x, y)) ? 1 : 2) % 5;
        y += Mix(b1006.A, b1006.B);
        int? n1007 = Twist(y) % 2 == 0 ? null : y;
        x = n1007 ?? (await Even(y) ? 1 : 2);
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
        try
        {
            var t1101 = (A: seed, B: await F(x));
            t1101.A += t1101.B++ + await ctx.Step("s1101", ct => log.Run("s1101", y % 7, () => y % 7 + 1));
            y = Mix(t1101.A, t1101.B);
            var r1102 = await ctx.WhenAll(F((y + y)), F(Twist(seed)));
            y = Mix(r1102[0], r1102[1]);
            if (Twist(seed) % 3 == 0)
            {
                goto left1103;
            }
            y += 2;
        }
        finally
        {
            x += 3;
            try
            {
                x += await F(y % 7);
                x = Mix(x, x = await Retry((seed + x)));
                if ((seed + y) % 3 == 0)
                {
                    goto left1104;
                }
                y += 2;
            }
            finally
            {
                x += 3;
                x += await F(y % 7);
                y = Order(b: await F(Twist(x)), a: y++);
                for (int i1105 = 0, j1106 = 3; i1105 < j1106 && i1105 < 2; i1105++, j1106--)
                {
                    y += i1105 * j1106;
                    x += await Retry(Twist(x));
                    var r1107 = await ctx.WhenAll(Enumerable.Range(0, 3).Select(j1108 => F(j1108 + Twist(i1105))));
                    x += r1107.Sum();
                    using var u1109 = new Marker(Mix(i1105, y));
                    x += u1109.Value;
                    x += j1106;
                }
            }
            left1104:
            x += 1;
            var c1110 = seed % 2 == 0 ? null : new List<int> { y };
            y += c1110?.Append(await Retry((y + x))).Sum() ?? Mix(y, y);
        }
        left1103:
        x += 1;
        var t1111 = (A: Mix(seed, seed), B: await F(y));
        t1111.A += t1111.B++ + await Retry(Twist(x));
        x = Mix(t1111.A, t1111.B);
        var a1112 = new int[3];
        a1112[await Retry((seed + seed)) % 3] = (await Even((seed + y)) ? 1 : 2);
        x += a1112.Sum();
        for (int i1113 = 0, j1114 = 3; i1113 < j1114 && i1113 < 2; i1113++, j1114--)
        {
            y += i1113 * j1114;
            y = await F(Mix(seed % 7, await F((x + x))));
            y = ((j1114 + i1113) % 4) switch
            {
                var g1115 when await Even(g1115 + Mix(seed, x)) => (await Even(Mix(y, x)) ? 1 : 2) + g1115,
                1 => seed % 7,
                var g1115 when g1115 > 2 => g1115 + await Retry(Mix(y, i1113)),
                _ => Mix(seed, seed) + 5,
            };
            using var u1116 = new Marker(i1113);
            y += u1116.Value;
            if (Twist(seed) % 3 == 2)
            {
                continue;
            }
            x += j1114;
        }
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
        var r1201 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j1202 => F(j1202 + Twist(x))));
        y += r1201.Sum();
        var l1203 = new List<int> { Twist(seed) };
        l1203.Add(await F(Twist(x)));
        l1203.Add((await Even((x + y)) ? 1 : 2) + l1203.Count);
        x += l1203.Sum() * l1203.Count;
        var b1204 = new Box { B = (await Even((y + seed)) ? 1 : 2), A = x++ + await ctx.Step("s1201", ct => log.Run("s1201", y % 7, () => y % 7 + 1)) };
        x += (b1204.A * 2) - b1204.B;
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
        y = seed % 3 == 0 ? await ctx.Step("s1301", ct => log.Run("s1301", (seed + y), () => (seed + y) + 1)) : Mix(x, seed) + 1;
        var p1301 = new Point { A = (x + seed) };
        p1301.B = (await Even(x % 7) ? 1 : 2);
        var q1302 = p1301;
        p1301.Bump();
        p1301.A += (await Even(x) ? 1 : 2);
        x += Mix(p1301.A - p1301.B, q1302.A + q1302.B);
        x = Mix(x, y) + (y = await F(Mix(seed, y)));
        x = Mix(x, x = await Retry((seed + seed)));
        x = await F(Mix((seed + x), await ctx.Step("s1302", ct => log.Run("s1302", seed % 7, () => seed % 7 + 1))));
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
        y = (Mix(y, x) % 4) switch
        {
            var g1401 when await Even(g1401 + (seed + seed)) => await F(g1401 % 7) + g1401,
            1 => Twist(x),
            var g1401 when g1401 > 2 => g1401 + await F(y),
            _ => y + 5,
        };
        if (y % 9 == 7)
        {
            return Mix(x, await ctx.Step("s1401", ct => log.Run("s1401", y, () => y + 1)));
        }
        switch ((y % 7 % 3, await Even(seed % 7)))
        {
            case (0, true):
                x = checked(x + (await F(Mix(x, x)) * 2)) % 1009;
                break;
            case (var k1402, false) when k1402 > 0:
                y += (await Even((k1402 + seed)) ? 1 : 2) + k1402;
                break;
            default:
                x += 4;
                break;
        }
        var z1403 = await Retry(Mix(x, x)) + Twist(seed);
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
        if (y % 7 % 2 == 0)
        {
            x = (await Even(seed) ? 1 : 2);
            (x, y) = (await ctx.Step("s1501", ct => log.Run("s1501", Mix(seed, seed), () => Mix(seed, seed) + 1)), Mix(x, (seed + seed)));
        }
        else
        {
            y = Mix(await F(Twist(x)), await Retry(Mix(x, seed)));
        }
        var w1501 = 0;
        while (w1501++ < 2 && await F(w1501 + x) is var k1502 && k1502 % 4 != 3)
        {
            x = (y + k1502) % 3 == 0 ? await F(Mix(y, k1502)) : Twist(y) + 1;
            using var u1503 = new Marker(k1502 % 7);
            y += u1503.Value;
            if (seed % 7 % 3 == 2)
            {
                return Mix(x, y);
            }
            y += k1502;
        }
        y = Mix(y, x) + (x = (await Even(y) ? 1 : 2));
        y = Mix(await F(Twist(y)), await Retry((x + y)));
        for (int i1504 = 0, j1505 = 3; i1504 < j1505 && i1504 < 2; i1504++, j1505--)
        {
            y += i1504 * j1505;
            int Local1(int v) => Mix(v, (y + x));
            x += Local1(await Retry(j1505 % 7));
            y += Local1(y);
            using var u1506 = new Marker(x);
            x += u1506.Value;
            if (Mix(x, i1504) % 3 == 2)
            {
                break;
            }
            x += j1505;
        }
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
        var d1601 = 0;
        do
        {
            d1601++;
            if (Mix(y, x) % 2 == 0)
            {
                x += await F(Mix(seed, seed));
                y = await F(Mix(seed, y));
            }
            else
            {
                y += (await Even(Mix(x, y)) ? 1 : 2);
                var s1602 = $"{(y + y)}";
                s1602 += $"-{s1602.Length + (await Even(Mix(seed, y)) ? 1 : 2)}";
                s1602 = s1602.Substring(s1602.Length / 2) + s1602.Length;
                x += s1602.Length + s1602[0];
            }
            var r1603 = await ctx.WhenAll(F(y), F(Mix(seed, seed)));
            y = Mix(r1603[0], r1603[1]);
            using var u1604 = new Marker(seed);
            y += u1604.Value;
        }
        while (d1601 < 2);
        try
        {
            y += await Check((y + y));
            for (var i1605 = (await Even(Mix(x, seed)) ? 0 : 1); i1605 < 2 && await Even(i1605 + x % 7); i1605 += await Even(i1605 + y) ? 1 : 2)
            {
                y += i1605;
                y += await Retry(Twist(i1605));
                x = Mix(x++, await Retry((i1605 + seed))) + x;
                x += await Retry(Twist(seed));
            }
            using var u1606 = new Marker(Mix(x, y));
            y += u1606.Value;
        }
        catch (CorpusException c1609) when (c1609.Message.Length % 2 == 0)
        {
            y += 100;
            if (int.TryParse((Mix(seed, seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1607))
            {
                x += await Retry(Twist(seed));
                y += await F(p1607 % 7);
                var c1608 = seed % 2 == 0 ? null : new List<int> { (y + seed) };
                y += c1608?.Append(await F((y + seed))).Sum() ?? Mix(p1607, x);
                y += p1607;
            }
            y += c1609.Message.Length;
        }
        finally
        {
            x += 3;
            var r1610 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j1611 => F(j1611 + x)));
            y += r1610.Sum();
        }
        x = (Twist(seed) % 3) switch
        {
            0 => (await Even(Twist(y)) ? 1 : 2),
            1 => seed % 7 + 2,
            _ => (await Even(x) ? 1 : 2),
        };
        if (Twist(y) % 2 == 0 && await Even(x % 7))
        {
            for (int i1612 = 0, j1613 = 3; i1612 < j1613 && i1612 < 2; i1612++, j1613--)
            {
                y += i1612 * j1613;
                x += (await Even(Mix(x, x)) ? 1 : 2);
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                switch ((seed % 7 % 3, await Even(Twist(i1612))))
                {
                    case (0, true):
                        y += (await Even(x % 7) ? 1 : 2);
                        if ((seed + x) % 9 == 8)
                        {
                            return Mix(x, y);
                        }
                        break;
                    case (var k1614, false) when k1614 > 0:
                        y += await F((x + k1614)) + k1614;
                        break;
                    default:
                        y += 4;
                        break;
                }
                using var u1615 = new Marker(seed);
                x += u1615.Value;
                if (seed % 7 % 3 == 2)
                {
                    continue;
                }
                x += j1613;
            }
        }
        else if (x % 3 == 0 || await Even(y % 7))
        {
            if (await F(y) is > 3 and < 50 or 7)
            {
                x += (await Even((seed + y)) ? 1 : 2);
            }
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

    private static int Sum(params int[] values) => values.Sum();

    /// <summary>Built by an object initializer whose members await.</summary>
    private sealed class Box
    {
        public int A { get; set; }

        public int B { get; set; }
    }

    /// <summary>A mutable struct in a slot: changed in place, and copied by value.</summary>
    private struct Point
    {
        public int A { get; set; }

        public int B { get; set; }

        public void Bump()
        {
            A += B % 5;
            B++;
        }
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
