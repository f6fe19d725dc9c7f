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
            catch (CorpusException)
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
                var s705 = $"{Twist(seed)}";
                s705 += $"-{s705.Length + await F(y)}";
                s705 = s705.Substring(s705.Length / 2) + s705.Length;
                y += s705.Length + s705[0];
                using var u706 = new Marker(Mix(y, y));
                y += u706.Value;
                if (y % 7 % 3 == 2)
                {
                    break;
                }
            }
            int? n707 = Twist(seed) % 2 == 0 ? null : x % 7;
            y = n707 ?? await ctx.Step("s704", ct => log.Run("s704", Twist(y), () => Twist(y) + 1));
        }
        while (d701 < 2);
        int Local0(int v) => Mix(v, Mix(seed, y));
        x += Local0(await ctx.Step("s705", ct => log.Run("s705", Mix(x, x), () => Mix(x, x) + 1)));
        x += Local0(y);
        y = (Mix(y, y) % 4) switch
        {
            var g708 when await Even(g708 + (seed + seed)) => await Retry(y) + g708,
            1 => Twist(seed),
            var g708 when g708 > 2 => g708 + await Retry(Mix(seed, seed)),
            _ => (seed + y) + 5,
        };
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
        var c801 = x % 7 % 2 == 0 ? null : new List<int> { Twist(seed) };
        y += c801?.Append((await Even(Mix(seed, y)) ? 1 : 2)).Sum() ?? seed;
        x += (await Even(seed) ? 1 : 2);
        if (new[] { (y + y), await Retry(y % 7), Mix(seed, y) } is [var k802, > 10 and var k803, ..])
        {
            x += await Retry((k802 + k802)) + Mix(k802, k803);
        }
        if ((x + seed) % 3 == 0)
        {
            goto skip804;
        }
        x += await ctx.Step("s801", ct => log.Run("s801", (y + x), () => (y + x) + 1));
        skip804:
        x += 1;
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
        var l901 = new List<int> { y++, await F(seed % 7), y };
        y += Mix(l901[0], l901[2]) + l901.Count;
        var s902 = $"{Twist(y)}:{await ctx.Step("s901", ct => log.Run("s901", Mix(y, x), () => Mix(y, x) + 1))}";
        y += s902.Length;
        y = Mix(y++, await F(seed)) + y;
        x = (Mix(x, y) % 4) switch
        {
            var g903 when await Even(g903 + y % 7) => await F(Mix(seed, g903)) + g903,
            1 => Mix(x, seed),
            var g903 when g903 > 2 => g903 + await Retry(Mix(x, seed)),
            _ => Twist(y) + 5,
        };
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
        if (Twist(seed) % 3 == 0)
        {
            goto skip1001;
        }
        x = await ctx.Step("s1001", ct => log.Run("s1001", Mix(x, x), () => Mix(x, x) + 1));
        skip1001:
        y += 1;
        int Local0(int v) => Mix(v, y);
        x += Local0((await Even(x) ? 1 : 2));
        x += Local0(y);
        var l1002 = new List<int> { x };
        l1002.Add(await F(seed));
        l1002.Add(await Retry(x) + l1002.Count);
        x += l1002.Sum() * l1002.Count;
        x = (Twist(seed) % 4) switch
        {
            var g1003 when await Even(g1003 + (y + y)) => await F(y % 7) + g1003,
            1 => Mix(x, y),
            var g1003 when g1003 > 2 => g1003 + await Retry(Mix(seed, seed)),
            _ => (x + seed) + 5,
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
        y = Mix(await F(Twist(x)), await Retry(Mix(x, seed)));
        var b1101 = 0;
        again1102:
        b1101++;
        var z1103 = await F(seed) + Twist(x);
        if (b1101 < 2 && Mix(x, seed) % 2 == 0)
        {
            goto again1102;
        }
        int? n1104 = Mix(x, seed) % 2 == 0 ? null : Mix(seed, x);
        y = n1104 ?? await F(Twist(seed));
        var s1105 = $"{await F(Mix(y, y)),5:D3}|{y++:D2}";
        y += s1105.Length + s1105.IndexOf('|');
        var a1106 = new int[3];
        a1106[await F(Mix(x, y)) % 3] = (await Even(y % 7) ? 1 : 2);
        x += a1106.Sum();
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
        y = Mix(Twist(seed), await F(Twist(y)));
        if (await F(x) is var k1201 && k1201 % 2 == 0)
        {
            y += await F(Twist(seed)) + k1201;
        }
        try
        {
            y = await F(Mix(y, y));
            if (Mix(y, x) % 3 == 0)
            {
                goto left1202;
            }
            y += 2;
        }
        finally
        {
            x += 3;
            var s1203 = $"{Twist(y)}";
            s1203 += $"-{s1203.Length + (await Even((seed + x)) ? 1 : 2)}";
            s1203 = s1203.Substring(s1203.Length / 2) + s1203.Length;
            x += s1203.Length + s1203[0];
        }
        left1202:
        y += 1;
        y = Mix(y, await F((x + x)));
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
        var t1301 = (A: Twist(seed), B: (await Even(Twist(x)) ? 1 : 2));
        t1301.A += t1301.B++ + await ctx.Step("s1301", ct => log.Run("s1301", Mix(x, x), () => Mix(x, x) + 1));
        y = Mix(t1301.A, t1301.B);
        var t1302 = (A: Mix(x, y), B: (await Even((y + y)) ? 1 : 2));
        t1302.A += t1302.B++ + (await Even(Mix(seed, y)) ? 1 : 2);
        x = Mix(t1302.A, t1302.B);
        var b1303 = 0;
        again1304:
        b1303++;
        var s1305 = $"{await F(Mix(seed, seed)),5:D3}|{y++:D2}";
        y += s1305.Length + s1305.IndexOf('|');
        var p1306 = new Point { A = Twist(x) };
        p1306.B = (await Even((x + y)) ? 1 : 2);
        var q1307 = p1306;
        p1306.Bump();
        p1306.A += await F(y);
        x += Mix(p1306.A - p1306.B, q1307.A + q1307.B);
        if (b1303 < 2 && (x + y) % 2 == 0)
        {
            goto again1304;
        }
        var l1308 = new List<int> { x };
        l1308.Add(await F(y % 7));
        l1308.Add(await ctx.Step("s1302", ct => log.Run("s1302", Mix(seed, seed), () => Mix(seed, seed) + 1)) + l1308.Count);
        x += l1308.Sum() * l1308.Count;
        var s1309 = $"{await Retry((y + seed)),5:D3}|{x++:D2}";
        x += s1309.Length + s1309.IndexOf('|');
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
        int z1401 = await F(Mix(seed, seed)) + seed, z1402 = z1401 + await F(seed % 7);
        x = Mix(x, x = await ctx.Step("s1401", ct => log.Run("s1401", z1402 % 7, () => z1402 % 7 + 1)));
        switch (Mix(x, z1401) % 3)
        {
            case 0:
                foreach (var e1403 in new[] { z1401 % 7, (await Even(x % 7) ? 1 : 2) })
                {
                    x += e1403;
                    y += await Retry(Twist(z1402));
                    y += await Retry(z1401 % 7);
                    int Local2(int v) => Mix(v, z1401 % 7);
                    x += Local2(await F((x + x)));
                    y += Local2(y);
                    using var u1404 = new Marker(Mix(y, y));
                    x += u1404.Value;
                }
                if (Mix(z1401, z1402) % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                x = (Twist(x) % 4) switch
                {
                    var g1405 when await Even(g1405 + Mix(z1401, y)) => await Retry((y + x)) + g1405,
                    1 => x % 7,
                    var g1405 when g1405 > 2 => g1405 + await F(Mix(z1401, x)),
                    _ => z1401 % 7 + 5,
                };
                break;
            default:
                try
                {
                    x += await F(Mix(y, z1401));
                    int? n1406 = Mix(seed, seed) % 2 == 0 ? null : (y + y);
                    x = n1406 ?? (await Even((z1401 + z1402)) ? 1 : 2);
                    if (y % 3 == 0)
                    {
                        goto left1407;
                    }
                    x += 2;
                }
                finally
                {
                    x += 3;
                    y += await F(z1401 % 7);
                    y = await F((x + z1401));
                    var t1408 = 0;
                    while (true)
                    {
                        if (++t1408 > 2)
                        {
                            break;
                        }
                        y += await F((y + z1402));
                        (x, y) = (y, Mix(x, await ctx.Step("s1402", ct => log.Run("s1402", (z1402 + z1401), () => (z1402 + z1401) + 1))));
                        if ((await Even((y + seed)) ? 1 : 2) is var k1409 && k1409 % 2 == 1)
                        {
                            y += await Retry(Twist(k1409)) + k1409;
                        }
                    }
                }
                left1407:
                x += 1;
                if ((z1402 + seed) % 3 == 0)
                {
                    goto skip1410;
                }
                x += await F(Mix(y, z1402));
                skip1410:
                y += 1;
                break;
        }
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
        int? n1501 = Twist(y) % 2 == 0 ? null : x;
        x = n1501 ?? await F(seed % 7);
        switch ((await Even(seed) ? 1 : 2) % 3)
        {
            case 0:
                var l1502 = new List<int> { (y + seed) };
                l1502.Add(await Retry(Twist(x)));
                l1502.Add(await F(seed % 7) + l1502.Count);
                y += l1502.Sum() * l1502.Count;
                break;
            case 1:
                x = ((seed + x) % 4) switch
                {
                    var g1503 when await Even(g1503 + Twist(seed)) => await F((g1503 + x)) + g1503,
                    1 => (seed + x),
                    var g1503 when g1503 > 2 => g1503 + await F(x % 7),
                    _ => Mix(y, y) + 5,
                };
                x = await F(Mix(y, await F(seed)));
                break;
            default:
                switch (Mix(x % 7, y) % 5)
                {
                    default:
                        x += await Retry(x);
                        try
                        {
                            x += await F((y + y));
                            int? n1506 = y % 2 == 0 ? null : (y + x);
                            n1506 ??= await F((seed + seed));
                            x += n1506.Value;
                            using var u1507 = new Marker(Mix(y, seed));
                            y += u1507.Value;
                        }
                        finally
                        {
                            x += 3;
                            y += await ctx.Step("s1502", ct => log.Run("s1502", Mix(seed, y), () => Mix(seed, y) + 1));
                            if (await ctx.Step("s1503", ct => log.Run("s1503", y % 7, () => y % 7 + 1)) is > 3 and < 50 or 7)
                            {
                                y += (await Even((seed + x)) ? 1 : 2);
                            }
                        }
                        break;
                    case var k1504 when k1504 > 1 && await Even(k1504 + y):
                        y += await Retry(k1504);
                        y += await Retry(Mix(seed, y));
                        y = await ctx.Step("s1501", ct => log.Run("s1501", x, () => x + 1)) is var k1505 && k1505 % 3 != 0 ? k1505 + (await Even(k1504) ? 1 : 2) : k1505 - 1;
                        x += k1504;
                        break;
                }
                var b1508 = new Box { A = x % 7 };
                b1508.A += b1508.B++ + await F(Twist(y));
                b1508.B *= await ctx.Step("s1504", ct => log.Run("s1504", (x + y), () => (x + y) + 1)) % 5;
                y += Mix(b1508.A, b1508.B);
                break;
        }
        (x, y) = (y, Mix(x, await F(x)));
        int z1509 = await F(Mix(x, y)) + x % 7, z1510 = z1509 + await Retry(x % 7);
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
        if (y % 9 == 8)
        {
            return Mix(x, y);
        }
        if ((await Even((x + y)) ? 1 : 2) is not (> 5 and < 60))
        {
            x += await Retry(Twist(seed));
        }
        else
        {
            y -= 1;
        }
        var d1601 = 0;
        do
        {
            d1601++;
            y = Sum(await Retry(y % 7), y++, await F(Mix(seed, seed)), y) % 1009;
        }
        while (d1601 < 2 && await Even(d1601 + y));
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
