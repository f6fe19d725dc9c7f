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
            foreach (var e104 in new[] { y % 7, p103 })
            {
                x += e104;
                x += (await Even(x % 7) ? 1 : 2);
                if (Mix(p103, y) % 4 == 1)
                {
                    continue;
                }
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
                y += await F(seed % 7);
                var s201 = $"{Twist(y)}:{await ctx.Step("s201", ct => log.Run("s201", Twist(seed), () => Twist(seed) + 1))}";
                y += s201.Length;
                y = Mix(new[] { Twist(x), x }.Sum(v => v + y), await F(y));
            }
            var t202 = 0;
            while (true)
            {
                if (++t202 > 2)
                {
                    break;
                }
                y += await F(Twist(x));
                x = Mix(y, y = await F((y + x)));
                if ((y + seed) % 9 == 8)
                {
                    return Mix(x, y);
                }
            }
        }
        int? n203 = seed % 2 == 0 ? null : x;
        y = n203 ?? (await Even(Mix(x, y)) ? 1 : 2);
        if (Twist(y) % 2 == 0)
        {
            int? n204 = y % 2 == 0 ? null : x % 7;
            x = n204 ?? await F(seed);
            var d205 = 0;
            do
            {
                d205++;
                x += await F(y % 7);
                foreach (var e206 in new[] { y, (y + seed) })
                {
                    x += e206;
                    x += await F(Twist(seed));
                    if (y % 7 % 9 == 7)
                    {
                        return Mix(x, await F(y));
                    }
                }
            }
            while (d205 < 2);
        }
        int? n207 = Twist(y) % 2 == 0 ? null : Twist(x);
        x = n207 ?? await F(seed);
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
        y = Mix(x, x = await ctx.Step("s301", ct => log.Run("s301", Mix(seed, seed), () => Mix(seed, seed) + 1)));
        var b301 = 0;
        again302:
        b301++;
        var t303 = 0;
        while (true)
        {
            if (++t303 > 2)
            {
                break;
            }
            x += await F(seed);
            int? n304 = x % 7 % 2 == 0 ? null : (seed + y);
            y = n304 ?? await F(Twist(seed));
        }
        for (var i305 = 0; i305 < 2 && await Even(i305 + (y + seed)); i305++)
        {
            y += i305;
            x += await F(Mix(y, y));
            (x, y) = ((await Even(Mix(seed, seed)) ? 1 : 2), Mix(x, i305 % 7));
            y = Mix(Twist(i305), await F(y));
        }
        if (b301 < 2 && x % 2 == 0)
        {
            goto again302;
        }
        y = seed % 7 % 3 == 0 ? await F(x % 7) : (seed + seed) + 1;
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
        if (y % 2 == 0 && await Even(y))
        {
            x = Mix(y, y) % 3 == 0 ? await F((x + x)) : seed % 7 + 1;
            try
            {
                y += await Check(seed % 7);
                x += await ctx.Step("s401", ct => log.Run("s401", Twist(seed), () => Twist(seed) + 1));
                if (Twist(x) % 2 == 0)
                {
                    y += await ctx.Step("s402", ct => log.Run("s402", x, () => x + 1));
                    var z401 = await F((y + y)) + (seed + x);
                    if (Mix((y + x), (z401 + z401)) is var k402 && k402 % 2 == 1)
                    {
                        x += await Check(Mix(seed, z401));
                        y += k402;
                    }
                }
            }
            catch (CorpusException c404) when (c404.Message.Length % 2 == 1)
            {
                y += 100;
                y += (await Even(Mix(x, y)) ? 1 : 2);
                if (Mix(y, seed) % 9 == 7)
                {
                    return Mix(x, (await Even(Mix(y, y)) ? 1 : 2));
                }
                x = ((x + seed) % 4) switch
                {
                    var g403 when await Even(g403 + y % 7) => await F(Mix(seed, g403)) + g403,
                    1 => x,
                    var g403 when g403 > 2 => g403 + (await Even(Mix(seed, seed)) ? 1 : 2),
                    _ => Twist(y) + 5,
                };
                y += c404.Message.Length;
            }
            finally
            {
                x += 3;
                x += (await Even(Twist(y)) ? 1 : 2);
                y = Mix((x + x), await ctx.Step("s403", ct => log.Run("s403", (x + x), () => (x + x) + 1)));
                switch (await F(Mix(y, x)) % 3)
                {
                    case 0:
                        y += await F((x + y));
                        if (Mix(seed, seed % 7) is var k405 && k405 % 2 == 1)
                        {
                            y += await ctx.Step("s404", ct => log.Run("s404", Twist(x), () => Twist(x) + 1));
                            y += k405;
                        }
                        y = Mix(await F(x), await F((seed + y)));
                        if ((seed + y) % 2 == 0)
                        {
                            goto case 1;
                        }
                        break;
                    case 1:
                        x += await ctx.Step("s405", ct => log.Run("s405", seed % 7, () => seed % 7 + 1));
                        if (Mix((y + seed), (y + y)) is var k406 && k406 % 2 == 1)
                        {
                            y += await ctx.Step("s406", ct => log.Run("s406", (k406 + k406), () => (k406 + k406) + 1));
                            x += k406;
                        }
                        var s407 = $"{y % 7}:{await F(Mix(x, seed))}";
                        y += s407.Length;
                        if (Twist(seed) % 2 == 0)
                        {
                            goto default;
                        }
                        break;
                    default:
                        x += await F((y + seed));
                        if (x % 3 == 0)
                        {
                            goto skip408;
                        }
                        x = await ctx.Step("s407", ct => log.Run("s407", Twist(x), () => Twist(x) + 1));
                        skip408:
                        y += 1;
                        break;
                }
            }
        }
        else
        {
            y = (x % 7 % 3) switch
            {
                0 => (await Even(seed) ? 1 : 2),
                1 => Twist(y) + 2,
                _ => await ctx.Step("s408", ct => log.Run("s408", y, () => y + 1)),
            };
        }
        int? n409 = (seed + x) % 2 == 0 ? null : seed;
        y = n409 ?? await F(Twist(x));
        x += await ctx.Step("s409", ct => log.Run("s409", x % 7, () => x % 7 + 1));
        x = Mix(new[] { Twist(x), x }.Sum(v => v + y), await ctx.Step("s410", ct => log.Run("s410", x % 7, () => x % 7 + 1)));
        if (y % 3 == 0)
        {
            goto skip410;
        }
        x = await ctx.Step("s411", ct => log.Run("s411", Twist(x), () => Twist(x) + 1));
        skip410:
        x += 1;
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
        try
        {
            y += await Check(Twist(seed));
            try
            {
                x += (await Even((x + seed)) ? 1 : 2);
                var w501 = 0;
                while (w501 < 2)
                {
                    w501++;
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
                    x += await ctx.Step("s501", ct => log.Run("s501", Mix(seed, seed), () => Mix(seed, seed) + 1));
                    var z502 = await F(y) + Mix(seed, x);
                    if (Mix(x, x) is var k503 && k503 % 2 == 1)
                    {
                        y += await F(Twist(y));
                        x += k503;
                    }
                }
                else
                {
                    y += await ctx.Step("s502", ct => log.Run("s502", Twist(y), () => Twist(y) + 1));
                    x = await Even(x % 7) ? await Check(Twist(seed)) : Mix(x, await ctx.Step("s503", ct => log.Run("s503", Twist(y), () => Twist(y) + 1)));
                    (x, y) = (await F(Mix(y, y)), Mix(x, Twist(y)));
                }
                if (Mix((x + seed), (y + seed)) is var k504 && k504 % 2 == 0)
                {
                    x += await ctx.Step("s504", ct => log.Run("s504", (y + k504), () => (y + k504) + 1));
                    y += k504;
                }
            }
        }
        catch (CorpusException c507) when (c507.Message.Length % 2 == 0)
        {
            y += 100;
            for (var i505 = 0; i505 < 2 && await Even(i505 + Mix(y, x)); i505++)
            {
                y += i505;
                y += await ctx.Step("s505", ct => log.Run("s505", Mix(seed, i505), () => Mix(seed, i505) + 1));
                y += await F((y + y));
                int? n506 = Mix(y, x) % 2 == 0 ? null : (x + seed);
                y = n506 ?? await ctx.Step("s506", ct => log.Run("s506", Mix(y, y), () => Mix(y, y) + 1));
            }
            y += c507.Message.Length;
        }
        if (Mix(x % 7, Twist(seed)) is var k508 && k508 % 2 == 0)
        {
            y += await F(k508);
            y += k508;
        }
        if (int.TryParse((y % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p509))
        {
            y += await ctx.Step("s507", ct => log.Run("s507", y % 7, () => y % 7 + 1));
            try
            {
                y += await Check(y);
                y += (await Even(Mix(seed, y)) ? 1 : 2);
                y = Mix(new[] { Mix(p509, y), x }.Sum(v => v + y), await ctx.Step("s508", ct => log.Run("s508", Mix(x, x), () => Mix(x, x) + 1)));
                var z510 = await F(seed % 7) + (seed + y);
            }
            catch (CorpusException c511) when (c511.Message.Length % 2 == 0)
            {
                y += 100;
                y += (await Even(Mix(y, seed)) ? 1 : 2);
                x = Mix(await ctx.Step("s509", ct => log.Run("s509", Twist(seed), () => Twist(seed) + 1)), (await Even(Twist(p509)) ? 1 : 2));
                y += c511.Message.Length;
            }
            x += p509;
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
        switch (Mix(Mix(x, x), Twist(seed)) % 5)
        {
            case var k601 when k601 > 2:
                x += (await Even((k601 + k601)) ? 1 : 2);
                x = Mix((await Even((seed + k601)) ? 1 : 2), await F(k601));
                foreach (var e602 in new[] { x % 7, x })
                {
                    x += e602;
                    x += await ctx.Step("s601", ct => log.Run("s601", k601 % 7, () => k601 % 7 + 1));
                    var t603 = 0;
                    while (true)
                    {
                        if (++t603 > 2)
                        {
                            break;
                        }
                        x += await F(Twist(seed));
                        y = ((k601 + seed) % 3) switch
                        {
                            0 => await ctx.Step("s602", ct => log.Run("s602", Mix(e602, x), () => Mix(e602, x) + 1)),
                            1 => e602 + 2,
                            _ => await F((y + k601)),
                        };
                        var s604 = $"{seed % 7}:{await F(Twist(e602))}";
                        y += s604.Length;
                    }
                }
                y += k601;
                break;
            default:
                if (Mix(Twist(seed), Mix(y, seed)) is var k605 && k605 % 2 == 1)
                {
                    y += await F(Twist(x));
                    y += k605;
                }
                break;
        }
        var d606 = 0;
        do
        {
            d606++;
            if (seed % 4 == 3)
            {
                break;
            }
            if (Mix(x, x) % 9 == 7)
            {
                return Mix(x, await F(seed));
            }
        }
        while (d606 < 2);
        var w607 = 0;
        while (w607 < 2 && await Even(w607 + x))
        {
            w607++;
            if (seed % 2 == 0)
            {
                y += await ctx.Step("s603", ct => log.Run("s603", Mix(seed, seed), () => Mix(seed, seed) + 1));
                if (Mix(x, x) % 2 == 0)
                {
                    y += await F(seed);
                    await ctx.Sleep(TimeSpan.FromHours(2));
                    if (Twist(y) % 4 == 3)
                    {
                        break;
                    }
                }
                else
                {
                    y += await F(Twist(x));
                    if (int.TryParse((Mix(seed, x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p608))
                    {
                        y += (await Even(y % 7) ? 1 : 2);
                        y += await F(Mix(x, p608));
                        x += await ctx.Step("s604", ct => log.Run("s604", seed % 7, () => seed % 7 + 1));
                        x += p608;
                    }
                    if (x % 7 % 3 == 0)
                    {
                        goto skip609;
                    }
                    x += (await Even(Twist(y)) ? 1 : 2);
                    skip609:
                    x += 1;
                }
            }
            else
            {
                x += await ctx.Step("s605", ct => log.Run("s605", (seed + y), () => (seed + y) + 1));
                y = Mix(seed, y) % 3 == 0 ? await F(seed % 7) : Twist(seed) + 1;
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
        var w701 = 0;
        while (w701 < 2)
        {
            w701++;
            var d702 = 0;
            do
            {
                d702++;
                y += await ctx.Step("s701", ct => log.Run("s701", x, () => x + 1));
                if (Mix(y % 7, Mix(x, seed)) is var k703 && k703 % 2 == 1)
                {
                    x += (await Even(seed % 7) ? 1 : 2);
                    y += k703;
                }
                try
                {
                    y += await Check((x + x));
                    y += (await Even((x + x)) ? 1 : 2);
                    y += (await Even(x % 7) ? 1 : 2);
                    await ctx.Sleep(TimeSpan.FromHours(1));
                }
                catch (CorpusException)
                {
                    y += 100;
                    x += await F(Mix(x, y));
                    y = Mix(new[] { y % 7, x }.Sum(v => v + y), (await Even((seed + seed)) ? 1 : 2));
                }
            }
            while (d702 < 2);
        }
        if (int.TryParse((Mix(y, y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p704))
        {
            y += await F(y);
            if (Mix(Twist(y), Mix(y, x)) is var k705 && k705 % 2 == 1)
            {
                y += await F((y + x));
                y += k705;
            }
            x += p704;
        }
        switch (await F(seed % 7) % 3)
        {
            case 0:
                x = (await Even((y + x)) ? 1 : 2);
                foreach (var e706 in new[] { Twist(seed), await ctx.Step("s702", ct => log.Run("s702", y, () => y + 1)) })
                {
                    x += e706;
                    x += (await Even(Twist(seed)) ? 1 : 2);
                    for (var i707 = 0; i707 < 2; i707++)
                    {
                        y += i707;
                        y += await ctx.Step("s703", ct => log.Run("s703", Mix(x, i707), () => Mix(x, i707) + 1));
                        y = (x % 4) switch
                        {
                            var g708 when await Even(g708 + Mix(i707, seed)) => (await Even(i707 % 7) ? 1 : 2) + g708,
                            1 => (x + i707),
                            var g708 when g708 > 2 => g708 + await F(Twist(x)),
                            _ => Mix(i707, seed) + 5,
                        };
                    }
                    if (int.TryParse((Twist(y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p709))
                    {
                        x += await ctx.Step("s704", ct => log.Run("s704", Mix(e706, p709), () => Mix(e706, p709) + 1));
                        x += await F(Twist(y));
                        x = Twist(x) % 2 == 0 ? await ctx.Step("s705", ct => log.Run("s705", Mix(seed, x), () => Mix(seed, x) + 1)) : Mix(Twist(x), await F(Mix(x, x)));
                        y += p709;
                    }
                }
                if (seed % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                if (int.TryParse((seed % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p710))
                {
                    x += await F(Mix(seed, y));
                    y += await F(x);
                    if (int.TryParse((Mix(seed, seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p711))
                    {
                        y += await F(p711);
                        x += await F(y);
                        var z712 = await F(Mix(p711, x)) + seed % 7;
                        y += p711;
                    }
                    y += p710;
                }
                if (y % 9 == 8)
                {
                    return Mix(x, y);
                }
                if (y % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                y = Mix(x, await ctx.Step("s706", ct => log.Run("s706", y, () => y + 1)));
                if (int.TryParse(((seed + seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p713))
                {
                    y += (await Even(x) ? 1 : 2);
                    y += await ctx.Step("s707", ct => log.Run("s707", x, () => x + 1));
                    try
                    {
                        x += (await Even(x % 7) ? 1 : 2);
                        if (y % 9 == 8)
                        {
                            return Mix(x, y);
                        }
                        if (Mix((seed + seed), (seed + seed)) is var k714 && k714 % 2 == 0)
                        {
                            y += await F(seed);
                            x += k714;
                        }
                    }
                    finally
                    {
                        x += 3;
                        y += await F((y + p713));
                        y = Mix(p713, await F(p713 % 7));
                        var s715 = $"{(y + y)}:{await F(Mix(y, y))}";
                        x += s715.Length;
                    }
                    y += p713;
                }
                break;
        }
        var d716 = 0;
        do
        {
            d716++;
            var d717 = 0;
            do
            {
                d717++;
                y += await F(y);
                try
                {
                    y += await Check(Twist(x));
                    x += await Check(Twist(seed));
                    x = (x % 7 % 3) switch
                    {
                        0 => await F(seed % 7),
                        1 => (x + x) + 2,
                        _ => await Check((x + seed)),
                    };
                    x = Mix(Mix(seed, y), await Check(y % 7));
                }
                catch (CorpusException c719)
                {
                    y += 100;
                    x += await F(x);
                    var s718 = $"{(seed + seed)}:{(await Even((seed + y)) ? 1 : 2)}";
                    x += s718.Length;
                    x += c719.Message.Length;
                    if (Mix(x, seed) % 4 == 0)
                    {
                        throw;
                    }
                }
                finally
                {
                    x += 3;
                    x += (await Even(Twist(seed)) ? 1 : 2);
                    int? n720 = Twist(x) % 2 == 0 ? null : x;
                    y = n720 ?? await ctx.Step("s708", ct => log.Run("s708", Mix(seed, y), () => Mix(seed, y) + 1));
                    if (await Even((x + y)))
                    {
                        x += await F(Mix(seed, seed));
                        y = y % 3 == 0 ? (await Even(y) ? 1 : 2) : (x + seed) + 1;
                    }
                }
                try
                {
                    y += await F(y % 7);
                    if ((seed + y) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                    if (Mix(Mix(seed, seed), Mix(y, x)) is var k721 && k721 % 2 == 1)
                    {
                        x += (await Even(x) ? 1 : 2);
                        x += k721;
                    }
                }
                finally
                {
                    x += 3;
                    y += await ctx.Step("s709", ct => log.Run("s709", seed, () => seed + 1));
                    x = Twist(x) % 2 == 0 ? await ctx.Step("s710", ct => log.Run("s710", seed % 7, () => seed % 7 + 1)) : Mix(y % 7, await F(Twist(x)));
                }
            }
            while (d717 < 2);
        }
        while (d716 < 2);
        var t722 = 0;
        while (true)
        {
            if (++t722 > 2)
            {
                break;
            }
            var t723 = 0;
            while (true)
            {
                if (++t723 > 2)
                {
                    break;
                }
                x += await F((y + seed));
                await ctx.Sleep(TimeSpan.FromHours(1));
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
        y = Mix(y, y = await F(Twist(x)));
        try
        {
            y += await Check(Twist(seed));
            x = Mix(y, y = await ctx.Step("s801", ct => log.Run("s801", Twist(seed), () => Twist(seed) + 1)));
            try
            {
                y += await Check(x % 7);
                y += (await Even(Mix(seed, seed)) ? 1 : 2);
                if (await Even(seed))
                {
                    y += await Check(Twist(seed));
                    if (x % 3 == 0)
                    {
                        goto skip801;
                    }
                    y += await ctx.Step("s802", ct => log.Run("s802", x, () => x + 1));
                    skip801:
                    y += 1;
                    if ((y + y) % 3 == 0)
                    {
                        goto skip802;
                    }
                    y = await ctx.Step("s803", ct => log.Run("s803", y, () => y + 1));
                    skip802:
                    x += 1;
                }
                else
                {
                    y += await Check(Mix(x, y));
                    int? n803 = y % 7 % 2 == 0 ? null : Mix(seed, x);
                    y = n803 ?? (await Even(Twist(y)) ? 1 : 2);
                    x = Twist(seed) % 3 == 0 || await Even((y + x)) ? await F((y + y)) : Mix((y + seed), await ctx.Step("s804", ct => log.Run("s804", y % 7, () => y % 7 + 1)));
                }
                y += await Check(x % 7);
            }
            catch (CorpusException)
            {
                y += 100;
                y += await F(Mix(seed, seed));
                x = Mix(new[] { Mix(x, x), x }.Sum(v => v + y), await ctx.Step("s805", ct => log.Run("s805", Mix(x, x), () => Mix(x, x) + 1)));
            }
            finally
            {
                x += 3;
                y += await Check(x % 7);
                y = Mix(new[] { seed, x }.Sum(v => v + y), await F(Twist(x)));
            }
        }
        catch (CorpusException)
        {
            y += 100;
            var t804 = 0;
            while (true)
            {
                if (++t804 > 2)
                {
                    break;
                }
                x += await F(x % 7);
                var w805 = 0;
                while (w805 < 2)
                {
                    w805++;
                    x += (await Even(Mix(y, x)) ? 1 : 2);
                    if (int.TryParse(((x + y) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p806))
                    {
                        y += (await Even(Twist(x)) ? 1 : 2);
                        x += await ctx.Step("s806", ct => log.Run("s806", x % 7, () => x % 7 + 1));
                        y = (x % 7 % 3) switch
                        {
                            0 => await F(Mix(p806, seed)),
                            1 => Mix(seed, y) + 2,
                            _ => await F(Mix(x, x)),
                        };
                        y += p806;
                    }
                    y = x % 2 == 0 && await Even((seed + y)) ? await ctx.Step("s807", ct => log.Run("s807", (y + x), () => (y + x) + 1)) : Mix((seed + y), await F(seed % 7));
                }
                for (var i807 = 0; i807 < 2; i807++)
                {
                    y += i807;
                    x += (await Even((x + i807)) ? 1 : 2);
                    x = (y % 7 % 4) switch
                    {
                        var g808 when await Even(g808 + Twist(y)) => await ctx.Step("s808", ct => log.Run("s808", g808, () => g808 + 1)) + g808,
                        1 => Mix(y, y),
                        var g808 when g808 > 2 => g808 + await F(Twist(seed)),
                        _ => Twist(i807) + 5,
                    };
                    x = Mix(new[] { x, x }.Sum(v => v + y), await F(Twist(x)));
                }
            }
        }
        finally
        {
            x += 3;
            if (Twist(seed) % 3 == 0 || await Even(y))
            {
                y += await ctx.Step("s809", ct => log.Run("s809", x, () => x + 1));
                y = Mix(new[] { Mix(y, y), x }.Sum(v => v + y), await F((seed + y)));
                y = await F(Mix(x, seed));
            }
            (x, y) = (await F(x), Mix(x, Twist(x)));
        }
        foreach (var e809 in new[] { x % 7, x })
        {
            x += e809;
            if (Mix(x, e809) % 4 == 1)
            {
                continue;
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
        x = Mix(new[] { Mix(y, x), x }.Sum(v => v + y), await ctx.Step("s901", ct => log.Run("s901", y, () => y + 1)));
        y = Mix(new[] { Twist(seed), x }.Sum(v => v + y), (await Even((seed + x)) ? 1 : 2));
        if (Twist(y) % 3 == 0 || await Even(y))
        {
            try
            {
                x += await ctx.Step("s902", ct => log.Run("s902", (y + y), () => (y + y) + 1));
                int? n901 = y % 7 % 2 == 0 ? null : Mix(y, seed);
                y = n901 ?? await ctx.Step("s903", ct => log.Run("s903", seed, () => seed + 1));
                for (var i902 = 0; i902 < 2; i902++)
                {
                    y += i902;
                    y += await F(Twist(i902));
                    x = (await Even((y + seed)) ? 1 : 2);
                    y = (x + y) % 3 == 0 ? await F(seed % 7) : x + 1;
                }
            }
            finally
            {
                x += 3;
                y += await ctx.Step("s904", ct => log.Run("s904", Mix(seed, seed), () => Mix(seed, seed) + 1));
                y = await F(Mix(seed, x));
                foreach (var e903 in new[] { (x + seed), await ctx.Step("s905", ct => log.Run("s905", (seed + seed), () => (seed + seed) + 1)) })
                {
                    x += e903;
                    x += (await Even(e903 % 7) ? 1 : 2);
                    var s904 = $"{(y + e903)}:{await F(Twist(seed))}";
                    y += s904.Length;
                }
            }
            if (y % 7 % 2 == 0)
            {
                y += await ctx.Step("s906", ct => log.Run("s906", (y + seed), () => (y + seed) + 1));
                if (seed % 7 % 2 == 0 && await Even(seed))
                {
                    x += await F((seed + x));
                    if (Twist(seed) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                    if (Mix(seed, x) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                }
                else
                {
                    y += await ctx.Step("s907", ct => log.Run("s907", x, () => x + 1));
                    try
                    {
                        y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        y += 7;
                    }
                }
                y = Mix(seed, (await Even(x % 7) ? 1 : 2));
            }
            else
            {
                y += await ctx.Step("s908", ct => log.Run("s908", Twist(y), () => Twist(y) + 1));
                if (Mix(y, x) % 9 == 7)
                {
                    return Mix(x, await ctx.Step("s909", ct => log.Run("s909", (y + seed), () => (y + seed) + 1)));
                }
                for (var i905 = 0; i905 < 2 && await Even(i905 + Mix(x, x)); i905++)
                {
                    y += i905;
                    x += await ctx.Step("s910", ct => log.Run("s910", x % 7, () => x % 7 + 1));
                    y = Mix(y, y = await ctx.Step("s911", ct => log.Run("s911", Twist(y), () => Twist(y) + 1)));
                }
            }
        }
        x = Mix(seed, x) % 2 == 0 && await Even(x) ? await F(Mix(x, seed)) : Mix(x % 7, (await Even(x) ? 1 : 2));
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
        (x, y) = (await F((seed + x)), Mix(x, Twist(x)));
        for (var i1001 = 0; i1001 < 2; i1001++)
        {
            y += i1001;
            var s1002 = $"{x}:{(await Even(Mix(y, x)) ? 1 : 2)}";
            x += s1002.Length;
            for (var i1003 = 0; i1003 < 2 && await Even(i1003 + y); i1003++)
            {
                y += i1003;
                y += await ctx.Step("s1001", ct => log.Run("s1001", Mix(i1003, seed), () => Mix(i1003, seed) + 1));
                try
                {
                    y += await Check(Twist(seed));
                    x += await F(Mix(i1003, y));
                    y = await F(i1003);
                }
                catch (CorpusException c1004) when (c1004.Message.Length % 2 == 1)
                {
                    y += 100;
                    x += await ctx.Step("s1002", ct => log.Run("s1002", (x + x), () => (x + x) + 1));
                    if (i1003 % 7 % 4 == 3)
                    {
                        break;
                    }
                    y += c1004.Message.Length;
                }
                finally
                {
                    x += 3;
                    y += await F(Twist(seed));
                    x = Mix(x, x = (await Even(y % 7) ? 1 : 2));
                }
                x = await F(y % 7);
            }
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
        for (var i1005 = 0; i1005 < 2; i1005++)
        {
            y += i1005;
            x = Mix((i1005 + x), await F(i1005));
            if (Twist(i1005) % 4 == 3)
            {
                break;
            }
        }
        if (seed % 7 % 9 == 8)
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
        x = ((seed + seed) % 3) switch
        {
            0 => await ctx.Step("s1101", ct => log.Run("s1101", Mix(x, seed), () => Mix(x, seed) + 1)),
            1 => Twist(x) + 2,
            _ => await ctx.Step("s1102", ct => log.Run("s1102", seed, () => seed + 1)),
        };
        for (var i1101 = 0; i1101 < 2 && await Even(i1101 + (seed + x)); i1101++)
        {
            y += i1101;
            x = Mix(i1101, seed) % 3 == 0 ? await ctx.Step("s1103", ct => log.Run("s1103", x, () => x + 1)) : Twist(seed) + 1;
            var t1102 = 0;
            while (true)
            {
                if (++t1102 > 2)
                {
                    break;
                }
                x += await ctx.Step("s1104", ct => log.Run("s1104", y % 7, () => y % 7 + 1));
                x += (await Even(Twist(x)) ? 1 : 2);
                try
                {
                    y += await ctx.Step("s1105", ct => log.Run("s1105", x, () => x + 1));
                    var z1103 = await ctx.Step("s1106", ct => log.Run("s1106", y, () => y + 1)) + i1101 % 7;
                    await ctx.Sleep(TimeSpan.FromHours(2));
                }
                finally
                {
                    x += 3;
                    x += await F(x);
                    y = Mix(y, y = await ctx.Step("s1107", ct => log.Run("s1107", (x + i1101), () => (x + i1101) + 1)));
                }
            }
        }
        if (int.TryParse(((y + x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1104))
        {
            y += await F(Mix(x, seed));
            try
            {
                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
            x += p1104;
        }
        var b1105 = 0;
        again1106:
        b1105++;
        y = y % 7 % 3 == 0 ? (await Even(Mix(x, y)) ? 1 : 2) : (seed + y) + 1;
        var b1107 = 0;
        again1108:
        b1107++;
        x += await F(Twist(y));
        x = Mix((await Even(Twist(y)) ? 1 : 2), await ctx.Step("s1108", ct => log.Run("s1108", x % 7, () => x % 7 + 1)));
        (x, y) = (await F(y), Mix(x, Mix(x, seed)));
        if (b1107 < 2 && Twist(seed) % 2 == 0)
        {
            goto again1108;
        }
        if (b1105 < 2 && x % 2 == 0)
        {
            goto again1106;
        }
        if (Mix(y, seed) % 3 == 0)
        {
            goto skip1109;
        }
        x = (await Even((x + y)) ? 1 : 2);
        skip1109:
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
        switch (await ctx.Step("s1201", ct => log.Run("s1201", (x + x), () => (x + x) + 1)) % 3)
        {
            case 0:
                var t1201 = 0;
                while (true)
                {
                    if (++t1201 > 2)
                    {
                        break;
                    }
                    x += (await Even((seed + y)) ? 1 : 2);
                    int? n1202 = y % 2 == 0 ? null : x;
                    x = n1202 ?? (await Even(Twist(seed)) ? 1 : 2);
                }
                break;
            case 1:
                x += await F(Twist(y));
                (x, y) = ((await Even(Mix(x, x)) ? 1 : 2), Mix(x, Mix(y, x)));
                break;
            default:
                foreach (var e1203 in new[] { seed % 7, Mix(y, seed) })
                {
                    x += e1203;
                    y += await F(Twist(seed));
                    try
                    {
                        y += await Check(seed % 7);
                        x += await F(x);
                        x = seed % 3 == 0 ? await F((e1203 + y)) : Mix(y, e1203) + 1;
                        await ctx.Sleep(TimeSpan.FromHours(2));
                    }
                    catch (CorpusException c1204) when (c1204.Message.Length % 2 == 1)
                    {
                        y += 100;
                        x += await F(Twist(x));
                        y = Mix(await F((y + x)), await F((seed + x)));
                        y += c1204.Message.Length;
                    }
                    y = seed % 3 == 0 ? await F(seed) : (y + x) + 1;
                }
                try
                {
                    y += await Check(Mix(y, x));
                    y += await ctx.Step("s1202", ct => log.Run("s1202", (x + x), () => (x + x) + 1));
                    y = Mix(y, y = await F((seed + x)));
                    x = (Twist(x) % 3) switch
                    {
                        0 => await ctx.Step("s1203", ct => log.Run("s1203", (y + seed), () => (y + seed) + 1)),
                        1 => y % 7 + 2,
                        _ => await ctx.Step("s1204", ct => log.Run("s1204", x % 7, () => x % 7 + 1)),
                    };
                }
                catch (CorpusException c1206) when (c1206.Message.Length % 2 == 0)
                {
                    y += 100;
                    x += (await Even(Mix(y, seed)) ? 1 : 2);
                    for (var i1205 = 0; i1205 < 2 && await Even(i1205 + (x + seed)); i1205++)
                    {
                        y += i1205;
                        x += (await Even((i1205 + y)) ? 1 : 2);
                        y = (Twist(seed) % 3) switch
                        {
                            0 => (await Even(Mix(x, y)) ? 1 : 2),
                            1 => (x + i1205) + 2,
                            _ => await F(Mix(seed, i1205)),
                        };
                        y = (seed + x) % 3 == 0 ? await F(y % 7) : x + 1;
                    }
                    y += c1206.Message.Length;
                }
                break;
        }
        switch ((y + seed) % 3)
        {
            case 0:
                y = Twist(seed) % 3 == 0 ? await F((y + seed)) : Twist(x) + 1;
                break;
            case 1:
                if (await Even(seed))
                {
                    x += await F(seed);
                    y = Mix((y + y), (await Even(x) ? 1 : 2));
                    y = (Mix(seed, seed) % 4) switch
                    {
                        var g1207 when await Even(g1207 + Twist(x)) => (await Even(seed) ? 1 : 2) + g1207,
                        1 => Mix(x, y),
                        var g1207 when g1207 > 2 => g1207 + await F((seed + x)),
                        _ => y + 5,
                    };
                }
                break;
            default:
                try
                {
                    x += await F(Twist(seed));
                    var z1208 = await F((y + y)) + y % 7;
                }
                finally
                {
                    x += 3;
                    x += await F(Twist(x));
                    switch ((await Even(Twist(y)) ? 1 : 2) % 3)
                    {
                        case 0:
                            x += await ctx.Step("s1205", ct => log.Run("s1205", Mix(y, y), () => Mix(y, y) + 1));
                            try
                            {
                                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                            }
                            catch (TimeoutException)
                            {
                                y += 7;
                            }
                            if (x % 7 % 2 == 0)
                            {
                                goto case 1;
                            }
                            break;
                        case 1:
                            x += (await Even(x % 7) ? 1 : 2);
                            x = Mix((await Even(y) ? 1 : 2), await ctx.Step("s1206", ct => log.Run("s1206", (seed + y), () => (seed + y) + 1)));
                            if (y % 2 == 0)
                            {
                                goto default;
                            }
                            break;
                        default:
                            y += await F(x);
                            x = await F(y % 7);
                            break;
                    }
                    if (Mix(Twist(y), (y + seed)) is var k1209 && k1209 % 2 == 0)
                    {
                        y += await F(Mix(k1209, x));
                        x += k1209;
                    }
                }
                break;
        }
        x = (Twist(seed) % 4) switch
        {
            var g1210 when await Even(g1210 + Mix(seed, y)) => await F((x + seed)) + g1210,
            1 => seed % 7,
            var g1210 when g1210 > 2 => g1210 + await F(Twist(x)),
            _ => (seed + x) + 5,
        };
        for (var i1211 = 0; i1211 < 2 && await Even(i1211 + Twist(x)); i1211++)
        {
            y += i1211;
            int? n1212 = seed % 7 % 2 == 0 ? null : (i1211 + y);
            x = n1212 ?? (await Even(Twist(i1211)) ? 1 : 2);
        }
        y = Mix(seed, y) % 2 == 0 ? await ctx.Step("s1207", ct => log.Run("s1207", Mix(seed, x), () => Mix(seed, x) + 1)) : Mix(y, await F(seed));
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
        if (int.TryParse((seed % 7 % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1301))
        {
            x += await ctx.Step("s1301", ct => log.Run("s1301", y % 7, () => y % 7 + 1));
            switch (Mix(Twist(y), Mix(x, seed)) % 5)
            {
                case var k1302 when k1302 > 2:
                    x += await F(p1301);
                    x += await F(y % 7);
                    x = Mix(x, x = await F(Twist(y)));
                    var b1303 = 0;
                    again1304:
                    b1303++;
                    x += await F(k1302);
                    y = Mix(x, x = await ctx.Step("s1302", ct => log.Run("s1302", (k1302 + p1301), () => (k1302 + p1301) + 1)));
                    y = (Mix(k1302, y) % 4) switch
                    {
                        var g1305 when await Even(g1305 + Twist(p1301)) => (await Even(Twist(y)) ? 1 : 2) + g1305,
                        1 => p1301 % 7,
                        var g1305 when g1305 > 2 => g1305 + await ctx.Step("s1303", ct => log.Run("s1303", y % 7, () => y % 7 + 1)),
                        _ => Twist(seed) + 5,
                    };
                    if (b1303 < 2 && p1301 % 7 % 2 == 0)
                    {
                        goto again1304;
                    }
                    x += k1302;
                    break;
                default:
                    y += (await Even(p1301 % 7) ? 1 : 2);
                    await ctx.Sleep(TimeSpan.FromHours(2));
                    var w1306 = 0;
                    while (w1306 < 2 && await Even(w1306 + x))
                    {
                        w1306++;
                        x += await F((x + seed));
                        if ((p1301 + p1301) % 3 == 0 || await Even(Twist(seed)))
                        {
                            x += await F(Twist(seed));
                            y = await F(Twist(seed));
                            y = Mix(new[] { Mix(p1301, x), x }.Sum(v => v + y), await ctx.Step("s1304", ct => log.Run("s1304", (x + x), () => (x + x) + 1)));
                        }
                        y = await ctx.Step("s1305", ct => log.Run("s1305", (x + p1301), () => (x + p1301) + 1));
                    }
                    break;
            }
            y += p1301;
        }
        var t1307 = 0;
        while (true)
        {
            if (++t1307 > 2)
            {
                break;
            }
            try
            {
                y += await Check(Mix(seed, x));
                x += await F(Twist(y));
                try
                {
                    x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                }
                catch (TimeoutException)
                {
                    y += 7;
                }
                int? n1308 = (y + seed) % 2 == 0 ? null : x;
                x = n1308 ?? await Check(Mix(y, y));
            }
            catch (CorpusException)
            {
                y += 100;
                x += await F(seed % 7);
                try
                {
                    y += await Check(Mix(seed, seed));
                    y += await F(y);
                    await ctx.Sleep(TimeSpan.FromHours(1));
                }
                catch (CorpusException c1309) when (c1309.Message.Length % 2 == 0)
                {
                    y += 100;
                    y += await F((seed + x));
                    if (x % 4 == 3)
                    {
                        break;
                    }
                    await ctx.Sleep(TimeSpan.FromHours(2));
                    y += c1309.Message.Length;
                }
                finally
                {
                    x += 3;
                    y += await ctx.Step("s1306", ct => log.Run("s1306", (x + x), () => (x + x) + 1));
                    x = (Mix(x, x) % 3) switch
                    {
                        0 => await ctx.Step("s1307", ct => log.Run("s1307", y % 7, () => y % 7 + 1)),
                        1 => y + 2,
                        _ => (await Even(y) ? 1 : 2),
                    };
                }
            }
        }
        try
        {
            y = await Even(Mix(seed, y)) ? await F(y) : Mix(Twist(x), await F(Twist(x)));
            var w1310 = 0;
            while (w1310 < 2)
            {
                w1310++;
                y += await F(Mix(x, y));
                try
                {
                    y += await Check(seed);
                    x += (await Even((y + y)) ? 1 : 2);
                    x = await F(Mix(y, y));
                }
                catch (CorpusException)
                {
                    y += 100;
                    x += (await Even(x % 7) ? 1 : 2);
                    y = (x % 7 % 3) switch
                    {
                        0 => await F((y + y)),
                        1 => y % 7 + 2,
                        _ => await F(Twist(seed)),
                    };
                    if (Mix(x, seed) % 4 == 3)
                    {
                        break;
                    }
                }
                finally
                {
                    x += 3;
                    x += await F(seed);
                    x = (x + y) % 2 == 0 && await Even(Mix(x, seed)) ? await F(x % 7) : Mix((y + y), await F((seed + seed)));
                }
            }
        }
        finally
        {
            x += 3;
            var b1311 = 0;
            again1312:
            b1311++;
            y += (await Even((y + x)) ? 1 : 2);
            switch ((await Even(Mix(y, y)) ? 1 : 2) % 3)
            {
                case 0:
                    x += (await Even(Twist(seed)) ? 1 : 2);
                    y = Mix(x, x = await ctx.Step("s1308", ct => log.Run("s1308", Twist(seed), () => Twist(seed) + 1)));
                    if (Mix((seed + seed), y) is var k1313 && k1313 % 2 == 1)
                    {
                        y += await F(k1313 % 7);
                        y += k1313;
                    }
                    break;
                case 1:
                    x += await F(Twist(seed));
                    if (x % 3 == 0)
                    {
                        goto skip1314;
                    }
                    y = (await Even(y) ? 1 : 2);
                    skip1314:
                    y += 1;
                    break;
                default:
                    y += await F(y);
                    x += (await Even((seed + x)) ? 1 : 2);
                    break;
            }
            if (Mix((x + y), Twist(y)) is var k1315 && k1315 % 2 == 1)
            {
                x += await F(Twist(k1315));
                y += k1315;
            }
            if (b1311 < 2 && (seed + y) % 2 == 0)
            {
                goto again1312;
            }
            x = Mix(await F(x), await ctx.Step("s1309", ct => log.Run("s1309", Mix(seed, x), () => Mix(seed, x) + 1)));
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
        try
        {
            y += await Check(Mix(y, seed));
            y = await ctx.Step("s1401", ct => log.Run("s1401", x, () => x + 1));
        }
        catch (CorpusException c1401)
        {
            y += 100;
            if (y % 7 % 9 == 7)
            {
                return Mix(x, await F(x));
            }
            y = await F(seed % 7);
            x += c1401.Message.Length;
            if (seed % 7 % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            var b1402 = 0;
            again1403:
            b1402++;
            x += await ctx.Step("s1402", ct => log.Run("s1402", (seed + y), () => (seed + y) + 1));
            for (var i1404 = 0; i1404 < 2; i1404++)
            {
                y += i1404;
                y += await ctx.Step("s1403", ct => log.Run("s1403", (y + seed), () => (y + seed) + 1));
                await ctx.Sleep(TimeSpan.FromHours(1));
                y = (await Even(Twist(seed)) ? 1 : 2);
            }
            if (b1402 < 2 && (x + x) % 2 == 0)
            {
                goto again1403;
            }
        }
        x = await ctx.Step("s1404", ct => log.Run("s1404", x, () => x + 1));
        if (Twist(x) % 9 == 7)
        {
            return Mix(x, await ctx.Step("s1405", ct => log.Run("s1405", y, () => y + 1)));
        }
        try
        {
            y += await Check(Mix(x, y));
            (x, y) = (await F(x), Mix(x, seed));
        }
        catch (CorpusException)
        {
            y += 100;
            y = (Twist(seed) % 4) switch
            {
                var g1405 when await Even(g1405 + Twist(x)) => (await Even(seed % 7) ? 1 : 2) + g1405,
                1 => seed % 7,
                var g1405 when g1405 > 2 => g1405 + (await Even(Twist(seed)) ? 1 : 2),
                _ => Mix(y, seed) + 5,
            };
        }
        y = Mix((await Even(Twist(seed)) ? 1 : 2), (await Even(Mix(x, x)) ? 1 : 2));
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
        try
        {
            y += await Check((y + x));
            try
            {
                x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
            (x, y) = ((await Even((seed + seed)) ? 1 : 2), Mix(x, (seed + x)));
        }
        catch (CorpusException)
        {
            y += 100;
            try
            {
                x += await ctx.Step("s1501", ct => log.Run("s1501", Mix(y, x), () => Mix(y, x) + 1));
                y = Mix(Mix(seed, seed), await F(x % 7));
            }
            finally
            {
                x += 3;
                x += await ctx.Step("s1502", ct => log.Run("s1502", x % 7, () => x % 7 + 1));
                y = Mix(new[] { Twist(x), x }.Sum(v => v + y), await F((x + seed)));
                var s1501 = $"{Mix(seed, y)}:{(await Even(Mix(x, seed)) ? 1 : 2)}";
                x += s1501.Length;
            }
        }
        finally
        {
            x += 3;
            y = Mix(y, y = await ctx.Step("s1503", ct => log.Run("s1503", Mix(x, y), () => Mix(x, y) + 1)));
        }
        var z1502 = await F(Twist(y)) + Twist(seed);
        x = ((x + x) % 4) switch
        {
            var g1503 when await Even(g1503 + y % 7) => await ctx.Step("s1504", ct => log.Run("s1504", Twist(seed), () => Twist(seed) + 1)) + g1503,
            1 => Mix(z1502, z1502),
            var g1503 when g1503 > 2 => g1503 + await F(Twist(x)),
            _ => Mix(seed, seed) + 5,
        };
        if (Mix(x, z1502) % 2 == 0 && await Even(Twist(x)))
        {
            int? n1504 = Mix(y, x) % 2 == 0 ? null : y % 7;
            y = n1504 ?? (await Even(z1502 % 7) ? 1 : 2);
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
        y = seed % 7 % 2 == 0 ? await F((seed + seed)) : Mix(Twist(x), await ctx.Step("s1601", ct => log.Run("s1601", seed % 7, () => seed % 7 + 1)));
        if (x % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        try
        {
            y += await Check(Twist(y));
            if ((x + y) % 3 == 0)
            {
                goto skip1601;
            }
            y += await F(seed);
            skip1601:
            y += 1;
            if (x % 7 % 9 == 8)
            {
                return Mix(x, y);
            }
        }
        catch (CorpusException c1604)
        {
            y += 100;
            try
            {
                y += await Check(y % 7);
                x += await F((y + x));
                y = Mix(x, x = await ctx.Step("s1602", ct => log.Run("s1602", x % 7, () => x % 7 + 1)));
            }
            catch (CorpusException)
            {
                y += 100;
                x += await F(x);
                if (Mix(seed, y) % 3 == 0)
                {
                    goto skip1602;
                }
                y = (await Even(y % 7) ? 1 : 2);
                skip1602:
                x += 1;
            }
            finally
            {
                x += 3;
                y += await ctx.Step("s1603", ct => log.Run("s1603", (x + y), () => (x + y) + 1));
                var w1603 = 0;
                while (w1603 < 2)
                {
                    w1603++;
                    x += await F(Mix(y, y));
                    y = (await Even(x % 7) ? 1 : 2);
                    x = await ctx.Step("s1604", ct => log.Run("s1604", seed, () => seed + 1));
                }
            }
            x = await F((x + seed));
            x += c1604.Message.Length;
            if (seed % 7 % 4 == 0)
            {
                throw;
            }
        }
        for (var i1605 = 0; i1605 < 2 && await Even(i1605 + y); i1605++)
        {
            y += i1605;
            try
            {
                x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
            if (Mix(y, seed) % 2 == 0)
            {
                x += await ctx.Step("s1605", ct => log.Run("s1605", Mix(x, y), () => Mix(x, y) + 1));
                foreach (var e1606 in new[] { Mix(i1605, y), Twist(y) })
                {
                    x += e1606;
                    x += (await Even(Twist(e1606)) ? 1 : 2);
                    try
                    {
                        y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        y += 7;
                    }
                    (x, y) = ((await Even(e1606 % 7) ? 1 : 2), Mix(x, x));
                }
            }
            else
            {
                y += (await Even(y % 7) ? 1 : 2);
                y = Mix(Twist(i1605), await F(Twist(seed)));
            }
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
