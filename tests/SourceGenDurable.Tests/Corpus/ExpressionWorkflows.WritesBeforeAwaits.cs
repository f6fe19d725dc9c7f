using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A variable read, then assigned by a later operand before an await of the same expression: C# uses the value it
/// read, so the spilling reads it into a temporary first. Compound assignments to a variable, to a member of a tuple,
/// reads of a member before its increment, an out argument assigning an earlier operand's variable, and a struct
/// changed in place by a call beside them.
/// </summary>
public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(5)]
    public async Task<string> ReadsBeforeWritesBeforeAnAwait(WorkflowContext ctx, int n)
    {
        var y = n;
        y += y++ + await Double(y);
        var z = y + (y++ + await Double(y));
        z -= (z = n) + await Double(z);
        var t = (A: y, B: z);
        t.A += t.B++ + await Double(t.A);
        var before = t.B + (t.B-- * 2) + await Double(t.B);
        var half = y;
        var even = Pair(half, TryHalve(half + await Double(n), out half) ? 1 : 0);
        var counter = new Counter { Count = n };
        var counted = counter.Count + (counter.Next() + await Double(counter.Count));
        return $"{y}|{z}|{t.A},{t.B}|{before}|{half},{even}|{counted},{counter.Count}";
    }

    /// <summary>A mutable struct changed by its own method.</summary>
    private struct Counter
    {
        public int Count { get; set; }

        public int Next() => ++Count;
    }
}
