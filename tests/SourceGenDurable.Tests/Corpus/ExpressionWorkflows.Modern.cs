using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Durable awaits inside the newer expression forms: collection expressions (with a spread), tuple literals, a
/// null-coalescing assignment beside them, a with-expression, and an element assignment whose index and value both await. Each is
/// evaluated in C#'s order: what stands to the left of an await is read before it.
/// </summary>
public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(0)]
    public async Task<string> NewerForms(WorkflowContext ctx, int n)
    {
        var counter = n;
        int[] first = [counter++, await Double(counter), counter];
        int[] all = [.. first, await Double(first.Length), .. first.Reverse()];
        var pair = (counter++, await Double(counter));
        string? label = n > 1 ? "given" : null;
        label ??= "none";
        label += (await Double(n + 10)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var profile = new Profile("p", n) with { Score = await Double(n) + counter };
        var slots = new int[4];
        slots[await Double(n) % 4] = await Double(slots.Length) + counter++;
        return $"{string.Join(",", all)}|{pair.Item1},{pair.Item2}|{label}|{profile.Score}|{string.Join(",", slots)}|{counter}";
    }

    /// <summary>
    /// New objects made before a durable await in the same expression are saved with the checkpoint: after a resume the
    /// call gets the saved copy, which no one else holds, so the outcome is the same.
    /// </summary>
    [DurableWorkflow]
    [Inputs(3)]
    public async Task<string> NewObjectsBeforeAnAwait(WorkflowContext ctx, int n)
    {
        var filled = Filled(new List<int> { n }, await Double(n));
        var again = Filled(new List<int> { n, n + 1 }, await Double(filled.Count));
        return string.Join(",", filled) + "|" + string.Join(",", again);
    }

    private static List<int> Filled(List<int> list, int value)
    {
        list.Add(value);
        return list;
    }

    /// <summary>
    /// Elements changed through the collection by index in a loop that awaits (SGD0016's fix): the collection is the
    /// one slot that holds them, so the changes survive a resume.
    /// </summary>
    [DurableWorkflow]
    [Inputs(3)]
    public async Task<string> ChangeElementsByIndex(WorkflowContext ctx, int n)
    {
        var tallies = new List<Tally> { new(), new(), new() };
        for (var i = 0; i < tallies.Count; i++)
        {
            var doubled = await Double(n + i);
            tallies[i].Count = doubled;
            tallies[i].Names.Add("x");
        }

        return string.Join(",", tallies.Select(t => $"{t.Count}:{t.Names.Count}"));
    }
}
