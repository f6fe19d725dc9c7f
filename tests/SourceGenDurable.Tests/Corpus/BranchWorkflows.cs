using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Durable awaits inside if/else, and in operands of ?:, ??, &amp;&amp;, ||, ?. and switch expressions.</summary>
public sealed partial class BranchWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(-4)]
    [Inputs(0)]
    [Inputs(9)]
    [Inputs(10)]
    public async Task<string> IfElse(WorkflowContext ctx, int n)
    {
        var sign = await Sign(n);
        string text;
        if (sign > 0)
        {
            text = await ctx.Step("positive", ct => log.Run("positive", n, () => $"+{n}"));
        }
        else if (sign < 0)
        {
            var abs = await Abs(n);
            text = $"-{abs}";
        }
        else
        {
            text = "zero";
        }

        if (n % 3 == 0)
        {
            await ctx.Step("divisible", ct => log.Do("divisible", n));
        }

        return text;
    }

    /// <summary>Awaits three ifs deep; a local declared in a branch crosses later checkpoints; await in a compound assignment and a binary operand.</summary>
    [DurableWorkflow]
    [Inputs(true, true, 1)]
    [Inputs(true, true, 3)]
    [Inputs(true, false, 2)]
    [Inputs(false, true, 3)]
    [Inputs(false, false, 4)]
    public async Task<int> NestedIfs(WorkflowContext ctx, bool a, bool b, int n)
    {
        var total = 0;
        if (a)
        {
            var doubled = await Double(n);
            if (b)
            {
                var tripled = await ctx.Step("triple", ct => log.Run("triple", doubled, () => doubled * 3 / 2));
                if (tripled > 2)
                {
                    total += await Double(tripled);
                }

                total += doubled;
            }
            else
            {
                total -= await Double(doubled);
            }
        }
        else if (b)
        {
            total = await Abs(-n);
        }

        return total + await Sign(total);
    }

    /// <summary>?: with awaits in the condition and in both arms: only the taken arm's step runs.</summary>
    [DurableWorkflow]
    [Inputs(5)]
    [Inputs(-5)]
    [Inputs(0)]
    public async Task<int> ConditionalOperator(WorkflowContext ctx, int n)
    {
        var chosen = await Sign(n) > 0 ? await Double(n) : await Abs(n);
        return chosen;
    }

    /// <summary>?? with awaits on both sides: the right side's step runs only when the left is null.</summary>
    [DurableWorkflow]
    [Inputs("cached")]
    [Inputs(null)]
    [Inputs("other")]
    public async Task<string> NullCoalescing(WorkflowContext ctx, string? cached)
    {
        var value = cached ?? await ctx.Step("load", ct => log.Run("load", cached, () => "cloaded"));
        var found = await Find(value) ?? await ctx.Step("fallback", ct => log.Run("fallback", value, () => "fallback"));
        return $"{value}/{found}";
    }

    /// <summary>&amp;&amp; and || with awaits on the right: short-circuiting decides which steps run.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<string> ShortCircuit(WorkflowContext ctx, int n)
    {
        var both = n > 0 && await IsEven(n);
        var either = n == 0 || await IsEven(n + 1);
        var nested = (n > 5 || await IsEven(n)) && !await IsEven(n / 2);
        return $"{both}/{either}/{nested}";
    }

    [DurableStep]
    private Task<int> Sign(int n) => log.Run("Sign", n, () => Math.Sign(n));

    [DurableStep]
    private Task<int> Abs(int n) => log.Run("Abs", n, () => Math.Abs(n));

    [DurableStep]
    private Task<int> Double(int n) => log.Run("Double", n, () => n * 2);

    [DurableStep]
    private Task<bool> IsEven(int n) => log.Run("IsEven", n, () => n % 2 == 0);

    [DurableStep]
    private Task<string?> Find(string key) => log.Run<string?>("Find", key, () => key.StartsWith('c') ? key.ToUpperInvariant() : null);
}
