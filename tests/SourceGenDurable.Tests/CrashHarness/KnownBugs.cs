namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Bugs in the runtime or the generator that corpus inputs reproduce. An input marked with one is a skipped theory
/// row with the reason below; fix the bug, remove the marker, and the row runs.
/// </summary>
public static class KnownBugs
{
    /// <summary>Found by <c>WaitWorkflows.HoldAndRelease</c> with <c>mode: "fail"</c>.</summary>
    public const string FailedStepRunsAgainAfterASuspension =
        "A step that used up its attempts leaves no record, so when a wait after it (here in a finally) suspends the " +
        "instance, the re-execution on wake-up runs the failed step again. Recording attempts (issue 4, retries) fixes it.";
}
