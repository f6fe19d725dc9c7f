namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// Pattern variables that live across a checkpoint compile once lowered, whatever the pattern declares them in and
/// whether the switched value itself awaits.
/// </summary>
public sealed class PatternVariableTests
{
    public static TheoryData<string, string> Shapes => new()
    {
        {
            "switch on an await, arm reads its variable before another await",
            "return await ctx.Step(\"s\", ct => Task.FromResult(n)) switch { var small => small + await Charge(small * 100) };"
        },
        {
            "switch on a parameter, arm reads its variable before an await",
            "return n switch { var small => small + await Charge(small * 100) };"
        },
        {
            "switch on an await in a declaration",
            "var r = await Charge(n) switch { var small => small + await Charge(small) }; return r;"
        },
        {
            "guard reads its variable before its await",
            "return await Charge(n) switch { var v when v + await Charge(v) > 1 => 1, _ => 0 };"
        },
        {
            "guard without await, arm awaits",
            "return await Charge(n) switch { var v when v > 1 => v + await Charge(v), _ => 0 };"
        },
        {
            "property pattern",
            "return order switch { { Amount: var a } => a + await Charge(a) };"
        },
        {
            "positional pattern",
            "return await Charge(n) > 0 ? order switch { (var a, _) => a + await Charge(a) } : 0;"
        },
        {
            "type pattern",
            "return box switch { int i => i + await Charge(i), _ => 0 };"
        },
        {
            "and pattern",
            "return box switch { int i and > 0 => i + await Charge(i), _ => 0 };"
        },
        {
            "designated recursive pattern",
            "return order switch { { Amount: > 0 } o => o.Amount + await Charge(o.Amount), _ => 0 };"
        },
        {
            "list pattern",
            "return items switch { [var first, ..] => first + await Charge(first), _ => 0 };"
        },
        {
            "nested switch expressions",
            "return n switch { var a => await Charge(a) switch { var b => a + b + await Charge(b) } };"
        },
        {
            "conditional inside an arm",
            "return await Charge(n) switch { var a => a > 0 ? a + await Charge(a) : await Charge(-a) };"
        },
        {
            "interpolation inside an arm",
            "return int.Parse(await Charge(n) switch { var s => $\"{s}{await Charge(s)}\" });"
        },
        {
            "arms in a loop",
            "var t = 0; for (var k = 0; k < 3; k++) { t += await Charge(k) switch { 0 => 0, var v => v + await Charge(v) }; } return t;"
        },
        {
            "outer arm variable read in a nested guard after an await",
            "return n switch { var a => await Charge(1) + (n switch { var b when b > a => 1, _ => 0 }) };"
        },
        {
            "outer arm variable read in a lambda after an await",
            "return n switch { var a => await Charge(1) + new Func<int>(() => a)() };"
        },
        {
            "is var in an if condition",
            "if (box is int x && await Charge(x) > 0) { return x; } return 0;"
        },
        {
            "is var before an await in a conditional",
            "return box is int x ? x + await Charge(x) : 0;"
        },
        {
            "is var read before an await after &&",
            "return box is int x && x + await Charge(x) > 0 ? 1 : 0;"
        },
        {
            "is var on an await",
            "return await Charge(n) is var x && x + await Charge(x) > 0 ? x : 0;"
        },
        {
            "is var inside an arm",
            "return n switch { > 5 => 0, _ => box is int x ? x + await Charge(x) : 1 };"
        },
        {
            "is var in a while condition",
            "var t = 0; while (await Charge(t) is var x && x < 3) { t = x + 1; } return t;"
        },
        {
            "is not pattern",
            "if (box is not int x) { return 0; } return x + await Charge(x);"
        },
        {
            "is not pattern on an await",
            "if (await ctx.Step(\"box\", ct => Task.FromResult(box)) is not int x) { return 0; } return x + await Charge(x);"
        },
        {
            "case guard on an awaited switch",
            "switch (await Charge(n)) { case var v when v > 1: return v + await Charge(v); } return 0;"
        },
        {
            "case guard that awaits",
            "switch (n) { case var v when v + await Charge(v) > 0: return v + await Charge(v); } return 0;"
        },
        {
            "is var in a while condition read after a checkpoint of the body",
            "var t = 0; while (box is int x && x > t) { t += await Charge(1); t += x; } return t;"
        },
        {
            "out var before an await",
            "if (int.TryParse(n.ToString(), out var parsed) && await Charge(parsed) > 0) { return parsed; } return 0;"
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_pattern_variable_read_around_a_checkpoint_compiles(string shape, string body)
    {
        var files = GeneratorHarness.Generate($$"""
            using SourceGenDurable;
            public partial class Patterns
            {
                public sealed record Order(int Amount, string Country);

                [DurableWorkflow]
                public async Task<int> W(WorkflowContext ctx, int n, Order order, object box, int[] items)
                {
                    {{body}}
                }

                [DurableStep]
                private static Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """);

        Assert.True(files.Any(f => f.HintName == "Patterns.W.g.cs"), shape);
    }
}
