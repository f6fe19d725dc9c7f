using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ExpressionWorkflows
{
    /// <summary>In a foreach, a 'not' pattern variable guards an early continue and is read after checkpoints in a try/finally.</summary>
    [DurableWorkflow]
    [InputsJson("""{"items":["ab",null,"cde"]}""")]
    [InputsJson("""{"items":[]}""")]
    public async Task<string> NotPatternInALoopWithFinally(WorkflowContext ctx, string?[] items)
    {
        var trail = "";
        foreach (var item in items)
        {
            if (item is not string text)
            {
                trail += "-";
                continue;
            }

            try
            {
                trail += await ctx.Step("upper", ct => log.Run("upper", text, () => text.ToUpperInvariant()));
            }
            finally
            {
                trail += await ctx.Step("length", ct => log.Run("length", text, () => text.Length));
            }

            trail += text;
        }

        return trail;
    }

    /// <summary>A 'not' pattern variable in a switch section and in a while condition, read after a checkpoint.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(8)]
    public async Task<int> NotPatternInASwitchAndAWhile(WorkflowContext ctx, int n)
    {
        Shape shape = n > 5 ? new Circle(n) : new Square(n);
        var total = 0;
        switch (n % 2)
        {
            case 0:
                if (shape is not Circle circle)
                {
                    total = await ctx.Step("square", ct => log.Run("square", n, () => n * n));
                    break;
                }

                total = await ctx.Step("circle", ct => log.Run("circle", circle.Radius, () => circle.Radius * 3));
                total += circle.Radius;
                break;
            default:
                int? budget = n;
                while (!(budget is not int left) && left > 0)
                {
                    total += await ctx.Step("spend", ct => log.Run("spend", left, () => left));
                    budget = left - 2;
                    total += left;
                }

                break;
        }

        return total;
    }
}
