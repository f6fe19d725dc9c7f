using System.Text;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>The checks of one corpus case with one input over all its durable runs, and a readable account of what failed.</summary>
public sealed class HarnessReport(CorpusCase corpusCase, CorpusInput input)
{
    private const int DetailedFailures = 4;

    private readonly List<(string Scenario, string Text)> _failures = [];

    public DirectRun? Direct { get; set; }

    public int CommitsWithoutCrash { get; set; }

    public int DurableRuns { get; private set; }

    public int Processes { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public bool Passed => _failures.Count == 0;

    public void Fail(string scenario, string problem, IReadOnlyList<LogEntry>? expected, IReadOnlyList<LogEntry>? actual)
    {
        var text = new StringBuilder(problem);
        if (expected is not null && actual is not null)
        {
            text.Append('\n').Append(SideBySide(expected, actual));
        }

        _failures.Add((scenario, text.ToString()));
    }

    /// <summary>Checks one durable run against the direct run and, for crash runs, against the run without a crash.</summary>
    public void Check(DurableRun run, DurableRun? baseline)
    {
        DurableRuns++;
        Processes += run.Processes;
        var direct = Direct!;
        var problems = new List<string>();
        problems.AddRange(run.Anomalies);

        if (run.Outcome != direct.Outcome)
        {
            problems.Add($"Outcome differs.\n  direct:  {direct.Outcome}\n  durable: {run.Outcome}" +
                (run.StoredResult is null ? "" : $"\n  (stored result JSON: {run.StoredResult})"));
        }

        // Compared in canonical form: a fan-out's entries in any order, everything else in order.
        var actual = FanOutOrder.Canonical(run.Log);
        var expected = FanOutOrder.Canonical(direct.Log);
        var logMatches = actual.SequenceEqual(expected);
        if (run.Scenario.ReRunCommit is { } k && baseline is not null && k <= baseline.Commits.Count)
        {
            (expected, logMatches, var rule) = ReRunExpectation(baseline, k, actual);
            if (!logMatches)
            {
                problems.Add($"Executed steps differ from the direct run's with step {k} run again ({rule}).");
            }
        }
        else if (!logMatches)
        {
            problems.Add("Executed steps (over all processes) differ from the direct run's: a committed step ran again, or a step was skipped or changed" +
                (FanOutOrder.HasFanOuts(expected) || FanOutOrder.HasFanOuts(actual) ? " (a fan-out's entries are compared in any order, shown by branch)." : "."));
        }

        var repeated = run.Steps.GroupBy(s => s.Sequence).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            problems.Add($"The store has more than one step record for commit(s) {string.Join(", ", repeated)}.");
        }

        if (baseline is not null)
        {
            var committed = string.Join(" ", run.Commits.Select(c => c.State));
            var committedWithoutCrash = string.Join(" ", baseline.Commits.Select(c => c.State));
            if (committed != committedWithoutCrash)
            {
                problems.Add($"Committed states over all processes differ from the run without a crash.\n  without crash: [{committedWithoutCrash}]\n  this run:      [{committed}]");
            }

            var reRunCheckpoint = run.Scenario.ReRunCommit is { } r && r <= baseline.Commits.Count ? baseline.Commits[r - 1].StepCheckpoint : null;
            var steps = Describe(run.Steps, reRunCheckpoint);
            var stepsWithoutCrash = Describe(baseline.Steps, reRunCheckpoint);
            if (steps != stepsWithoutCrash)
            {
                problems.Add($"Recorded step results differ from the run without a crash.\n  without crash: {stepsWithoutCrash}\n  this run:      {steps}");
            }
        }

        if (problems.Count > 0)
        {
            Fail(
                $"{run.Scenario.Label} ({run.Processes} process{(run.Processes == 1 ? "" : "es")})",
                string.Join("\n", problems),
                logMatches ? null : expected,
                logMatches ? null : actual);
        }
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"Corpus case {corpusCase.Name} (workflow '{corpusCase.WorkflowName}') with input {input.Json}: ");
        if (Passed)
        {
            return text.Append($"{DurableRuns} durable runs, {CommitsWithoutCrash} commits without a crash, {Processes} processes in all; passed in {Elapsed.TotalMilliseconds:F0} ms.").ToString();
        }

