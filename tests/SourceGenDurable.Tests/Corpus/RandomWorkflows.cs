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
        y = Mix(y, y = await Retry(Mix(y, seed)));
        try
        {
            y = Mix(new[] { Mix(x, y), x }.Sum(v => v + y), await ctx.Step("s101", ct => log.Run("s101", (seed + seed), () => (seed + seed) + 1)));
        }
        finally
        {
            x += 3;
            if (int.TryParse(((x + x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p101))
            {
                x += await ctx.Step("s102", ct => log.Run("s102", Mix(y, seed), () => Mix(y, seed) + 1));
                x += (await Even((x + y)) ? 1 : 2);
                int Local2(int v) => Mix(v, Twist(seed));
                y += Local2(await Retry((x + p101)));
                x += Local2(y);
                using var u102 = new Marker(Mix(x, x));
                y += u102.Value;
                y += p101;
            }
            if (int.TryParse((Mix(y, seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p103))
            {
                x += await F((x + x));
                x += await ctx.Step("s103", ct => log.Run("s103", y, () => y + 1));
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                using var u104 = new Marker(seed);
                x += u104.Value;
                x += p103;
            }
            using var u105 = new Marker(Twist(x));
            x += u105.Value;
        }
        y = await Even((y + y)) ? (await Even(Twist(y)) ? 1 : 2) : Mix(Twist(y), await F(Twist(seed)));
        x = Mix(x++, await F(Twist(x))) + x;
        (x, y) = (await Retry(seed), Mix(x, Mix(x, x)));
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
        y = Mix(new[] { y % 7, x }.Sum(v => v + y), await ctx.Step("s201", ct => log.Run("s201", y % 7, () => y % 7 + 1)));
        if (Twist(seed) % 9 == 7)
        {
            return Mix(x, await Retry(seed % 7));
        }
        y = Twist(x) % 2 == 0 ? await ctx.Step("s202", ct => log.Run("s202", Twist(x), () => Twist(x) + 1)) : Mix((y + x), await F((y + seed)));
        int Local0(int v) => Mix(v, x % 7);
        x += Local0(await F(Twist(x)));
        y += Local0(y);
        if (Mix(x, x) % 2 == 0 && await Even((x + y)))
        {
            x = Mix(x++, await ctx.Step("s203", ct => log.Run("s203", seed % 7, () => seed % 7 + 1))) + x;
            using var u201 = new Marker(x % 7);
            x += u201.Value;
        }
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
        try
        {
            y += await Check((seed + x));
            int? n301 = Twist(y) % 2 == 0 ? null : y;
            n301 ??= await F((y + seed));
            x += n301.Value;
            x = Mix(seed % 7, await F(Twist(seed)));
        }
        catch (CorpusException c305)
        {
            y += 100;
            x = await F(Mix(x, await F(y % 7)));
            var r302 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j303 => F(j303 + (seed + seed))));
            x += r302.Sum();
            using var u304 = new Marker(seed);
            x += u304.Value;
            x += c305.Message.Length;
            if (x % 7 % 4 == 0)
            {
                throw;
            }
        }
        var a306 = new int[2];
        a306[1] = await Retry(Mix(seed, seed));
        a306[0] = a306[1] + await F((x + seed));
        x += a306[0] - a306[1];
        if (Mix(x % 7, (seed + y)) is var k307 && k307 % 2 == 1)
        {
            x += await Retry(y % 7);
            y += k307;
        }
        if ((seed + y) % 3 == 0)
        {
            goto skip308;
        }
        x += await F((seed + y));
        skip308:
        y += 1;
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
        if (Mix(Twist(seed), y % 7) is var k401 && k401 % 2 == 0)
        {
            y += (await Even(k401) ? 1 : 2);
            x += k401;
        }
        x += await F(seed);
        (x, y) = (await Retry(Twist(y)), Mix(x, seed));
        y = Mix(y, y = await Retry((seed + seed)));
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
        int z501 = (await Even((y + seed)) ? 1 : 2) + Mix(seed, seed), z502 = z501 + await ctx.Step("s501", ct => log.Run("s501", Mix(x, x), () => Mix(x, x) + 1));
        int Local0(int v) => Mix(v, x);
        x += Local0(await ctx.Step("s502", ct => log.Run("s502", Twist(seed), () => Twist(seed) + 1)));
        x += Local0(y);
        int? n503 = z501 % 7 % 2 == 0 ? null : (x + x);
        y = n503 ?? await ctx.Step("s503", ct => log.Run("s503", y % 7, () => y % 7 + 1));
        x = await ctx.Step("s504", ct => log.Run("s504", z502, () => z502 + 1));
        x = Twist(y) % 2 == 0 ? (await Even((seed + z502)) ? (await Even(seed % 7) ? 1 : 2) : z502 % 7) : await Retry(z502);
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
        var r601 = await ctx.WhenAll(Enumerable.Range(0, 3).Select(j602 => F(j602 + Twist(x))));
        y += r601.Sum();
        int z603 = await ctx.Step("s601", ct => log.Run("s601", y, () => y + 1)) + x % 7, z604 = z603 + (await Even(x) ? 1 : 2);
        int? n605 = Twist(y) % 2 == 0 ? null : (z604 + x);
        n605 ??= await ctx.Step("s602", ct => log.Run("s602", Twist(seed), () => Twist(seed) + 1));
        y += n605.Value;
        y = (await Even(z603 % 7) ? 1 : 2);
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
        x = Mix(await F(seed % 7), await Retry((x + y)));
        try
        {
            y += await Check(Mix(x, seed));
            y = Mix(Mix(x, y), await F(Twist(seed)));
            if (Twist(y) % 5 == 0)
            {
                throw new CorpusException($"thrown at {seed % 7}");
            }
        }
        catch (CorpusException c701) when (c701.Message.Length % 2 == 1)
        {
            y += 100;
            y += await Retry(seed);
            if ((x + y) % 2 == 0)
            {
                x += await ctx.Step("s701", ct => log.Run("s701", Twist(y), () => Twist(y) + 1));
                y = (Mix(x, x) % 3) switch
                {
                    0 => await ctx.Step("s702", ct => log.Run("s702", Mix(y, y), () => Mix(y, y) + 1)),
                    1 => Mix(y, seed) + 2,
                    _ => await ctx.Step("s703", ct => log.Run("s703", x % 7, () => x % 7 + 1)),
                };
                x = await F(Mix(Twist(seed), await F(Mix(y, y))));
            }
            else
            {
                y += await ctx.Step("s704", ct => log.Run("s704", Mix(seed, y), () => Mix(seed, y) + 1));
                int Local2(int v) => Mix(v, Twist(seed));
                x += Local2(await ctx.Step("s705", ct => log.Run("s705", Mix(x, x), () => Mix(x, x) + 1)));
                x += Local2(y);
            }
            y += c701.Message.Length;
        }
        var w702 = 0;
        while (w702 < 2 && await Even(w702 + x))
        {
            w702++;
            var a703 = new int[3];
            a703[await F(Twist(seed)) % 3] = await Retry(Mix(seed, seed));
            x += a703.Sum();
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
        var l801 = new List<int> { y };
        l801.Add(await ctx.Step("s801", ct => log.Run("s801", Twist(y), () => Twist(y) + 1)));
        l801.Add(await F(Mix(y, seed)) + l801.Count);
        y += l801.Sum() * l801.Count;
        var a802 = new[] { seed, x };
        a802[Mix(seed, seed) % 2] -= await F(Mix(y, seed));
        x += a802[0] + a802[1];
        y = await Even(y % 7) ? await F((x + seed)) : Mix(x % 7, await ctx.Step("s802", ct => log.Run("s802", Twist(x), () => Twist(x) + 1)));
        var z803 = await F(Twist(y)) + y % 7;
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
            y += await Check(Twist(y));
            x = await F((x + y));
            y = Twist(y) % 3 == 0 || await Even(Mix(y, seed)) ? (await Even(x) ? 1 : 2) : Mix((seed + y), await F(y));
        }
        catch (CorpusException c903)
        {
            y += 100;
            x = Mix(await Retry(Mix(x, x)), await F(seed));
            foreach (var e901 in new[] { x, seed })
            {
                x += e901;
                x += await F((y + seed));
                y = ((y + seed) % 3) switch
                {
                    0 => await Retry((x + e901)),
                    1 => Twist(seed) + 2,
                    _ => await Retry((x + e901)),
                };
                using var u902 = new Marker(x);
                y += u902.Value;
            }
            x += c903.Message.Length;
            if (Twist(x) % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            y = Mix(x, x = await ctx.Step("s901", ct => log.Run("s901", x, () => x + 1)));
        }
        y = Mix(await Retry(x % 7), (await Even((seed + x)) ? 1 : 2));
        var b904 = 0;
        again905:
        b904++;
        if (y % 3 == 0)
        {
            goto skip906;
        }
        y += await F(Twist(y));
        skip906:
        x += 1;
        try
        {
            y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            x += 7;
        }
        if (b904 < 2 && x % 7 % 2 == 0)
        {
            goto again905;
        }
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
        y = await F(Mix(seed, await F(y % 7)));
        y = (y + y) % 3 == 0 || await Even(x % 7) ? (await Even((seed + seed)) ? 1 : 2) : Mix(Twist(y), await Retry(x % 7));
        y = x % 7 % 2 == 0 ? (await Even(y % 7) ? await F(y % 7) : y) : (await Even(Twist(seed)) ? 1 : 2);
        switch (seed % 7 % 3)
        {
            case 0:
                var d1001 = 0;
                do
                {
                    d1001++;
                    x += await F(Mix(x, seed));
                    int? n1002 = seed % 7 % 2 == 0 ? null : y;
                    n1002 ??= await F(x);
                    y += n1002.Value;
                }
                while (d1001 < 2);
                if (Mix(x, y) % 3 == 0)
                {
                    goto skip1003;
                }
                x += await F((x + x));
                skip1003:
                y += 1;
                if ((y + y) % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                x = y % 7 % 2 == 0 ? (await Even(Mix(y, x)) ? await F(Mix(x, x)) : Twist(seed)) : await F(Twist(y));
                if (seed % 7 % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                if (await Even((y + x)))
                {
                    y += await Retry((seed + y));
                    try
                    {
                        y += await Check(y);
                        x += (await Even(seed % 7) ? 1 : 2);
                        var r1004 = await ctx.WhenAll(F(y), F(seed % 7));
                        y = Mix(r1004[0], r1004[1]);
                        if (Mix(seed, x) % 5 == 0)
                        {
                            throw new CorpusException($"thrown at {Twist(x)}");
                        }
                    }
                    catch (CorpusException c1007)
                    {
                        y += 100;
                        y += await ctx.Step("s1001", ct => log.Run("s1001", (x + seed), () => (x + seed) + 1));
                        var a1005 = new[] { seed, Twist(seed) };
                        a1005[Twist(seed) % 2] += await ctx.Step("s1002", ct => log.Run("s1002", Twist(y), () => Twist(y) + 1));
                        x += a1005[0] + a1005[1];
                        if ((await Even(x % 7) ? 1 : 2) is var k1006 && k1006 % 2 == 1)
                        {
                            y += await Retry(x) + k1006;
                        }
                        x += c1007.Message.Length;
                        if (seed % 7 % 4 == 0)
                        {
                            throw;
                        }
                    }
                    finally
                    {
                        x += 3;
                        x += await Retry(Twist(seed));
                        x = Mix(await F(Mix(seed, y)), (await Even(Twist(y)) ? 1 : 2));
                    }
                    using var u1008 = new Marker(y % 7);
                    x += u1008.Value;
                }
                break;
        }
        int Local0(int v) => Mix(v, x);
        y += Local0(await F(Twist(y)));
        y += Local0(y);
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
        var a1101 = new int[3];
        a1101[await F(Twist(y)) % 3] = await F((x + y));
        y += a1101.Sum();
        var b1102 = 0;
        again1103:
        b1102++;
        foreach (var e1104 in new[] { Twist(x), y % 7 })
        {
            x += e1104;
            y += (await Even(Twist(x)) ? 1 : 2);
            if ((y + x) % 9 == 8)
            {
                return Mix(x, y);
            }
            if (Mix(e1104, x) % 3 == 0 || await Even(e1104))
            {
                x += await ctx.Step("s1101", ct => log.Run("s1101", e1104, () => e1104 + 1));
                if (Twist(y) % 9 == 7)
                {
                    return Mix(x, (await Even(x) ? 1 : 2));
                }
            }
            else
            {
                x += await F(Twist(e1104));
                int Local3(int v) => Mix(v, x % 7);
                y += Local3(await F(Mix(x, seed)));
                x += Local3(y);
            }
        }
        if (b1102 < 2 && x % 7 % 2 == 0)
        {
            goto again1103;
        }
        var z1105 = await ctx.Step("s1102", ct => log.Run("s1102", seed, () => seed + 1)) + seed % 7;
        if (await Even(Twist(x)))
        {
            x = ((z1105 + x) % 3) switch
            {
                0 => await Retry(Twist(seed)),
                1 => x % 7 + 2,
                _ => (await Even(Mix(y, x)) ? 1 : 2),
            };
        }
        var t1106 = 0;
        while (true)
        {
            if (++t1106 > 2)
            {
                break;
            }
            var z1107 = await Retry(x % 7) + y % 7;
            y = (await Even((x + y)) ? 1 : 2);
            using var u1108 = new Marker(Twist(y));
            x += u1108.Value;
            if (Twist(seed) % 3 == 2)
            {
                break;
            }
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
        x = Mix(Twist(seed), await F(Mix(x, seed)));
        if ((seed + seed) % 2 == 0 && await Even(Mix(x, seed)))
        {
            var t1201 = 0;
            while (true)
            {
                if (++t1201 > 2)
                {
                    break;
                }
                x += await ctx.Step("s1201", ct => log.Run("s1201", Mix(y, y), () => Mix(y, y) + 1));
                x = Mix(x++, await F((seed + x))) + x;
                using var u1202 = new Marker(Mix(x, x));
                y += u1202.Value;
                if (x % 7 % 3 == 2)
                {
                    return Mix(x, y);
                }
            }
        }
        else
        {
            x += await F(Mix(seed, seed));
        }
        var r1203 = await ctx.WhenAll(F(y), F(Mix(y, seed)));
        x = Mix(r1203[0], r1203[1]);
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
        try
        {
            y += await Check(seed);
            y = Mix(await F(y % 7), await ctx.Step("s1301", ct => log.Run("s1301", (seed + y), () => (seed + y) + 1)));
            y = (y + seed) % 5 == 0 ? throw new CorpusException("thrown by an expression") : await Retry(Mix(seed, x));
        }
        catch (CorpusException)
        {
            y += 100;
            x = await F(Mix((x + y), await ctx.Step("s1302", ct => log.Run("s1302", seed, () => seed + 1))));
            using var u1301 = new Marker(Twist(x));
            x += u1301.Value;
        }
        x = Mix(y % 7, (await Even(seed) ? 1 : 2));
        x = y % 7 % 2 == 0 ? (await Even(y % 7) ? await F(Twist(x)) : seed) : await Retry(Twist(x));
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
        if (Twist(x) % 3 == 0 || await Even((seed + seed)))
        {
            int Local1(int v) => Mix(v, seed);
            y += Local1(await F(Twist(y)));
            x += Local1(y);
            try
            {
                y += await Check(Mix(y, y));
                y += await Check((y + y));
                x = await Retry((y + y));
                if ((seed + seed) % 9 == 7)
                {
                    return Mix(x, (await Even((seed + y)) ? 1 : 2));
                }
            }
            catch (CorpusException)
            {
                y += 100;
                y += await Retry(Twist(seed));
                foreach (var e1401 in new[] { y % 7, (x + x) })
                {
                    x += e1401;
                    y += await Retry(Mix(y, seed));
                    var r1402 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j1403 => F(j1403 + Mix(y, x))));
                    y += r1402.Sum();
                    y = (Mix(y, e1401) % 4) switch
                    {
                        var g1404 when await Even(g1404 + Mix(seed, seed)) => await F(e1401) + g1404,
                        1 => Mix(e1401, seed),
                        var g1404 when g1404 > 2 => g1404 + await Retry(y % 7),
                        _ => (x + x) + 5,
                    };
                }
                foreach (var e1405 in new[] { Twist(seed), Twist(x) })
                {
                    x += e1405;
                    x += await F(e1405);
                    if (Mix(y, seed) % 9 == 7)
                    {
                        return Mix(x, await F(Mix(seed, seed)));
                    }
                    if (Twist(x) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                    using var u1406 = new Marker((seed + e1405));
                    x += u1406.Value;
                    if ((e1405 + y) % 3 == 2)
                    {
                        continue;
                    }
                }
            }
        }
        y = Mix(y++, await F(x)) + y;
        x = (y % 4) switch
        {
            var g1407 when await Even(g1407 + Mix(seed, y)) => await F(y) + g1407,
            1 => (seed + seed),
            var g1407 when g1407 > 2 => g1407 + await ctx.Step("s1401", ct => log.Run("s1401", (x + x), () => (x + x) + 1)),
            _ => Twist(y) + 5,
        };
        (x, y) = (await ctx.Step("s1402", ct => log.Run("s1402", Mix(x, y), () => Mix(x, y) + 1)), Mix(x, (y + seed)));
        if (Mix(seed, x) % 3 == 0)
        {
            goto skip1408;
        }
        y = await ctx.Step("s1403", ct => log.Run("s1403", y, () => y + 1));
        skip1408:
        y += 1;
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
        x = Mix(await ctx.Step("s1501", ct => log.Run("s1501", y, () => y + 1)), await ctx.Step("s1502", ct => log.Run("s1502", y, () => y + 1)));
        await ctx.Sleep(TimeSpan.FromHours(2));
        for (var i1501 = 0; i1501 < 2; i1501++)
        {
            y += i1501;
            y = Mix(x, x = await F(Mix(seed, i1501)));
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
        try
        {
            y += await Check(seed);
            x = y % 7 % 2 == 0 && await Even(x) ? await F(Mix(y, y)) : Mix(Mix(x, x), await F(Twist(y)));
            using var u1601 = new Marker(x % 7);
            y += u1601.Value;
        }
        catch (CorpusException c1609) when (c1609.Message.Length % 2 == 1)
        {
            y += 100;
            try
            {
                y += await Check(seed);
                y += await F(Twist(x));
                if (Mix(x, seed) % 9 == 7)
                {
                    return Mix(x, await ctx.Step("s1601", ct => log.Run("s1601", Twist(seed), () => Twist(seed) + 1)));
                }
                using var u1602 = new Marker(x);
                x += u1602.Value;
                if ((y + x) % 3 == 0)
                {
                    goto left1603;
                }
                y += 2;
            }
            catch (CorpusException c1605)
            {
                y += 100;
                y += await F(Twist(seed));
                if (int.TryParse((y % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1604))
                {
                    y += (await Even(seed % 7) ? 1 : 2);
                    x += (await Even(Mix(seed, p1604)) ? 1 : 2);
                    try
                    {
                        x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        x += 7;
                    }
                    x += p1604;
                }
                x += c1605.Message.Length;
                if (Twist(seed) % 4 == 0)
                {
                    throw;
                }
            }
            finally
            {
                x += 3;
                y += await Retry(x % 7);
                switch (await F(Twist(x)) % 3)
                {
                    case 0:
                        x += await ctx.Step("s1602", ct => log.Run("s1602", seed, () => seed + 1));
                        int z1606 = await F(Mix(x, x)) + Mix(y, y), z1607 = z1606 + (await Even(Mix(x, y)) ? 1 : 2);
                        var z1608 = await ctx.Step("s1603", ct => log.Run("s1603", z1606, () => z1606 + 1)) + Mix(z1606, z1607);
                        if (Twist(y) % 2 == 0)
                        {
                            goto case 1;
                        }
                        break;
                    case 1:
                        x += await ctx.Step("s1604", ct => log.Run("s1604", Mix(x, y), () => Mix(x, y) + 1));
                        x = await F((x + seed));
                        if (Twist(seed) % 2 == 0)
                        {
                            goto default;
                        }
                        break;
                    default:
                        x += await Retry(y % 7);
                        x = Mix(x++, await ctx.Step("s1605", ct => log.Run("s1605", (y + y), () => (y + y) + 1))) + x;
                        await ctx.Sleep(TimeSpan.FromHours(2));
                        break;
                }
            }
            left1603:
            y += 1;
            if (Mix(seed, y) % 3 == 0 || await Even(Twist(x)))
            {
                x += (await Even((x + y)) ? 1 : 2);
                if (y % 9 == 8)
                {
                    return Mix(x, y);
                }
            }
            y += c1609.Message.Length;
        }
        try
        {
            var z1610 = (await Even(seed % 7) ? 1 : 2) + Twist(y);
            using var u1611 = new Marker((z1610 + z1610));
            x += u1611.Value;
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
        x = (Twist(x) % 4) switch
        {
            var g1612 when await Even(g1612 + (seed + seed)) => await ctx.Step("s1606", ct => log.Run("s1606", Mix(y, x), () => Mix(y, x) + 1)) + g1612,
            1 => y % 7,
            var g1612 when g1612 > 2 => g1612 + await ctx.Step("s1607", ct => log.Run("s1607", y, () => y + 1)),
            _ => (x + y) + 5,
        };
        var l1613 = new List<int> { (y + x) };
        l1613.Add(await F(Mix(y, y)));
        l1613.Add(await Retry(Mix(x, y)) + l1613.Count);
        y += l1613.Sum() * l1613.Count;
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

    /// <summary>A resource of a using declaration; it holds no state a resume could lose.</summary>
    private sealed class Marker(int value) : IDisposable
    {
        public int Value => value % 13;

        public void Dispose()
        {
        }
    }
}
