using SourceGenDurable.Tests.Postgres;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The crash harness on PostgreSQL: every corpus case (so every corpus file) with its first input, each durable run in a
/// schema of its own, must end as the direct run does and run the same steps, as on SQLite (<see cref="CrashHarnessTests"/>,
/// which runs every input). Every input on PostgreSQL took several times the SQLite harness's time, mostly in opening a
/// store per simulated process; the inputs of a case differ in the paths they take, which SQLite covers.
/// </summary>
public sealed class PostgresCrashHarnessTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Rows() => CorpusCase.FirstInputRows();

    [PostgresTheory]
    [MemberData(nameof(Rows))]
    public async Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input)
    {
        var corpusCase = CorpusCase.Get(@case);
        using var store = new PostgresHarnessStore();
        var report = await CrashHarnessRunner.RunAsync(corpusCase, corpusCase.GetInput(input), store);

        Assert.True(report.Passed, report.Describe());
        output.WriteLine(report.Describe());
    }
}
