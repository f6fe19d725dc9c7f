using SourceGenDurable.Tests.Postgres;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The crash harness on PostgreSQL: every corpus case (so every corpus file) with its first input, each durable run in a
/// schema of its own, must end as the direct run does and run the same steps, as on SQLite (<see cref="CrashHarnessTests"/>,
/// which runs every input). Every input on PostgreSQL took several times the SQLite harness's time, mostly in opening a
/// store per simulated process; the inputs of a case differ in the paths they take, which SQLite covers. The cases are
/// dealt to <see cref="Parts"/> classes: xUnit runs a class's rows one after another, and in one class they would
/// outlast every other test of the project, which xUnit runs beside them.
/// </summary>
public abstract class PostgresCrashHarnessTests(ITestOutputHelper output)
{
    public const int Parts = 4;

    /// <summary>Every <see cref="Parts"/>th case, from the <paramref name="part"/>th.</summary>
    public static TheoryData<string, string> Rows(int part)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (row, index) in CorpusCase.FirstInputRows().Select((row, index) => (row, index)))
        {
            if (index % Parts == part)
            {
                rows.Add((string)row[0], (string)row[1]);
            }
        }

        return rows;
    }

    protected Task RunAsync(string @case, string input) => CrashHarnessRunner.AssertPassesAsync<PostgresHarnessStore>(@case, input, output);
}

public sealed class PostgresCrashHarnessTests1(ITestOutputHelper output) : PostgresCrashHarnessTests(output)
{
    [PostgresTheory]
    [MemberData(nameof(Rows), 0, MemberType = typeof(PostgresCrashHarnessTests))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) => RunAsync(@case, input);
}

public sealed class PostgresCrashHarnessTests2(ITestOutputHelper output) : PostgresCrashHarnessTests(output)
{
    [PostgresTheory]
    [MemberData(nameof(Rows), 1, MemberType = typeof(PostgresCrashHarnessTests))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) => RunAsync(@case, input);
}

public sealed class PostgresCrashHarnessTests3(ITestOutputHelper output) : PostgresCrashHarnessTests(output)
{
    [PostgresTheory]
    [MemberData(nameof(Rows), 2, MemberType = typeof(PostgresCrashHarnessTests))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) => RunAsync(@case, input);
}

public sealed class PostgresCrashHarnessTests4(ITestOutputHelper output) : PostgresCrashHarnessTests(output)
{
    [PostgresTheory]
    [MemberData(nameof(Rows), 3, MemberType = typeof(PostgresCrashHarnessTests))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) => RunAsync(@case, input);
}
