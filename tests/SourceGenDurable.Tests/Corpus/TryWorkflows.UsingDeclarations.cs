using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class TryWorkflows
{
    /// <summary>
    /// Using declarations after the last checkpoint of a nested block: in a loop body left by continue and break, in a
    /// try block whose finally awaits, with a return before the declaration that goes through that finally, and in an
    /// if. Each resource is disposed where its block ends, before what follows the block, after a resume too: the
    /// trace records the order.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<string> UsingDeclarationsDisposedWhereTheirBlockEnds(WorkflowContext ctx, int n)
    {
        var trace = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var got = await ctx.Step("read", ct => log.Run("read", i, () => (i * 10) + n));
            using var scope = new TraceScope(trace, $"loop{i}");
            if (got % 4 == 1)
            {
                continue;
            }

            if (i + n == 4)
            {
                break;
            }

            trace.Add($"used{got}");
        }

        try
        {
            if (n == 3)
            {
                return string.Join(",", trace) + "|early";
            }

            await ctx.Step("write", ct => log.Do("write", trace.Count));
            using var inner = new TraceScope(trace, "try");
            trace.Add("in-try");
        }
        finally
        {
            await ctx.Step("close", ct => log.Do("close", trace.Count));
            trace.Add("finally");
        }

        if (n > 0)
        {
            await ctx.Step("check", ct => log.Do("check", n));
            using var last = new TraceScope(trace, "if");
            trace.Add("in-if");
        }

        trace.Add("end");
        return string.Join(",", trace);
    }

    /// <summary>
    /// A loop body without a checkpoint, copied whole into a flattened loop (its collection awaits), left by a break
    /// before a using declaration and by a continue after it: both become jumps to the loop's labels.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<string> UsingDeclarationInACopiedLoopBody(WorkflowContext ctx, int n)
    {
        var trace = new List<string>();
        foreach (var item in new[] { n, await ctx.Step("first", ct => log.Run("first", n, () => n + 1)), 7 })
        {
            if (item == 4)
            {
                break;
            }

            using var scope = new TraceScope(trace, $"item{item}");
            if (item % 2 == 1)
            {
                continue;
            }

            trace.Add($"even{item}");
        }

        await ctx.Step("done", ct => log.Do("done", trace.Count));
        return string.Join(",", trace);
    }

    /// <summary>
    /// Using declarations whose initializers await, in a loop body, an if, a try block whose finally awaits, and the
    /// workflow's own block: the resource is made after its initializer's checkpoint, on a resume too, and disposed where
    /// its block ends.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(2)]
    public async Task<string> UsingDeclarationsWhoseInitializersAwait(WorkflowContext ctx, int n)
    {
        var trace = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var scope = new TraceScope(trace, $"loop{await ctx.Step("name", ct => log.Run("name", i, () => i + n))}");
            trace.Add($"in{i}");
        }

        if (n > 1)
        {
            using var inner = new TraceScope(trace, "if" + await ctx.Step("check", ct => log.Run("check", n, () => n * 2)));
            trace.Add("in-if");
        }

        try
        {
            using var guarded = new TraceScope(trace, $"try{await ctx.Step("open", ct => log.Run("open", n, () => n + 5))}");
            trace.Add("in-try");
        }
        finally
        {
            await ctx.Step("close", ct => log.Do("close", trace.Count));
            trace.Add("finally");
        }

        await ctx.Step("done", ct => log.Do("done", trace.Count));
        using var last = new TraceScope(trace, "last" + await ctx.Step("final", ct => log.Run("final", n, () => n)));
        trace.Add("end");
        return string.Join(",", trace);
    }

    /// <summary>
    /// Using statements whose resources await (with a variable, without one, nested, in a loop, and one whose body
    /// returns): the resource is made after the checkpoints of its expression, on a resume too, and disposed when its
    /// body ends; the awaits come before the using, so the body holds none.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<string> UsingStatementsWhoseResourcesAwait(WorkflowContext ctx, int n)
    {
        var trace = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using (var scope = new TraceScope(trace, $"loop{await ctx.Step("name", ct => log.Run("name", i, () => i + n))}"))
            {
                trace.Add($"in{i}");
            }
        }

        using (new TraceScope(trace, "bare" + await ctx.Step("bare", ct => log.Run("bare", n, () => n * 3))))
        using (var inner = new TraceScope(trace, "inner"))
        {
            trace.Add("in-bare");
        }

        if (n > 2)
        {
            using (var early = new TraceScope(trace, $"early{await ctx.Step("early", ct => log.Run("early", n, () => n - 1))}"))
            {
                trace.Add("returning");
                return string.Join(",", trace);
            }
        }

        await ctx.Step("done", ct => log.Do("done", trace.Count));
        return string.Join(",", trace);
    }

    /// <summary>Records its disposal in the workflow's trace.</summary>
    private sealed class TraceScope(List<string> trace, string name) : IDisposable
    {
        public void Dispose() => trace.Add("disposed-" + name);
    }
}
