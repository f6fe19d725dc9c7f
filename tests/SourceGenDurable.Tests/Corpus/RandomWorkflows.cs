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
            foreach (var e103 in new[] { Mix(x, seed), await Retry(Mix(x, x)) })
            {
                x += e103;
                x += await Retry(Twist(seed));
                var a104 = new int[2];
                a104[1] = await Check((x + e103));
                a104[0] = a104[1] + await F(x);
                y += a104[0] - a104[1];
                using var u105 = new Marker(Mix(seed, e103));
                y += u105.Value;
                if (y % 3 == 2)
                {
                    return Mix(x, y);
                }
            }
            if (y % 7 % 3 == 0)
            {
                goto skip106;
            }
            x = await ctx.Step("s101", ct => log.Run("s101", x, () => x + 1));
            skip106:
            x += 1;
            if (b101 < 2 && y % 2 == 0)
            {
                goto again102;
            }
            using var u107 = new Marker(x);
            x += u107.Value;
        }
        catch (CorpusException c108) when (c108.Message.Length % 2 == 0)
        {
            y += 100;
            y = Mix(new[] { (seed + x), x }.Sum(v => v + y), (await Even(Mix(x, seed)) ? 1 : 2));
            y += c108.Message.Length;
        }
        finally
        {
            x += 3;
            var b109 = 0;
            again110:
            b109++;
            y += await Retry(x);
            try
            {
                y += await Retry(Mix(seed, seed));
                (x, y) = (await F(Twist(seed)), Mix(x, (seed + x)));
                x = (await Even(seed) ? 1 : 2);
                using var u111 = new Marker(Mix(seed, x));
                y += u111.Value;
            }
            finally
            {
                x += 3;
                y += await ctx.Step("s102", ct => log.Run("s102", x % 7, () => x % 7 + 1));
                int? n112 = Twist(y) % 2 == 0 ? null : seed % 7;
                y = n112 ?? (await Even(Twist(y)) ? 1 : 2);
                x = Mix(y, await Retry(Twist(seed)));
            }
            if (b109 < 2 && x % 2 == 0)
            {
                goto again110;
            }
            using var u113 = new Marker(x % 7);
            x += u113.Value;
        }
        var w114 = 0;
        while (w114 < 2 && await Even(w114 + x))
        {
            w114++;
            if ((y + seed) % 9 == 8)
            {
                return Mix(x, y);
            }
        }
        int? n115 = seed % 2 == 0 ? null : x;
        y = n115 ?? (await Even(Mix(x, y)) ? 1 : 2);
        var l116 = new List<int> { x % 7 };
        l116.Add(await F(y));
        l116.Add(await F(Mix(x, seed)) + l116.Count);
        x += l116.Sum() * l116.Count;
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
        y = Mix(await ctx.Step("s201", ct => log.Run("s201", (seed + seed), () => (seed + seed) + 1)), await Retry(Twist(seed)));
        var t201 = 0;
        while (true)
        {
            if (++t201 > 2)
            {
                break;
            }
            try
            {
                y += await F(x % 7);
                var b202 = 0;
                again203:
                b202++;
                x += await F((y + seed));
                if (x % 9 == 7)
                {
                    return Mix(x, await ctx.Step("s202", ct => log.Run("s202", seed % 7, () => seed % 7 + 1)));
                }
                if (b202 < 2 && Mix(y, x) % 2 == 0)
                {
                    goto again203;
                }
                x = Mix(y, y = await F(x));
            }
            finally
            {
                x += 3;
                x += await ctx.Step("s203", ct => log.Run("s203", (y + x), () => (y + x) + 1));
                x = await ctx.Step("s204", ct => log.Run("s204", Twist(y), () => Twist(y) + 1));
                using var u204 = new Marker((seed + seed));
                x += u204.Value;
            }
            using var u205 = new Marker(seed);
            x += u205.Value;
        }
        if (Twist(y) % 2 == 0 && await Even((x + seed)))
        {
            var l206 = new List<int> { x % 7 };
            l206.Add(await F((y + seed)));
            l206.Add((await Even((seed + x)) ? 1 : 2) + l206.Count);
            x += l206.Sum() * l206.Count;
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
        if ((x + x) % 9 == 8)
        {
            return Mix(x, y);
        }
        await ctx.Sleep(TimeSpan.FromHours(1));
        if ((x + y) % 9 == 7)
        {
            return Mix(x, (await Even(seed % 7) ? 1 : 2));
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
        y = (seed % 4) switch
        {
            var g401 when await Even(g401 + Twist(seed)) => await F(Mix(x, g401)) + g401,
            1 => (y + y),
            var g401 when g401 > 2 => g401 + await F(seed),
            _ => Twist(seed) + 5,
        };
        if ((seed + x) % 9 == 7)
        {
            return Mix(x, await Retry(Mix(x, seed)));
        }
        try
        {
            y += await Check(seed);
            x = (x % 7 % 3) switch
            {
                0 => await F(Twist(y)),
                1 => (y + x) + 2,
                _ => await ctx.Step("s401", ct => log.Run("s401", Twist(x), () => Twist(x) + 1)),
            };
        }
        catch (CorpusException)
        {
            y += 100;
            var a402 = new int[2];
            a402[0] = await F(seed);
            a402[1] = a402[0] + await F(Twist(y));
            x += a402[0] - a402[1];
            try
            {
                y += await Check((seed + seed));
                y += await Retry(Mix(y, y));
                var d403 = 0;
                do
                {
                    d403++;
                    y += (await Even(x % 7) ? 1 : 2);
                    var a404 = new int[2];
                    a404[0] = await F(y % 7);
                    a404[1] = a404[0] + await Check((y + seed));
                    x += a404[0] - a404[1];
                }
                while (d403 < 2 && await Even(d403 + y));
            }
            catch (CorpusException c406) when (c406.Message.Length % 2 == 0)
            {
                y += 100;
                y += await ctx.Step("s402", ct => log.Run("s402", (seed + y), () => (seed + y) + 1));
                y = (await Even(y % 7) ? 1 : 2);
                using var u405 = new Marker(y);
                x += u405.Value;
                if (Twist(x) % 3 == 2)
                {
                    return Mix(x, y);
                }
                y += c406.Message.Length;
            }
            finally
            {
                x += 3;
                y += await Retry(y);
                foreach (var e407 in new[] { Mix(x, y), Twist(seed) })
                {
                    x += e407;
                    y += await ctx.Step("s403", ct => log.Run("s403", Mix(e407, x), () => Mix(e407, x) + 1));
                    if (e407 % 3 == 0)
                    {
                        goto skip408;
                    }
                    x = await F(Mix(y, y));
                    skip408:
                    x += 1;
                    var z409 = await ctx.Step("s404", ct => log.Run("s404", seed % 7, () => seed % 7 + 1)) + (e407 + e407);
                    using var u410 = new Marker((e407 + seed));
                    y += u410.Value;
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
    public async Task<int> Random05(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p501))
        {
            x += await F(p501 % 7);
            var r502 = await ctx.WhenAll(F(seed), F(Twist(y)));
            x = Mix(r502[0], r502[1]);
            y += p501;
        }
        var w503 = 0;
        while (w503 < 2)
        {
            w503++;
            y = Mix(new[] { x % 7, x }.Sum(v => v + y), (await Even(Twist(y)) ? 1 : 2));
            using var u504 = new Marker(Twist(x));
            x += u504.Value;
        }
        var r505 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j506 => F(j506 + seed)));
        x += r505.Sum();
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
        y = (Mix(seed, y) % 4) switch
        {
            var g601 when await Even(g601 + seed % 7) => await F(seed % 7) + g601,
            1 => x,
            var g601 when g601 > 2 => g601 + await Retry((seed + seed)),
            _ => x + 5,
        };
        x = (Twist(y) % 4) switch
        {
            var g602 when await Even(g602 + Mix(seed, seed)) => await F(Twist(g602)) + g602,
            1 => seed,
            var g602 when g602 > 2 => g602 + await F((seed + y)),
            _ => Twist(y) + 5,
        };
        var w603 = 0;
        while (w603 < 2 && await Even(w603 + x))
        {
            w603++;
            y = Mix(seed % 7, (await Even(Mix(y, x)) ? 1 : 2));
            using var u604 = new Marker((x + x));
            x += u604.Value;
        }
        var l605 = new List<int> { (seed + seed) };
        l605.Add((await Even(seed) ? 1 : 2));
        l605.Add(await ctx.Step("s601", ct => log.Run("s601", Twist(y), () => Twist(y) + 1)) + l605.Count);
        y += l605.Sum() * l605.Count;
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
        for (var i701 = 0; i701 < 2; i701++)
        {
            y += i701;
            int? n702 = Mix(seed, x) % 2 == 0 ? null : (i701 + i701);
            x = n702 ?? await ctx.Step("s701", ct => log.Run("s701", seed % 7, () => seed % 7 + 1));
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
        y = (Mix(x, x) % 4) switch
        {
            var g703 when await Even(g703 + Mix(y, y)) => await Retry(y % 7) + g703,
            1 => (x + seed),
            var g703 when g703 > 2 => g703 + await F(y % 7),
            _ => (seed + x) + 5,
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
        if (seed % 2 == 0 && await Even(seed))
        {
            y = await Retry((y + y));
            if (Mix(seed, x) % 3 == 0)
            {
                goto skip801;
            }
            y += await F(x);
            skip801:
            y += 1;
        }
        x = Mix(x, x = await ctx.Step("s801", ct => log.Run("s801", Mix(x, y), () => Mix(x, y) + 1)));
        for (var i802 = 0; i802 < 2; i802++)
        {
            y += i802;
            x = Mix((i802 + x), await F(i802));
            if (Twist(i802) % 4 == 3)
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
    public async Task<int> Random09(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        int? n901 = Twist(x) % 2 == 0 ? null : (x + seed);
        y = n901 ?? await F(Twist(y));
        if (x % 7 % 9 == 7)
        {
            return Mix(x, await F(y));
        }
        if (x % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        var l902 = new List<int> { Twist(seed) };
        l902.Add((await Even(y % 7) ? 1 : 2));
        l902.Add(await Retry(seed) + l902.Count);
        x += l902.Sum() * l902.Count;
        var w903 = 0;
        while (w903 < 2)
        {
            w903++;
            y = (x % 7 % 3) switch
            {
                0 => (await Even(x) ? 1 : 2),
                1 => Mix(seed, x) + 2,
                _ => await Retry(x % 7),
            };
            y = (x % 4) switch
            {
                var g904 when await Even(g904 + Twist(x)) => await F(Mix(x, seed)) + g904,
                1 => Twist(seed),
                var g904 when g904 > 2 => g904 + await ctx.Step("s901", ct => log.Run("s901", seed % 7, () => seed % 7 + 1)),
                _ => Twist(seed) + 5,
            };
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
        x = Mix(x, y) % 3 == 0 ? await ctx.Step("s1001", ct => log.Run("s1001", (x + seed), () => (x + seed) + 1)) : Mix(seed, y) + 1;
        switch (Mix(Mix(y, x), Mix(y, seed)) % 5)
        {
            case var k1001 when k1001 > 2:
                x += await F(seed);
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                y += k1001;
                break;
            default:
                y = await F(y % 7);
                break;
        }
        y = (seed % 7 % 3) switch
        {
            0 => await Retry(Twist(seed)),
            1 => Twist(y) + 2,
            _ => await ctx.Step("s1002", ct => log.Run("s1002", seed, () => seed + 1)),
        };
        try
        {
            y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            y += 7;
        }
        if (Mix(y, y) % 2 == 0)
        {
            x = Mix(y % 7, await Retry((y + x)));
            var s1002 = $"{(x + x)}:{await F(seed)}";
            x += s1002.Length;
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
        if (int.TryParse((y % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1101))
        {
            x += await F(Mix(y, x));
            if (p1101 % 3 == 0)
            {
                goto skip1102;
            }
            x += await F(x % 7);
            skip1102:
            y += 1;
            using var u1103 = new Marker(Mix(p1101, x));
            x += u1103.Value;
            if (Twist(seed) % 3 == 2)
            {
                return Mix(x, y);
            }
            x += p1101;
        }
        y = Mix(await Retry(seed % 7), await Retry(Twist(seed)));
        y = await Retry(y % 7);
        y = Mix(await ctx.Step("s1101", ct => log.Run("s1101", (x + x), () => (x + x) + 1)), await F(x));
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
        x = (await Even((x + x)) ? 1 : 2);
        switch (Mix(Mix(y, y), Mix(x, seed)) % 5)
        {
            case var k1201 when k1201 > 2:
                y += (await Even(Twist(x)) ? 1 : 2);
                x = Mix(k1201, y) % 3 == 0 ? await Retry((y + x)) : x % 7 + 1;
                x += k1201;
                break;
            default:
                x = await Even((x + y)) ? await F(Mix(x, y)) : Mix(Twist(x), await F((x + x)));
                try
                {
                    y += await Check(seed);
                    y += await F(Mix(seed, y));
                    int? n1202 = x % 7 % 2 == 0 ? null : (x + seed);
                    y = n1202 ?? await ctx.Step("s1201", ct => log.Run("s1201", y % 7, () => y % 7 + 1));
                    if (Twist(x) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                }
                catch (CorpusException c1205)
                {
                    y += 100;
                    y += await F((seed + y));
                    (x, y) = (await ctx.Step("s1202", ct => log.Run("s1202", Twist(seed), () => Twist(seed) + 1)), Mix(x, Mix(y, seed)));
                    var r1203 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j1204 => F(j1204 + x)));
                    x += r1203.Sum();
                    x += c1205.Message.Length;
                    if (Twist(seed) % 4 == 0)
                    {
                        throw;
                    }
                }
                break;
        }
        var d1206 = 0;
        do
        {
            d1206++;
            try
            {
                y += await ctx.Step("s1203", ct => log.Run("s1203", x, () => x + 1));
                int? n1207 = seed % 2 == 0 ? null : (seed + y);
                y = n1207 ?? await F(Twist(seed));
                using var u1208 = new Marker(seed % 7);
                y += u1208.Value;
            }
            finally
            {
                x += 3;
                x += await F((seed + x));
                if (await Even(Twist(x)))
                {
                    x += await F(seed);
                    y = await ctx.Step("s1204", ct => log.Run("s1204", (seed + y), () => (seed + y) + 1));
                    var a1209 = new int[2];
                    a1209[1] = await F(seed);
                    a1209[0] = a1209[1] + (await Even(Twist(seed)) ? 1 : 2);
                    y += a1209[0] - a1209[1];
                }
                var b1210 = 0;
                again1211:
                b1210++;
                y += await F(Mix(x, y));
                x = await F(y);
                x = Mix(new[] { (x + x), x }.Sum(v => v + y), await Retry(x));
                if (b1210 < 2 && seed % 2 == 0)
                {
                    goto again1211;
                }
                using var u1212 = new Marker(seed);
                x += u1212.Value;
            }
        }
        while (d1206 < 2 && await Even(d1206 + y));
        if (x % 2 == 0 && await Even((seed + seed)))
        {
            var a1213 = new int[2];
            a1213[0] = await ctx.Step("s1205", ct => log.Run("s1205", Mix(y, y), () => Mix(y, y) + 1));
            a1213[1] = a1213[0] + await ctx.Step("s1206", ct => log.Run("s1206", y % 7, () => y % 7 + 1));
            y += a1213[0] - a1213[1];
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
        await ctx.Sleep(TimeSpan.FromHours(1));
        var w1301 = 0;
        while (w1301 < 2 && await Even(w1301 + x))
        {
            w1301++;
            y = Mix(y, await ctx.Step("s1301", ct => log.Run("s1301", (seed + y), () => (seed + y) + 1)));
            await ctx.Sleep(TimeSpan.FromHours(2));
        }
        x += (await Even((seed + x)) ? 1 : 2);
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
        x = Mix(Mix(x, y), await F(y % 7));
        if ((y + seed) % 9 == 8)
        {
            return Mix(x, y);
        }
        y = Mix(x, y) % 3 == 0 ? await F((seed + y)) : Twist(x) + 1;
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
        if ((seed + x) % 2 == 0)
        {
            y = ((y + y) % 4) switch
            {
                var g1501 when await Even(g1501 + seed) => (await Even(Mix(y, g1501)) ? 1 : 2) + g1501,
                1 => (y + seed),
                var g1501 when g1501 > 2 => g1501 + await Retry(y % 7),
                _ => Twist(y) + 5,
            };
            var a1502 = new int[2];
            a1502[0] = await F((seed + seed));
            a1502[1] = a1502[0] + await F(seed);
            y += a1502[0] - a1502[1];
            using var u1503 = new Marker((seed + seed));
            x += u1503.Value;
        }
        else
        {
            switch (Mix(y % 7, Mix(seed, seed)) % 5)
            {
                case var k1504 when k1504 > 2:
                    x += await Retry(y % 7);
                    y += await F((k1504 + k1504));
                    var b1505 = 0;
                    again1506:
                    b1505++;
                    x += (await Even(Mix(k1504, k1504)) ? 1 : 2);
                    (x, y) = (await ctx.Step("s1501", ct => log.Run("s1501", y, () => y + 1)), Mix(x, y));
                    if (b1505 < 2 && Mix(k1504, k1504) % 2 == 0)
                    {
                        goto again1506;
                    }
                    y += k1504;
                    break;
                default:
                    x += await Retry(Mix(seed, seed));
                    var t1507 = 0;
                    while (true)
                    {
                        if (++t1507 > 2)
                        {
                            break;
                        }
                        x += await F(Twist(y));
                        (x, y) = (await Retry(Mix(x, seed)), Mix(x, (seed + seed)));
                        x = Mix((await Even(y) ? 1 : 2), (await Even(seed % 7) ? 1 : 2));
                    }
                    x = await F(Twist(x));
                    break;
            }
        }
        int? n1508 = x % 2 == 0 ? null : x % 7;
        x = n1508 ?? await Retry((y + y));
        x += await Retry(Mix(x, seed));
        if ((seed + seed) % 3 == 0 || await Even(Twist(y)))
        {
            var w1509 = 0;
            while (w1509 < 2)
            {
                w1509++;
                x += await F(x % 7);
                x = Mix(await F(Mix(y, seed)), await F(Twist(x)));
            }
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
        for (var i1601 = 0; i1601 < 2; i1601++)
        {
            y += i1601;
            try
            {
                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
            y = x % 7 % 3 == 0 ? await F(seed % 7) : Twist(i1601) + 1;
        }
        y = (Mix(seed, y) % 3) switch
        {
            0 => await F(Mix(seed, x)),
            1 => (y + seed) + 2,
            _ => await F(Twist(seed)),
        };
        if (Mix(y, x) % 3 == 0 || await Even(y))
        {
            y = (x % 7 % 3) switch
            {
                0 => (await Even((seed + y)) ? 1 : 2),
                1 => Twist(x) + 2,
                _ => (await Even(Twist(seed)) ? 1 : 2),
            };
            if (seed % 9 == 8)
            {
                return Mix(x, y);
            }
        }
        for (var i1602 = 0; i1602 < 2; i1602++)
        {
            y += i1602;
            if (Mix(seed, y) % 3 == 0)
            {
                goto skip1603;
            }
            x += (await Even(Twist(seed)) ? 1 : 2);
            skip1603:
            x += 1;
            if ((x + seed) % 9 == 8)
            {
                return Mix(x, y);
            }
        }
        var z1604 = await F(Mix(seed, seed)) + Mix(y, x);
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
