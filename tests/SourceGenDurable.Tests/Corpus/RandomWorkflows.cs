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
            y += await Check(Mix(x, seed));
            y = Mix(y % 7, await Check(Mix(x, seed)));
            var b101 = 0;
            again102:
            b101++;
            y += await F((x + x));
            y = Mix(y++, await F(y % 7)) + y;
            y = await F((seed + x));
            if (b101 < 2 && seed % 7 % 2 == 0)
            {
                goto again102;
            }
        }
        catch (CorpusException)
        {
            y += 100;
            var a103 = new int[3];
            a103[await Retry(seed) % 3] = await F(y);
            x += a103.Sum();
            var a104 = new[] { Mix(x, x), Mix(y, y) };
            a104[Mix(y, seed) % 2] *= await F(x);
            x += a104[0] + a104[1];
            using var u105 = new Marker(x % 7);
            x += u105.Value;
            if (Mix(y, x) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        finally
        {
            x += 3;
            if (Mix(y, seed) % 3 == 0)
            {
                goto skip106;
            }
            x = await Retry(x);
            skip106:
            x += 1;
        }
        x = (Twist(y) % 4) switch
        {
            var g107 when await Even(g107 + y) => await F((g107 + seed)) + g107,
            1 => (seed + x),
            var g107 when g107 > 2 => g107 + await F(Mix(y, seed)),
            _ => Mix(seed, seed) + 5,
        };
        x = x % 3 == 0 || await Even(Mix(seed, x)) ? await Retry(Mix(seed, y)) : Mix(y, await ctx.Step("s101", ct => log.Run("s101", y % 7, () => y % 7 + 1)));
        var r108 = await ctx.WhenAll(F(Twist(seed)), F(Mix(y, seed)));
        y = Mix(r108[0], r108[1]);
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
        var b201 = 0;
        again202:
        b201++;
        x = x % 2 == 0 && await Even(seed) ? await F((x + y)) : Mix(Twist(x), await F(y));
        if (b201 < 2 && x % 2 == 0)
        {
            goto again202;
        }
        var a203 = new int[2];
        a203[1] = (await Even(Mix(x, y)) ? 1 : 2);
        a203[0] = a203[1] + await Retry(x % 7);
        x += a203[0] - a203[1];
        await ctx.Sleep(TimeSpan.FromHours(1));
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
        if (Twist(y) % 9 == 8)
        {
            return Mix(x, y);
        }
        if (seed % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        var w301 = 0;
        while (w301 < 2 && await Even(w301 + x))
        {
            w301++;
            try
            {
                y += await F(x % 7);
                var b302 = 0;
                again303:
                b302++;
                x += await F((y + seed));
                int? n304 = x % 7 % 2 == 0 ? null : Twist(y);
                y = n304 ?? await F(x % 7);
                if (b302 < 2 && x % 2 == 0)
                {
                    goto again303;
                }
                x = Mix(seed % 7, await F(Twist(seed)));
            }
            finally
            {
                x += 3;
                x += await F((x + y));
                (x, y) = (await Retry(x), Mix(x, (seed + seed)));
                var t305 = 0;
                while (true)
                {
                    if (++t305 > 2)
                    {
                        break;
                    }
                    x += await Retry((x + x));
                    if (y % 7 % 4 == 1)
                    {
                        continue;
                    }
                }
            }
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
        x = ((y + y) % 3) switch
        {
            0 => await F(y % 7),
            1 => Twist(seed) + 2,
            _ => await ctx.Step("s401", ct => log.Run("s401", seed, () => seed + 1)),
        };
        x = Mix(await Retry((y + x)), await F((y + y)));
        if (Mix(Mix(y, seed), seed % 7) is var k401 && k401 % 2 == 1)
        {
            x += await F(Mix(seed, k401));
            x += k401;
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
        x += await F(seed);
        if (Mix(seed % 7, Twist(seed)) is var k501 && k501 % 2 == 0)
        {
            y += await ctx.Step("s501", ct => log.Run("s501", y, () => y + 1));
            y += k501;
        }
        for (var i502 = 0; i502 < 2 && await Even(i502 + Mix(seed, seed)); i502++)
        {
            y += i502;
            if (Twist(x) % 4 == 1)
            {
                continue;
            }
            using var u503 = new Marker(x % 7);
            x += u503.Value;
        }
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
        if (int.TryParse((y % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p601))
        {
            x += await F(Twist(x));
            var s602 = $"{y % 7}:{await F(x % 7)}";
            x += s602.Length;
            x += p601;
        }
        (x, y) = (await F(Twist(seed)), Mix(x, y % 7));
        var a603 = new int[2];
        a603[1] = await F(Twist(seed));
        a603[0] = a603[1] + await F(Mix(seed, y));
        y += a603[0] - a603[1];
        try
        {
            y += await Check(seed);
            if (Mix(x, x) % 5 == 0)
            {
                throw new CorpusException($"thrown at {(y + x)}");
            }
        }
        catch (CorpusException c611)
        {
            y += 100;
            try
            {
                y += await F(Mix(seed, y));
                try
                {
                    y += await Check(Twist(seed));
                    y += await ctx.Step("s601", ct => log.Run("s601", Twist(x), () => Twist(x) + 1));
                    var c604 = (y + y) % 2 == 0 ? null : new List<int> { Twist(y) };
                    y += c604?.Append(await Check(Mix(seed, y))).Sum() ?? Mix(y, y);
                    var s605 = $"{(x + seed)}:{await ctx.Step("s602", ct => log.Run("s602", Mix(y, x), () => Mix(y, x) + 1))}";
                    y += s605.Length;
                }
                catch (CorpusException c609)
                {
                    y += 100;
                    x += await F(Mix(seed, seed));
                    var c606 = seed % 7 % 2 == 0 ? null : new List<int> { (seed + y) };
                    y += c606?.Append(await ctx.Step("s603", ct => log.Run("s603", seed, () => seed + 1))).Sum() ?? Mix(y, seed);
                    x = (Mix(seed, x) % 4) switch
                    {
                        var g607 when await Even(g607 + (x + seed)) => await ctx.Step("s604", ct => log.Run("s604", (x + y), () => (x + y) + 1)) + g607,
                        1 => (seed + x),
                        var g607 when g607 > 2 => g607 + await F(Mix(y, x)),
                        _ => Mix(y, seed) + 5,
                    };
                    using var u608 = new Marker((x + y));
                    y += u608.Value;
                    x += c609.Message.Length;
                    if (Mix(y, y) % 4 == 0)
                    {
                        throw;
                    }
                }
            }
            finally
            {
                x += 3;
                x += await Retry(Twist(x));
                if (int.TryParse((y % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p610))
                {
                    x += await F(Twist(x));
                    y += (await Even(Mix(y, p610)) ? 1 : 2);
                    y = (seed % 3) switch
                    {
                        0 => (await Even((seed + seed)) ? 1 : 2),
                        1 => y % 7 + 2,
                        _ => (await Even(Mix(seed, y)) ? 1 : 2),
                    };
                    x += p610;
                }
                (x, y) = ((await Even(Mix(y, x)) ? 1 : 2), Mix(x, Mix(x, seed)));
            }
            x += c611.Message.Length;
            if (Twist(seed) % 4 == 0)
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
    public async Task<int> Random07(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = (await Even(Twist(x)) ? 1 : 2);
        var a701 = new[] { x % 7, Twist(seed) };
        a701[seed % 2] += await ctx.Step("s701", ct => log.Run("s701", seed % 7, () => seed % 7 + 1));
        x += a701[0] + a701[1];
        var s702 = $"{x % 7}:{(await Even(seed) ? 1 : 2)}";
        y += s702.Length;
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
        if (await ctx.Step("s801", ct => log.Run("s801", y, () => y + 1)) is var k801 && k801 % 2 == 1)
        {
            x += await F(Twist(x)) + k801;
        }
        if (y % 7 % 3 == 0)
        {
            goto skip802;
        }
        x = await F(y);
        skip802:
        x += 1;
        try
        {
            y += await Check((seed + y));
            y = Mix(await Retry((x + seed)), await F(y));
        }
        catch (CorpusException)
        {
            y += 100;
            var z803 = await F(Twist(x)) + (x + seed);
        }
        finally
        {
            x += 3;
            switch (await Retry(y % 7) % 3)
            {
                case 0:
                    x += (await Even(Twist(x)) ? 1 : 2);
                    y = Mix(y, y = await F(seed % 7));
                    break;
                case 1:
                    x += await F(y);
                    var l804 = new List<int> { (x + y) };
                    l804.Add((await Even(seed % 7) ? 1 : 2));
                    l804.Add(await F(Mix(seed, y)) + l804.Count);
                    x += l804.Sum() * l804.Count;
                    break;
                default:
                    x += (await Even(Mix(seed, y)) ? 1 : 2);
                    switch (Twist(x) % 3)
                    {
                        case 0:
                            x += await F(seed);
                            var a805 = new[] { x, (x + x) };
                            a805[x % 7 % 2] *= await F(Twist(y));
                            y += a805[0] + a805[1];
                            x = Mix(await ctx.Step("s802", ct => log.Run("s802", Twist(x), () => Twist(x) + 1)), await F(Twist(y)));
                            break;
                        case 1:
                            x += (await Even(seed % 7) ? 1 : 2);
                            if (int.TryParse(((seed + seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p806))
                            {
                                x += await ctx.Step("s803", ct => log.Run("s803", Mix(seed, seed), () => Mix(seed, seed) + 1));
                                y += await Retry(Twist(y));
                                int? n807 = p806 % 2 == 0 ? null : Mix(seed, x);
                                n807 ??= await F(seed % 7);
                                x += n807.Value;
                                using var u808 = new Marker(Twist(y));
                                x += u808.Value;
                                y += p806;
                            }
                            if ((seed + y) % 2 == 0)
                            {
                                goto default;
                            }
                            break;
                        default:
                            y += (await Even(y % 7) ? 1 : 2);
                            y = Mix((x + seed), await ctx.Step("s804", ct => log.Run("s804", Twist(x), () => Twist(x) + 1)));
                            break;
                    }
                    break;
            }
            y = ((x + y) % 3) switch
            {
                0 => await Retry(y),
                1 => seed % 7 + 2,
                _ => (await Even((y + seed)) ? 1 : 2),
            };
        }
        for (var i809 = 0; i809 < 2; i809++)
        {
            y += i809;
            y = Mix(y++, await F(Twist(seed))) + y;
            x = (Mix(y, y) % 3) switch
            {
                0 => (await Even(x) ? 1 : 2),
                1 => y % 7 + 2,
                _ => await ctx.Step("s805", ct => log.Run("s805", Mix(y, y), () => Mix(y, y) + 1)),
            };
        }
        var c810 = Mix(x, x) % 2 == 0 ? null : new List<int> { Mix(y, seed) };
        x += c810?.Append(await F(y)).Sum() ?? y;
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
        if (int.TryParse((y % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p901))
        {
            y += await ctx.Step("s901", ct => log.Run("s901", y % 7, () => y % 7 + 1));
            x = y % 2 == 0 ? (await Even(Mix(seed, p901)) ? await ctx.Step("s902", ct => log.Run("s902", Twist(p901), () => Twist(p901) + 1)) : p901 % 7) : (await Even(y % 7) ? 1 : 2);
            x += p901;
        }
        var z902 = await F(y % 7) + (y + seed);
        if (y % 9 == 7)
        {
            return Mix(x, await Retry(Twist(seed)));
        }
        if (await Retry(Mix(y, seed)) is var k903 && k903 % 2 == 1)
        {
            x += await ctx.Step("s903", ct => log.Run("s903", Twist(seed), () => Twist(seed) + 1)) + k903;
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
        await ctx.Sleep(TimeSpan.FromHours(2));
        var t1001 = 0;
        while (true)
        {
            if (++t1001 > 2)
            {
                break;
            }
            var c1002 = y % 2 == 0 ? null : new List<int> { x };
            y += c1002?.Append(await F(Mix(y, seed))).Sum() ?? Mix(x, seed);
            if ((y + seed) % 4 == 3)
            {
                break;
            }
        }
        for (var i1003 = 0; i1003 < 2 && await Even(i1003 + Mix(seed, x)); i1003++)
        {
            y += i1003;
            var a1004 = new[] { x % 7, y };
            a1004[(x + y) % 2] -= await ctx.Step("s1001", ct => log.Run("s1001", i1003 % 7, () => i1003 % 7 + 1));
            y += a1004[0] + a1004[1];
            using var u1005 = new Marker(y % 7);
            y += u1005.Value;
            if ((i1003 + seed) % 3 == 2)
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
    public async Task<int> Random11(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        y = Mix(y++, await F(seed)) + y;
        try
        {
            y += await Check((x + y));
            (x, y) = (await Check(seed % 7), Mix(x, Twist(x)));
            var d1101 = 0;
            do
            {
                d1101++;
                x += (await Even(Twist(seed)) ? 1 : 2);
                y = (Mix(seed, y) % 4) switch
                {
                    var g1102 when await Even(g1102 + x) => await Retry(y % 7) + g1102,
                    1 => y,
                    var g1102 when g1102 > 2 => g1102 + await Check(Mix(seed, y)),
                    _ => y % 7 + 5,
                };
                x = (await Even(x) ? 1 : 2);
                using var u1103 = new Marker((y + seed));
                x += u1103.Value;
            }
            while (d1101 < 2);
            using var u1104 = new Marker((seed + x));
            x += u1104.Value;
        }
        catch (CorpusException c1107)
        {
            y += 100;
            var t1105 = 0;
            while (true)
            {
                if (++t1105 > 2)
                {
                    break;
                }
                x += await ctx.Step("s1101", ct => log.Run("s1101", (x + y), () => (x + y) + 1));
                try
                {
                    x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    x += 7;
                }
                y = Mix(await Retry(Mix(seed, seed)), await F(Mix(x, x)));
                using var u1106 = new Marker(x % 7);
                x += u1106.Value;
                if (seed % 3 == 2)
                {
                    continue;
                }
            }
            x += c1107.Message.Length;
            if ((seed + x) % 4 == 0)
            {
                throw;
            }
        }
        var a1108 = new[] { seed % 7, x };
        a1108[Mix(seed, y) % 2] += (await Even(seed) ? 1 : 2);
        y += a1108[0] + a1108[1];
        switch (Mix(Twist(y), x % 7) % 5)
        {
            case var k1109 when k1109 > 2:
                y += await Retry((y + k1109));
                await ctx.Sleep(TimeSpan.FromHours(2));
                x += k1109;
                break;
            default:
                var l1110 = new List<int> { Mix(x, x) };
                l1110.Add(await F(Mix(y, x)));
                l1110.Add(await F(y % 7) + l1110.Count);
                y += l1110.Sum() * l1110.Count;
                if (seed % 9 == 7)
                {
                    return Mix(x, await F(y % 7));
                }
                break;
        }
        int Local0(int v) => Mix(v, x % 7);
        x += Local0(await ctx.Step("s1102", ct => log.Run("s1102", (seed + y), () => (seed + y) + 1)));
        x += Local0(y);
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
        var b1201 = 0;
        again1202:
        b1201++;
        if (int.TryParse(((seed + seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1203))
        {
            y += await Retry(x % 7);
            x += await ctx.Step("s1201", ct => log.Run("s1201", p1203 % 7, () => p1203 % 7 + 1));
            var z1204 = await F(p1203 % 7) + seed;
            y += p1203;
        }
        try
        {
            y += await Check(Mix(seed, seed));
            y += await ctx.Step("s1202", ct => log.Run("s1202", (y + x), () => (y + x) + 1));
            if (y % 3 == 0)
            {
                goto skip1205;
            }
            y = await Retry(seed % 7);
            skip1205:
            x += 1;
            if (seed % 2 == 0 && await Even((x + x)))
            {
                y += await Retry((x + y));
                if (Mix(y, y) % 9 == 7)
                {
                    return Mix(x, await F(x));
                }
            }
        }
        catch (CorpusException)
        {
            y += 100;
            y += await Retry(Twist(x));
            y = seed % 7 % 2 == 0 ? (await Even((x + x)) ? await F((y + x)) : x) : await Retry(y);
        }
        if (b1201 < 2 && Mix(x, y) % 2 == 0)
        {
            goto again1202;
        }
        if (Twist(seed) % 3 == 0 || await Even(y % 7))
        {
            int? n1206 = seed % 2 == 0 ? null : seed % 7;
            x = n1206 ?? (await Even(Twist(seed)) ? 1 : 2);
            x = await Retry(y % 7);
        }
        else
        {
            x = Twist(seed) % 3 == 0 ? await F(Twist(seed)) : Twist(seed) + 1;
            var a1207 = new int[3];
            a1207[await ctx.Step("s1203", ct => log.Run("s1203", Twist(y), () => Twist(y) + 1)) % 3] = await Retry(Twist(x));
            x += a1207.Sum();
        }
        y = Mix(y++, (await Even(seed) ? 1 : 2)) + y;
        x = Mix(Twist(seed), await F(Twist(x)));
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
        var c1301 = seed % 2 == 0 ? null : new List<int> { Twist(x) };
        x += c1301?.Append(await F(Mix(seed, y))).Sum() ?? Mix(seed, y);
        var a1302 = new int[2];
        a1302[1] = await F(x % 7);
        a1302[0] = a1302[1] + (await Even(x) ? 1 : 2);
        x += a1302[0] - a1302[1];
        int Local0(int v) => Mix(v, x);
        y += Local0(await F(Twist(y)));
        y += Local0(y);
        var r1303 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j1304 => F(j1304 + Mix(seed, seed))));
        x += r1303.Sum();
        x = Mix(Mix(y, seed), await F(y));
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
        x = Mix(y % 7, (await Even(Mix(y, x)) ? 1 : 2));
        var l1401 = new List<int> { (x + x) };
        l1401.Add(await F(seed));
        l1401.Add(await F(Twist(seed)) + l1401.Count);
        y += l1401.Sum() * l1401.Count;
        x = await F(Mix(y % 7, await ctx.Step("s1401", ct => log.Run("s1401", (y + y), () => (y + y) + 1))));
        y = Mix(y, (await Even(Mix(x, x)) ? 1 : 2));
        var z1402 = await ctx.Step("s1402", ct => log.Run("s1402", y, () => y + 1)) + (y + seed);
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
        if (int.TryParse((x % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1501))
        {
            y += await Retry(seed);
            x = (await Even(Mix(y, x)) ? 1 : 2);
            x += p1501;
        }
        int? n1502 = x % 2 == 0 ? null : y % 7;
        y = n1502 ?? await Retry((y + y));
        if (x % 7 % 9 == 7)
        {
            return Mix(x, await F(seed % 7));
        }
        switch (Mix(seed, seed) % 3)
        {
            case 0:
                var a1503 = new[] { (x + seed), y };
                a1503[seed % 7 % 2] *= await F((seed + y));
                y += a1503[0] + a1503[1];
                if (Twist(y) % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                if (Twist(seed) % 3 == 0)
                {
                    goto skip1504;
                }
                x = (await Even(x) ? 1 : 2);
                skip1504:
                y += 1;
                break;
            default:
                var t1505 = 0;
                while (true)
                {
                    if (++t1505 > 2)
                    {
                        break;
                    }
                    y += await F(y);
                    y = Mix(y++, await F(Twist(seed))) + y;
                    var l1506 = new List<int> { y };
                    l1506.Add(await Retry(Twist(seed)));
                    l1506.Add(await ctx.Step("s1501", ct => log.Run("s1501", (x + y), () => (x + y) + 1)) + l1506.Count);
                    y += l1506.Sum() * l1506.Count;
                    using var u1507 = new Marker(seed % 7);
                    x += u1507.Value;
                }
                try
                {
                    x += await Retry(Twist(x));
                    int Local2(int v) => Mix(v, y % 7);
                    y += Local2(await ctx.Step("s1502", ct => log.Run("s1502", x, () => x + 1)));
                    x += Local2(y);
                    using var u1508 = new Marker(x);
                    y += u1508.Value;
                }
                finally
                {
                    x += 3;
                    x += await ctx.Step("s1503", ct => log.Run("s1503", (seed + seed), () => (seed + seed) + 1));
                    y = await ctx.Step("s1504", ct => log.Run("s1504", Twist(x), () => Twist(x) + 1));
                    await ctx.Sleep(TimeSpan.FromHours(2));
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
    public async Task<int> Random16(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        int Local0(int v) => Mix(v, x);
        y += Local0(await ctx.Step("s1601", ct => log.Run("s1601", Mix(seed, y), () => Mix(seed, y) + 1)));
        x += Local0(y);
        if (await Even((x + y)))
        {
            var b1601 = 0;
            again1602:
            b1601++;
            x += (await Even((seed + seed)) ? 1 : 2);
            y = await F(Mix(y, (await Even(y) ? 1 : 2)));
            if (b1601 < 2 && (x + seed) % 2 == 0)
            {
                goto again1602;
            }
            using var u1603 = new Marker(y % 7);
            x += u1603.Value;
            if (Mix(y, y) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        else
        {
            y = (y + seed) % 2 == 0 ? (await Even(Twist(seed)) ? (await Even(Mix(x, x)) ? 1 : 2) : seed) : await F(Mix(x, y));
            if (seed % 9 == 7)
            {
                return Mix(x, await Retry(seed));
            }
        }
        var c1604 = (seed + x) % 2 == 0 ? null : new List<int> { x };
        x += c1604?.Append((await Even((y + y)) ? 1 : 2)).Sum() ?? seed;
        if (await F(y % 7) is var k1605 && k1605 % 2 == 1)
        {
            y += (await Even((y + x)) ? 1 : 2) + k1605;
        }
        x = await F(Mix(seed, await Retry(Mix(x, x))));
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
