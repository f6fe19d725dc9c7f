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
        if (Mix(y, seed) % 3 == 0 || await Even((y + seed)))
        {
            var b101 = new Box { B = await F(x), A = x++ + await ctx.Step("s101", ct => log.Run("s101", Mix(x, seed), () => Mix(x, seed) + 1)) };
            x += (b101.A * 2) - b101.B;
            if (await Retry(Mix(x, x)) is var k102 && k102 % 2 == 0)
            {
                x += await Retry(Twist(seed)) + k102;
            }
        }
        if (Mix(y, seed) is var k103 && k103 % 2 == 0)
        {
            y += await F(Mix(seed, k103));
            y += k103;
        }
        var a104 = new[] { x, (x + seed) };
        a104[x % 2] *= await ctx.Step("s102", ct => log.Run("s102", x, () => x + 1));
        y += a104[0] + a104[1];
        y = await F(Mix(x % 7, await F(x)));
        switch (await F(Mix(y, seed)) % 3)
        {
            case 0:
                foreach (var e105 in new[] { (y + y), (await Even((x + y)) ? 1 : 2) })
                {
                    x += e105;
                    y += await Retry(y);
                    var s106 = $"{Mix(e105, e105)}:{await Retry((e105 + y))}";
                    x += s106.Length;
                    using var u107 = new Marker(Twist(e105) + await F(e105));
                    y += u107.Value;
                    if (e105 % 7 % 3 == 2)
                    {
                        continue;
                    }
                }
                if (y % 7 % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                var a108 = new int[((await Even(Twist(y)) ? 1 : 2) % 4) + 1];
                a108[^1] = y++;
                y += a108.Length + a108[^1];
                try
                {
                    y += await F(Twist(seed));
                    y += AddTo(ref x, (await Even(x) ? 1 : 2));
                    using var u109 = new Marker(y + await Retry(x % 7));
                    x += u109.Value;
                }
                finally
                {
                    x += 3;
                    x += await ctx.Step("s103", ct => log.Run("s103", seed, () => seed + 1));
                    for (var i110 = 0; i110 < 2 && await Even(i110 + seed % 7); i110 += await Even(i110 + y) ? 1 : 2)
                    {
                        y += i110;
                        x += await ctx.Step("s104", ct => log.Run("s104", Mix(y, x), () => Mix(y, x) + 1));
                        x = (await Even((x + seed)) ? 1 : 2);
                        (x, y) = (await ctx.Step("s105", ct => log.Run("s105", Twist(y), () => Twist(y) + 1)), Mix(x, seed % 7));
                        using var u111 = new Marker(Twist(seed) + await F(x % 7));
                        x += u111.Value;
                    }
                }
                if (seed % 7 % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                if ((y + seed) % 2 == 0)
                {
                    y += await ctx.Step("s106", ct => log.Run("s106", Twist(seed), () => Twist(seed) + 1));
                    var z112 = await Retry(Twist(x)) + Twist(seed);
                    using var u113 = new Marker((x + x) + await F(seed % 7));
                    y += u113.Value;
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
    public async Task<int> Random02(WorkflowContext ctx, int seed)
    {
        var x = await F(seed);
        var y = 1;
        int Twist(int v) => Mix(v, x) % 97;
        x = (await Even(x % 7) ? 1 : 2) is var k201 && k201 % 3 != 0 ? k201 + await F(seed % 7) : k201 - 1;
        using (var u202 = new Marker(seed + await ctx.Step("s201", ct => log.Run("s201", Twist(x), () => Twist(x) + 1))))
        {
            x += u202.Value;
        }
        if (Mix((x + y), (seed + y)) is var k203 && k203 % 2 == 1)
        {
            y += (await Even(Mix(seed, seed)) ? 1 : 2);
            x += k203;
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
        var c301 = Twist(y) % 2 == 0 ? null : new List<int> { Twist(seed) };
        x += c301?.Append(await F(x)).Sum() ?? x;
        y = Order(b: y++, a: await F(y % 7)) + y;
        x = Mix(new[] { y % 7, x }.Sum(v => v + y), await Retry(Mix(seed, seed)));
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
        if (y % 9 == 8)
        {
            return Mix(x, y);
        }
        try
        {
            y += await Check(Twist(x));
            var b401 = 0;
            again402:
            b401++;
            x += await ctx.Step("s401", ct => log.Run("s401", y % 7, () => y % 7 + 1));
            try
            {
                y += await Check(x);
                y += await F(seed % 7);
                x += await ctx.Step("s402", ct => log.Run("s402", Twist(seed), () => Twist(seed) + 1));
                if (Twist(x) % 9 == 7)
                {
                    return Mix(x, await ctx.Step("s403", ct => log.Run("s403", Twist(x), () => Twist(x) + 1)));
                }
            }
            catch (CorpusException c406)
            {
                y += 100;
                x += await Retry((y + seed));
                int? n403 = Mix(seed, y) % 2 == 0 ? null : seed % 7;
                x = n403 ?? await F(Mix(x, x));
                var a404 = new int[(await F((y + x)) % 4) + 1];
                a404[^1] = x++;
                x += a404.Length + a404[^1];
                using var u405 = new Marker(Twist(x));
                y += u405.Value;
                if (Twist(x) % 3 == 2)
                {
                    return Mix(x, y);
                }
                x += c406.Message.Length;
                if (y % 7 % 4 == 0)
                {
                    throw;
                }
            }
            if (b401 < 2 && Mix(seed, y) % 2 == 0)
            {
                goto again402;
            }
            y = Mix((await Even(Mix(seed, seed)) ? 1 : 2), (await Even(Mix(seed, y)) ? 1 : 2));
        }
        catch (CorpusException c409)
        {
            y += 100;
            var s407 = $"{await F(x % 7),5:D3}|{x++:D2}";
            x += s407.Length + s407.IndexOf('|');
            var b408 = new Box { B = await ctx.Step("s404", ct => log.Run("s404", Mix(seed, y), () => Mix(seed, y) + 1)), A = x++ + await F(Twist(x)) };
            x += (b408.A * 2) - b408.B;
            x += c409.Message.Length;
            if (Twist(y) % 4 == 0)
            {
                throw;
            }
        }
        var t410 = (A: y, B: (await Even(Twist(y)) ? 1 : 2));
        t410.A += t410.B++ + await F(Mix(seed, x));
        x = Mix(t410.A, t410.B);
        y = Mix(new[] { (x + x), x }.Sum(v => v + y), await Retry((x + seed)));
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
        int Local0(int v) => Mix(v, y);
        y += Local0((await Even(seed) ? 1 : 2));
        x += Local0(y);
        try
        {
            y += await Check(Mix(y, seed));
            y = Mix(y++, await ctx.Step("s501", ct => log.Run("s501", Mix(seed, y), () => Mix(seed, y) + 1))) + y;
            using var u501 = new Marker(Mix(seed, y) + (await Even((x + seed)) ? 1 : 2));
            x += u501.Value;
        }
        catch (CorpusException c503) when (c503.Message.Length % 2 == 1)
        {
            y += 100;
            var s502 = $"{await F(Twist(y)),5:D3}|{y++:D2}";
            y += s502.Length + s502.IndexOf('|');
            y += c503.Message.Length;
        }
        finally
        {
            x += 3;
            var s504 = $"{(y + seed)}";
            s504 += $"-{s504.Length + await ctx.Step("s502", ct => log.Run("s502", x % 7, () => x % 7 + 1))}";
            s504 = s504.Substring(s504.Length / 2) + s504.Length;
            y += s504.Length + s504[0];
        }
        var b505 = new Box { B = (await Even(x % 7) ? 1 : 2), A = x++ + await ctx.Step("s503", ct => log.Run("s503", (y + x), () => (y + x) + 1)) };
        x += (b505.A * 2) - b505.B;
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
        var w601 = 0;
        while (w601++ < 2 && await F(w601 + Mix(seed, y)) is var k602 && k602 % 4 != 3)
        {
            x += (await Even(Twist(y)) ? 1 : 2);
            using var u603 = new Marker(seed + await Retry(x));
            y += u603.Value;
            if ((y + seed) % 3 == 2)
            {
                return Mix(x, y);
            }
            y += k602;
        }
        int Local0(int v) => Mix(v, Mix(x, seed));
        x += Local0(await ctx.Step("s601", ct => log.Run("s601", seed % 7, () => seed % 7 + 1)));
        x += Local0(y);
        x = x % 2 == 0 ? (await Even(Mix(seed, x)) ? await F(Twist(seed)) : seed) : await ctx.Step("s602", ct => log.Run("s602", x % 7, () => x % 7 + 1));
        var s604 = $"{seed}";
        s604 += $"-{s604.Length + await F((seed + y))}";
        s604 = s604.Substring(s604.Length / 2) + s604.Length;
        x += s604.Length + s604[0];
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
        var a701 = new int[3];
        a701[await Retry((x + seed)) % 3] = await F(y);
        y += a701.Sum();
        if (await Even(Twist(x)))
        {
            x = Order(b: await F(Mix(y, x)), a: x++);
        }
        var w702 = 0;
        while (w702++ < 2 && await F(w702 + x) is var k703 && k703 % 4 != 3)
        {
            y = Mix(await F((x + k703)), (await Even(Mix(seed, x)) ? 1 : 2));
            y += k703;
        }
        var r704 = await ctx.WhenAll(Enumerable.Range(0, 3).Select(j705 => F(j705 + (seed + x))));
        x += r704.Sum();
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
        if (await ctx.Step("s801", ct => log.Run("s801", Mix(x, x), () => Mix(x, x) + 1)) is not (> 5 and < 60))
        {
            x += await Retry(Twist(y));
        }
        else
        {
            x -= 1;
        }
        (x, y) = (await Retry(Mix(x, seed)), Mix(x, x));
        switch (await F(x % 7) % 3)
        {
            case 0:
                y = await F(Mix((seed + x), await ctx.Step("s802", ct => log.Run("s802", Twist(x), () => Twist(x) + 1))));
                break;
            case 1:
                var w801 = 0;
                while (w801++ < 2 && await F(w801 + x) is var k802 && k802 % 4 != 3)
                {
                    x += (await Even((seed + y)) ? 1 : 2);
                    var a803 = new int[(await Retry(x % 7) % 4) + 1];
                    a803[^1] = x++;
                    x += a803.Length + a803[^1];
                    y += k802;
                }
                var b804 = 0;
                again805:
                b804++;
                x += await Retry(Twist(x));
                var s806 = $"{await ctx.Step("s803", ct => log.Run("s803", y, () => y + 1)),5:D3}|{x++:D2}";
                x += s806.Length + s806.IndexOf('|');
                if (seed % 2 == 0 && await Even((seed + seed)))
                {
                    x += (await Even(Mix(x, seed)) ? 1 : 2);
                    var t807 = (A: Mix(y, y), B: await Retry(x % 7));
                    t807.A += t807.B++ + await F(seed % 7);
                    x = Mix(t807.A, t807.B);
                    if (x % 7 % 2 == 0 && await Even(Mix(y, x)))
                    {
                        y += (await Even(x % 7) ? 1 : 2);
                        var a808 = new int[3];
                        a808[await F((x + x)) % 3] = (await Even(Mix(x, seed)) ? 1 : 2);
                        x += a808.Sum();
                        var z809 = await F(y % 7) + Mix(x, x);
                    }
                }
                if (b804 < 2 && Mix(y, seed) % 2 == 0)
                {
                    goto again805;
                }
                break;
            default:
                if (await F(y) is > 3 and < 50 or 7)
                {
                    y += (await Even(y % 7) ? 1 : 2);
                }
                break;
        }
        var s810 = $"{seed % 7}";
        s810 += $"-{s810.Length + await ctx.Step("s804", ct => log.Run("s804", (x + seed), () => (x + seed) + 1))}";
        s810 = s810.Substring(s810.Length / 2) + s810.Length;
        x += s810.Length + s810[0];
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
        int? n901 = Mix(y, y) % 2 == 0 ? null : Twist(y);
        n901 ??= (await Even(Twist(y)) ? 1 : 2);
        y += n901.Value;
        var a902 = new int[(await ctx.Step("s901", ct => log.Run("s901", Mix(x, x), () => Mix(x, x) + 1)) % 4) + 1];
        a902[^1] = x++;
        x += a902.Length + a902[^1];
        if (Twist(seed) % 3 == 0 || await Even(Twist(seed)))
        {
            var s903 = $"{await Retry(y),5:D3}|{y++:D2}";
            y += s903.Length + s903.IndexOf('|');
        }
        else
        {
            if (new[] { Twist(y), await ctx.Step("s902", ct => log.Run("s902", seed, () => seed + 1)), x } is [var k904, > 10 and var k905, ..])
            {
                y += await F(Mix(k904, y)) + Mix(k904, k905);
            }
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
        var a1001 = new int[3];
        a1001[await ctx.Step("s1001", ct => log.Run("s1001", Mix(x, y), () => Mix(x, y) + 1)) % 3] = await F(Mix(seed, x));
        y += a1001.Sum();
        if ((x + seed) % 3 == 0)
        {
            goto skip1002;
        }
        x += await ctx.Step("s1002", ct => log.Run("s1002", (y + x), () => (y + x) + 1));
        skip1002:
        x += 1;
        if ((await Even(y) ? 1 : 2) is var k1003 && k1003 % 2 == 1)
        {
            x += await F(Twist(seed)) + k1003;
        }
        var b1004 = 0;
        again1005:
        b1004++;
        var b1006 = new Box { A = y % 7 };
        b1006.A += b1006.B++ + (await Even(Twist(x)) ? 1 : 2);
        b1006.B *= await F((x + y)) % 5;
        x += Mix(b1006.A, b1006.B);
        var s1007 = $"{y % 7}";
        s1007 += $"-{s1007.Length + await F(Twist(seed))}";
        s1007 = s1007.Substring(s1007.Length / 2) + s1007.Length;
        y += s1007.Length + s1007[0];
        if (b1004 < 2 && Mix(seed, x) % 2 == 0)
        {
            goto again1005;
        }
        var a1008 = new[] { (seed + y), Mix(seed, seed) };
        a1008[Mix(y, x) % 2] *= await F((seed + y));
        x += a1008[0] + a1008[1];
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
        var z1101 = await Retry(y % 7) + y;
        x = Mix(y, y = await F(x % 7));
        int z1102 = await F(Twist(x)) + (x + y), z1103 = z1102 + await F((seed + seed));
        await ctx.Sleep(TimeSpan.FromHours(1));
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
        var a1201 = new int[(await F(y % 7) % 4) + 1];
        a1201[^1] = x++;
        x += a1201.Length + a1201[^1];
        if (await Retry((x + seed)) is > 3 and < 50 or 7)
        {
            y += await F(x);
        }
        if (await F(Mix(seed, seed)) is var k1202 && k1202 % 2 == 0)
        {
            x += await F(x) + k1202;
        }
        var a1203 = new int[3];
        a1203[await ctx.Step("s1201", ct => log.Run("s1201", x, () => x + 1)) % 3] = (await Even(Mix(y, seed)) ? 1 : 2);
        x += a1203.Sum();
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
        var b1301 = new Box { A = (seed + x) };
        b1301.A += b1301.B++ + await Retry(Twist(seed));
        b1301.B *= (await Even(Mix(x, y)) ? 1 : 2) % 5;
        y += Mix(b1301.A, b1301.B);
        int? n1302 = Twist(y) % 2 == 0 ? null : y;
        x = n1302 ?? (await Even(y) ? 1 : 2);
        if (x % 7 % 3 == 0)
        {
            goto skip1303;
        }
        y += await ctx.Step("s1301", ct => log.Run("s1301", seed, () => seed + 1));
        skip1303:
        x += 1;
        var t1304 = (A: Twist(y), B: await F(seed % 7));
        t1304.A += t1304.B++ + await Retry(x % 7);
        x = Mix(t1304.A, t1304.B);
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
        await ctx.Sleep(TimeSpan.FromHours(2));
        if (Twist(y) % 9 == 8)
        {
            return Mix(x, y);
        }
        var s1401 = $"{await F(seed % 7),5:D3}|{y++:D2}";
        y += s1401.Length + s1401.IndexOf('|');
        x = await ctx.Step("s1401", ct => log.Run("s1401", seed % 7, () => seed % 7 + 1)) is var k1402 && k1402 % 3 != 0 ? k1402 + await ctx.Step("s1402", ct => log.Run("s1402", k1402 % 7, () => k1402 % 7 + 1)) : k1402 - 1;
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
        y = await ctx.Step("s1501", ct => log.Run("s1501", y % 7, () => y % 7 + 1));
        var l1501 = new List<int> { y++, await F(Mix(seed, seed)), y };
        y += Mix(l1501[0], l1501[2]) + l1501.Count;
        y = y % 7 % 2 == 0 ? (await Even((x + x)) ? (await Even(Twist(seed)) ? 1 : 2) : Mix(seed, x)) : await F(x);
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
        x = Mix(x, y) + (y = await F(seed));
        x = Mix(new[] { (x + y), x }.Sum(v => v + y), (await Even(Mix(seed, y)) ? 1 : 2));
        var c1601 = Mix(x, seed) % 2 == 0 ? null : new List<int> { (x + y) };
        y += c1601?.Append((await Even(Mix(y, x)) ? 1 : 2)).Sum() ?? x;
        var a1602 = new[] { Twist(seed), Mix(x, seed) };
        a1602[Twist(x) % 2] += await ctx.Step("s1601", ct => log.Run("s1601", seed % 7, () => seed % 7 + 1));
        x += a1602[0] + a1602[1];
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

    private static int Sum(params int[] values) => values.Sum();

    private static bool TryHalve(int value, out int half)
    {
        half = value / 2;
        return value % 2 == 0;
    }

    private static int AddTo(ref int target, int value) => target = (target + value) % 1009;

    /// <summary>Built by an object initializer whose members await.</summary>
    private sealed class Box
    {
        public int A { get; set; }

        public int B { get; set; }
    }

    /// <summary>A mutable struct in a slot: changed in place, and copied by value.</summary>
    private struct Point
    {
        public int A { get; set; }

        public int B { get; set; }

        public void Bump()
        {
            A += B % 5;
            B++;
        }
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