        text.Append($"{_failures.Count} of {DurableRuns} durable runs failed ({CommitsWithoutCrash} commits without a crash).\n");
        text.Append($"Direct run: {Direct?.Outcome}\n");
        text.Append("Failing runs: ").Append(string.Join("; ", _failures.Select(f => f.Scenario))).Append('\n');
        foreach (var (scenario, failure) in _failures.Take(DetailedFailures))
        {
            text.Append($"\n--- {corpusCase.Name} {input.Json}, {scenario}:\n{failure}\n");
        }

        if (_failures.Count > DetailedFailures)
        {
            text.Append($"\n... and {_failures.Count - DetailedFailures} more failing runs, listed above.\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A crash after step k ran and before its commit: the next process runs step k again (unless k is a fan-out,
    /// whose steps are recorded as they complete). Expected: the direct
    /// steps up to and including step k, then step k's attempts again, then the rest. The attempts of the second
    /// run of step k may be fewer (a transient failure already happened), so the rule for them is: only calls of
    /// step k, ending with the same last entry. Both logs are canonical (<see cref="FanOutOrder"/>); a fan-out's
    /// entries lie between two commits, so the commits' log lengths are positions in the canonical logs too.
    /// </summary>
    private static (IReadOnlyList<LogEntry> Expected, bool Matches, string Rule) ReRunExpectation(DurableRun baseline, int k, IReadOnlyList<LogEntry> actual)
    {
        var reference = FanOutOrder.Canonical(baseline.Log);
        var end = baseline.Commits[k - 1].LogLength;
        var start = k >= 2 ? baseline.Commits[k - 2].LogLength : 0;
        // Every failed attempt is recorded as it fails, so only the attempts that succeeded run again. A commit without a
        // step is a wait's or a fan-out's, whose steps were each recorded as they completed: nothing runs again. So were
        // the steps of a fan-out whose failure the workflow caught before step k (it made no commit of its own).
        var step = baseline.Commits[k - 1].StepCheckpoint is null
            ? []
            : reference.Skip(start).Take(end - start).Where(e => !e.Result.StartsWith('!') && e.FanOut is null).ToList();
        var expected = reference.Take(end).Concat(step).Concat(reference.Skip(end)).ToList();
        var rule = step.Count == 0
            ? "step k records nothing that succeeded, so nothing may be added"
            : $"entries {end + 1}.. must be calls of step k ending with '{step[^1]}'";
        var suffix = reference.Count - end;
        if (actual.Count < end + suffix ||
            !actual.Take(end).SequenceEqual(reference.Take(end)) ||
            !actual.Skip(actual.Count - suffix).SequenceEqual(reference.Skip(end)))
        {
            return (expected, false, rule);
        }

        var again = actual.Skip(end).Take(actual.Count - end - suffix).ToList();
        var calls = step.Select(e => e.Call).ToHashSet(StringComparer.Ordinal);
        var matches = step.Count == 0
            ? again.Count == 0
            : again.Count > 0 && again.All(e => calls.Contains(e.Call)) && again[^1] == step[^1];
        return (matches ? actual : expected, matches, rule);
    }

    private static string Describe(IEnumerable<StepRecord> steps, int? ignoreAttemptsOf) =>
        "[" + string.Join(", ", steps.Select(s => $"{s.Checkpoint}:{s.Name}={s.Result ?? "-"}" + (s.Checkpoint == ignoreAttemptsOf ? "" : $" x{s.Attempts}"))) + "]";

    private static string SideBySide(IReadOnlyList<LogEntry> expected, IReadOnlyList<LogEntry> actual)
    {
        const string Left = "expected (direct run)";
        const string Right = "actual (all processes)";
        var width = Math.Min(70, Math.Max(Left.Length, expected.Select(e => e.ToString().Length).DefaultIfEmpty(0).Max()));
        var text = new StringBuilder();
        if (FanOutOrder.HasFanOuts(expected) || FanOutOrder.HasFanOuts(actual))
        {
            text.Append("       (‖f.b: an attempt in branch b of the log's f-th fan-out; a fan-out's entries are compared in any order, listed by branch)\n");
        }

        text.Append($"       {Left.PadRight(width)} | {Right}\n");
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var left = i < expected.Count ? expected[i].ToString() : "";
            var right = i < actual.Count ? actual[i].ToString() : "";
            var same = i < expected.Count && i < actual.Count && expected[i] == actual[i];
            text.Append(same ? "   " : ">> ").Append($"{i + 1,3} ").Append(Clip(left, width).PadRight(width)).Append(" | ").Append(right).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
