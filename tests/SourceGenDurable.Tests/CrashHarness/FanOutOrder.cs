namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The form in which the harness compares step logs. The operations of a fan-out run concurrently, so the entries of
/// one fan-out come in any order; everything else runs one step after the other. In canonical form each run of
/// consecutive entries of the same fan-out is ordered by branch (a branch's own attempts keep their order, since they
/// run one after the other), and its entries carry the fan-out's number in the log instead of the run's own key.
/// Comparing canonical logs entry for entry is then comparing the entries outside fan-outs as sequences, each
/// fan-out's entries as a multiset of (branch, attempts in order), and where the fan-outs are.
/// </summary>
public static class FanOutOrder
{
    public static IReadOnlyList<LogEntry> Canonical(IReadOnlyList<LogEntry> log)
    {
        var canonical = new List<LogEntry>(log.Count);
        var fanOuts = 0;
        for (var start = 0; start < log.Count;)
        {
            if (log[start].FanOut is not { } key)
            {
                canonical.Add(log[start]);
                start++;
                continue;
            }

            var end = start;
            while (end < log.Count && log[end].FanOut == key)
            {
                end++;
            }

            var number = (++fanOuts).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // OrderBy is stable: a branch's attempts stay in the order they ran.
            canonical.AddRange(log.Skip(start).Take(end - start).OrderBy(e => e.Branch).Select(e => e with { FanOut = number }));
            start = end;
        }

        return canonical;
    }

    /// <summary>Whether <paramref name="log"/> has entries that ran in a fan-out.</summary>
    public static bool HasFanOuts(IEnumerable<LogEntry> log) => log.Any(e => e.FanOut is not null);
}
