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
        y = Mix(y, y = await ctx.Step("s101", ct => log.Run("s101", (y + x), () => (y + x) + 1)));
        await ctx.Sleep(TimeSpan.FromHours(2));
        y = Mix(y % 7, await F(Mix(seed, seed)));
        var b101 = 0;
        again102:
        b101++;
        if (int.TryParse(((x + x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p103))
        {
            x += await ctx.Step("s102", ct => log.Run("s102", Mix(y, seed), () => Mix(y, seed) + 1));
            x += (await Even((x + y)) ? 1 : 2);
            var a104 = new int[2];
            a104[1] = await F(Twist(seed));
            a104[0] = a104[1] + await F(p103);
            x += a104[0] - a104[1];
            x += p103;
        }
        x = x % 3 == 0 || await Even((y + x)) ? await ctx.Step("s103", ct => log.Run("s103", y, () => y + 1)) : Mix(y, await F(x));
        if (b101 < 2 && Twist(x) % 2 == 0)
        {
            goto again102;
        }
        y = (await Even((seed + x)) ? 1 : 2);
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
        try
        {
            y += await Check(Twist(seed));
            try
            {
                x += (await Even((x + seed)) ? 1 : 2);
                var w201 = 0;
                while (w201 < 2)
                {
                    w201++;
                    x += await F(y);
                    (x, y) = ((await Even(seed) ? 1 : 2), Mix(x, Mix(y, x)));
                    y = Twist(x) % 2 == 0 ? (await Even(Twist(y)) ? 1 : 2) : Mix(Twist(x), await F(Mix(x, seed)));
                }
            }
            finally
            {
                x += 3;
                y += await F((y + seed));
                if (Twist(seed) % 2 == 0)
                {
                    x += await ctx.Step("s201", ct => log.Run("s201", Mix(seed, seed), () => Mix(seed, seed) + 1));
                    var z202 = await F(y) + Mix(seed, x);
                    if (Mix(x, x) is var k203 && k203 % 2 == 1)
                    {
                        y += await F(Twist(y));
                        x += k203;
                    }
                }
                else
                {
                    y += await ctx.Step("s202", ct => log.Run("s202", Twist(y), () => Twist(y) + 1));
                    x = await Even(x % 7) ? await Check(Twist(seed)) : Mix(x, await ctx.Step("s203", ct => log.Run("s203", Twist(y), () => Twist(y) + 1)));
                    (x, y) = (await F(Mix(y, y)), Mix(x, Twist(y)));
                }
                if (Mix((x + seed), (y + seed)) is var k204 && k204 % 2 == 0)
                {
                    x += await ctx.Step("s204", ct => log.Run("s204", (y + k204), () => (y + k204) + 1));
                    y += k204;
                }
            }
        }
        catch (CorpusException c207) when (c207.Message.Length % 2 == 0)
        {
            y += 100;
            for (var i205 = 0; i205 < 2 && await Even(i205 + Mix(y, x)); i205++)
            {
                y += i205;
                y += await ctx.Step("s205", ct => log.Run("s205", Mix(seed, i205), () => Mix(seed, i205) + 1));
                y += await F((y + y));
                int? n206 = Mix(y, x) % 2 == 0 ? null : (x + seed);
                y = n206 ?? await ctx.Step("s206", ct => log.Run("s206", Mix(y, y), () => Mix(y, y) + 1));
            }
            y += c207.Message.Length;
        }
        if (Mix(x % 7, Twist(seed)) is var k208 && k208 % 2 == 0)
        {
            y += await F(k208);
            y += k208;
        }
        if (int.TryParse((y % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p209))
        {
            y += await ctx.Step("s207", ct => log.Run("s207", y % 7, () => y % 7 + 1));
            try
            {
                y += await Check(y);
                y += (await Even(Mix(seed, y)) ? 1 : 2);
                y = Mix(new[] { Mix(p209, y), x }.Sum(v => v + y), await ctx.Step("s208", ct => log.Run("s208", Mix(x, x), () => Mix(x, x) + 1)));
                var z210 = await F(seed % 7) + (seed + y);
            }
            catch (CorpusException c212)
            {
                y += 100;
                y += (await Even(Mix(y, seed)) ? 1 : 2);
                var a211 = new int[2];
                a211[1] = await F(seed % 7);
                a211[0] = a211[1] + (await Even(Twist(p209)) ? 1 : 2);
                y += a211[0] - a211[1];
                x += c212.Message.Length;
                if (x % 4 == 0)
                {
                    throw;
                }
            }
            x += p209;
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
        var z301 = await F(seed % 7) + y;
        y = (z301 + y) % 3 == 0 ? await ctx.Step("s301", ct => log.Run("s301", y % 7, () => y % 7 + 1)) : z301 + 1;
        (x, y) = (await F(z301 % 7), Mix(x, seed % 7));
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
        int? n401 = y % 2 == 0 ? null : Twist(y);
        y = n401 ?? await F(Twist(x));
        y = Mix(await ctx.Step("s401", ct => log.Run("s401", y, () => y + 1)), await F(Twist(seed)));
        y = Mix(Twist(seed), await ctx.Step("s402", ct => log.Run("s402", Twist(y), () => Twist(y) + 1)));
        if (Twist(x) % 9 == 7)
        {
            return Mix(x, await F(Mix(y, y)));
        }
        var r402 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j403 => F(j403 + Twist(x))));
        x += r402.Sum();
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
        var r501 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j502 => F(j502 + seed)));
        x += r501.Sum();
        y = (Mix(seed, y) % 4) switch
        {
            var g503 when await Even(g503 + seed % 7) => await F(seed % 7) + g503,
            1 => x,
            var g503 when g503 > 2 => g503 + await F((seed + x)),
            _ => y + 5,
        };
        var s504 = $"{Mix(seed, seed)}:{await F(Twist(y))}";
        x += s504.Length;
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
        if (seed % 3 == 0)
        {
            goto skip601;
        }
        y += await F(y);
        skip601:
        x += 1;
        if (int.TryParse((seed % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p602))
        {
            y += await ctx.Step("s601", ct => log.Run("s601", p602, () => p602 + 1));
            var l603 = new List<int> { (x + y) };
            l603.Add(await F((x + y)));
            l603.Add((await Even(x % 7) ? 1 : 2) + l603.Count);
            y += l603.Sum() * l603.Count;
            y += p602;
        }
        if (y % 9 == 8)
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
    public async Task<int> Random07(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (int.TryParse((Mix(x, x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p701))
        {
            y += await F(x % 7);
            x = Mix(y, y = await ctx.Step("s701", ct => log.Run("s701", p701, () => p701 + 1)));
            x += p701;
        }
        if (Twist(y) % 9 == 7)
        {
            return Mix(x, await F((x + y)));
        }
        var l702 = new List<int> { Mix(x, seed) };
        l702.Add(await F(y));
        l702.Add(await ctx.Step("s702", ct => log.Run("s702", x, () => x + 1)) + l702.Count);
        y += l702.Sum() * l702.Count;
        (x, y) = (await F(Twist(y)), Mix(x, x % 7));
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
        var s801 = $"{seed}:{await ctx.Step("s801", ct => log.Run("s801", (x + y), () => (x + y) + 1))}";
        y += s801.Length;
        x = Mix(x, x = (await Even(x % 7) ? 1 : 2));
        x = y % 7 % 3 == 0 ? await ctx.Step("s802", ct => log.Run("s802", (seed + x), () => (seed + x) + 1)) : (seed + x) + 1;
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
            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            x += 7;
        }
        var a901 = new int[2];
        a901[1] = await ctx.Step("s901", ct => log.Run("s901", x % 7, () => x % 7 + 1));
        a901[0] = a901[1] + (await Even((y + y)) ? 1 : 2);
        x += a901[0] - a901[1];
        var w902 = 0;
        while (w902 < 2 && await Even(w902 + x))
        {
            w902++;
            var z903 = await F(y) + x % 7;
            y = (await Even((x + y)) ? 1 : 2);
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
        var z1001 = await F(seed) + (seed + seed);
        y = (z1001 % 7 % 4) switch
        {
            var g1002 when await Even(g1002 + (x + x)) => await F(Mix(x, g1002)) + g1002,
            1 => Twist(y),
            var g1002 when g1002 > 2 => g1002 + await F(Twist(seed)),
            _ => Mix(x, seed) + 5,
        };
        y = ((seed + x) % 3) switch
        {
            0 => await F(seed % 7),
            1 => (seed + x) + 2,
            _ => await F(x),
        };
        y = (Twist(y) % 3) switch
        {
            0 => await ctx.Step("s1001", ct => log.Run("s1001", x % 7, () => x % 7 + 1)),
            1 => y % 7 + 2,
            _ => await F(x),
        };
        x = (z1001 % 7 % 4) switch
        {
            var g1003 when await Even(g1003 + Mix(z1001, x)) => await F(y) + g1003,
            1 => seed % 7,
            var g1003 when g1003 > 2 => g1003 + await F(seed % 7),
            _ => (seed + seed) + 5,
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
        if (y % 7 % 9 == 7)
        {
            return Mix(x, await F(Twist(seed)));
        }
        x = (y % 4) switch
        {
            var g1101 when await Even(g1101 + seed) => await F(Mix(y, seed)) + g1101,
            1 => seed,
            var g1101 when g1101 > 2 => g1101 + await F(Twist(x)),
            _ => (seed + x) + 5,
        };
        if (Twist(x) % 9 == 8)
        {
            return Mix(x, y);
        }
        switch (Mix(y % 7, seed) % 5)
        {
            case var k1102 when k1102 > 2:
                y += await F(Twist(k1102));
                var w1103 = 0;
                while (w1103 < 2)
                {
                    w1103++;
                    y += await ctx.Step("s1101", ct => log.Run("s1101", (k1102 + y), () => (k1102 + y) + 1));
                    x = Mix(k1102, y) % 3 == 0 || await Even(Twist(y)) ? await ctx.Step("s1102", ct => log.Run("s1102", x % 7, () => x % 7 + 1)) : Mix(Twist(seed), await F(y % 7));
                }
                y += k1102;
                break;
            default:
                y = Mix(new[] { (seed + y), x }.Sum(v => v + y), await F(seed));
                x = (seed + y) % 2 == 0 && await Even(Twist(x)) ? await ctx.Step("s1103", ct => log.Run("s1103", x, () => x + 1)) : Mix(x, await ctx.Step("s1104", ct => log.Run("s1104", Twist(y), () => Twist(y) + 1)));
                break;
        }
        switch (Mix(y, Mix(y, y)) % 5)
        {
            case var k1104 when k1104 > 2:
                x += (await Even(x % 7) ? 1 : 2);
                var b1105 = 0;
                again1106:
                b1105++;
                y += (await Even(Mix(seed, seed)) ? 1 : 2);
                if (seed % 7 % 3 == 0 || await Even(Twist(x)))
                {
                    x += (await Even(Mix(x, y)) ? 1 : 2);
                    if (Mix((seed + seed), k1104 % 7) is var k1107 && k1107 % 2 == 0)
                    {
                        y += await F((seed + k1104));
                        x += k1107;
                    }
                }
                else
                {
                    x += await F(k1104);
                    if (Twist(k1104) % 3 == 0)
                    {
                        goto skip1108;
                    }
                    y = await F(x);
                    skip1108:
                    y += 1;
                    y += (await Even((x + x)) ? 1 : 2);
                }
                if (b1105 < 2 && Twist(y) % 2 == 0)
                {
                    goto again1106;
                }
                x = (y % 7 % 3) switch
                {
                    0 => (await Even((seed + k1104)) ? 1 : 2),
                    1 => Mix(seed, y) + 2,
                    _ => await F(Mix(y, seed)),
                };
                y += k1104;
                break;
            default:
                var l1109 = new List<int> { (y + y) };
                l1109.Add(await F(y));
                l1109.Add(await ctx.Step("s1105", ct => log.Run("s1105", y, () => y + 1)) + l1109.Count);
                y += l1109.Sum() * l1109.Count;
                break;
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
        try
        {
            var a1201 = new int[2];
            a1201[0] = await F(Mix(x, x));
            a1201[1] = a1201[0] + await F(y % 7);
            y += a1201[0] - a1201[1];
        }
        finally
        {
            x += 3;
            y += await F((x + x));
        }
        var t1202 = 0;
        while (true)
        {
            if (++t1202 > 2)
            {
                break;
            }
            y = ((seed + y) % 3) switch
            {
                0 => (await Even(y) ? 1 : 2),
                1 => x + 2,
                _ => await F(Mix(seed, seed)),
            };
        }
        var l1203 = new List<int> { (x + seed) };
        l1203.Add(await ctx.Step("s1201", ct => log.Run("s1201", seed, () => seed + 1)));
        l1203.Add(await F(x % 7) + l1203.Count);
        y += l1203.Sum() * l1203.Count;
        if (Mix(Mix(x, x), Mix(y, x)) is var k1204 && k1204 % 2 == 0)
        {
            y += await ctx.Step("s1202", ct => log.Run("s1202", Mix(seed, x), () => Mix(seed, x) + 1));
            y += k1204;
        }
        y = Mix(new[] { Twist(y), x }.Sum(v => v + y), await F(Twist(y)));
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
        var s1301 = $"{seed % 7}:{await ctx.Step("s1301", ct => log.Run("s1301", (x + x), () => (x + x) + 1))}";
        x += s1301.Length;
        if (x % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        x = (await Even((x + x)) ? 1 : 2);
        switch (Mix((x + y), Twist(seed)) % 5)
        {
            case var k1302 when k1302 > 2:
                y += (await Even(Twist(x)) ? 1 : 2);
                x = Mix(k1302, y) % 3 == 0 ? await F(y) : x % 7 + 1;
                x += k1302;
                break;
            default:
                x = await Even((x + y)) ? await F(Mix(x, y)) : Mix(Twist(x), await F((x + x)));
                try
                {
                    y += await Check(seed);
                    y += await F(Mix(seed, y));
                    int? n1303 = x % 7 % 2 == 0 ? null : (x + seed);
                    y = n1303 ?? await ctx.Step("s1302", ct => log.Run("s1302", y % 7, () => y % 7 + 1));
                    if (Twist(x) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                }
                catch (CorpusException c1304)
                {
                    y += 100;
                    y += (await Even((x + y)) ? 1 : 2);
                    (x, y) = (await ctx.Step("s1303", ct => log.Run("s1303", Twist(seed), () => Twist(seed) + 1)), Mix(x, Mix(y, seed)));
                    x += c1304.Message.Length;
                    if (Mix(x, x) % 4 == 0)
                    {
                        throw;
                    }
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
    public async Task<int> Random14(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (Mix((y + y), seed % 7) is var k1401 && k1401 % 2 == 0)
        {
            x += await F(seed % 7);
            x += k1401;
        }
        if (int.TryParse((seed % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1402))
        {
            x += await ctx.Step("s1401", ct => log.Run("s1401", (p1402 + x), () => (p1402 + x) + 1));
            var l1403 = new List<int> { x % 7 };
            l1403.Add(await F((seed + x)));
            l1403.Add(await F(Twist(y)) + l1403.Count);
            x += l1403.Sum() * l1403.Count;
            y += p1402;
        }
        try
        {
            y += await Check(seed);
            if ((x + y) % 2 == 0)
            {
                y += await F(Twist(y));
                x = (await Even(Twist(seed)) ? 1 : 2);
                int? n1404 = Mix(seed, seed) % 2 == 0 ? null : Twist(x);
                y = n1404 ?? await ctx.Step("s1402", ct => log.Run("s1402", x, () => x + 1));
            }
            else
            {
                x += await F(x % 7);
                var a1405 = new int[2];
                a1405[0] = await F((x + seed));
                a1405[1] = a1405[0] + await F(Twist(x));
                x += a1405[0] - a1405[1];
                var z1406 = await F((y + y)) + y % 7;
            }
        }
        catch (CorpusException c1408)
        {
            y += 100;
            if (seed % 3 == 0)
            {
                goto skip1407;
            }
            x = await F((seed + seed));
            skip1407:
            y += 1;
            await ctx.Sleep(TimeSpan.FromHours(2));
            x += c1408.Message.Length;
            if (Twist(x) % 4 == 0)
            {
                throw;
            }
        }
        var z1409 = await ctx.Step("s1403", ct => log.Run("s1403", Mix(y, y), () => Mix(y, y) + 1)) + seed % 7;
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
        y = ((y + x) % 3) switch
        {
            0 => (await Even(x % 7) ? 1 : 2),
            1 => y + 2,
            _ => (await Even(y) ? 1 : 2),
        };
        var w1501 = 0;
        while (w1501 < 2 && await Even(w1501 + x))
        {
            w1501++;
            await ctx.Sleep(TimeSpan.FromHours(2));
            try
            {
                x += (await Even((seed + x)) ? 1 : 2);
                x = Mix((x + y), await ctx.Step("s1501", ct => log.Run("s1501", x % 7, () => x % 7 + 1)));
            }
            finally
            {
                x += 3;
                y += await F(seed);
                var s1502 = $"{Mix(x, y)}:{await F((seed + y))}";
                x += s1502.Length;
            }
        }
        if (Mix(y, x) % 9 == 7)
        {
            return Mix(x, await F(Twist(x)));
        }
        var a1503 = new int[2];
        a1503[1] = await ctx.Step("s1502", ct => log.Run("s1502", (x + seed), () => (x + seed) + 1));
        a1503[0] = a1503[1] + (await Even((seed + x)) ? 1 : 2);
        y += a1503[0] - a1503[1];
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
        var l1601 = new List<int> { Mix(seed, x) };
        l1601.Add((await Even(Mix(y, seed)) ? 1 : 2));
        l1601.Add(await F(Mix(x, x)) + l1601.Count);
        y += l1601.Sum() * l1601.Count;
        x = (await Even(Twist(seed)) ? 1 : 2);
        if (seed % 9 == 7)
        {
            return Mix(x, (await Even(y % 7) ? 1 : 2));
        }
        var b1602 = 0;
        again1603:
        b1602++;
        var z1604 = await F(seed % 7) + (y + seed);
        if (b1602 < 2 && seed % 2 == 0)
        {
            goto again1603;
        }
        switch (x % 7 % 3)
        {
            case 0:
                if (Twist(y) % 3 == 0)
                {
                    goto skip1605;
                }
                x += (await Even(x) ? 1 : 2);
                skip1605:
                x += 1;
                var a1606 = new int[2];
                a1606[0] = await F((y + x));
                a1606[1] = a1606[0] + (await Even(y) ? 1 : 2);
                x += a1606[0] - a1606[1];
                if (Twist(seed) % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                if (seed % 7 % 3 == 0)
                {
                    goto skip1607;
                }
                y = await F(Mix(x, x));
                skip1607:
                y += 1;
                if (y % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                x = Mix(new[] { (x + seed), x }.Sum(v => v + y), await ctx.Step("s1601", ct => log.Run("s1601", y % 7, () => y % 7 + 1)));
                if ((y + seed) % 3 == 0)
                {
                    goto skip1608;
                }
                y = await ctx.Step("s1602", ct => log.Run("s1602", (x + y), () => (x + y) + 1));
                skip1608:
                x += 1;
                break;
        }
        return Mix(Twist(x), y);
    }

    [DurableStep]
    private Task<int> F(int n) => log.Run("F", n, () => ((n * 7) + 3) % 101);

    [DurableStep]
    private Task<bool> Even(int n) => log.Run("Even", n, () => n % 2 == 0);

    /// <summary>Fails for one number in three: a workflow catches it, or fails with it.</summary>
    [DurableStep(MaxAttempts = 1)]
    private Task<int> Check(int n) => log.Run("Check", n, () => n % 3 == 1 ? throw new CorpusException($"{n} is one more than a multiple of 3") : n + 1);

    private static int Mix(int a, int b) => ((a * 31) + b) % 1009;
}
