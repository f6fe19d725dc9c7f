namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Bugs in the runtime or the generator that corpus inputs reproduce. An input marked with one is a skipped theory
/// row with the reason below; fix the bug, remove the marker, and the row runs.
/// </summary>
public static class KnownBugs
{
    public const string FanOutAfterCaughtFanOut =
        "Bug: a fan-out whose failure the workflow catches makes no commit, so the next fan-out before a commit runs under the same commit number, " +
        "and WorkflowRun.FanOut takes the failed fan-out's branch records (workflow_branches, keyed by commit number and branch) and step attempts " +
        "(keyed by commit number and branch ordinal) for its own: it fails with 'reached a fan-out at checkpoint X, where it first reached one at " +
        "checkpoint Y', 'reached step ... where it first reached step ...' or 'branch 0 was recorded already', and a fan-out tried again returns the " +
        "first try's results and failures without running its steps. See the crash-harness report.";
}
