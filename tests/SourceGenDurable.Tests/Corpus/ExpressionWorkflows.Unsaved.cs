using System.Text;
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Values no checkpoint can hold (an anonymous object, a delegate, a stream, a builder, a two-dimensional array made
/// with an awaited size), each declared from awaited values and used up before the next checkpoint: they get their
/// values after their own initializer's checkpoints, so they are ordinary locals, made again on every pass after a
/// resume. A member or a tuple element named after a variable that a later operand assigns keeps its name and the
/// value read first.
/// </summary>
public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(6)]
    public async Task<string> UnsavedValuesFromAwaits(WorkflowContext ctx, int n)
    {
        var order = new { Id = $"o-{n}", n, Quantity = await Double(n) + await Double(1) };
        var (ordered, id) = (order.Quantity + order.n, order.Id);
        Func<int, int> scale = await Double(ordered) > 12 ? v => v * 3 : v => v + 1;
        var scaled = scale(ordered);
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(await Describe(id)));
        var length = (int)stream.Length;
        var text = new StringBuilder(await Describe($"{scaled}:{length}")).Append('!');
        var written = text.ToString();
        var grid = new int[await Double(n) % 5 + 1, 2];
        grid[0, 1] = length;
        var cells = $"{grid.Length}:{grid[0, 1]}";
        var counted = new { n, More = n++ + await Double(n) };
        var countedText = $"{counted.n},{counted.More}";
        var pair = (n, Next: n++ + await Double(n));
        var names = $"{countedText};{pair.n},{pair.Next}";
        return $"{written}|{cells}|{names}|{await Double(scaled + length)}";
    }
}
