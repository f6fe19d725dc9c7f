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
            int Local1(int v) => Mix(v, (seed + y));
            x += Local1(await ctx.Step("s205", ct => log.Run("s205", Twist(x), () => Twist(x) + 1)));
            x += Local1(y);
            using var u206 = new Marker((seed + y));
            x += u206.Value;
            if (y % 7 % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        else
        {
            x += await ctx.Step("s206", ct => log.Run("s206", Twist(y), () => Twist(y) + 1));
            int Local1(int v) => Mix(v, y);
            x += Local1(await F(x));
            x += Local1(y);
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
        int? n301 = Twist(seed) % 2 == 0 ? null : x % 7;
        x = n301 ?? await F(y % 7);
        var t302 = 0;
        while (true)
        {
            if (++t302 > 2)
            {
                break;
            }
            if (y % 9 == 7)
            {
                return Mix(x, (await Even(Twist(x)) ? 1 : 2));
            }
            if (await Even(seed % 7))
            {
                y += await ctx.Step("s301", ct => log.Run("s301", x % 7, () => x % 7 + 1));
                x = await ctx.Step("s302", ct => log.Run("s302", Twist(seed), () => Twist(seed) + 1));
            }
        }
        (x, y) = (await F(Twist(seed)), Mix(x, y % 7));
        var a303 = new int[2];
        a303[1] = await F(Twist(seed));
        a303[0] = a303[1] + await F(Mix(seed, y));
        y += a303[0] - a303[1];
        try
        {
            y += await Check(seed);
            try
            {
                x += (await Even((seed + x)) ? 1 : 2);
                switch (Mix((x + seed), y) % 5)
                {
                    case var k304 when k304 > 2:
                        x += await F(Mix(x, y));
                        y += await F(Mix(seed, k304));
                        x = (Mix(k304, k304) % 3) switch
                        {
                            0 => await F(Mix(k304, k304)),
                            1 => Mix(k304, seed) + 2,
                            _ => (await Even(Mix(k304, y)) ? 1 : 2),
                        };
                        x = seed % 7 % 3 == 0 ? await F(Mix(seed, k304)) : y + 1;
                        y += k304;
                        break;
                    default:
                        y += await Check((seed + y));
                        (x, y) = (await ctx.Step("s303", ct => log.Run("s303", seed, () => seed + 1)), Mix(x, Mix(y, seed)));
                        if (y % 5 == 0)
                        {
                            throw new CorpusException($"thrown at {Mix(seed, x)}");
                        }
                        break;
                }
                switch (await Retry((x + seed)) % 3)
                {
                    case 0:
                        y += (await Even(Mix(x, y)) ? 1 : 2);
                        var l305 = new List<int> { seed };
                        l305.Add(await F((seed + y)));
                        l305.Add((await Even(seed) ? 1 : 2) + l305.Count);
                        y += l305.Sum() * l305.Count;
                        if (Mix(y, y) % 2 == 0)
                        {
                            goto case 1;
                        }
                        break;
                    case 1:
                        x += await Retry(Mix(y, y));
                        var a306 = new int[2];
                        a306[0] = await F(seed);
                        a306[1] = a306[0] + await F((seed + y));
                        y += a306[0] - a306[1];
                        break;
                    default:
                        y += await F(Twist(y));
                        if (y % 5 == 0)
                        {
                            throw new CorpusException($"thrown at {y % 7}");
                        }
                        y = Mix(new[] { x % 7, x }.Sum(v => v + y), (await Even(Mix(y, x)) ? 1 : 2));
                        break;
                }
            }
            finally
            {
                x += 3;
                y += (await Even(Mix(y, x)) ? 1 : 2);
                y = Mix(Twist(seed), (await Even(Twist(y)) ? 1 : 2));
                using var u307 = new Marker(x);
                y += u307.Value;
            }
        }
        catch (CorpusException)
        {
            y += 100;
            x += await ctx.Step("s304", ct => log.Run("s304", Twist(x), () => Twist(x) + 1));
            x = y % 7 % 3 == 0 ? await F((y + y)) : Mix(x, seed) + 1;
            using var u308 = new Marker(Twist(y));
            y += u308.Value;
            if (x % 7 % 3 == 2)
            {
                return Mix(x, y);
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
        y = Mix((x + seed), await Retry(x));
        (x, y) = (await F(y % 7), Mix(x, seed));
        try
        {
            y += await Check((seed + y));
            y = Mix(await Retry((x + seed)), await F(y));
        }
        catch (CorpusException)
        {
            y += 100;
            var z401 = await F(Twist(x)) + (x + seed);
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
                    var l402 = new List<int> { (x + y) };
                    l402.Add((await Even(seed % 7) ? 1 : 2));
                    l402.Add(await F(Mix(seed, y)) + l402.Count);
                    x += l402.Sum() * l402.Count;
                    break;
                default:
                    x += (await Even(Mix(seed, y)) ? 1 : 2);
                    switch (Twist(x) % 3)
                    {
                        case 0:
                            x += await F(seed);
                            if (int.TryParse(((seed + seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p403))
                            {
                                x += await F(y);
                                x += await ctx.Step("s401", ct => log.Run("s401", x % 7, () => x % 7 + 1));
                                var a404 = new int[2];
                                a404[0] = await F(seed);
                                a404[1] = a404[0] + await Retry((p403 + p403));
                                x += a404[0] - a404[1];
                                using var u405 = new Marker(x);
                                y += u405.Value;
                                y += p403;
                            }
                            var z406 = await F((seed + seed)) + Twist(seed);
                            if (seed % 7 % 2 == 0)
                            {
                                goto case 1;
                            }
                            break;
                        case 1:
                            y += await Retry(Twist(x));
                            await ctx.Sleep(TimeSpan.FromHours(2));
                            x = Mix(await ctx.Step("s402", ct => log.Run("s402", y, () => y + 1)), await F(y % 7));
                            if (x % 2 == 0)
                            {
                                goto default;
                            }
                            break;
                        default:
                            x += await F(y % 7);
                            var z407 = (await Even(Mix(x, seed)) ? 1 : 2) + Mix(seed, y);
                            break;
                    }
                    break;
            }
            (x, y) = (await Retry(x % 7), Mix(x, x % 7));
        }
        y = ((x + y) % 3) switch
        {
            0 => await Retry(y),
            1 => seed % 7 + 2,
            _ => (await Even((y + seed)) ? 1 : 2),
        };
        var l408 = new List<int> { y % 7 };
        l408.Add(await ctx.Step("s403", ct => log.Run("s403", Mix(y, y), () => Mix(y, y) + 1)));
        l408.Add(await F(Twist(y)) + l408.Count);
        x += l408.Sum() * l408.Count;
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
        switch (Mix(Twist(x), (y + y)) % 5)
        {
            case var k501 when k501 > 2:
                x += await Retry((x + y));
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                y += k501;
                break;
            default:
                y = (Mix(y, x) % 3) switch
                {
                    0 => (await Even(Twist(seed)) ? 1 : 2),
                    1 => Mix(y, seed) + 2,
                    _ => (await Even(y) ? 1 : 2),
                };
                break;
        }
        y = Mix(y % 7, await F(seed));
        x = Mix(new[] { seed, x }.Sum(v => v + y), await Retry(x % 7));
        x = Mix(seed, await Retry(x));
        try
        {
            if (seed % 3 == 0)
            {
                goto skip502;
            }
            x += await ctx.Step("s501", ct => log.Run("s501", (x + y), () => (x + y) + 1));
            skip502:
            x += 1;
        }
        finally
        {
            x += 3;
            var t503 = 0;
            while (true)
            {
                if (++t503 > 2)
                {
                    break;
                }
                x += await F(Mix(seed, x));
                var z504 = await F((y + seed)) + y;
                var r505 = await ctx.WhenAll(Enumerable.Range(0, 3).Select(j506 => F(j506 + y)));
                x += r505.Sum();
            }
            x = Mix(await F(Mix(seed, y)), (await Even(seed) ? 1 : 2));
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
        switch (Mix((seed + y), x % 7) % 5)
        {
            case var k601 when k601 > 2:
                x += await F((k601 + k601));
                if (Twist(seed) % 9 == 8)
                {
                    return Mix(x, y);
                }
                try
                {
                    x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    x += 7;
                }
                y += k601;
                break;
            default:
                x = y % 7 % 3 == 0 ? await ctx.Step("s601", ct => log.Run("s601", seed, () => seed + 1)) : x % 7 + 1;
                y = (Twist(y) % 3) switch
                {
                    0 => await F(seed % 7),
                    1 => seed + 2,
                    _ => await ctx.Step("s602", ct => log.Run("s602", (x + y), () => (x + y) + 1)),
                };
                break;
        }
        y = ((seed + seed) % 4) switch
        {
            var g602 when await Even(g602 + Twist(y)) => await Retry(x % 7) + g602,
            1 => x % 7,
            var g602 when g602 > 2 => g602 + await ctx.Step("s603", ct => log.Run("s603", y, () => y + 1)),
            _ => Mix(x, y) + 5,
        };
        var w603 = 0;
        while (w603 < 2)
        {
            w603++;
            int? n604 = Twist(seed) % 2 == 0 ? null : Twist(x);
            y = n604 ?? await ctx.Step("s604", ct => log.Run("s604", y % 7, () => y % 7 + 1));
        }
        if (y % 3 == 0)
        {
            goto skip605;
        }
        y = await Retry(seed % 7);
        skip605:
        x += 1;
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
        y = Mix(y, y = await F((y + seed)));
        var z701 = await F(x) + Mix(x, y);
        y = await Even((y + z701)) ? (await Even(Twist(x)) ? 1 : 2) : Mix(Twist(seed), await F(y));
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
        x = (y % 4) switch
        {
            var g801 when await Even(g801 + seed) => await F(Mix(y, seed)) + g801,
            1 => seed,
            var g801 when g801 > 2 => g801 + await Retry(seed),
            _ => Twist(x) + 5,
        };
        try
        {
            y += await Check((x + x));
            switch (Mix((x + y), Mix(x, seed)) % 5)
            {
                case var k802 when k802 > 2:
                    y += await F(Twist(k802));
                    y += await Check((seed + seed));
                    for (var i803 = 0; i803 < 2; i803++)
                    {
                        y += i803;
                        x += await Retry(i803);
                        x = (i803 % 4) switch
                        {
                            var g804 when await Even(g804 + (i803 + k802)) => await F(Mix(i803, i803)) + g804,
                            1 => (y + x),
                            var g804 when g804 > 2 => g804 + (await Even((k802 + y)) ? 1 : 2),
                            _ => Twist(i803) + 5,
                        };
                    }
                    y += k802;
                    break;
                default:
                    y += await F(Twist(y));
                    try
                    {
                        y += await Check(x % 7);
                        y += await Check(Mix(y, seed));
                        var r805 = await ctx.WhenAll(Enumerable.Range(0, 2).Select(j806 => F(j806 + Twist(x))));
                        y += r805.Sum();
                        y = (seed + seed) % 3 == 0 ? (await Even((seed + y)) ? 1 : 2) : Twist(x) + 1;
                    }
                    catch (CorpusException c807) when (c807.Message.Length % 2 == 1)
                    {
                        y += 100;
                        y += await Check(y % 7);
                        int Local3(int v) => Mix(v, (x + x));
                        y += Local3(await ctx.Step("s801", ct => log.Run("s801", (seed + y), () => (seed + y) + 1)));
                        y += Local3(y);
                        x = Mix((await Even(Mix(x, x)) ? 1 : 2), await Check(y % 7));
                        y += c807.Message.Length;
                    }
                    finally
                    {
                        x += 3;
                        y += await ctx.Step("s802", ct => log.Run("s802", Mix(x, x), () => Mix(x, x) + 1));
                        (x, y) = ((await Even(Twist(y)) ? 1 : 2), Mix(x, Twist(seed)));
                        int Local3(int v) => Mix(v, (y + x));
                        x += Local3(await Retry(x % 7));
                        x += Local3(y);
                        using var u808 = new Marker(Twist(seed));
                        y += u808.Value;
                    }
                    break;
            }
        }
        catch (CorpusException)
        {
            y += 100;
            x = Mix(await ctx.Step("s803", ct => log.Run("s803", y % 7, () => y % 7 + 1)), await Retry(Twist(x)));
            var t809 = 0;
            while (true)
            {
                if (++t809 > 2)
                {
                    break;
                }
                y += await F(y);
                int Local2(int v) => Mix(v, Mix(seed, seed));
                y += Local2(await F(Mix(x, x)));
                y += Local2(y);
            }
        }
        finally
        {
            x += 3;
            y += await Retry(x % 7);
        }
        x = (y + seed) % 2 == 0 && await Even((x + y)) ? (await Even(Twist(x)) ? 1 : 2) : Mix((seed + y), await ctx.Step("s804", ct => log.Run("s804", y, () => y + 1)));
        var l810 = new List<int> { (y + y) };
        l810.Add(await F(y));
        l810.Add(await ctx.Step("s805", ct => log.Run("s805", y, () => y + 1)) + l810.Count);
        y += l810.Sum() * l810.Count;
        x = Mix(new[] { Mix(y, y), x }.Sum(v => v + y), await ctx.Step("s806", ct => log.Run("s806", Mix(seed, x), () => Mix(seed, x) + 1)));
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
        y = x % 7 % 3 == 0 ? (await Even(Twist(seed)) ? 1 : 2) : (y + y) + 1;
        try
        {
            var a901 = new int[2];
            a901[0] = (await Even(Twist(x)) ? 1 : 2);
            a901[1] = a901[0] + await F(y % 7);
            x += a901[0] - a901[1];
            using var u902 = new Marker((seed + y));
            x += u902.Value;
            if (x % 7 % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        finally
        {
            x += 3;
            x = (Mix(x, seed) % 4) switch
            {
                var g903 when await Even(g903 + seed) => await F(Twist(seed)) + g903,
                1 => (seed + seed),
                var g903 when g903 > 2 => g903 + await ctx.Step("s901", ct => log.Run("s901", Twist(y), () => Twist(y) + 1)),
                _ => seed + 5,
            };
        }
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
        var a1001 = new int[2];
        a1001[1] = await Retry(Mix(x, seed));
        a1001[0] = a1001[1] + await ctx.Step("s1001", ct => log.Run("s1001", Twist(seed), () => Twist(seed) + 1));
        x += a1001[0] - a1001[1];
        x = await F((seed + x));
        x = (Mix(x, seed) % 4) switch
        {
            var g1002 when await Even(g1002 + Mix(seed, x)) => await Retry(seed) + g1002,
            1 => Twist(seed),
            var g1002 when g1002 > 2 => g1002 + (await Even(y) ? 1 : 2),
            _ => Mix(y, y) + 5,
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
        (x, y) = (await F(Twist(x)), Mix(x, Mix(y, y)));
        x = (Twist(seed) % 3) switch
        {
            0 => await F(Mix(x, y)),
            1 => y % 7 + 2,
            _ => await Retry(x),
        };
        var l1101 = new List<int> { Mix(seed, x) };
        l1101.Add(await ctx.Step("s1101", ct => log.Run("s1101", y % 7, () => y % 7 + 1)));
        l1101.Add((await Even(Mix(x, y)) ? 1 : 2) + l1101.Count);
        x += l1101.Sum() * l1101.Count;
        try
        {
            y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            x += 7;
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
        var b1201 = 0;
        again1202:
        b1201++;
        y = Mix(new[] { y, x }.Sum(v => v + y), (await Even(Twist(y)) ? 1 : 2));
        if (b1201 < 2 && Twist(seed) % 2 == 0)
        {
            goto again1202;
        }
        var d1203 = 0;
        do
        {
            d1203++;
            if (y % 4 == 1)
            {
                continue;
            }
            x = (Mix(x, seed) % 4) switch
            {
                var g1204 when await Even(g1204 + Twist(seed)) => await F(Twist(x)) + g1204,
                1 => x,
                var g1204 when g1204 > 2 => g1204 + (await Even((x + y)) ? 1 : 2),
                _ => Mix(y, seed) + 5,
            };
        }
        while (d1203 < 2 && await Even(d1203 + y));
        switch (await ctx.Step("s1201", ct => log.Run("s1201", (x + x), () => (x + x) + 1)) % 3)
        {
            case 0:
                var t1205 = 0;
                while (true)
                {
                    if (++t1205 > 2)
                    {
                        break;
                    }
                    x += (await Even((seed + y)) ? 1 : 2);
                    int? n1206 = y % 2 == 0 ? null : x;
                    x = n1206 ?? (await Even(Twist(seed)) ? 1 : 2);
                }
                if (seed % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                y = Mix(y, y = (await Even(Mix(x, x)) ? 1 : 2));
                if (y % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                y = (seed % 7 % 4) switch
                {
                    var g1207 when await Even(g1207 + x % 7) => await Retry(Mix(seed, x)) + g1207,
                    1 => Twist(y),
                    var g1207 when g1207 > 2 => g1207 + await ctx.Step("s1202", ct => log.Run("s1202", y % 7, () => y % 7 + 1)),
                    _ => (y + x) + 5,
                };
                break;
        }
        x = await F(x % 7);
        x = (await Even((x + x)) ? 1 : 2);
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
        y = (Twist(seed) % 4) switch
        {
            var g1301 when await Even(g1301 + (seed + x)) => await F(Mix(y, g1301)) + g1301,
            1 => (seed + seed),
            var g1301 when g1301 > 2 => g1301 + await F(x),
            _ => seed + 5,
        };
        var w1302 = 0;
        while (w1302 < 2 && await Even(w1302 + x))
        {
            w1302++;
            y = Mix(await F(Mix(seed, y)), await F(x % 7));
        }
        switch (await F(Mix(y, x)) % 3)
        {
            case 0:
                await ctx.Sleep(TimeSpan.FromHours(2));
                try
                {
                    y += await Check((x + x));
                    y += await F((seed + x));
                    x = (Twist(x) % 3) switch
                    {
                        0 => await ctx.Step("s1301", ct => log.Run("s1301", (y + seed), () => (y + seed) + 1)),
                        1 => y % 7 + 2,
                        _ => await ctx.Step("s1302", ct => log.Run("s1302", x % 7, () => x % 7 + 1)),
                    };
                    x = Mix(Mix(seed, y), (await Even(seed % 7) ? 1 : 2));
                }
                catch (CorpusException)
                {
                    y += 100;
                    y += await Retry(Mix(x, seed));
                    x = await Even(y % 7) ? (await Even(Twist(seed)) ? 1 : 2) : Mix(Mix(y, y), await F(Twist(y)));
                }
                break;
            case 1:
                var d1303 = 0;
                do
                {
                    d1303++;
                    x += (await Even(seed) ? 1 : 2);
                    switch ((y + seed) % 3)
                    {
                        case 0:
                            x += await ctx.Step("s1303", ct => log.Run("s1303", Twist(seed), () => Twist(seed) + 1));
                            y = x % 3 == 0 ? await Retry((x + seed)) : (seed + x) + 1;
                            if (Twist(x) % 2 == 0)
                            {
                                goto case 1;
                            }
                            break;
                        case 1:
                            x += await F(x % 7);
                            var l1304 = new List<int> { Mix(y, y) };
                            l1304.Add(await ctx.Step("s1304", ct => log.Run("s1304", Twist(seed), () => Twist(seed) + 1)));
                            l1304.Add(await ctx.Step("s1305", ct => log.Run("s1305", x, () => x + 1)) + l1304.Count);
                            x += l1304.Sum() * l1304.Count;
                            break;
                        default:
                            y += await F(Twist(y));
                            x = (await Even(Twist(seed)) ? 1 : 2);
                            if (seed % 7 % 9 == 7)
                            {
                                return Mix(x, (await Even((seed + seed)) ? 1 : 2));
                            }
                            break;
                    }
                }
                while (d1303 < 2);
                if (y % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                switch (Mix(Twist(x), seed) % 5)
                {
                    case var k1305 when k1305 > 2:
                        y += await F((y + seed));
                        x += await F((y + y));
                        x = Mix(x, x = await Retry((x + k1305)));
                        x += k1305;
                        break;
                    default:
                        y += await ctx.Step("s1306", ct => log.Run("s1306", x % 7, () => x % 7 + 1));
                        x = Mix(x, x = await Retry(Twist(x)));
                        y += (await Even(seed % 7) ? 1 : 2);
                        break;
                }
                break;
        }
        int? n1306 = Mix(y, y) % 2 == 0 ? null : seed % 7;
        y = n1306 ?? await F(Mix(y, seed));
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
        try
        {
            y += await Check((y + y));
            if (Mix(Twist(x), y) is var k1401 && k1401 % 2 == 1)
            {
                x += await ctx.Step("s1401", ct => log.Run("s1401", k1401 % 7, () => k1401 % 7 + 1));
                x += k1401;
            }
        }
        catch (CorpusException c1408)
        {
            y += 100;
            try
            {
                y += await Check(x);
                x += (await Even((y + y)) ? 1 : 2);
                var s1402 = $"{(seed + y)}:{await Check(Twist(x))}";
                y += s1402.Length;
                using var u1403 = new Marker(Mix(seed, y));
                x += u1403.Value;
            }
            catch (CorpusException c1407)
            {
                y += 100;
                x += await Retry(Twist(seed));
                try
                {
                    x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    x += 7;
                }
                if (seed % 7 % 2 == 0)
                {
                    y += await ctx.Step("s1402", ct => log.Run("s1402", Mix(x, x), () => Mix(x, x) + 1));
                    x = Twist(seed) % 3 == 0 ? await Retry(Twist(y)) : Mix(y, y) + 1;
                    if (int.TryParse((y % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1404))
                    {
                        x += await Retry(p1404);
                        y += (await Even(Mix(p1404, seed)) ? 1 : 2);
                        y = (await Even(Mix(x, x)) ? 1 : 2);
                        x += p1404;
                    }
                }
                else
                {
                    x += await F((y + y));
                    var z1405 = await Retry(Mix(seed, x)) + (seed + y);
                    y = await F((x + seed));
                }
                using var u1406 = new Marker(x);
                x += u1406.Value;
                x += c1407.Message.Length;
                if (seed % 4 == 0)
                {
                    throw;
                }
            }
            x += c1408.Message.Length;
            if ((seed + x) % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            x = (Mix(seed, y) % 3) switch
            {
                0 => await Retry((seed + seed)),
                1 => Mix(seed, seed) + 2,
                _ => await Retry(Twist(y)),
            };
        }
        try
        {
            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            y += 7;
        }
        try
        {
            if (Mix(Mix(y, y), (seed + y)) is var k1409 && k1409 % 2 == 1)
            {
                y += await Retry(Mix(seed, seed));
                x += k1409;
            }
            if (int.TryParse((seed % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1410))
            {
                y += (await Even((seed + p1410)) ? 1 : 2);
                y += await ctx.Step("s1403", ct => log.Run("s1403", x % 7, () => x % 7 + 1));
                try
                {
                    y += await Check((x + seed));
                    y += await F(p1410 % 7);
                    if ((seed + seed) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                }
                catch (CorpusException)
                {
                    y += 100;
                    y += await F(p1410 % 7);
                    var s1411 = $"{(p1410 + x)}:{await ctx.Step("s1404", ct => log.Run("s1404", y, () => y + 1))}";
                    y += s1411.Length;
                    y = await Retry(seed % 7);
                }
                finally
                {
                    x += 3;
                    x += await F((x + x));
                    y = seed % 2 == 0 ? await F(Twist(p1410)) : Mix(Mix(p1410, seed), await F(y));
                    y = Mix(Mix(p1410, y), await Retry((x + seed)));
                }
                y += p1410;
            }
        }
        finally
        {
            x += 3;
            y = x % 3 == 0 ? await ctx.Step("s1405", ct => log.Run("s1405", seed % 7, () => seed % 7 + 1)) : (seed + x) + 1;
            (x, y) = (await F(Mix(x, y)), Mix(x, x));
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
        if ((y + x) % 9 == 7)
        {
            return Mix(x, await F((y + x)));
        }
        try
        {
            x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            y += 7;
        }
        y = Mix(await ctx.Step("s1501", ct => log.Run("s1501", y, () => y + 1)), (await Even(y) ? 1 : 2));
        x += await ctx.Step("s1502", ct => log.Run("s1502", y % 7, () => y % 7 + 1));
        if ((y + seed) % 3 == 0)
        {
            goto skip1501;
        }
        y = await ctx.Step("s1503", ct => log.Run("s1503", (x + y), () => (x + y) + 1));
        skip1501:
        x += 1;
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
        y = Mix(x, x = (await Even((y + y)) ? 1 : 2));
        switch (Mix((y + y), x) % 5)
        {
            case var k1601 when k1601 > 2:
                y += await ctx.Step("s1601", ct => log.Run("s1601", Twist(k1601), () => Twist(k1601) + 1));
                try
                {
                    y += await Check((seed + k1601));
                    y += await F(Twist(seed));
                    x = (y % 7 % 4) switch
                    {
                        var g1602 when await Even(g1602 + x % 7) => await F(Twist(k1601)) + g1602,
                        1 => seed,
                        var g1602 when g1602 > 2 => g1602 + await Retry(Mix(y, k1601)),
                        _ => Mix(x, k1601) + 5,
                    };
                }
                catch (CorpusException)
                {
                    y += 100;
                    y += (await Even(seed % 7) ? 1 : 2);
                    var z1603 = await F(seed) + (k1601 + x);
                }
                var w1604 = 0;
                while (w1604 < 2 && await Even(w1604 + x))
                {
                    w1604++;
                    x += await F((x + x));
                    x = await F(k1601 % 7);
                    try
                    {
                        y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        x += 7;
                    }
                }
                x += k1601;
                break;
            default:
                for (var i1605 = 0; i1605 < 2; i1605++)
                {
                    y += i1605;
                    x += await ctx.Step("s1602", ct => log.Run("s1602", x % 7, () => x % 7 + 1));
                    var b1606 = 0;
                    again1607:
                    b1606++;
                    x += await F(Twist(seed));
                    y = Mix(Twist(i1605), (await Even(Twist(i1605)) ? 1 : 2));
                    if (b1606 < 2 && (y + seed) % 2 == 0)
                    {
                        goto again1607;
                    }
                    y = await ctx.Step("s1603", ct => log.Run("s1603", y % 7, () => y % 7 + 1));
                }
                if (Mix(x, Mix(y, x)) is var k1608 && k1608 % 2 == 0)
                {
                    x += (await Even(Mix(x, y)) ? 1 : 2);
                    x += k1608;
                }
                break;
        }
        await ctx.Sleep(TimeSpan.FromHours(1));
        y = (y % 4) switch
        {
            var g1609 when await Even(g1609 + y) => await F(x % 7) + g1609,
            1 => x % 7,
            var g1609 when g1609 > 2 => g1609 + await F(seed % 7),
            _ => (y + x) + 5,
        };
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
