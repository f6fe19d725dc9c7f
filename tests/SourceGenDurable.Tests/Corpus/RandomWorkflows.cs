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
            using var u105 = new Marker(p103);
            y += u105.Value;
            if (Mix(p103, p103) % 3 == 2)
            {
                return Mix(x, y);
            }
            x += p103;
        }
        x = await F(x % 7);
        if (b101 < 2 && Mix(x, y) % 2 == 0)
        {
            goto again102;
        }
        await ctx.Sleep(TimeSpan.FromHours(1));
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
        if (Twist(x) % 2 == 0 && await Even(Mix(x, y)))
        {
            if (await Even(Twist(y)))
            {
                x += await F(Twist(y));
                x = (await Even(Twist(x)) ? 1 : 2);
            }
            else
            {
                x += await ctx.Step("s201", ct => log.Run("s201", y % 7, () => y % 7 + 1));
                var r201 = await ctx.WhenAll(F(Twist(seed)), F(Mix(y, seed)));
                y = Mix(r201[0], r201[1]);
                if (Twist(seed) % 2 == 0)
                {
                    x += await F((y + x));
                    y = Twist(x) % 3 == 0 ? await F(y) : x + 1;
                    y = await Even(Twist(y)) ? await ctx.Step("s202", ct => log.Run("s202", y % 7, () => y % 7 + 1)) : Mix(Twist(x), await F(y % 7));
                    using var u202 = new Marker(x % 7);
                    x += u202.Value;
                }
            }
            try
            {
                x += await ctx.Step("s203", ct => log.Run("s203", seed % 7, () => seed % 7 + 1));
                int? n203 = y % 2 == 0 ? null : x % 7;
                x = n203 ?? await F(x);
            }
            finally
            {
                x += 3;
                x += await ctx.Step("s204", ct => log.Run("s204", (y + x), () => (y + x) + 1));
                x = await ctx.Step("s205", ct => log.Run("s205", Twist(y), () => Twist(y) + 1));
                using var u204 = new Marker((seed + seed));
                x += u204.Value;
            }
            using var u205 = new Marker(seed);
            x += u205.Value;
        }
        var w206 = 0;
        while (w206 < 2)
        {
            w206++;
            y = Mix(new[] { (seed + x), x }.Sum(v => v + y), await F(seed));
            int? n207 = x % 7 % 2 == 0 ? null : (seed + y);
            y = n207 ?? await F(Twist(seed));
        }
        var t208 = 0;
        while (true)
        {
            if (++t208 > 2)
            {
                break;
            }
            var d209 = 0;
            do
            {
                d209++;
                y += await F((x + y));
                if (y % 7 % 3 == 0)
                {
                    goto skip210;
                }
                y += await ctx.Step("s206", ct => log.Run("s206", Twist(y), () => Twist(y) + 1));
                skip210:
                x += 1;
            }
            while (d209 < 2);
        }
        var a211 = new int[2];
        a211[1] = await F(x);
        a211[0] = a211[1] + await F(x);
        y += a211[0] - a211[1];
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
                switch (Mix(Twist(y), y) % 5)
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
                        y += await Check(x % 7);
                        var l305 = new List<int> { y };
                        l305.Add((await Even(Twist(y)) ? 1 : 2));
                        l305.Add(await F(Mix(seed, x)) + l305.Count);
                        x += l305.Sum() * l305.Count;
                        if (seed % 7 % 2 == 0)
                        {
                            x += await ctx.Step("s303", ct => log.Run("s303", y, () => y + 1));
                            var a306 = new int[2];
                            a306[1] = (await Even(Mix(y, y)) ? 1 : 2);
                            a306[0] = a306[1] + await F((seed + seed));
                            y += a306[0] - a306[1];
                        }
                        else
                        {
                            x += await F(Twist(x));
                            y = Mix(y, y = await F(Twist(y)));
                        }
                        break;
                }
                y = Mix(new[] { Twist(x), x }.Sum(v => v + y), await F(y % 7));
            }
            finally
            {
                x += 3;
                x += (await Even(x % 7) ? 1 : 2);
                foreach (var e307 in new[] { (y + x), await Check(Mix(seed, y)) })
                {
                    x += e307;
                    x += await F((e307 + seed));
                    var r308 = await ctx.WhenAll(Enumerable.Range(0, 1).Select(j309 => F(j309 + seed)));
                    x += r308.Sum();
                    using var u310 = new Marker(seed % 7);
                    x += u310.Value;
                    if (y % 7 % 3 == 2)
                    {
                        continue;
                    }
                }
                var a311 = new int[2];
                a311[0] = await ctx.Step("s304", ct => log.Run("s304", seed % 7, () => seed % 7 + 1));
                a311[1] = a311[0] + await F((y + x));
                x += a311[0] - a311[1];
            }
        }
        catch (CorpusException c313)
        {
            y += 100;
            var a312 = new int[2];
            a312[0] = await F(y);
            a312[1] = a312[0] + await ctx.Step("s305", ct => log.Run("s305", Mix(y, seed), () => Mix(y, seed) + 1));
            x += a312[0] - a312[1];
            x += c313.Message.Length;
            if (x % 7 % 4 == 0)
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
    public async Task<int> Random04(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        (x, y) = (await F((seed + seed)), Mix(x, x % 7));
        var r401 = await ctx.WhenAll(F(x), F((x + seed)));
        x = Mix(r401[0], r401[1]);
        try
        {
            try
            {
                y += await Check((y + x));
                y += (await Even((seed + seed)) ? 1 : 2);
                if (y % 9 == 8)
                {
                    return Mix(x, y);
                }
                var t402 = 0;
                while (true)
                {
                    if (++t402 > 2)
                    {
                        break;
                    }
                    x += await ctx.Step("s401", ct => log.Run("s401", (y + seed), () => (y + seed) + 1));
                    if (y % 3 == 0)
                    {
                        goto skip403;
                    }
                    x = await F((seed + x));
                    skip403:
                    x += 1;
                    y = Mix(y, y = await Check(Mix(y, x)));
                }
            }
            catch (CorpusException c406)
            {
                y += 100;
                x += await F(Mix(x, seed));
                switch (Mix((y + x), (seed + seed)) % 5)
                {
                    case var k404 when k404 > 2:
                        y += await F((k404 + x));
                        x += await F(Mix(x, y));
                        await ctx.Sleep(TimeSpan.FromHours(1));
                        x = Mix(x, await ctx.Step("s402", ct => log.Run("s402", x % 7, () => x % 7 + 1)));
                        x += k404;
                        break;
                    default:
                        y += await F(Mix(seed, x));
                        (x, y) = (await F(Twist(x)), Mix(x, Mix(x, seed)));
                        break;
                }
                using var u405 = new Marker(Twist(y));
                y += u405.Value;
                if (Twist(y) % 3 == 2)
                {
                    return Mix(x, y);
                }
                x += c406.Message.Length;
                if (Mix(y, x) % 4 == 0)
                {
                    throw;
                }
            }
        }
        finally
        {
            x += 3;
            x = Mix(y % 7, (await Even(x) ? 1 : 2));
            for (var i407 = 0; i407 < 2 && await Even(i407 + x % 7); i407++)
            {
                y += i407;
                y += await F(Mix(i407, i407));
                if (x % 7 % 4 == 3)
                {
                    break;
                }
            }
        }
        if ((seed + x) % 9 == 8)
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
    public async Task<int> Random05(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = Mix(y % 7, (await Even(Mix(y, x)) ? 1 : 2));
        var l501 = new List<int> { (x + x) };
        l501.Add(await F(seed));
        l501.Add(await F(Twist(seed)) + l501.Count);
        y += l501.Sum() * l501.Count;
        y = await ctx.Step("s501", ct => log.Run("s501", seed % 7, () => seed % 7 + 1));
        if (y % 9 == 8)
        {
            return Mix(x, y);
        }
        if (Mix(y, y) is var k502 && k502 % 2 == 1)
        {
            x += await F(Mix(seed, x));
            y += k502;
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
        (x, y) = (await ctx.Step("s601", ct => log.Run("s601", Twist(y), () => Twist(y) + 1)), Mix(x, Mix(y, y)));
        y = (Mix(x, x) % 4) switch
        {
            var g601 when await Even(g601 + Mix(y, y)) => await F((seed + x)) + g601,
            1 => Twist(x),
            var g601 when g601 > 2 => g601 + await ctx.Step("s602", ct => log.Run("s602", Twist(y), () => Twist(y) + 1)),
            _ => (seed + x) + 5,
        };
        var b602 = 0;
        again603:
        b602++;
        if (Mix((x + y), Mix(x, seed)) is var k604 && k604 % 2 == 0)
        {
            y += await ctx.Step("s603", ct => log.Run("s603", y % 7, () => y % 7 + 1));
            y += k604;
        }
        if (Mix(x, seed) % 3 == 0 || await Even((y + x)))
        {
            y += await F(Mix(seed, x));
            var z605 = await F(Twist(y)) + y;
        }
        else
        {
            x += await F((seed + seed));
            int? n606 = (x + x) % 2 == 0 ? null : Twist(y);
            y = n606 ?? await ctx.Step("s604", ct => log.Run("s604", Mix(x, y), () => Mix(x, y) + 1));
        }
        if (b602 < 2 && Twist(x) % 2 == 0)
        {
            goto again603;
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
        try
        {
            y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            x += 7;
        }
        y = Mix(Twist(seed), (await Even(Twist(x)) ? 1 : 2));
        var d701 = 0;
        do
        {
            d701++;
            x = (Mix(y, y) % 3) switch
            {
                0 => (await Even((y + y)) ? 1 : 2),
                1 => seed + 2,
                _ => await F(Twist(seed)),
            };
        }
        while (d701 < 2);
        if ((y + x) % 9 == 7)
        {
            return Mix(x, await ctx.Step("s701", ct => log.Run("s701", Twist(x), () => Twist(x) + 1)));
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
        x = y % 3 == 0 ? await F(seed) : Twist(y) + 1;
        y = (await Even(x % 7) ? 1 : 2);
        var d801 = 0;
        do
        {
            d801++;
            x = (Mix(x, x) % 3) switch
            {
                0 => await ctx.Step("s801", ct => log.Run("s801", y, () => y + 1)),
                1 => (x + x) + 2,
                _ => await ctx.Step("s802", ct => log.Run("s802", Mix(x, y), () => Mix(x, y) + 1)),
            };
            try
            {
                y += await Check(y % 7);
                y += await F(x);
                var s802 = $"{x % 7}:{await Check(seed)}";
                x += s802.Length;
            }
            catch (CorpusException c803)
            {
                y += 100;
                x += await F((seed + seed));
                try
                {
                    y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    x += 7;
                }
                x += c803.Message.Length;
                if (Twist(x) % 4 == 0)
                {
                    throw;
                }
            }
        }
        while (d801 < 2);
        x = Mix(y, y = await F(x % 7));
        var l804 = new List<int> { Twist(seed) };
        l804.Add((await Even(y % 7) ? 1 : 2));
        l804.Add(await F(x % 7) + l804.Count);
        y += l804.Sum() * l804.Count;
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
        x = Mix(await ctx.Step("s901", ct => log.Run("s901", x % 7, () => x % 7 + 1)), (await Even(x) ? 1 : 2));
        if (y % 9 == 7)
        {
            return Mix(x, await F(Mix(y, y)));
        }
        int? n901 = x % 2 == 0 ? null : Twist(x);
        x = n901 ?? await F(y % 7);
        var a902 = new int[2];
        a902[1] = await ctx.Step("s902", ct => log.Run("s902", Twist(x), () => Twist(x) + 1));
        a902[0] = a902[1] + await F(Twist(seed));
        x += a902[0] - a902[1];
        x += (await Even(y % 7) ? 1 : 2);
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
        var l1001 = new List<int> { Mix(seed, y) };
        l1001.Add((await Even((x + seed)) ? 1 : 2));
        l1001.Add(await ctx.Step("s1001", ct => log.Run("s1001", x, () => x + 1)) + l1001.Count);
        y += l1001.Sum() * l1001.Count;
        y = Mix(await ctx.Step("s1002", ct => log.Run("s1002", Twist(seed), () => Twist(seed) + 1)), await F(Twist(seed)));
        y = y % 7 % 3 == 0 ? (await Even(Mix(x, y)) ? 1 : 2) : (seed + y) + 1;
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
        int? n1101 = Twist(x) % 2 == 0 ? null : seed;
        y = n1101 ?? (await Even(y) ? 1 : 2);
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
            x = Mix(y % 7, (await Even((seed + x)) ? 1 : 2));
            var s1102 = $"{(x + x)}:{await F(seed)}";
            x += s1102.Length;
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
        x = Mix(new[] { x, x }.Sum(v => v + y), await F(Mix(seed, seed)));
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
        x += await ctx.Step("s1201", ct => log.Run("s1201", seed, () => seed + 1));
        if (y % 3 == 0)
        {
            goto skip1201;
        }
        y = await ctx.Step("s1202", ct => log.Run("s1202", Mix(seed, x), () => Mix(seed, x) + 1));
        skip1201:
        y += 1;
        if (int.TryParse(((x + y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1202))
        {
            y += await ctx.Step("s1203", ct => log.Run("s1203", p1202, () => p1202 + 1));
            y = Mix(await ctx.Step("s1204", ct => log.Run("s1204", Twist(p1202), () => Twist(p1202) + 1)), await ctx.Step("s1205", ct => log.Run("s1205", p1202 % 7, () => p1202 % 7 + 1)));
            y += p1202;
        }
        x = Mix(await F(x), await F(x % 7));
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
        var r1301 = await ctx.WhenAll(F((seed + seed)), F(seed));
        x = Mix(r1301[0], r1301[1]);
        try
        {
            y += await Check(Mix(seed, seed));
            y = Mix(Mix(seed, x), await F(Mix(y, x)));
            x = Mix(await F(y % 7), await F((x + y)));
            using var u1302 = new Marker((y + seed));
            y += u1302.Value;
            if (Twist(y) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        catch (CorpusException c1306) when (c1306.Message.Length % 2 == 1)
        {
            y += 100;
            try
            {
                y += await Check(seed % 7);
                x += (await Even(Twist(seed)) ? 1 : 2);
                for (var i1303 = 0; i1303 < 2; i1303++)
                {
                    y += i1303;
                    y += await Check(x);
                    try
                    {
                        y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        x += 7;
                    }
                    if (Mix(seed, y) % 9 == 7)
                    {
                        return Mix(x, await ctx.Step("s1301", ct => log.Run("s1301", seed, () => seed + 1)));
                    }
                }
                var b1304 = 0;
                again1305:
                b1304++;
                x += await F(Twist(seed));
                y = (y + seed) % 2 == 0 && await Even(Twist(x)) ? (await Even(seed) ? 1 : 2) : Mix(Twist(y), await ctx.Step("s1302", ct => log.Run("s1302", (y + y), () => (y + y) + 1)));
                y = (await Even(Mix(x, x)) ? 1 : 2);
                if (b1304 < 2 && Mix(y, seed) % 2 == 0)
                {
                    goto again1305;
                }
            }
            catch (CorpusException)
            {
                y += 100;
                x += (await Even(Twist(y)) ? 1 : 2);
                if (seed % 9 == 8)
                {
                    return Mix(x, y);
                }
                x = await Even(Mix(seed, x)) ? await F(x % 7) : Mix((x + seed), (await Even(Mix(seed, y)) ? 1 : 2));
            }
            y += c1306.Message.Length;
        }
        finally
        {
            x += 3;
            int? n1307 = seed % 2 == 0 ? null : y % 7;
            y = n1307 ?? await F(Mix(x, x));
        }
        var t1308 = 0;
        while (true)
        {
            if (++t1308 > 2)
            {
                break;
            }
            x = Mix(new[] { (y + seed), x }.Sum(v => v + y), await F(seed % 7));
            y = (x + seed) % 2 == 0 && await Even((seed + seed)) ? (await Even(seed % 7) ? 1 : 2) : Mix(y, await F(Twist(x)));
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
        foreach (var e1401 in new[] { (x + x), await ctx.Step("s1401", ct => log.Run("s1401", seed, () => seed + 1)) })
        {
            x += e1401;
            if (Mix(e1401, e1401) % 9 == 7)
            {
                return Mix(x, await ctx.Step("s1402", ct => log.Run("s1402", Mix(x, x), () => Mix(x, x) + 1)));
            }
        }
        try
        {
            y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
        }
        catch (TimeoutException)
        {
            y += 7;
        }
        y += await ctx.Step("s1403", ct => log.Run("s1403", Twist(seed), () => Twist(seed) + 1));
        var w1402 = 0;
        while (w1402 < 2 && await Even(w1402 + x))
        {
            w1402++;
            if (Mix(y, y) % 9 == 7)
            {
                return Mix(x, await ctx.Step("s1404", ct => log.Run("s1404", y % 7, () => y % 7 + 1)));
            }
            y = (y % 7 % 3) switch
            {
                0 => (await Even(x) ? 1 : 2),
                1 => Mix(x, seed) + 2,
                _ => await F(x % 7),
            };
        }
        var r1403 = await ctx.WhenAll(F(seed % 7), F(seed));
        x = Mix(r1403[0], r1403[1]);
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
        if (y % 3 == 0 || await Even(Mix(y, seed)))
        {
            y = (seed % 4) switch
            {
                var g1501 when await Even(g1501 + (seed + x)) => await ctx.Step("s1501", ct => log.Run("s1501", (y + x), () => (y + x) + 1)) + g1501,
                1 => Twist(y),
                var g1501 when g1501 > 2 => g1501 + (await Even(x % 7) ? 1 : 2),
                _ => seed + 5,
            };
            using var u1502 = new Marker(Twist(x));
            x += u1502.Value;
        }
        x = await F(x % 7);
        y = x % 3 == 0 || await Even(seed) ? await F(Mix(y, y)) : Mix(x, await F((y + x)));
        try
        {
            y += await Check(Twist(x));
            int? n1503 = (y + x) % 2 == 0 ? null : (y + x);
            x = n1503 ?? await F(Twist(x));
            var a1504 = new int[2];
            a1504[0] = await Check((x + seed));
            a1504[1] = a1504[0] + await F((y + seed));
            x += a1504[0] - a1504[1];
        }
        catch (CorpusException)
        {
            y += 100;
            x = await F(x % 7);
            switch ((seed + x) % 3)
            {
                case 0:
                    x += await ctx.Step("s1502", ct => log.Run("s1502", Mix(seed, seed), () => Mix(seed, seed) + 1));
                    var b1505 = 0;
                    again1506:
                    b1505++;
                    y += await F(Mix(x, seed));
                    y = ((x + x) % 3) switch
                    {
                        0 => await F(seed % 7),
                        1 => x + 2,
                        _ => await F(x % 7),
                    };
                    if (b1505 < 2 && y % 2 == 0)
                    {
                        goto again1506;
                    }
                    var z1507 = await ctx.Step("s1503", ct => log.Run("s1503", (seed + seed), () => (seed + seed) + 1)) + y % 7;
                    break;
                case 1:
                    x += await ctx.Step("s1504", ct => log.Run("s1504", Twist(seed), () => Twist(seed) + 1));
                    if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1508))
                    {
                        x += (await Even(p1508) ? 1 : 2);
                        y += await ctx.Step("s1505", ct => log.Run("s1505", Twist(x), () => Twist(x) + 1));
                        if (Twist(seed) % 3 == 0)
                        {
                            goto skip1509;
                        }
                        y = await F((seed + x));
                        skip1509:
                        y += 1;
                        y += p1508;
                    }
                    var a1510 = new int[2];
                    a1510[0] = await F(Twist(x));
                    a1510[1] = a1510[0] + await F(Mix(y, seed));
                    x += a1510[0] - a1510[1];
                    if (Twist(y) % 2 == 0)
                    {
                        goto default;
                    }
                    break;
                default:
                    x += await F(seed);
                    try
                    {
                        y += await Check(seed);
                        x += await Check(Mix(seed, y));
                        var a1511 = new int[2];
                        a1511[1] = await F((seed + seed));
                        a1511[0] = a1511[1] + await F(Twist(seed));
                        y += a1511[0] - a1511[1];
                        y = (y % 7 % 4) switch
                        {
                            var g1512 when await Even(g1512 + x % 7) => await Check(Twist(x)) + g1512,
                            1 => Twist(x),
                            var g1512 when g1512 > 2 => g1512 + await Check((x + seed)),
                            _ => (seed + y) + 5,
                        };
                    }
                    catch (CorpusException c1514) when (c1514.Message.Length % 2 == 0)
                    {
                        y += 100;
                        y += await F((x + y));
                        if (Mix(Twist(y), Twist(x)) is var k1513 && k1513 % 2 == 0)
                        {
                            x += await F(Mix(k1513, y));
                            x += k1513;
                        }
                        y += c1514.Message.Length;
                    }
                    if (Mix(x, y) % 9 == 7)
                    {
                        return Mix(x, (await Even(Twist(y)) ? 1 : 2));
                    }
                    break;
            }
            using var u1515 = new Marker(Mix(y, seed));
            y += u1515.Value;
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
        switch (Mix((x + y), Twist(x)) % 5)
        {
            case var k1601 when k1601 > 2:
                y += await ctx.Step("s1601", ct => log.Run("s1601", Twist(x), () => Twist(x) + 1));
                y = await ctx.Step("s1602", ct => log.Run("s1602", Twist(y), () => Twist(y) + 1));
                x += k1601;
                break;
            default:
                var l1602 = new List<int> { seed };
                l1602.Add(await F(Mix(y, seed)));
                l1602.Add(await ctx.Step("s1603", ct => log.Run("s1603", Mix(y, seed), () => Mix(y, seed) + 1)) + l1602.Count);
                x += l1602.Sum() * l1602.Count;
                break;
        }
        if (await Even(x % 7))
        {
            y = x % 7 % 3 == 0 ? await F(Mix(seed, seed)) : (x + y) + 1;
            if (x % 7 % 9 == 8)
            {
                return Mix(x, y);
            }
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
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

    /// <summary>A resource of a using declaration; it holds no state a resume could lose.</summary>
    private sealed class Marker(int value) : IDisposable
    {
        public int Value => value % 13;

        public void Dispose()
        {
        }
    }
}
