namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Bugs in the runtime or the generator that corpus inputs reproduce. An input marked with one is a skipped theory
/// row with the reason below; fix the bug, remove the marker, and the row runs.
/// </summary>
public static class KnownBugs
{
}
