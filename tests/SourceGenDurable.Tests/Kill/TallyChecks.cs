using System.Globalization;
using SourceGenDurable.Client;

namespace SourceGenDurable.Tests.Kill;

/// <summary>
/// Checks a tally run's effects file against the store's step history: every step of every instance is recorded once,
/// the effects show no committed step run again, and (when <c>strict</c>) an instance moved from one process to
/// another only when the first was killed, never back, and never before the kill.
/// </summary>
public static class TallyChecks
{
    /// <summary>Asserts the invariants and returns what the run measured.</summary>
    /// <param name="strict">
    /// Whether an instance may move only from a killed process: true when the lease is long enough that no live process
    /// loses one; false when live processes may legitimately lose their runs (the server restarting).
    /// </param>
    public static TallyReport Verify(TallyRun run, IReadOnlyDictionary<string, IReadOnlyList<StepHistoryEntry>> histories, bool strict)
    {
        var (instances, steps) = (run.Instances, run.Steps);
        var ids = Enumerable.Range(0, instances).Select(i => $"tally-{i}").ToHashSet();
        Assert.Equal(ids, run.Marks.Select(m => m.Instance).ToHashSet());
        Assert.Equal(ids, histories.Keys.ToHashSet());

        var (reruns, moves, overlaps) = (0, 0, 0);
        var takeovers = new List<TimeSpan>();
        foreach (var instance in run.Marks.GroupBy(m => m.Instance))
        {
            var committedAt = CommittedSteps(instance.Key, histories[instance.Key], steps);
            var marks = instance.ToList();

            // The effects and the history agree: each recorded step ran, and nothing else did.
            Assert.Equal(Enumerable.Range(1, steps), marks.Select(m => m.Step).Distinct().Order());
            Assert.Equal(1, marks[0].Step);
            foreach (var mark in marks)
            {
                Assert.True(
                    mark.At <= committedAt[mark.Step],
                    $"{instance.Key} step {mark.Step} ran in pid {mark.Pid} at {mark.At}, after its commit at {committedAt[mark.Step]}: a committed step ran again.");
            }

            for (var i = 1; i < marks.Count; i++)
            {
                var (before, mark) = (marks[i - 1], marks[i]);
                Assert.True(
                    mark.Step == before.Step || mark.Step == before.Step + 1,
                    $"{instance.Key}: step {mark.Step} (pid {mark.Pid}) ran right after step {before.Step} (pid {before.Pid}); the steps run in order, and only an uncommitted one again.");
                reruns += mark.Step == before.Step ? 1 : 0;
                if (mark.Pid != before.Pid)
                {
                    moves++;
                    overlaps += marks.Skip(i).Any(m => m.Pid == before.Pid) ? 1 : 0;
                    if (run.Killed.TryGetValue(before.Pid, out var killedAt))
                    {
                        takeovers.Add(DateTimeOffset.FromUnixTimeMilliseconds(mark.At) - killedAt);
                    }
                }

                if (strict)
                {
                    CheckMove(run, instance.Key, before, mark, marks.Skip(i));
                }
            }
        }

        Assert.All(histories, history => Assert.True(history.Value.Count(e => e.Error is null) == steps, $"{history.Key} has {history.Value.Count} steps in its history."));
        return new TallyReport(run.Marks.Count, reruns, moves, overlaps, takeovers);
    }

    /// <summary>When each step of the instance committed, by step number, from its history: each sequence once, steps 1 to <paramref name="steps"/> in order.</summary>
    private static Dictionary<int, long> CommittedSteps(string id, IReadOnlyList<StepHistoryEntry> history, int steps)
    {
        var committed = history.Where(e => e.Error is null).OrderBy(e => e.Sequence).ToList();
        Assert.True(committed.Count == committed.Select(e => e.Sequence).Distinct().Count(), $"{id} records a sequence twice: {string.Join(", ", committed.Select(e => e.Sequence))}");
        Assert.Equal(Enumerable.Range(1, steps), committed.Select(e => int.Parse(e.ResultJson!, CultureInfo.InvariantCulture)));
        return committed.ToDictionary(e => int.Parse(e.ResultJson!, CultureInfo.InvariantCulture), e => e.EndedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>With a lease no live process loses, a run moves only from a killed process, after the kill, and never back.</summary>
    private static void CheckMove(TallyRun run, string id, Mark before, Mark mark, IEnumerable<Mark> rest)
    {
        if (mark.Pid == before.Pid)
        {
            Assert.True(mark.Step == before.Step + 1, $"{id}: pid {mark.Pid} ran step {mark.Step} twice without dying in between.");
            return;
        }

        Assert.True(run.Killed.TryGetValue(before.Pid, out var killedAt), $"{id} moved from pid {before.Pid}, which was not killed, to pid {mark.Pid} at step {mark.Step}.");
        Assert.True(
            DateTimeOffset.FromUnixTimeMilliseconds(mark.At) >= killedAt.AddMilliseconds(-1),
            $"{id}: pid {mark.Pid} ran step {mark.Step} at {mark.At}, before pid {before.Pid} was killed at {killedAt.ToUnixTimeMilliseconds()}: two processes ran it at once.");
        Assert.DoesNotContain(rest, m => m.Pid == before.Pid);
    }
}

/// <summary>What a tally run measured.</summary>
/// <param name="Marks">The step runs the effects file records.</param>
/// <param name="Reruns">The step runs that ran a step again (it had not committed).</param>
/// <param name="Moves">How often an instance's next step ran in another process than its last.</param>
/// <param name="Overlaps">Moves after which the process the instance left ran one of its steps again: two processes ran it in turn.</param>
/// <param name="Takeovers">For each move away from a killed process, the time from the kill to the step in the new one.</param>
public sealed record TallyReport(int Marks, int Reruns, int Moves, int Overlaps, IReadOnlyList<TimeSpan> Takeovers)
{
    public TimeSpan SlowestTakeover => Takeovers.Count == 0 ? TimeSpan.Zero : Takeovers.Max();

    public override string ToString()
    {
        var sorted = Takeovers.Order().ToList();
        var takeovers = sorted.Count == 0
            ? "no takeovers"
            : $"{sorted.Count} takeovers after a kill: fastest {sorted[0].TotalMilliseconds:0} ms, median {sorted[sorted.Count / 2].TotalMilliseconds:0} ms, slowest {sorted[^1].TotalMilliseconds:0} ms";
        return $"{Marks} step runs, {Reruns} of them again after a kill or a lost run; {Moves} moves between processes, {Overlaps} of them back and forth; {takeovers}";
    }
}
