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
        try
        {
            y += await Check((y + y));
            if (int.TryParse((seed % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p901))
            {
                y += await F(Mix(seed, x));
                x += (await Even(Mix(x, x)) ? 1 : 2);
                foreach (var e902 in new[] { Mix(p901, seed), (await Even((seed + seed)) ? 1 : 2) })
                {
                    x += e902;
                    x += await Check((e902 + x));
                    y = p901 % 7 % 2 == 0 ? await F(seed % 7) : Mix((seed + e902), await Retry(y));
                }
                x += p901;
            }
        }
        catch (CorpusException c904)
        {
            y += 100;
            y = await ctx.Step("s901", ct => log.Run("s901", Twist(seed), () => Twist(seed) + 1));
            var b903 = new Box { B = (await Even(Mix(seed, y)) ? 1 : 2), A = y++ + await F(x) };
            y += (b903.A * 2) - b903.B;
            x += c904.Message.Length;
            if (seed % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            switch (Mix(Mix(x, seed), Twist(x)) % 5)
            {
                case var k905 when k905 > 1 && await Even(k905 + x % 7):
                    x += (await Even(seed % 7) ? 1 : 2);
                    y += await F((k905 + k905));
                    y = x % 7 % 3 == 0 ? await F(x) : Twist(y) + 1;
                    y = Mix(await ctx.Step("s902", ct => log.Run("s902", Twist(x), () => Twist(x) + 1)), await F(y % 7));
                    y += k905;
                    break;
                default:
                    y += await F(y % 7);
                    y = checked(y + (await F(seed) * 2)) % 1009;
                    try
                    {
                        y += await Check((x + y));
                        y += await Check(seed % 7);
                        if (Twist(y) % 2 == 0 && await Even(Mix(y, seed)))
                        {
                            y += await F(Twist(seed));
                            y = Mix(new[] { y, x }.Sum(v => v + y), await Retry(Mix(x, x)));
                            using var u906 = new Marker(seed);
                            y += u906.Value;
                        }
                        x = Mix(seed, await Retry(x));
                    }
                    catch (CorpusException c907)
                    {
                        y += 100;
                        x += await Retry(Twist(seed));
                        y = ((x + y) % 3) switch
                        {
                            0 => await Retry((x + y)),
                            1 => Twist(y) + 2,
                            _ => (await Even(seed) ? 1 : 2),
                        };
                        x += c907.Message.Length;
                        if (y % 4 == 0)
                        {
                            throw;
                        }
                    }
                    break;
            }
            if (await F(x) is var k908 && k908 % 2 == 1)
            {
                y += await F(Mix(x, seed)) + k908;
            }
        }
        x = checked(x + (await ctx.Step("s903", ct => log.Run("s903", Mix(y, seed), () => Mix(y, seed) + 1)) * 2)) % 1009;
        try
        {
            y += await Check(Twist(x));
            if (Mix(x, y) % 5 == 0)
            {
                throw new CorpusException($"thrown at {(seed + y)}");
            }
            var r909 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j910 => F(j910 + x)));
            y += r909.Sum();
        }
        catch (CorpusException c912) when (c912.Message.Length % 2 == 0)
        {
            y += 100;
            y = y % 7 % 3 == 0 ? await F(x % 7) : Mix(x, y) + 1;
            using var u911 = new Marker(seed % 7);
            x += u911.Value;
            if ((x + y) % 3 == 2)
            {
                return Mix(x, y);
            }
            y += c912.Message.Length;
        }
        var s913 = $"{Mix(seed, y)}:{await F(seed % 7)}";
        x += s913.Length;
        y = seed % 7 % 2 == 0 ? (await Even(Mix(y, y)) ? await ctx.Step("s904", ct => log.Run("s904", x, () => x + 1)) : y % 7) : await ctx.Step("s905", ct => log.Run("s905", Mix(x, seed), () => Mix(x, seed) + 1));
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
        while (w1001 < 2 && await Even(w1001 + x))
        {
            w1001++;
            y = seed % 7 % 2 == 0 ? (await Even((y + x)) ? await F(Mix(x, seed)) : seed % 7) : (await Even((x + x)) ? 1 : 2);
            var l1002 = new List<int> { x++, (await Even((y + y)) ? 1 : 2), x };
            x += Mix(l1002[0], l1002[2]) + l1002.Count;
        }
        if (await F((x + x)) is var k1003 && k1003 % 2 == 0)
        {
            y += (await Even(Mix(k1003, seed)) ? 1 : 2) + k1003;
        }
        try
        {
            int Local1(int v) => Mix(v, (x + y));
            y += Local1((await Even(Mix(y, x)) ? 1 : 2));
            x += Local1(y);
            y = await F(Twist(seed));
        }
        finally
        {
            x += 3;
            var b1004 = new Box { B = await Retry(Twist(y)), A = y++ + await F(x) };
            y += (b1004.A * 2) - b1004.B;
        }
        var c1005 = (x + x) % 2 == 0 ? null : new List<int> { Twist(x) };
        x += c1005?.Append(await ctx.Step("s1001", ct => log.Run("s1001", x, () => x + 1))).Sum() ?? Mix(seed, y);
        if (Twist(x) % 9 == 8)
        {
            return Mix(x, y);
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
        if (seed % 7 % 9 == 7)
        {
            return Mix(x, await ctx.Step("s1101", ct => log.Run("s1101", (y + x), () => (y + x) + 1)));
        }
        if (seed % 7 % 2 == 0 && await Even(seed))
        {
            switch (Mix(Twist(y), y) % 5)
            {
                case var k1101 when k1101 > 1 && await Even(k1101 + x):
                    x += (await Even(k1101 % 7) ? 1 : 2);
                    x += (await Even(Mix(x, k1101)) ? 1 : 2);
                    for (var i1102 = 0; i1102 < 2 && await Even(i1102 + (seed + x)); i1102 += await Even(i1102 + y) ? 1 : 2)
                    {
                        y += i1102;
                        y += await ctx.Step("s1102", ct => log.Run("s1102", Twist(i1102), () => Twist(i1102) + 1));
                        y += (await Even((y + k1101)) ? 1 : 2);
                        using var u1103 = new Marker((k1101 + k1101));
                        y += u1103.Value;
                    }
                    y = checked(y + ((await Even((seed + x)) ? 1 : 2) * 2)) % 1009;
                    y += k1101;
                    break;
                default:
                    y += await F(y);
                    if ((await Even(Mix(seed, x)) ? 1 : 2) is var k1104 && k1104 % 2 == 0)
                    {
                        y += await F((seed + k1104)) + k1104;
                    }
                    break;
            }
            var r1105 = await ctx.WhenAll(F(y), F(x));
            x = Mix(r1105[0], r1105[1]);
        }
        x = Mix(x++, await F(Twist(y))) + x;
        (x, y) = (await ctx.Step("s1103", ct => log.Run("s1103", Mix(x, y), () => Mix(x, y) + 1)), Mix(x, (y + seed)));
        if (Mix(seed, x) % 3 == 0)
        {
            goto skip1106;
        }
        y = await ctx.Step("s1104", ct => log.Run("s1104", y, () => y + 1));
        skip1106:
        y += 1;
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
        x = Mix(await ctx.Step("s1201", ct => log.Run("s1201", y, () => y + 1)), await ctx.Step("s1202", ct => log.Run("s1202", y, () => y + 1)));
        var s1201 = $"{(await Even(y % 7) ? 1 : 2),5:D3}|{y++:D2}";
        y += s1201.Length + s1201.IndexOf('|');
        if (Mix(x, Mix(x, x)) is var k1202 && k1202 % 2 == 1)
        {
            y += await Retry((k1202 + seed));
            x += k1202;
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
        x = Mix((y + seed), await Retry(y));
        foreach (var e1301 in new[] { seed % 7, (x + y) })
        {
            x += e1301;
            switch (Mix((seed + y), x) % 5)
            {
                case var k1302 when k1302 > 1 && await Even(k1302 + Twist(e1301)):
                    y += await F(Mix(seed, e1301));
                    y += await F(Mix(y, k1302));
                    x = await F(Mix(y % 7, (await Even(Twist(y)) ? 1 : 2)));
                    y += k1302;
                    break;
                default:
                    x += (await Even((y + seed)) ? 1 : 2);
                    switch (Mix((x + e1301), Mix(x, y)) % 5)
                    {
                        case var k1303 when k1303 > 2:
                            x += (await Even(k1303 % 7) ? 1 : 2);
                            x += await F(x);
                            var a1304 = new int[3];
                            a1304[await F(Mix(y, y)) % 3] = await F(Twist(e1301));
                            x += a1304.Sum();
                            y += k1303;
                            break;
                        default:
                            y += await ctx.Step("s1301", ct => log.Run("s1301", Mix(x, e1301), () => Mix(x, e1301) + 1));
                            y = Mix(new[] { y, x }.Sum(v => v + y), (await Even(Mix(seed, e1301)) ? 1 : 2));
                            break;
                    }
                    break;
            }
        }
        if (seed % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        var b1305 = new Box { B = await F(x), A = x++ + (await Even(Mix(x, y)) ? 1 : 2) };
        x += (b1305.A * 2) - b1305.B;
        if (int.TryParse(((y + y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1306))
        {
            y += await F(Mix(seed, x));
            y = Mix(p1306, y) % 2 == 0 ? (await Even(Twist(x)) ? 1 : 2) : Mix((seed + p1306), await F(Mix(seed, y)));
            y += p1306;
        }
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
        int? n1401 = x % 7 % 2 == 0 ? null : Mix(seed, y);
        x = n1401 ?? await ctx.Step("s1401", ct => log.Run("s1401", Twist(y), () => Twist(y) + 1));
        x = (Mix(seed, seed) % 4) switch
        {
            var g1402 when await Even(g1402 + y) => await Retry(Mix(x, y)) + g1402,
            1 => x % 7,
            var g1402 when g1402 > 2 => g1402 + await ctx.Step("s1402", ct => log.Run("s1402", (x + x), () => (x + x) + 1)),
            _ => x % 7 + 5,
        };
        try
        {
            var z1403 = (await Even(seed % 7) ? 1 : 2) + Twist(y);
            using var u1404 = new Marker((z1403 + z1403));
            x += u1404.Value;
            if ((x + seed) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        finally
        {
            x += 3;
            x = Mix(x++, await F(Mix(y, y))) + x;
        }
        var l1405 = new List<int> { y++, await Retry(Twist(seed)), y };
        y += Mix(l1405[0], l1405[2]) + l1405.Count;
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
        switch ((seed + seed) % 3)
        {
            case 0:
                if (Mix(x, x) % 9 == 7)
                {
                    return Mix(x, (await Even(y % 7) ? 1 : 2));
                }
                var d1501 = 0;
                do
                {
                    d1501++;
                    x += await ctx.Step("s1501", ct => log.Run("s1501", seed % 7, () => seed % 7 + 1));
                    if (x % 7 % 2 == 0)
                    {
                        y += await F(Twist(x));
                        var r1502 = await ctx.WhenAll(F(Twist(seed)), F(Mix(seed, x)));
                        x = Mix(r1502[0], r1502[1]);
                        int? n1503 = (x + y) % 2 == 0 ? null : Twist(seed);
                        n1503 ??= await ctx.Step("s1502", ct => log.Run("s1502", Mix(seed, x), () => Mix(seed, x) + 1));
                        y += n1503.Value;
                        using var u1504 = new Marker(y % 7);
                        x += u1504.Value;
                        if (Mix(seed, x) % 3 == 2)
                        {
                            break;
                        }
                    }
                }
                while (d1501 < 2 && await Even(d1501 + y));
                break;
            case 1:
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                foreach (var e1505 in new[] { seed % 7, await Retry(Mix(y, x)) })
                {
                    x += e1505;
                    y += await F((seed + x));
                    int? n1506 = y % 2 == 0 ? null : y % 7;
                    y = n1506 ?? await F(Mix(y, seed));
                    try
                    {
                        y += await Check(Twist(y));
                        y += await F(Mix(e1505, y));
                        var a1507 = new int[3];
                        a1507[await Check((e1505 + x)) % 3] = await F(seed % 7);
                        y += a1507.Sum();
                    }
                    catch (CorpusException)
                    {
                        y += 100;
                        y += await F(Mix(y, y));
                        y = Mix(new[] { x, x }.Sum(v => v + y), await Retry(seed));
                    }
                    using var u1508 = new Marker(x % 7);
                    y += u1508.Value;
                    if (x % 3 == 2)
                    {
                        break;
                    }
                }
                break;
            default:
                y = Mix(x, x = await Retry((seed + x)));
                y = Mix(y, y = await ctx.Step("s1503", ct => log.Run("s1503", Twist(seed), () => Twist(seed) + 1)));
                break;
        }
        x = Mix(await ctx.Step("s1504", ct => log.Run("s1504", seed, () => seed + 1)), await F(Twist(seed)));
        if (Mix(seed, x) % 9 == 8)
        {
            return Mix(x, y);
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
        var c1601 = (x + x) % 2 == 0 ? null : new List<int> { Twist(y) };
        y += c1601?.Append((await Even(Mix(x, x)) ? 1 : 2)).Sum() ?? Mix(y, x);
        y = (Twist(y) % 3) switch
        {
            0 => await ctx.Step("s1601", ct => log.Run("s1601", y, () => y + 1)),
            1 => Mix(y, seed) + 2,
            _ => await Retry(seed % 7),
        };
        if (Twist(seed) % 9 == 7)
        {
            return Mix(x, await F(Twist(y)));
        }
        try
        {
            y += await Check(y % 7);
            try
            {
                y += await Check(x);
                x += await F(y);
                if ((y + x) % 9 == 8)
                {
                    return Mix(x, y);
                }
            }
            catch (CorpusException)
            {
                y += 100;
                y += await Check(Twist(y));
                var r1602 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j1603 => F(j1603 + Twist(x))));
                y += r1602.Sum();
                if ((y + seed) % 5 == 0)
                {
                    throw new CorpusException($"thrown at {(x + x)}");
                }
                using var u1604 = new Marker((y + x));
                y += u1604.Value;
                if (Mix(x, y) % 3 == 2)
                {
                    return Mix(x, y);
                }
            }
            try
            {
                y += await Check((x + x));
                x += (await Even((y + y)) ? 1 : 2);
                y = Mix(new[] { (x + x), x }.Sum(v => v + y), await F(Mix(seed, y)));
            }
            catch (CorpusException c1609)
            {
                y += 100;
                x += await Check(x);
                switch (await ctx.Step("s1602", ct => log.Run("s1602", (y + seed), () => (y + seed) + 1)) % 3)
                {
                    case 0:
                        y += await Check(y);
                        x = ((x + seed) % 4) switch
                        {
                            var g1605 when await Even(g1605 + y % 7) => await Check(seed) + g1605,
                            1 => (x + seed),
                            var g1605 when g1605 > 2 => g1605 + await Retry(Twist(y)),
                            _ => Twist(y) + 5,
                        };
                        (x, y) = (await Check(x % 7), Mix(x, seed % 7));
                        if (Twist(y) % 2 == 0)
                        {
                            goto case 1;
                        }
                        break;
                    case 1:
                        x += await F(Mix(x, seed));
                        var a1606 = new[] { Mix(y, y), Mix(x, seed) };
                        a1606[(y + x) % 2] += await Check((x + seed));
                        y += a1606[0] + a1606[1];
                        try
                        {
                            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                        }
                        catch (TimeoutException)
                        {
                            x += 7;
                        }
                        if (seed % 2 == 0)
                        {
                            goto default;
                        }
                        break;
                    default:
                        y += (await Even(Twist(x)) ? 1 : 2);
                        var b1607 = new Box { B = await Check(Twist(y)), A = x++ + await ctx.Step("s1603", ct => log.Run("s1603", x % 7, () => x % 7 + 1)) };
                        x += (b1607.A * 2) - b1607.B;
                        break;
                }
                using var u1608 = new Marker((seed + x));
                x += u1608.Value;
                x += c1609.Message.Length;
                if ((y + seed) % 4 == 0)
                {
                    throw;
                }
            }
            finally
            {
                x += 3;
                x += await F((x + y));
                var c1610 = Mix(y, y) % 2 == 0 ? null : new List<int> { Twist(y) };
                x += c1610?.Append(await ctx.Step("s1604", ct => log.Run("s1604", x, () => x + 1))).Sum() ?? seed;
                using var u1611 = new Marker(seed % 7);
                x += u1611.Value;
            }
        }
        catch (CorpusException c1613) when (c1613.Message.Length % 2 == 0)
        {
            y += 100;
            x = (await Even(Twist(seed)) ? 1 : 2);
            var c1612 = seed % 7 % 2 == 0 ? null : new List<int> { Mix(seed, seed) };
            x += c1612?.Append(await Retry(Mix(y, y))).Sum() ?? x;
            y += c1613.Message.Length;
        }
        finally
        {
            x += 3;
            if ((x + x) % 3 == 0)
            {
                goto skip1614;
            }
            x += await Retry(seed);
            skip1614:
            x += 1;
            using var u1615 = new Marker(seed);
            x += u1615.Value;
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
