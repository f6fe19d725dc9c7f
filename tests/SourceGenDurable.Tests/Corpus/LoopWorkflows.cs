using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Durable awaits inside while, do, for, with break, continue, return from inside loops, goto and labels, and nesting.</summary>
public sealed partial class LoopWorkflows(StepLog log)
{
    /// <summary>A durable await in the loop condition and in the body.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<int> While(WorkflowContext ctx, int count)
    {
        var i = 0;
        var sum = 0;
        while (await Below(i, count))
        {
            sum += await Square(i);
            i++;
        }

        return sum;
    }

    /// <summary>The body runs once even for a count of 0; the condition awaits.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<List<int>> DoWhile(WorkflowContext ctx, int count)
    {
        var seen = new List<int>();
        var i = 0;
        do
        {
            seen.Add(await Square(i));
            i++;
        }
        while (await Below(i, count));

        return seen;
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(3)]
    [Inputs(10)]
    public async Task<int> ForBreakContinue(WorkflowContext ctx, int count)
    {
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 1)
            {
                await ctx.Step("skip", ct => log.Do("skip", i));
                continue;
            }

            var square = await Square(i);
            if (square > 30)
            {
                break;
            }

            total += square;
        }

        return total;
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    [Inputs(50)]
    public async Task<string> ReturnFromInsideLoop(WorkflowContext ctx, int target)
    {
        for (var i = 0; i < 4; i++)
        {
            var square = await Square(i);
            if (square >= target)
            {
                return $"found {i}";
            }
        }

        await ctx.Step("not-found", ct => log.Do("not-found", target));
        return "none";
    }

    /// <summary>Awaits in both loops; a break that leaves only the inner loop.</summary>
    [DurableWorkflow]
    [Inputs(0, 0)]
    [Inputs(1, 3)]
    [Inputs(3, 2)]
    [Inputs(3, 4)]
    public async Task<int> NestedLoops(WorkflowContext ctx, int rows, int columns)
    {
        var cells = 0;
        for (var r = 0; r < rows; r++)
        {
            await ctx.Step("row", ct => log.Do("row", r));
            var c = 0;
            while (c < columns)
            {
                var value = await Product(r, c);
                if (value > 2)
                {
                    break;
                }

                cells += value + 1;
                c++;
            }
        }

        return cells;
    }

    /// <summary>A loop made of labels and gotos with a durable await inside it, then a goto out of two nested loops.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(4)]
    public async Task<int> GotoAndLabels(WorkflowContext ctx, int times)
    {
        var round = 0;
        var total = 0;
    again:
        if (round >= times)
        {
            goto done;
        }

        total += await Square(round + 1);
        round++;
        goto again;
    done:
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if (await Product(i, j) > total)
                {
                    goto after;
                }
            }
        }

        total = -total;
    after:
        return total;
    }

    /// <summary>while (true) that leaves on a step's result.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(40)]
    [Inputs(27)]
    public async Task<int> WhileTrue(WorkflowContext ctx, int seed)
    {
        var value = seed;
        var rounds = 0;
        while (true)
        {
            value = await Collatz(value);
            rounds++;
            if (value == 1 || rounds == 20)
            {
                break;
            }
        }

        return rounds * 1000 + value;
    }

    [DurableStep]
    private Task<bool> Below(int i, int limit) => log.Run("Below", new { i, limit }, () => i < limit);

    [DurableStep]
    private Task<int> Square(int n) => log.Run("Square", n, () => n * n);

    [DurableStep]
    private Task<int> Product(int a, int b) => log.Run("Product", new { a, b }, () => a * b);

    [DurableStep]
    private Task<int> Collatz(int n) => log.Run("Collatz", n, () => n == 1 ? 1 : n % 2 == 0 ? n / 2 : (3 * n) + 1);
}
