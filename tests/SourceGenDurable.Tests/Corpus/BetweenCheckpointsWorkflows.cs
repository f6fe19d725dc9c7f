using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Ordinary code between checkpoints: if/else, switch, loops, try/catch/finally, using, lambdas, local functions,
/// LINQ, constants and nameof. No durable await is inside any of it.
/// </summary>
public sealed partial class BetweenCheckpointsWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(7)]
    [Inputs(-3)]
    public async Task<string> Branches(WorkflowContext ctx, int n)
    {
        var start = await ctx.Step("start", ct => log.Run("start", n, () => n * 3));
        string kind;
        if (start < 0)
        {
            kind = "negative";
        }
        else if (start == 0)
        {
            kind = "zero";
        }
        else
        {
            kind = start % 2 == 0 ? "even" : "odd";
        }

        switch (kind)
        {
            case "odd":
                start += 1;
                break;
            case "negative":
                start = -start;
                break;
        }

        var steps = 0;
        for (var i = 0; i < n; i++)
        {
            steps += i;
        }

        var m = start;
        while (m > 10)
        {
            m /= 2;
        }

        do
        {
            m++;
        }
        while (m % 3 != 0);

        var next = await ctx.Step("next", ct => log.Run("next", new { kind, m, steps }, () => m + steps));
        return $"{kind}/{next}/{n}";
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(5)]
    [Inputs(60)]
    public async Task<int> EarlyReturn(WorkflowContext ctx, int n)
    {
        var first = await ctx.Step("first", ct => log.Run("first", n, () => n - 1));
        if (first < 0)
        {
            return -1;
        }

        var second = await ctx.Step("second", ct => log.Run("second", first, () => first * 2));
        if (second > 100)
        {
            return 100;
        }

        var third = await ctx.Step("third", ct => log.Run("third", second, () => second + n));
        return third;
    }

    [DurableWorkflow]
    [Inputs("3,x,5")]
    [Inputs("")]
    [Inputs("1,2,oops,4")]
    public async Task<int> TryCatchBetween(WorkflowContext ctx, string csv)
    {
        var parts = await ctx.Step("split", ct => log.Run("split", csv, () => csv.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        var total = 0;
        var bad = 0;
        var visited = 0;
        foreach (var part in parts)
        {
            try
            {
                total += int.Parse(part, CultureInfo.InvariantCulture);
            }
            catch (FormatException) when (part.Length > 0)
            {
                bad++;
            }
            finally
            {
                visited++;
            }
        }

        await ctx.Step("report", ct => log.Do("report", new { total, bad, visited }));
        return (total * 10) + bad + (visited * 1000);
    }

    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(0)]
    public async Task<string> UsingBetween(WorkflowContext ctx, int lines)
    {
        var header = await ctx.Step("header", ct => log.Run("header", lines, () => $"{lines} lines"));
        string text;
        using (var writer = new StringWriter(CultureInfo.InvariantCulture))
        {
            writer.Write(header);
            for (var i = 0; i < lines; i++)
            {
                writer.Write($";{i}");
            }

            text = writer.ToString();
        }

        var stored = await ctx.Step("store", ct => log.Run("store", text, () => text.Length));
        return $"{text} ({stored})";
    }

    [DurableWorkflow]
    [Inputs(2, 5)]
    [Inputs(0, 1)]
    [Inputs(3, 0)]
    public async Task<int> LambdasAndLocalFunctions(WorkflowContext ctx, int factor, int count)
    {
        var offset = factor + 1;

        // Declared before the first checkpoint, called after the last: it reads a parameter and a local that cross checkpoints.
        int Scale(int value) => (value * factor) + offset;

        var values = await ctx.Step("values", ct => log.Run("values", count, () => Enumerable.Range(1, count).ToArray()));
        var scaled = values.Select(v => Scale(v)).Where(v => v % 2 == 1 || factor == 0).ToList();
        Func<int, int> addOffset = v => v + offset; // a delegate that never crosses a checkpoint
        var adjusted = scaled.Select(addOffset).Sum();
        var reduced = await ctx.Step("reduce", ct => log.Run("reduce", adjusted, () => adjusted % 1000));
        return Scale(reduced) + values.Length;
    }

    [DurableWorkflow]
    [Inputs(4)]
    [Inputs(12)]
    public async Task<string> ConstantsAndNameof(WorkflowContext ctx, int size)
    {
        const int Limit = 10;
        const string Unit = "kg";
        var clamped = await ctx.Step("clamp", ct => log.Run("clamp", size, () => Math.Min(size, Limit)));
        var label = $"{nameof(size)}={clamped}{Unit}";
        await ctx.Step(nameof(label), ct => log.Do(nameof(label), label));
        return clamped == Limit ? label + " (limit)" : label;
    }

    [DurableWorkflow]
    [Inputs(5)]
    [Inputs(-2)]
    public async Task<int> AssignForms(WorkflowContext ctx, int value)
    {
        int running;
        running = await Twice(value);
        value = await ctx.Step("increment", ct => log.Run("increment", value, () => value + 1));
        running = await Twice(running + value);
        return running - value;
    }

    [DurableStep]
    private Task<int> Twice(int x) => log.Run("Twice", x, () => x * 2);
}
