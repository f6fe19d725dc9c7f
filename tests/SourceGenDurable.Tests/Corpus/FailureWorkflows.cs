using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Steps that throw (always, or for a while), and workflow bodies that throw after some steps.</summary>
public sealed partial class FailureWorkflows(StepLog log)
{
    /// <summary>A ctx.Step that throws on every attempt: it is tried ctx.Step's MaxAttempts times, then fails the workflow.</summary>
    [DurableWorkflow]
    [Inputs(16)]
    [Inputs(-1)]
    public async Task<int> ContextStepThrows(WorkflowContext ctx, int n)
    {
        var half = await ctx.Step("half", ct => log.Run("half", n, () => n / 2));
        var root = await ctx.Step("root", ct => log.Run("root", n, () => n < 0 ? throw new ArgumentOutOfRangeException(nameof(n), n, "no root of a negative number") : (int)Math.Sqrt(n)));
        return half + root;
    }

    [DurableWorkflow]
    [Inputs("tea")]
    [Inputs("")]
    public async Task<string> DurableStepThrows(WorkflowContext ctx, string sku)
    {
        var price = await Lookup(sku);
        var label = await ctx.Step("label", ct => log.Run("label", price, () => $"{sku}@{price}"));
        return label;
    }

    /// <summary>A [DurableStep(MaxAttempts = 2)] that fails its first <paramref name="failures"/> attempts.</summary>
    [DurableWorkflow]
    [Inputs(5, 0)]
    [Inputs(5, 1)]
    [Inputs(5, 2)]
    public async Task<int> TransientStepFailures(WorkflowContext ctx, int n, int failures)
    {
        var before = await ctx.Step("before", ct => log.Run("before", n, () => n + 1));
        var reserved = await Reserve(before, failures);
        var after = await ctx.Step("after", ct => log.Run("after", reserved, () => reserved * 10));
        return after;
    }

    /// <summary>A ctx.Step (3 attempts) that fails its first <paramref name="failures"/> attempts.</summary>
    [DurableWorkflow]
    [Inputs("a", 0)]
    [Inputs("b", 2)]
    [Inputs("c", 3)]
    public async Task<string> TransientContextStepFailures(WorkflowContext ctx, string key, int failures)
    {
        var value = await ctx.Step("fetch", ct => log.RunFlaky("fetch", key, failures, () => key + key));
        await ctx.Step("store", ct => log.Do("store", value));
        return value;
    }

    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(3)]
    public async Task<int> BodyThrowsAfterSteps(WorkflowContext ctx, int n)
    {
        var a = await ctx.Step("a", ct => log.Run("a", n, () => n + 1));
        var b = await ctx.Step("b", ct => log.Run("b", a, () => a * 2));
        if (b % 4 != 0)
        {
            throw new CorpusException($"b={b} is not a multiple of 4");
        }

        var c = await ctx.Step("c", ct => log.Run("c", b, () => b / 4));
        return c;
    }

    /// <summary>
    /// Throw statements whose exceptions await: the message's step runs before the throw, once. With 3 items the throw is
    /// caught and another is thrown from the catch with an awaited message; with 6 the filter lets the first one through.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(3)]
    [Inputs(6)]
    public async Task<int> ThrowWithAwaitedMessage(WorkflowContext ctx, int n)
    {
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            try
            {
                if (i % 3 == 2)
                {
                    throw new CorpusException($"item {i} refused by {await ctx.Step("owner", ct => log.Run("owner", i, () => i * 10))}");
                }

                total += await ctx.Step("add", ct => log.Run("add", i, () => i + 1));
            }
            catch (CorpusException e) when (n < 5)
            {
                total += e.Message.Length;
                throw new CorpusException($"{e.Message}, then {await ctx.Step("note", ct => log.Run("note", total, () => total * 2))}");
            }
        }

        return total;
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    public async Task<int> FrameworkExceptionAfterSteps(WorkflowContext ctx, int index)
    {
        var items = await ctx.Step("items", ct => log.Run("items", index, () => new List<int> { 10, 20 }));
        await ctx.Step("touch", ct => log.Do("touch", items.Count));
        return items[index];
    }

    [DurableStep(MaxAttempts = 1)]
    private Task<int> Lookup(string sku) =>
        log.Run("Lookup", sku, () => sku.Length == 0 ? throw new KeyNotFoundException("empty SKU") : sku.Length * 100);

    [DurableStep(MaxAttempts = 2)]
    private Task<int> Reserve(int amount, int failures) => log.RunFlaky("Reserve", amount, failures, () => amount * 2);
}
