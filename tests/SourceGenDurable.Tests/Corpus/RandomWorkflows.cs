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
        if ((seed + y) % 3 == 0 || await Even((seed + y)))
        {
            var a202 = new int[2];
            a202[1] = await Retry(Mix(y, y));
            a202[0] = a202[1] + await F(x % 7);
            y += a202[0] - a202[1];
            using var u203 = new Marker(x + await F(seed));
            y += u203.Value;
            if (Twist(seed) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        else if (Twist(y) % 2 == 0)
        {
            try
            {
                y += await ctx.Step("s201", ct => log.Run("s201", seed, () => seed + 1));
                y = (await Even(y) ? 1 : 2);
                using var u204 = new Marker(Twist(x) + await ctx.Step("s202", ct => log.Run("s202", x % 7, () => x % 7 + 1)));
                x += u204.Value;
            }
            finally
            {
                x += 3;
                x += await F(Twist(seed));
                var a205 = new[] { Twist(seed), y % 7 };
                a205[seed % 7 % 2] += await F(Twist(seed));
                x += a205[0] + a205[1];
            }
        }
        else if ((x + y) % 3 == 0 || await Even((x + x)))
        {
            y = Mix(await ctx.Step("s203", ct => log.Run("s203", Twist(x), () => Twist(x) + 1)), (await Even(Mix(seed, y)) ? 1 : 2));
            using var u206 = new Marker(Mix(seed, y));
            x += u206.Value;
            if (Twist(y) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        else
        {
            var b207 = 0;
            again208:
            b207++;
            y += (await Even((x + x)) ? 1 : 2);
            var r209 = await ctx.WhenAll(F((y + y)), F(Mix(seed, y)));
            x = Mix(r209[0], r209[1]);
            if (Mix(seed, seed) % 9 == 8)
            {
                return Mix(x, y);
            }
            if (b207 < 2 && y % 7 % 2 == 0)
            {
                goto again208;
            }
        }
        var r210 = await ctx.WhenAll(F(y), F(Mix(y, seed)));
        y = Mix(r210[0], r210[1]);
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
        var b301 = new Box { A = (x + seed) };
        b301.A += b301.B++ + await ctx.Step("s301", ct => log.Run("s301", (x + x), () => (x + x) + 1));
        b301.B *= await Retry((x + seed)) % 5;
        x += Mix(b301.A, b301.B);
        if (x % 2 == 0 && await Even((seed + y)))
        {
            int? n302 = seed % 2 == 0 ? null : (seed + seed);
            n302 ??= (await Even(Mix(y, x)) ? 1 : 2);
            x += n302.Value;
            if (Twist(y) % 3 == 0 || await Even(y))
            {
                x += await Retry((y + y));
                y = Mix(y, x) % 2 == 0 ? (await Even(Mix(seed, x)) ? await ctx.Step("s302", ct => log.Run("s302", y % 7, () => y % 7 + 1)) : x) : (await Even(Twist(seed)) ? 1 : 2);
                var a303 = new[] { Twist(y), await Retry(seed), x };
                y += a303[^1] + a303[1..].Sum() + a303[..^2].Length + await F(seed % 7);
                using var u304 = new Marker(y + await Retry(seed));
                x += u304.Value;
                if (seed % 7 % 3 == 2)
                {
                    return Mix(x, y);
                }
            }
            else
            {
                y += await F(Twist(y));
                var t305 = 0;
                while (true)
                {
                    if (++t305 > 2)
                    {
                        break;
                    }
                    y += await F((y + x));
                    var b306 = new Box { B = await Retry((y + x)), A = x++ + await Retry(Twist(seed)) };
                    x += (b306.A * 2) - b306.B;
                    var b307 = new Box { B = await ctx.Step("s303", ct => log.Run("s303", x % 7, () => x % 7 + 1)), A = x++ + (await Even(seed) ? 1 : 2) };
                    x += (b307.A * 2) - b307.B;
                }
            }
        }
        if (await ctx.Step("s304", ct => log.Run("s304", (seed + seed), () => (seed + seed) + 1)) is var k308 && k308 % 2 == 0)
        {
            x += await ctx.Step("s305", ct => log.Run("s305", Twist(x), () => Twist(x) + 1)) + k308;
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
        switch (await F(Twist(seed)) % 3)
        {
            case 0:
                x = Mix(new[] { Mix(x, x), x }.Sum(v => v + y), await F(seed % 7));
                if ((seed + seed) % 2 == 0)
                {
                    goto case 1;
                }
                break;
            case 1:
                var l401 = new List<int> { x++, await Retry(y), x };
                x += Mix(l401[0], l401[2]) + l401.Count;
                if ((y + seed) % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                x = (x + x) % 3 == 0 ? (await Even(Twist(x)) ? 1 : 2) : Mix(x, y) + 1;
                var a402 = new int[((await Even(Mix(x, y)) ? 1 : 2) % 4) + 1];
                a402[^1] = y++;
                y += a402.Length + a402[^1];
                break;
        }
        x = Mix(x, (await Even(Mix(seed, y)) ? 1 : 2));
        y = Mix(await F(seed), await Retry(Twist(y)));
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
        (x, y) = (await Retry(Mix(x, seed)), Mix(x, x));
        switch (await F(x % 7) % 3)
        {
            case 0:
                y = await F(Mix((seed + x), await ctx.Step("s501", ct => log.Run("s501", Twist(x), () => Twist(x) + 1))));
                break;
            case 1:
                if (Twist(seed) % 3 == 0 || await Even(Twist(y)))
                {
                    y += await Retry(Twist(x));
                    var p501 = new Point { A = y };
                    p501.B = await ctx.Step("s502", ct => log.Run("s502", y, () => y + 1));
                    var q502 = p501;
                    p501.Bump();
                    p501.A += await F(y % 7);
                    y += Mix(p501.A - p501.B, q502.A + q502.B);
                    for (var i503 = 0; i503 < 2 && await Even(i503 + (seed + seed)); i503++)
                    {
                        y += i503;
                        x += await ctx.Step("s503", ct => log.Run("s503", Twist(seed), () => Twist(seed) + 1));
                        var s504 = $"{i503}";
                        s504 += $"-{s504.Length + (await Even(Mix(i503, seed)) ? 1 : 2)}";
                        s504 = s504.Substring(s504.Length / 2) + s504.Length;
                        x += s504.Length + s504[0];
                    }
                    using var u505 = new Marker(seed % 7 + await Retry((x + y)));
                    x += u505.Value;
                }
                else
                {
                    x += await ctx.Step("s504", ct => log.Run("s504", Mix(x, y), () => Mix(x, y) + 1));
                    y = (x + x) % 3 == 0 || await Even(Mix(x, x)) ? await F((x + y)) : Mix(seed % 7, await F((y + y)));
                    if (Mix(x, x) % 3 == 0)
                    {
                        goto skip506;
                    }
                    x += await ctx.Step("s505", ct => log.Run("s505", Twist(y), () => Twist(y) + 1));
                    skip506:
                    y += 1;
                    using var u507 = new Marker(Mix(y, y));
                    y += u507.Value;
                    if (seed % 7 % 3 == 2)
                    {
                        return Mix(x, y);
                    }
                }
                x = Mix(await Retry(x), await ctx.Step("s506", ct => log.Run("s506", Mix(y, y), () => Mix(y, y) + 1)));
                if (Twist(seed) % 2 == 0)
                {
                    goto default;
                }
                break;
            default:
                y = await F(Mix(Twist(y), await Retry((seed + y))));
                y = await F((x + y));
                break;
        }
        int? n508 = y % 7 % 2 == 0 ? null : Twist(x);
        n508 ??= await F(Twist(x));
        y += n508.Value;
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
        y += AddTo(ref x, await Retry((seed + y)));
        var l601 = new List<int> { seed % 7 };
        l601.Add(await ctx.Step("s601", ct => log.Run("s601", Twist(y), () => Twist(y) + 1)));
        l601.Add(await F(Mix(y, seed)) + l601.Count);
        y += l601.Sum() * l601.Count;
        var a602 = new int[2];
        a602[0] = await F(Mix(x, seed));
        a602[1] = a602[0] + await F(Mix(y, seed));
        x += a602[0] - a602[1];
        var p603 = new Point { A = seed % 7 };
        p603.B = await F(Mix(seed, y));
        var q604 = p603;
        p603.Bump();
        p603.A += await F(Mix(seed, x));
        y += Mix(p603.A - p603.B, q604.A + q604.B);
        if ((x + seed) % 3 == 0)
        {
            goto skip605;
        }
        x += await ctx.Step("s602", ct => log.Run("s602", (y + x), () => (y + x) + 1));
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
        var l701 = new List<int> { y++, await F(seed % 7), y };
        y += Mix(l701[0], l701[2]) + l701.Count;
        var s702 = $"{Twist(y)}:{await ctx.Step("s701", ct => log.Run("s701", Mix(y, x), () => Mix(y, x) + 1))}";
        y += s702.Length;
        y = Mix(y++, await F(seed)) + y;
        x = (Mix(x, y) % 4) switch
        {
            var g703 when await Even(g703 + y % 7) => await F(Mix(seed, g703)) + g703,
            1 => Mix(x, seed),
            var g703 when g703 > 2 => g703 + await Retry(Mix(x, seed)),
            _ => Twist(y) + 5,
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
        if (Twist(seed) % 3 == 0)
        {
            goto skip801;
        }
        x = await ctx.Step("s801", ct => log.Run("s801", Mix(x, x), () => Mix(x, x) + 1));
        skip801:
        y += 1;
        int Local0(int v) => Mix(v, y);
        x += Local0((await Even(x) ? 1 : 2));
        x += Local0(y);
        var l802 = new List<int> { x };
        l802.Add(await F(seed));
        l802.Add(await Retry(x) + l802.Count);
        x += l802.Sum() * l802.Count;
        x = (Twist(seed) % 4) switch
        {
            var g803 when await Even(g803 + (y + y)) => await F(y % 7) + g803,
            1 => Mix(x, y),
            var g803 when g803 > 2 => g803 + await Retry(Mix(seed, seed)),
            _ => (x + seed) + 5,
        };
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
            y += await Check(x);
            try
            {
                y += await Check(Mix(seed, seed));
                x += await Check((seed + x));
                switch (y % 3)
                {
                    case 0:
                        y += await ctx.Step("s901", ct => log.Run("s901", Twist(y), () => Twist(y) + 1));
                        if ((x + seed) % 5 == 0)
                        {
                            throw new CorpusException($"thrown at {Mix(y, seed)}");
                        }
                        if (Mix(x, y) % 2 == 0)
                        {
                            goto case 1;
                        }
                        break;
                    case 1:
                        y += await Retry(Mix(x, x));
                        y = (await Even(x) ? 1 : 2);
                        if (y % 7 % 2 == 0)
                        {
                            goto default;
                        }
                        break;
                    default:
                        x += await ctx.Step("s902", ct => log.Run("s902", (y + y), () => (y + y) + 1));
                        if (int.TryParse((Twist(seed) % 50).ToString(global::System.Globalization.CultureInfo.InvariantCulture), out var p901))
                        {
                            y += await F(x % 7);
                            x += await ctx.Step("s903", ct => log.Run("s903", Mix(y, x), () => Mix(y, x) + 1));
                            try
                            {
                                y += await ctx.WaitForEvent<int>("tick", TimeSpan.FromHours(2));
                            }
                            catch (TimeoutException)
                            {
                                y += 7;
                            }
                            y += p901;
                        }
                        break;
                }
                using var u902 = new Marker(seed % 7);
                y += u902.Value;
                if (y % 7 % 3 == 2)
                {
                    return Mix(x, y);
                }
            }
            catch (CorpusException)
            {
                y += 100;
                y += await ctx.Step("s904", ct => log.Run("s904", Mix(x, seed), () => Mix(x, seed) + 1));
                if (seed % 7 % 5 == 0)
                {
                    throw new CorpusException($"thrown at {Twist(x)}");
                }
                int? n903 = y % 7 % 2 == 0 ? null : (x + x);
                n903 ??= (await Even(Twist(seed)) ? 1 : 2);
                y += n903.Value;
                using var u904 = new Marker(x + (await Even((y + y)) ? 1 : 2));
                x += u904.Value;
            }
            finally
            {
                x += 3;
                x += await F(Mix(y, seed));
                var t905 = (A: y % 7, B: (await Even((seed + seed)) ? 1 : 2));
                t905.A += t905.B++ + await F(y % 7);
                y = Mix(t905.A, t905.B);
            }
            x = Mix(x, x = (await Even(Twist(x)) ? 1 : 2));
        }
        catch (CorpusException c908)
        {
            y += 100;
            switch ((seed % 3, await Even(seed % 7)))
            {
                case (0, true):
                    y += await Retry((x + x));
                    if (seed % 7 % 2 == 0 && await Even(y))
                    {
                        y += await ctx.Step("s905", ct => log.Run("s905", y, () => y + 1));
                        var a907 = new int[(await Retry(Mix(x, seed)) % 4) + 1];
                        a907[^1] = y++;
                        y += a907.Length + a907[^1];
                    }
                    else
                    {
                        y += await F(seed % 7);
                        y = await Retry(Mix(seed, x));
                        y += await ctx.Step("s906", ct => log.Run("s906", Mix(seed, seed), () => Mix(seed, seed) + 1));
                    }
                    break;
                case (var k906, false) when k906 > 0:
                    y += await F(Twist(y)) + k906;
                    break;
                default:
                    x += 4;
                    break;
            }
            x += c908.Message.Length;
            if (Mix(seed, seed) % 4 == 0)
            {
                throw;
            }
        }
        switch ((Twist(seed) % 3, await Even(Twist(seed))))
        {
            case (0, true):
                y += AddTo(ref x, await F(Mix(y, y)));
                break;
            case (var k909, false) when k909 > 0:
                x += await F(Twist(y)) + k909;
                break;
            default:
                x += 4;
                break;
        }
        int z910 = await Retry(Twist(seed)) + Twist(x), z911 = z910 + await F(Twist(x));
        var a912 = new int[2];
        a912[1] = await ctx.Step("s907", ct => log.Run("s907", z911 % 7, () => z911 % 7 + 1));
        a912[0] = a912[1] + await F(seed % 7);
        x += a912[0] - a912[1];
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
        (x, y) = (y, Mix(x, await F((seed + x))));
        x = checked(x + (await ctx.Step("s1001", ct => log.Run("s1001", Mix(seed, seed), () => Mix(seed, seed) + 1)) * 2)) % 1009;
        y = Mix(seed, seed) % 3 == 0 ? await F((x + y)) : Twist(y) + 1;
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
        var z1101 = await Retry(x) + y % 7;
        if (await ctx.Step("s1101", ct => log.Run("s1101", z1101, () => z1101 + 1)) is > 3 and < 50 or 7)
        {
            x += await F((y + x));
        }
        (x, y) = (await Retry(Twist(y)), Mix(x, x % 7));
        int? n1102 = (seed + seed) % 2 == 0 ? null : Mix(x, z1101);
        n1102 ??= await F(z1101);
        y += n1102.Value;
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
        if (Twist(x) % 2 == 0 && await Even(y))
        {
            x = (await Even((seed + y)) ? 1 : 2);
            using var u1201 = new Marker(x % 7);
            x += u1201.Value;
            if ((y + y) % 3 == 2)
            {
                return Mix(x, y);
            }
        }
        switch (Mix(Twist(seed), Twist(y)) % 5)
        {
            case var k1202 when k1202 > 2:
                y += await F(seed);
                var a1203 = new int[2];
                a1203[1] = await F((y + k1202));
                a1203[0] = a1203[1] + await F(Mix(seed, x));
                x += a1203[0] - a1203[1];
                y += k1202;
                break;
            case 0:
                for (var i1204 = 0; i1204 < 2 && await Even(i1204 + (x + y)); i1204 += await Even(i1204 + y) ? 1 : 2)
                {
                    y += i1204;
                    y += await Retry(seed);
                    int Local2(int v) => Mix(v, Mix(i1204, y));
                    y += Local2(await F((seed + i1204)));
                    x += Local2(y);
                    using var u1205 = new Marker((x + seed));
                    y += u1205.Value;
                }
                break;
            default:
                if (await F((x + seed)) is > 3 and < 50 or 7)
                {
                    x += await F(seed);
                }
                if (seed % 3 == 0 || await Even(x))
                {
                    x += await Retry(Twist(y));
                    var b1206 = 0;
                    again1207:
                    b1206++;
                    x += (await Even(seed % 7) ? 1 : 2);
                    var l1208 = new List<int> { y++, await Retry(Twist(seed)), y };
                    y += Mix(l1208[0], l1208[2]) + l1208.Count;
                    if (b1206 < 2 && Twist(x) % 2 == 0)
                    {
                        goto again1207;
                    }
                    using var u1209 = new Marker(y % 7 + (await Even((y + x)) ? 1 : 2));
                    x += u1209.Value;
                }
                else if (await Even(Twist(seed)))
                {
                    x += await Retry(Twist(seed));
                    switch ((seed + seed) % 3)
                    {
                        case 0:
                            y += await F(Mix(y, seed));
                            x = Mix(x, await ctx.Step("s1201", ct => log.Run("s1201", y % 7, () => y % 7 + 1)));
                            if (Mix(y, y) % 9 == 7)
                            {
                                return Mix(x, await F(Twist(y)));
                            }
                            if (seed % 7 % 2 == 0)
                            {
                                goto case 1;
                            }
                            break;
                        case 1:
                            y += await F(y);
                            if (await F((x + y)) is > 3 and < 50 or 7)
                            {
                                y += await Retry(seed);
                            }
                            break;
                        default:
                            x += await F(x);
                            x = (await Even((y + y)) ? 1 : 2) is var k1210 && k1210 % 3 != 0 ? k1210 + await Retry(x) : k1210 - 1;
                            break;
                    }
                }
                else
                {
                    x += await ctx.Step("s1202", ct => log.Run("s1202", Mix(y, x), () => Mix(y, x) + 1));
                    (x, y) = (await Retry(Twist(seed)), Mix(x, Twist(x)));
                    using var u1211 = new Marker((y + seed) + (await Even((seed + x)) ? 1 : 2));
                    x += u1211.Value;
                    if ((y + x) % 3 == 2)
                    {
                        return Mix(x, y);
                    }
                }
                break;
        }
        if (y % 2 == 0)
        {
            if (await F(Twist(y)) is > 3 and < 50 or 7)
            {
                x += await Retry((y + y));
            }
        }
        else
        {
            y += AddTo(ref x, await ctx.Step("s1203", ct => log.Run("s1203", seed % 7, () => seed % 7 + 1)));
            await ctx.Sleep(TimeSpan.FromHours(1));
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
        switch (Mix(Mix(x, x), (y + seed)) % 5)
        {
            case var k1301 when k1301 > 1 && await Even(k1301 + y % 7):
                x += (await Even(Mix(seed, x)) ? 1 : 2);
                y = Mix(await F(seed % 7), await Retry(Mix(y, k1301)));
                var a1302 = new[] { seed, k1301 };
                a1302[Mix(k1301, seed) % 2] -= await Retry(y % 7);
                x += a1302[0] + a1302[1];
                x += k1301;
                break;
            default:
                x = checked(x + ((await Even(Mix(seed, x)) ? 1 : 2) * 2)) % 1009;
                break;
            case var k1303 when k1303 > 1 && await Even(k1303 + Twist(seed)):
                x += await F(Mix(k1303, y));
                x = (await Even(Mix(y, seed)) ? 1 : 2) is var k1304 && k1304 % 3 != 0 ? k1304 + await F(Mix(seed, seed)) : k1304 - 1;
                x += k1303;
                break;
        }
        var l1305 = new List<int> { x++, await F(Mix(x, seed)), x };
        x += Mix(l1305[0], l1305[2]) + l1305.Count;
        x += AddTo(ref y, await ctx.Step("s1301", ct => log.Run("s1301", Twist(x), () => Twist(x) + 1)));
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
        x = Mix(x, x = await Retry((seed + seed)));
        x = await F(Mix((seed + x), await ctx.Step("s1401", ct => log.Run("s1401", seed % 7, () => seed % 7 + 1))));
        x = y % 7 % 2 == 0 ? (await Even(Twist(x)) ? await F(y % 7) : Twist(x)) : await F(y);
        var a1401 = new int[3];
        a1401[await F(y % 7) % 3] = await ctx.Step("s1402", ct => log.Run("s1402", y, () => y + 1));
        y += a1401.Sum();
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
        if (seed % 7 % 9 == 7)
        {
            return Mix(x, (await Even(x) ? 1 : 2));
        }
        if (y % 9 == 8)
        {
            return Mix(x, y);
        }
        int Local0(int v) => Mix(v, Mix(seed, seed));
        y += Local0(await F((y + seed)));
        x += Local0(y);
        y = y % 7 % 2 == 0 && await Even(x) ? await F(Mix(y, y)) : Mix(Mix(x, x), await F(Twist(y)));
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
        (x, y) = (await ctx.Step("s1601", ct => log.Run("s1601", Mix(seed, seed), () => Mix(seed, seed) + 1)), Mix(x, (seed + seed)));
        if (Twist(y) % 9 == 7)
        {
            return Mix(x, await F((seed + y)));
        }
        x = await Even(Mix(x, seed)) ? (await Even((seed + x)) ? 1 : 2) : Mix(Twist(y), (await Even(Twist(x)) ? 1 : 2));
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
