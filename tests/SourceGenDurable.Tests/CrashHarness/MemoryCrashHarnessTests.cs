using Xunit.Abstractions;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The crash harness on the sample memory store (samples/MemoryStore), every corpus case with every input, as on SQLite
/// (<see cref="CrashHarnessTests"/>): a store written against the public contract alone must end every durable run as the
/// direct run does and run the same steps.
/// </summary>
public sealed class MemoryCrashHarnessTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Rows() => CorpusCase.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) =>
        CrashHarnessRunner.AssertPassesAsync<MemoryHarnessStore>(@case, input, output);
}
