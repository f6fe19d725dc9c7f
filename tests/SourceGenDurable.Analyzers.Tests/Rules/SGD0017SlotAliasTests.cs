using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0017: two slots that refer to one object, changed through one of them. Each slot is saved as its own JSON value,
/// so a resumed workflow has two objects, and the change is not seen through the other. Reported where the alias is
/// made: a slot local read from another slot (or from an object reached from one), or a slot stored into another.
/// </summary>
public sealed class SGD0017SlotAliasTests
{
    private const string Types = """
        public sealed class Line
        {
            public int Qty { get; set; }
        }

        public sealed class Order
        {
            public List<Line> Lines { get; set; } = new();
            public Line? Last { get; set; }
        }
        """;

    private const string Step = """

            [DurableStep]
            private Task<int> MyStep(int v) => Task.FromResult(v);
        }
        """;

    [Fact]
    public Task Aliases_read_from_a_slot_or_stored_into_one_and_changed_through_either_are_reported() =>
        Verify.VerifyAsync(
            Types + """

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, Order order, List<int> counts)
                {
                    var {|#0:same = counts|};
                    var {|#1:line = order.Lines[0]|};
                    var lines = new List<Line>();
                    var extra = new Line();
                    lines.Add({|#2:extra|});
                    var latest = new Line();
                    {|#3:order.Last = latest|};
                    List<int> other;
                    {|#4:other = same|};
                    await MyStep(1);
                    counts.Add(1);
                    other.Add(3);
                    line.Qty = 5;
                    extra.Qty++;
                    order.Last.Qty += 2;
                    return same.Count + other.Count + order.Lines[0].Qty + lines[0].Qty + latest.Qty;
                }
            """ + Step,
            Verify.Diagnostic("SGD0017").WithLocation(0).WithMessage(
                "'same' refers to the object read from 'counts', and both live across a checkpoint, where each is saved as its own copy: after a resume a change made through one is not seen through the other; keep one local per object across the checkpoint, and reach the object through it (or look it up again after the checkpoint)"),
            Verify.Diagnostic("SGD0017").WithLocation(1).WithArguments("'line' refers to the object read from 'order.Lines[0]'"),
            Verify.Diagnostic("SGD0017").WithLocation(2).WithArguments("'extra' is stored into 'lines'"),
            Verify.Diagnostic("SGD0017").WithLocation(3).WithArguments("'latest' is stored into 'order.Last'"),
            Verify.Diagnostic("SGD0017").WithLocation(4).WithArguments("'other' refers to the object read from 'same'"));

    [Fact]
    public Task Aliases_nothing_changes_through_changes_beside_the_shared_object_values_and_copies_are_not_reported() =>
        Verify.VerifyAsync(
            Types + """

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, Order order, List<int> counts, string name, int total)
                {
                    // Read only after the checkpoint: two copies read alike.
                    var view = counts;
                    // The list the line is in changes, not the line.
                    var line = order.Lines[0];
                    order.Lines.Add(new Line());
                    // A collection gets another element; the stored one does not change.
                    var lines = new List<Line>();
                    var first = new Line();
                    lines.Add(first);
                    lines.Add(new Line());
                    // Strings, values and new objects share nothing.
                    var label = name;
                    var sum = total;
                    var copy = new List<int>(counts);
                    copy.Add(1);
                    // Not a slot: the alias does not live across the checkpoint.
                    var local = counts;
                    local.Add(2);
                    await MyStep(1);
                    // Made to refer to another object: nothing changes through it.
                    line = new Line();
                    return view.Count + line.Qty + lines.Count + first.Qty + label.Length + sum + copy.Count + counts.Count;
                }
            """ + Step);
}
