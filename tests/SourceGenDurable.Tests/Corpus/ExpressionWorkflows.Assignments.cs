using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Assignments whose right side awaits, other than to a plain variable.</summary>
public sealed partial class ExpressionWorkflows
{
    /// <summary>
    /// A null-coalescing assignment: the step runs only while the variable is null, so in a loop it runs once, and a
    /// crash between the step and the next commit neither runs it again nor loses its value.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    public async Task<string> CoalescingAssignmentsAwaitOnlyWhileNull(WorkflowContext ctx, int n)
    {
        int? cached = n > 2 ? n : null;
        string? name = null;
        var parts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            name ??= await Describe($"round {i}");
            parts.Add($"{name}:{(cached ??= await Double(i + 1)) + i}");
        }

        return string.Join(",", parts) + $"|{cached}";
    }

    /// <summary>
    /// Null-coalescing assignments to elements and members whose right side awaits: an array element indexed by
    /// arithmetic and from the end, a dictionary entry, a property of an object, a member of a member, and a tuple's
    /// element. The step runs only while the target is null, and the value lands in the target read again after it.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(4)]
    public async Task<string> CoalescingAssignmentsToElementsAndMembers(WorkflowContext ctx, int n)
    {
        var names = new string?[4];
        names[n % 2] = n > 3 ? "preset" : null;
        var notes = new Dictionary<string, string?> { ["a"] = null, ["b"] = "kept" };
        var card = new Card { Owner = new Card() };
        (string? Label, int Count) pair = (null, n);
        for (var i = 0; i < 2; i++)
        {
            names[(n % 2) + 0] ??= await Describe($"name {i}");
            names[^1] ??= await Describe($"last {i}");
            notes["a"] ??= await Describe($"note {i}");
            notes["b"] ??= await Describe("never");
            card.Title ??= await Describe($"title {i}");
            card.Owner.Title ??= await Describe($"owner {i}");
            pair.Label ??= await Describe($"pair {i}");
        }

        return $"{string.Join(',', names)}|{notes["a"]},{notes["b"]}|{card.Title},{card.Owner.Title}|{pair.Label},{pair.Count}";
    }

    /// <summary>A class with settable members, saved as a slot.</summary>
    public sealed class Card
    {
        public string? Title { get; set; }

        public Card? Owner { get; set; }
    }

    /// <summary>
    /// Compound assignments to a property and to array elements: each adds to the value the member holds when the
    /// await's result arrives, once, whatever commit a crash follows.
    /// </summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(5)]
    public async Task<string> CompoundAssignmentsToMembersAndElements(WorkflowContext ctx, int n)
    {
        var tally = new Tally();
        var values = new int[3];
        for (var i = 0; i < 3; i++)
        {
            tally.Count += await Double(n + i);
            values[(n + i) % 3] -= await Double(i);
            values[i] *= 2;
        }

        tally.Count *= await Double(1);
        return $"{tally.Count}|{string.Join(",", values)}";
    }

    /// <summary>
    /// An element assigned, or added to, an awaited value is checked against the array's bounds before the await, as
    /// C# does: an index out of range throws before the step runs.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(-1)]
    [Inputs(2)]
    public async Task<string> ElementTargetsCheckedBeforeTheAwait(WorkflowContext ctx, int n)
    {
        var values = new int[2];
        try
        {
            values[n % 3 == 2 ? 0 : n] = await Double(n);
            values[n % 2] += await Double(n + 1);
            values[n] -= await Double(n + 2);
        }
        catch (IndexOutOfRangeException)
        {
            return $"out of range|{string.Join(",", values)}";
        }

        return string.Join(",", values);
    }

    /// <summary>
    /// A '??=' and a '?.' call whose values nothing reads, as a for loop's incrementors: each runs its step only when
    /// C# would, once per pass.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    public async Task<string> CoalescingAndConditionalIncrementors(WorkflowContext ctx, int n)
    {
        int? first = null;
        var seen = n > 0 ? new HashSet<int>() : null;
        var total = 0;
        for (var i = 0; i < 3; i++, first ??= await Double(i + n), seen?.Add(await Double(i + 10)))
        {
            total += i + (first ?? -1);
        }

        return $"{total}|{first}|{(seen is null ? "-" : string.Join(",", seen))}";
    }
}
