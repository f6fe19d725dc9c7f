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
        catch (CorpusException c906)
        {
            y += 100;
            var d901 = 0;
            do
            {
                d901++;
                x += (await Even(x) ? 1 : 2);
                await ctx.Sleep(TimeSpan.FromHours(1));
            }
            while (d901 < 2);
            try
            {
                y += await Check(seed);
                x += await Retry(x);
                try
                {
                    y += await Check((x + seed));
                    x += await ctx.Step("s901", ct => log.Run("s901", (x + y), () => (x + y) + 1));
                    x = Mix(x++, await F(y % 7)) + x;
                    int Local3(int v) => Mix(v, seed);
                    x += Local3(await Check(y));
                    x += Local3(y);
                    using var u902 = new Marker((y + seed));
                    y += u902.Value;
                }
                catch (CorpusException c903)
                {
                    y += 100;
                    x += await F(seed);
                    if (y % 9 == 7)
                    {
                        return Mix(x, await Check(Mix(x, y)));
                    }
                    x += c903.Message.Length;
                    if (x % 7 % 4 == 0)
                    {
                        throw;
                    }
                }
            }
            catch (CorpusException c905) when (c905.Message.Length % 2 == 0)
            {
                y += 100;
                x += await Retry(Twist(seed));
                x = (seed + y) % 2 == 0 && await Even(x) ? await Retry(seed) : Mix(x % 7, await F(y % 7));
                using var u904 = new Marker(seed % 7);
                x += u904.Value;
                if ((x + y) % 3 == 2)
                {
                    return Mix(x, y);
                }
                y += c905.Message.Length;
            }
            x += c906.Message.Length;
            if (Mix(seed, y) % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            var a907 = new int[3];
            a907[await ctx.Step("s902", ct => log.Run("s902", Twist(seed), () => Twist(seed) + 1)) % 3] = await F(seed % 7);
            y += a907.Sum();
            using var u908 = new Marker(Mix(y, y));
            y += u908.Value;
        }
        var z909 = await F(y % 7) + y;
        var a910 = new int[3];
        a910[(await Even((seed + z909)) ? 1 : 2) % 3] = await ctx.Step("s903", ct => log.Run("s903", seed % 7, () => seed % 7 + 1));
        x += a910.Sum();
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
        x = (Twist(y) % 3) switch
        {
            0 => await ctx.Step("s1001", ct => log.Run("s1001", Mix(seed, x), () => Mix(seed, x) + 1)),
            1 => x + 2,
            _ => await F(Mix(y, x)),
        };
        x = Mix(await F((x + x)), await F(Mix(y, seed)));
        y = ((y + y) % 4) switch
        {
            var g1001 when await Even(g1001 + (seed + seed)) => await F(g1001 % 7) + g1001,
            1 => Mix(y, x),
            var g1001 when g1001 > 2 => g1001 + await F(Mix(x, x)),
            _ => Twist(seed) + 5,
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
        await ctx.Sleep(TimeSpan.FromHours(1));
        var a1101 = new[] { seed % 7, Twist(y) };
        a1101[(x + x) % 2] *= await ctx.Step("s1101", ct => log.Run("s1101", (seed + x), () => (seed + x) + 1));
        x += a1101[0] + a1101[1];
        int z1102 = await Retry(y) + y, z1103 = z1102 + await F(Mix(seed, y));
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
        if (seed % 7 % 9 == 8)
        {
            return Mix(x, y);
        }
        var a1201 = new int[2];
        a1201[0] = await ctx.Step("s1201", ct => log.Run("s1201", Mix(y, x), () => Mix(y, x) + 1));
        a1201[1] = a1201[0] + await ctx.Step("s1202", ct => log.Run("s1202", Twist(seed), () => Twist(seed) + 1));
        y += a1201[0] - a1201[1];
        var a1202 = new int[3];
        a1202[await ctx.Step("s1203", ct => log.Run("s1203", Mix(seed, y), () => Mix(seed, y) + 1)) % 3] = await ctx.Step("s1204", ct => log.Run("s1204", seed, () => seed + 1));
        y += a1202.Sum();
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
        y = await Retry(Mix(seed, x));
        y += await ctx.Step("s1301", ct => log.Run("s1301", Mix(seed, seed), () => Mix(seed, seed) + 1));
        try
        {
            y += await Check(y);
            int Local1(int v) => Mix(v, seed);
            x += Local1(await Check(Mix(seed, seed)));
            y += Local1(y);
        }
        catch (CorpusException c1303)
        {
            y += 100;
            var c1301 = Twist(seed) % 2 == 0 ? null : new List<int> { Mix(seed, x) };
            y += c1301?.Append((await Even(Twist(y)) ? 1 : 2)).Sum() ?? (x + seed);
            if (y % 9 == 7)
            {
                return Mix(x, await F(Twist(seed)));
            }
            using var u1302 = new Marker(Twist(x));
            x += u1302.Value;
            x += c1303.Message.Length;
            if (y % 7 % 4 == 0)
            {
                throw;
            }
        }
        finally
        {
            x += 3;
            for (var i1304 = (await Even(y % 7) ? 0 : 1); i1304 < 2; i1304 += await Even(i1304 + y) ? 1 : 2)
            {
                y += i1304;
                x += await Retry(Twist(y));
                y = await F(Twist(seed));
                using var u1305 = new Marker(Twist(i1304));
                x += u1305.Value;
            }
            if (await F(Mix(y, seed)) is var k1306 && k1306 % 2 == 0)
            {
                y += await F(x) + k1306;
            }
        }
        y = Mix(y++, (await Even(Mix(y, x)) ? 1 : 2)) + y;
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
        x = (x + seed) % 3 == 0 ? await F(Twist(x)) : Twist(x) + 1;
        int Local0(int v) => Mix(v, x % 7);
        y += Local0(await ctx.Step("s1401", ct => log.Run("s1401", x % 7, () => x % 7 + 1)));
        y += Local0(y);
        if (Mix(Mix(x, x), y) is var k1401 && k1401 % 2 == 0)
        {
            y += (await Even(Mix(x, y)) ? 1 : 2);
            y += k1401;
        }
        if (Mix(x, seed % 7) is var k1402 && k1402 % 2 == 1)
        {
            x += await F(Mix(y, y));
            y += k1402;
        }
        var a1403 = new int[2];
        a1403[0] = await ctx.Step("s1402", ct => log.Run("s1402", x % 7, () => x % 7 + 1));
        a1403[1] = a1403[0] + await F(y % 7);
        y += a1403[0] - a1403[1];
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
        int Local0(int v) => Mix(v, Twist(seed));
        y += Local0(await Retry(Twist(seed)));
        y += Local0(y);
        int? n1501 = seed % 7 % 2 == 0 ? null : x;
        x = n1501 ?? await F(y % 7);
        if ((y + y) % 3 == 0)
        {
            goto skip1502;
        }
        y += (await Even(seed) ? 1 : 2);
        skip1502:
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
        int Local0(int v) => Mix(v, Twist(y));
        x += Local0(await Retry(Mix(x, x)));
        x += Local0(y);
        int? n1601 = x % 7 % 2 == 0 ? null : (x + x);
        y = n1601 ?? await ctx.Step("s1601", ct => log.Run("s1601", x, () => x + 1));
        var z1602 = (await Even(seed % 7) ? 1 : 2) + Twist(y);
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
