using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A generic workflow class, run as <c>Ledger&lt;Int32&gt;</c> and <c>Ledger&lt;String&gt;</c>: the inputs are text, a
/// generic step parses each into a <typeparamref name="T"/>, and T values live across the checkpoints that follow.
/// </summary>
[ClosedAs(typeof(int))]
[ClosedAs(typeof(string))]
public sealed partial class Ledger<T>(StepLog log)
    where T : notnull
{
    /// <summary>A T and a List&lt;T&gt; live across checkpoints of a loop whose try/finally awaits.</summary>
    [DurableWorkflow]
    [Inputs(new[] { "3", "14", "3" }, 2)]
    [Inputs(new[] { "7" }, 1)]
    [Inputs(new string[0], 3)]
    public async Task<string> Collect(WorkflowContext ctx, string[] texts, int rounds)
    {
        var entries = new List<T>();
        T? last = default;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                try
                {
                    var entry = await Parse<T>(text);
                    if (last is not null && EqualityComparer<T>.Default.Equals(entry, last))
                    {
                        continue;
                    }

                    entries.Add(entry);
                    last = entry;
                }
                finally
                {
                    await Audit(entries.Count, round);
                }
            }
        }

        var echoed = await Echo(entries);
        return $"{typeof(T).Name}:{string.Join(",", echoed)}:{last}";
    }

    /// <summary>A T result; for Ledger&lt;Int32&gt;, text that is no number fails the generic step and the workflow.</summary>
    [DurableWorkflow]
    [Inputs("5", "12")]
    [Inputs("12", "12")]
    [Inputs("five", "12")]
    public async Task<T> Larger(WorkflowContext ctx, string first, string second)
    {
        var a = await Parse<T>(first);
        var b = await Parse<T>(second);
        var larger = Comparer<T>.Default.Compare(a, b) >= 0 ? a : b;
        await Audit(Comparer<T>.Default.Compare(a, b), 0);
        return await Echo(larger);
    }

    [DurableStep]
    private Task<TValue> Parse<TValue>(string text) =>
        log.Run("Parse", new { text, type = typeof(TValue).Name }, () => (TValue)Convert.ChangeType(text, typeof(TValue), CultureInfo.InvariantCulture));

    [DurableStep]
    private Task<TValue> Echo<TValue>(TValue value) => log.Run("Echo", value, () => value);

    [DurableStep]
    private Task Audit(int count, int round) => log.Do("Audit", new { count, round });
}
