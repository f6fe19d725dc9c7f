using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ExpressionWorkflows
{
    /// <summary>
    /// A switch expression on a step result whose arm reads its variable beside a later await of the arm: the read
    /// is evaluated after that await's checkpoint, so the variable must survive it.
    /// </summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(-1)]
    public async Task<int> ArmVariableBesideALaterAwait(WorkflowContext ctx, int n)
    {
        return await ctx.Step("s", ct => log.Run("s", n, () => n)) switch { var small => small + await Double(small * 100) };
    }

    /// <summary>The same in an expression body, on an input rather than a step result.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(-1)]
    public async Task<int> ArmVariableBesideALaterAwaitInAnExpressionBody(WorkflowContext ctx, int n) =>
        n switch { > 0 and var small => small + await Double(small * 100), var other => other };

    /// <summary>
    /// In a loop, property and positional patterns whose variables are read in guards (with and without an await)
    /// and beside the awaits of their arm's value.
    /// </summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(7)]
    public async Task<string> PropertyAndPositionalVariablesBesideLaterAwaits(WorkflowContext ctx, int n)
    {
        var trail = "";
        for (var i = n - 2; i <= n; i++)
        {
            var pair = await DivMod(i, 3);
            trail += pair switch
            {
                { Quotient: 0, Remainder: var r } => $"r{r}:{await Double(r)}:{r}",
                (var q, 0) when q > 1 => $"q{q + await Double(q)}",
                (var q, var r) when q + await Double(r) > 3 => $"{q}/{r}",
                var whole => $"{whole.Quotient}{await Double(whole.Remainder)}{whole.Remainder}",
            } + ";";
        }

        return trail;
    }

    /// <summary>An out variable, an 'is' variable of a step result and an 'is var', each read beside a later await.</summary>
    [DurableWorkflow]
    [Inputs("3")]
    [Inputs("c42")]
    [Inputs("x")]
    public async Task<string> IsAndOutVariablesBesideLaterAwaits(WorkflowContext ctx, string text)
    {
        var total = 0;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed + await Double(parsed) > 4)
        {
            total += parsed;
        }

        var found = await Find(text) is { Length: > 1 } hit ? hit + await Describe(hit) : "none";
        var count = text.Length is var length && length + await Double(length) > 6 ? length : -length;
        return $"{total}:{found}:{count}";
    }

    /// <summary>A list pattern's variables read by a nested switch expression on a later await, and in its arms.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(5)]
    [Inputs(-3)]
    public async Task<int> ListPatternVariablesInANestedSwitch(WorkflowContext ctx, int n)
    {
        int[] items = [n, n + 1, n + 2];
        return items switch
        {
            [var first, .., var last] when first > 0 => first + await Double(last) switch
            {
                var d when d > 10 => d + first + await Double(first),
                var d => d - last,
            },
            _ => await Double(n) switch { var d => d + n },
        };
    }
}
