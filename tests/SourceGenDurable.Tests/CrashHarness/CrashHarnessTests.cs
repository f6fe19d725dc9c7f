using Xunit.Abstractions;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Every corpus case with every input: the durable runs (with a crash after each commit k, after every commit,
/// and before each commit k) end as the direct run of the original method does and execute the same steps.
/// </summary>
public sealed class CrashHarnessTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Rows() => CorpusCase.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public Task A_crash_at_any_checkpoint_changes_neither_the_outcome_nor_the_steps_that_run(string @case, string input) =>
        CrashHarnessRunner.AssertPassesAsync<SqliteHarnessStore>(@case, input, output);

    [Fact]
    public void Every_corpus_workflow_lists_inputs_and_the_corpus_is_not_empty()
    {
        var withoutInputs = CorpusCase.All.Where(c => c.Inputs.Count == 0).Select(c => c.Name).ToList();

        Assert.True(withoutInputs.Count == 0, $"Corpus workflows without [Inputs]: {string.Join(", ", withoutInputs)}");
        Assert.True(CorpusCase.All.Count >= 20, $"The compiled corpus has {CorpusCase.All.Count} cases.");
    }
}
