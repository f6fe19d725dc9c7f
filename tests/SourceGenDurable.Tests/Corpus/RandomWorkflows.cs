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
        x = Mix((await Even((y + seed)) ? 1 : 2), await ctx.Step("s301", ct => log.Run("s301", x % 7, () => x % 7 + 1)));
        y = ((y + seed) % 4) switch
        {
            var g301 when await Even(g301 + y) => await ctx.Step("s302", ct => log.Run("s302", g301 % 7, () => g301 % 7 + 1)) + g301,
            1 => x,
            var g301 when g301 > 2 => g301 + (await Even(Twist(seed)) ? 1 : 2),
            _ => Mix(y, seed) + 5,
        };
        var t302 = 0;
        while (true)
        {
            if (++t302 > 2)
            {
                break;
            }
            x = (await Even(Twist(x)) ? 1 : 2);
        }
        x += await ctx.Step("s303", ct => log.Run("s303", Twist(x), () => Twist(x) + 1));
        x = y % 7 % 3 == 0 ? await F((y + y)) : Mix(x, seed) + 1;
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
        foreach (var e401 in new[] { seed % 7, (y + x) })
        {
            x += e401;
            try
            {
                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
        }
        x = (seed % 3) switch
        {
            0 => await ctx.Step("s401", ct => log.Run("s401", x % 7, () => x % 7 + 1)),
            1 => Twist(y) + 2,
            _ => await F((seed + y)),
        };
        var z402 = await ctx.Step("s402", ct => log.Run("s402", Twist(y), () => Twist(y) + 1)) + (seed + seed);
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
        var d501 = 0;
        do
        {
            d501++;
            try
            {
                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
            }
            catch (TimeoutException)
            {
                x += 7;
            }
        }
        while (d501 < 2);
        var z502 = await F(Twist(x)) + (x + seed);
        try
        {
            y += await Check(Mix(y, y));
            var b503 = 0;
            again504:
            b503++;
            y += (await Even((y + z502)) ? 1 : 2);
            if (await Even(Mix(seed, y)))
            {
                y += await Check(Mix(seed, x));
                await ctx.Sleep(TimeSpan.FromHours(2));
                if ((seed + z502) % 3 == 0)
                {
                    goto skip505;
                }
                x = await F(Mix(x, z502));
                skip505:
                x += 1;
            }
            if (int.TryParse(((y + x) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p506))
            {
                y += await F(x);
                x += await F(x % 7);
                y = Mix(Mix(p506, y), await F(seed));
                y += p506;
            }
            if (b503 < 2 && Mix(y, x) % 2 == 0)
            {
                goto again504;
            }
        }
        catch (CorpusException c507)
        {
            y += 100;
            y = Mix(x, x = await ctx.Step("s501", ct => log.Run("s501", (y + y), () => (y + y) + 1)));
            x += c507.Message.Length;
            if (x % 7 % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            foreach (var e508 in new[] { Twist(seed), Mix(z502, x) })
            {
                x += e508;
                y += await F(x % 7);
                if (Mix(y, Twist(y)) is var k509 && k509 % 2 == 0)
                {
                    x += await ctx.Step("s502", ct => log.Run("s502", Twist(seed), () => Twist(seed) + 1));
                    y += k509;
                }
                y = (await Even(z502 % 7) ? 1 : 2);
            }
            y = Mix((x + seed), await F((y + seed)));
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
        switch (seed % 7 % 3)
        {
            case 0:
                y += (await Even(Twist(x)) ? 1 : 2);
                y = seed % 7 % 2 == 0 ? await F(y % 7) : Mix(Mix(x, x), (await Even(seed) ? 1 : 2));
                if (x % 7 % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                if (y % 7 % 3 == 0)
                {
                    goto skip601;
                }
                x += (await Even(x % 7) ? 1 : 2);
                skip601:
                y += 1;
                if (x % 7 % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                var t602 = 0;
                while (true)
                {
                    if (++t602 > 2)
                    {
                        break;
                    }
                    x += await ctx.Step("s601", ct => log.Run("s601", Mix(y, y), () => Mix(y, y) + 1));
                    (x, y) = (await F(y % 7), Mix(x, Mix(y, seed)));
                }
                break;
        }
        try
        {
            y = await F((x + y));
            var s603 = $"{y % 7}:{await F(Twist(seed))}";
            x += s603.Length;
        }
        finally
        {
            x += 3;
            await ctx.Sleep(TimeSpan.FromHours(1));
            y = y % 3 == 0 || await Even(x) ? await F(Mix(y, seed)) : Mix(Mix(x, seed), await ctx.Step("s602", ct => log.Run("s602", (y + seed), () => (y + seed) + 1)));
        }
        await ctx.Sleep(TimeSpan.FromHours(2));
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
        var b701 = 0;
        again702:
        b701++;
        if (x % 3 == 0)
        {
            goto skip703;
        }
        x += await ctx.Step("s701", ct => log.Run("s701", x % 7, () => x % 7 + 1));
        skip703:
        x += 1;
        try
        {
            y += await Check((seed + y));
            y += await F(seed % 7);
            if (seed % 3 == 0 || await Even((x + x)))
            {
                y += await ctx.Step("s702", ct => log.Run("s702", (x + seed), () => (x + seed) + 1));
                y = Mix(new[] { Mix(y, x), x }.Sum(v => v + y), (await Even(Twist(seed)) ? 1 : 2));
                if (Mix(Mix(seed, seed), Mix(y, x)) is var k704 && k704 % 2 == 0)
                {
                    x += await ctx.Step("s703", ct => log.Run("s703", Mix(y, x), () => Mix(y, x) + 1));
                    y += k704;
                }
            }
            else
            {
                y += await F(seed);
                (x, y) = (await F(seed), Mix(x, seed));
                if ((seed + x) % 3 == 0)
                {
                    goto skip705;
                }
                x = await F(seed);
                skip705:
                x += 1;
            }
            try
            {
                y += await Check(Twist(x));
                x += await ctx.Step("s704", ct => log.Run("s704", (x + y), () => (x + y) + 1));
                x = (Mix(x, y) % 4) switch
                {
                    var g706 when await Even(g706 + Mix(seed, seed)) => await F(Mix(y, x)) + g706,
                    1 => x,
                    var g706 when g706 > 2 => g706 + await ctx.Step("s705", ct => log.Run("s705", (seed + seed), () => (seed + seed) + 1)),
                    _ => y + 5,
                };
                x = Mix(new[] { (seed + x), x }.Sum(v => v + y), await F(seed % 7));
            }
            catch (CorpusException)
            {
                y += 100;
                x += (await Even(Mix(y, seed)) ? 1 : 2);
                y += (await Even(Twist(y)) ? 1 : 2);
            }
        }
        catch (CorpusException c707) when (c707.Message.Length % 2 == 1)
        {
            y += 100;
            x += (await Even((y + y)) ? 1 : 2);
            y = (x % 3) switch
            {
                0 => (await Even(y) ? 1 : 2),
                1 => x % 7 + 2,
                _ => await ctx.Step("s706", ct => log.Run("s706", seed, () => seed + 1)),
            };
            if (y % 7 % 9 == 8)
            {
                return Mix(x, y);
            }
            y += c707.Message.Length;
        }
        if (b701 < 2 && Twist(seed) % 2 == 0)
        {
            goto again702;
        }
        var d708 = 0;
        do
        {
            d708++;
            if (x % 7 % 9 == 7)
            {
                return Mix(x, await F((y + y)));
            }
        }
        while (d708 < 2);
        y = Mix(seed, y) % 3 == 0 ? await F(seed % 7) : Twist(seed) + 1;
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
        x = Mix(new[] { Mix(y, x), x }.Sum(v => v + y), await ctx.Step("s801", ct => log.Run("s801", y, () => y + 1)));
        y = Mix(new[] { Twist(seed), x }.Sum(v => v + y), (await Even((seed + x)) ? 1 : 2));
        if (Twist(y) % 3 == 0 || await Even(y))
        {
            try
            {
                x += await ctx.Step("s802", ct => log.Run("s802", (y + y), () => (y + y) + 1));
                int? n801 = y % 7 % 2 == 0 ? null : Mix(y, seed);
                y = n801 ?? await ctx.Step("s803", ct => log.Run("s803", seed, () => seed + 1));
                for (var i802 = 0; i802 < 2; i802++)
                {
                    y += i802;
                    y += await F(Twist(i802));
                    x = (await Even((y + seed)) ? 1 : 2);
                    y = (x + y) % 3 == 0 ? await F(seed % 7) : x + 1;
                }
            }
            finally
            {
                x += 3;
                y += await ctx.Step("s804", ct => log.Run("s804", Mix(seed, seed), () => Mix(seed, seed) + 1));
                y = await F(Mix(seed, x));
                foreach (var e803 in new[] { (x + seed), await ctx.Step("s805", ct => log.Run("s805", (seed + seed), () => (seed + seed) + 1)) })
                {
                    x += e803;
                    x += (await Even(e803 % 7) ? 1 : 2);
                    var s804 = $"{(y + e803)}:{await F(Twist(seed))}";
                    y += s804.Length;
                }
            }
            if (y % 7 % 2 == 0)
            {
                y += await ctx.Step("s806", ct => log.Run("s806", (y + seed), () => (y + seed) + 1));
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
                    y += await ctx.Step("s807", ct => log.Run("s807", x, () => x + 1));
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
                y += await ctx.Step("s808", ct => log.Run("s808", Twist(y), () => Twist(y) + 1));
                if (Mix(y, x) % 9 == 7)
                {
                    return Mix(x, await ctx.Step("s809", ct => log.Run("s809", (y + seed), () => (y + seed) + 1)));
                }
                for (var i805 = 0; i805 < 2 && await Even(i805 + Mix(x, x)); i805++)
                {
                    y += i805;
                    x += await ctx.Step("s810", ct => log.Run("s810", x % 7, () => x % 7 + 1));
                    y = Mix(y, y = await ctx.Step("s811", ct => log.Run("s811", Twist(y), () => Twist(y) + 1)));
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
    public async Task<int> Random09(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        (x, y) = (await F((seed + x)), Mix(x, Twist(x)));
        for (var i901 = 0; i901 < 2; i901++)
        {
            y += i901;
            var s902 = $"{x}:{(await Even(Mix(y, x)) ? 1 : 2)}";
            x += s902.Length;
            for (var i903 = 0; i903 < 2 && await Even(i903 + y); i903++)
            {
                y += i903;
                y += await ctx.Step("s901", ct => log.Run("s901", Mix(i903, seed), () => Mix(i903, seed) + 1));
                try
                {
                    y += await Check(Twist(seed));
                    x += await F(Mix(i903, y));
                    y = await F(i903);
                }
                catch (CorpusException c904) when (c904.Message.Length % 2 == 1)
                {
                    y += 100;
                    x += await ctx.Step("s902", ct => log.Run("s902", (x + x), () => (x + x) + 1));
                    if (i903 % 7 % 4 == 3)
                    {
                        break;
                    }
                    y += c904.Message.Length;
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
        for (var i905 = 0; i905 < 2; i905++)
        {
            y += i905;
            x = Mix((i905 + x), await F(i905));
            if (Twist(i905) % 4 == 3)
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
    public async Task<int> Random10(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = await F(x % 7);
        x = (await Even((x + x)) ? 1 : 2);
        switch (Mix((x + y), Twist(seed)) % 5)
        {
            case var k1001 when k1001 > 2:
                y += (await Even(Twist(x)) ? 1 : 2);
                x = Mix(k1001, y) % 3 == 0 ? await F(y) : x % 7 + 1;
                x += k1001;
                break;
            default:
                x = await Even((x + y)) ? await F(Mix(x, y)) : Mix(Twist(x), await F((x + x)));
                try
                {
                    y += await Check(seed);
                    y += await F(Mix(seed, y));
                    int? n1002 = x % 7 % 2 == 0 ? null : (x + seed);
                    y = n1002 ?? await ctx.Step("s1001", ct => log.Run("s1001", y % 7, () => y % 7 + 1));
                    if (Twist(x) % 9 == 8)
                    {
                        return Mix(x, y);
                    }
                }
                catch (CorpusException c1003)
                {
                    y += 100;
                    y += (await Even((x + y)) ? 1 : 2);
                    (x, y) = (await ctx.Step("s1002", ct => log.Run("s1002", Twist(seed), () => Twist(seed) + 1)), Mix(x, Mix(y, seed)));
                    x += c1003.Message.Length;
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
    public async Task<int> Random11(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = Mix(y, y = (await Even(seed) ? 1 : 2));
        y = (Mix(x, seed) % 4) switch
        {
            var g1101 when await Even(g1101 + y) => (await Even((x + y)) ? 1 : 2) + g1101,
            1 => Twist(x),
            var g1101 when g1101 > 2 => g1101 + (await Even(y) ? 1 : 2),
            _ => Mix(seed, seed) + 5,
        };
        switch (Mix((x + y), y) % 5)
        {
            case var k1102 when k1102 > 2:
                y += await F(x);
                x = await ctx.Step("s1101", ct => log.Run("s1101", y % 7, () => y % 7 + 1));
                x = Twist(k1102) % 3 == 0 ? await F(seed) : Mix(y, k1102) + 1;
                x += k1102;
                break;
            default:
                y = Mix(x, x = (await Even((y + y)) ? 1 : 2));
                var s1103 = $"{x}:{await F(x % 7)}";
                y += s1103.Length;
                break;
        }
        y = await ctx.Step("s1102", ct => log.Run("s1102", x, () => x + 1));
        int? n1104 = Twist(seed) % 2 == 0 ? null : Mix(seed, y);
        y = n1104 ?? await F(x);
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
        switch (Mix(seed, y % 7) % 5)
        {
            case var k1201 when k1201 > 2:
                x += await ctx.Step("s1201", ct => log.Run("s1201", Twist(seed), () => Twist(seed) + 1));
                try
                {
                    y += await Check(y % 7);
                    x += await Check(k1201 % 7);
                    (x, y) = (await Check((y + seed)), Mix(x, y));
                    (x, y) = ((await Even(Twist(seed)) ? 1 : 2), Mix(x, (y + y)));
                }
                catch (CorpusException)
                {
                    y += 100;
                    x += await ctx.Step("s1202", ct => log.Run("s1202", x, () => x + 1));
                    if (Twist(y) % 9 == 7)
                    {
                        return Mix(x, (await Even(Twist(x)) ? 1 : 2));
                    }
                }
                finally
                {
                    x += 3;
                    y += await F(seed);
                    x = (Twist(x) % 3) switch
                    {
                        0 => (await Even(Twist(k1201)) ? 1 : 2),
                        1 => Mix(y, seed) + 2,
                        _ => await ctx.Step("s1203", ct => log.Run("s1203", seed % 7, () => seed % 7 + 1)),
                    };
                    y = (k1201 + seed) % 2 == 0 ? await ctx.Step("s1204", ct => log.Run("s1204", (k1201 + y), () => (k1201 + y) + 1)) : Mix((y + y), await F(Twist(x)));
                }
                if (Mix(k1201, Mix(x, k1201)) is var k1202 && k1202 % 2 == 0)
                {
                    x += await ctx.Step("s1205", ct => log.Run("s1205", Mix(seed, x), () => Mix(seed, x) + 1));
                    y += k1202;
                }
                x += k1201;
                break;
            default:
                y = Mix(new[] { y, x }.Sum(v => v + y), await F((x + x)));
                int? n1203 = Mix(seed, y) % 2 == 0 ? null : (y + seed);
                y = n1203 ?? await F(x);
                break;
        }
        y = y % 3 == 0 ? await F(Twist(y)) : Twist(seed) + 1;
        x = ((x + x) % 4) switch
        {
            var g1204 when await Even(g1204 + x % 7) => await ctx.Step("s1206", ct => log.Run("s1206", Twist(seed), () => Twist(seed) + 1)) + g1204,
            1 => Mix(y, y),
            var g1204 when g1204 > 2 => g1204 + await F(seed),
            _ => seed + 5,
        };
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
        switch (Mix(Twist(y), Twist(seed)) % 5)
        {
            case var k1301 when k1301 > 2:
                y += (await Even(Mix(seed, y)) ? 1 : 2);
                if ((x + seed) % 9 == 8)
                {
                    return Mix(x, y);
                }
                x += k1301;
                break;
            default:
                try
                {
                    y += await Check(Mix(seed, seed));
                    y += await F(x % 7);
                    (x, y) = (await F(Twist(y)), Mix(x, y % 7));
                    var w1302 = 0;
                    while (w1302 < 2 && await Even(w1302 + x))
                    {
                        w1302++;
                        y += await F(Twist(y));
                        if (Twist(seed) % 9 == 7)
                        {
                            return Mix(x, await ctx.Step("s1301", ct => log.Run("s1301", Twist(x), () => Twist(x) + 1)));
                        }
                    }
                }
                catch (CorpusException c1305) when (c1305.Message.Length % 2 == 1)
                {
                    y += 100;
                    x += (await Even(Mix(y, y)) ? 1 : 2);
                    y = (seed + y) % 2 == 0 && await Even(Mix(seed, y)) ? await F(y) : Mix(x, await F(seed % 7));
                    try
                    {
                        y += await Check(Mix(x, y));
                        x += await Check(Mix(seed, y));
                        y = seed % 7 % 2 == 0 ? await ctx.Step("s1302", ct => log.Run("s1302", (seed + seed), () => (seed + seed) + 1)) : Mix(seed % 7, await ctx.Step("s1303", ct => log.Run("s1303", Mix(y, y), () => Mix(y, y) + 1)));
                    }
                    catch (CorpusException c1304)
                    {
                        y += 100;
                        y += (await Even((seed + y)) ? 1 : 2);
                        var s1303 = $"{Mix(y, x)}:{await F(Mix(x, seed))}";
                        x += s1303.Length;
                        y = Mix((seed + seed), await ctx.Step("s1304", ct => log.Run("s1304", seed % 7, () => seed % 7 + 1)));
                        x += c1304.Message.Length;
                        if ((x + seed) % 4 == 0)
                        {
                            throw;
                        }
                    }
                    y += c1305.Message.Length;
                }
                finally
                {
                    x += 3;
                    x += await F(Twist(y));
                    if (Twist(seed) % 3 == 0)
                    {
                        goto skip1306;
                    }
                    y = await F(Twist(x));
                    skip1306:
                    y += 1;
                    x = Mix(new[] { Twist(y), x }.Sum(v => v + y), await F(x % 7));
                }
                break;
        }
        foreach (var e1307 in new[] { (x + x), y })
        {
            x += e1307;
            if (Twist(y) % 4 == 3)
            {
                break;
            }
        }
        y = Mix((seed + seed), await ctx.Step("s1305", ct => log.Run("s1305", Twist(seed), () => Twist(seed) + 1)));
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
        y = Mix(await F(x), (await Even(Twist(seed)) ? 1 : 2));
        for (var i1401 = 0; i1401 < 2 && await Even(i1401 + seed); i1401++)
        {
            y += i1401;
            if (Twist(x) % 4 == 3)
            {
                break;
            }
            x = await F(x);
        }
        var z1402 = await F(x) + (x + y);
        switch (Mix(Twist(x), z1402) % 5)
        {
            case var k1403 when k1403 > 2:
                y += await F(Twist(y));
                var b1404 = 0;
                again1405:
                b1404++;
                x += await ctx.Step("s1401", ct => log.Run("s1401", Mix(z1402, y), () => Mix(z1402, y) + 1));
                int? n1406 = Mix(y, seed) % 2 == 0 ? null : (y + k1403);
                x = n1406 ?? await ctx.Step("s1402", ct => log.Run("s1402", z1402 % 7, () => z1402 % 7 + 1));
                y += (await Even((y + z1402)) ? 1 : 2);
                if (b1404 < 2 && (k1403 + y) % 2 == 0)
                {
                    goto again1405;
                }
                if (Twist(z1402) % 3 == 0 || await Even(seed % 7))
                {
                    y += await F(y % 7);
                    x = y % 7 % 3 == 0 ? await F(seed) : seed + 1;
                }
                else
                {
                    y += await F(k1403);
                    if (int.TryParse(((seed + seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1407))
                    {
                        x += (await Even((seed + y)) ? 1 : 2);
                        x += await F(seed % 7);
                        int? n1408 = Twist(seed) % 2 == 0 ? null : Mix(seed, z1402);
                        y = n1408 ?? await F((x + k1403));
                        y += p1407;
                    }
                    y = (Mix(x, y) % 4) switch
                    {
                        var g1409 when await Even(g1409 + z1402) => await F(Twist(z1402)) + g1409,
                        1 => Twist(k1403),
                        var g1409 when g1409 > 2 => g1409 + (await Even(Mix(seed, k1403)) ? 1 : 2),
                        _ => x % 7 + 5,
                    };
                }
                x += k1403;
                break;
            default:
                x = (z1402 % 3) switch
                {
                    0 => await F(Twist(z1402)),
                    1 => Mix(seed, seed) + 2,
                    _ => await F(x),
                };
                var d1410 = 0;
                do
                {
                    d1410++;
                    y += (await Even(Twist(y)) ? 1 : 2);
                    try
                    {
                        x += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                    }
                    catch (TimeoutException)
                    {
                        x += 7;
                    }
                }
                while (d1410 < 2);
                break;
        }
        if (Twist(z1402) % 9 == 7)
        {
            return Mix(x, await F((seed + seed)));
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
        try
        {
            y += await Check((seed + y));
            y = Mix(await Check(seed % 7), await F(Twist(x)));
        }
        catch (CorpusException)
        {
            y += 100;
            if (x % 3 == 0 || await Even(Twist(seed)))
            {
                y += await F(Mix(x, x));
                if (Twist(x) % 3 == 0)
                {
                    goto skip1501;
                }
                x = await F(seed % 7);
                skip1501:
                x += 1;
                var b1502 = 0;
                again1503:
                b1502++;
                y += await F(seed);
                x = Mix(y, y = await F((x + y)));
                if (b1502 < 2 && (y + seed) % 2 == 0)
                {
                    goto again1503;
                }
            }
            else
            {
                x += await ctx.Step("s1501", ct => log.Run("s1501", Twist(seed), () => Twist(seed) + 1));
                (x, y) = ((await Even(Twist(seed)) ? 1 : 2), Mix(x, (seed + y)));
            }
            x = (await Even(seed % 7) ? 1 : 2);
        }
        finally
        {
            x += 3;
            if (Twist(seed) % 3 == 0)
            {
                goto skip1504;
            }
            y = await F(x);
            skip1504:
            x += 1;
        }
        y = Mix(x % 7, await F(Twist(y)));
        try
        {
            y += await Check(seed % 7);
            x = Mix(await Check(Mix(seed, x)), await ctx.Step("s1502", ct => log.Run("s1502", Twist(seed), () => Twist(seed) + 1)));
            if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p1505))
            {
                x += (await Even(p1505) ? 1 : 2);
                y += await ctx.Step("s1503", ct => log.Run("s1503", Twist(x), () => Twist(x) + 1));
                var w1506 = 0;
                while (w1506 < 2 && await Even(w1506 + x))
                {
                    w1506++;
                    x += await ctx.Step("s1504", ct => log.Run("s1504", Twist(y), () => Twist(y) + 1));
                    if (Twist(p1505) % 4 == 3)
                    {
                        break;
                    }
                    y = (y % 3) switch
                    {
                        0 => await F(y),
                        1 => Mix(p1505, y) + 2,
                        _ => await ctx.Step("s1505", ct => log.Run("s1505", Twist(seed), () => Twist(seed) + 1)),
                    };
                }
                y += p1505;
            }
        }
        catch (CorpusException c1507)
        {
            y += 100;
            if (seed % 2 == 0)
            {
                y += (await Even(y % 7) ? 1 : 2);
                if (Twist(y) % 9 == 8)
                {
                    return Mix(x, y);
                }
            }
            x += c1507.Message.Length;
            if (y % 4 == 0)
            {
                throw;
            }
        }
        x = Twist(x) % 3 == 0 ? await F((y + x)) : (y + x) + 1;
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
        (x, y) = ((await Even(Twist(y)) ? 1 : 2), Mix(x, Twist(x)));
        try
        {
            y += await Check(x);
            x = y % 7 % 2 == 0 && await Even(Twist(y)) ? await F(x) : Mix(y % 7, await F(Twist(seed)));
            x += await F(seed % 7);
        }
        catch (CorpusException c1602)
        {
            y += 100;
            if ((seed + y) % 3 == 0)
            {
                goto skip1601;
            }
            x = await F(Twist(seed));
            skip1601:
            y += 1;
            (x, y) = ((await Even((y + x)) ? 1 : 2), Mix(x, x % 7));
            x += c1602.Message.Length;
            if (seed % 4 == 0)
            {
                throw;
            }
        }
        var s1603 = $"{Mix(y, x)}:{await ctx.Step("s1601", ct => log.Run("s1601", Mix(y, y), () => Mix(y, y) + 1))}";
        y += s1603.Length;
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
