using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Statements laid out over several lines. The generated code keeps each later line where the user wrote it (for the
/// debugger), so the text of a verbatim or raw string spanning lines must come through unchanged beside durable awaits,
/// spilled operands, step arguments and fan-out branches on lines of their own, whether the line is mapped or hidden.
/// </summary>
public sealed partial class LayoutWorkflows(StepLog log)
{
    /// <summary>Strings spanning lines in statements whose awaits are spilled, in a short-circuit and in a step's lambda.</summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(0)]
    public async Task<string> Strings(WorkflowContext ctx, int n)
    {
        var verbatim = @"first
    second " + await Count(n) +
            @"
  third";
        var raw = """
                raw
                  indented
            """ + await Count(n + 1);
        var both = n > 0 && @"a
  b".Length == await Count(2) &&
            await Count(n) > 0;
        var stepped = await ctx.Step(
            "label",
            ct => log.Run(
                "label",
                n,
                () => @"x
      y" + n));
        if (await Count(n) > 1 || $@"{n}
  ".Length > await Count(
                n))
        {
            stepped += @"
    more";
        }

        return string.Join("|", verbatim, raw, both, stepped);
    }

    /// <summary>Durable awaits in interpolation holes: a hole spanning lines, verbatim and raw interpolated strings spanning lines, and alignment and format after a spilled hole.</summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(-1)]
    public async Task<string> Interpolations(WorkflowContext ctx, int n)
    {
        var a = $"a{await Count(
            n)}b";
        var b = $@"c{await Count(n)}
  d{n}";
        var c = $$"""
            e{{await Count(n + 1)}}
              f {{n,3}} {n}
            """;
        var d = $"{(n > 0 ? await Count(n) : 0):D3}|{n,-4:X}|{await Count(n),5}";
        return string.Join("|", a, b, c, d);
    }

    /// <summary>Fan-out branches and a Select's lambda on lines of their own, and a catch whose body spans lines.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(1)]
    public async Task<string> Branches(WorkflowContext ctx, int n)
    {
        var fixedBranches = await ctx.WhenAll(
            Count(1),
            Count(
                n));
        var selected = await ctx.WhenAll(
            Enumerable.Range(0, n)
                .Select(i =>
                    Count(i)));
        var text = "";
        try
        {
            text = checked(int.MaxValue - n + await Count(n) * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            text = @"overflow
  at " +
                n;
        }

        return $"{fixedBranches.Sum()}/{selected.Sum()}/{text}";
    }

    [DurableStep]
    private Task<int> Count(int x) => log.Run("Count", x, () => x * 2);
}
