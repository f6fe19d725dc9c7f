using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0016: a foreach over a local or parameter whose body awaits a durable operation, and changes an element through
/// the loop's variable. A resumed workflow goes on with the elements saved at the checkpoint, which are copies, so the
/// change never reaches the collection the workflow reads after the loop. Reported at the change.
/// </summary>
public sealed class SGD0016ForEachVariableIsCopyTests
{
    private const string Types = """
        public sealed class Tally
        {
            public int Count { get; set; }
            public List<string> Names { get; } = new();
            public int[] Marks { get; } = new int[2];
        }
        """;

    [Fact]
    public Task Assignments_increments_element_writes_and_collection_changes_through_the_variable_are_reported() =>
        Verify.VerifyAsync(
            Types + """

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, List<Tally> tallies)
                {
                    foreach (var tally in tallies)
                    {
                        {|#0:tally.Count = await MyStep(1)|};
                        {|#1:tally.Count++|};
                        {|#2:tally.Marks[0] = 3|};
                        {|#3:tally.Names.Add("x")|};
                    }

                    return tallies.Sum(t => t.Count);
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0016").WithLocation(0).WithMessage(
                "'tally' is the variable of a foreach over 'tallies' that awaits a durable operation: a resumed workflow goes on with copies of the elements saved at the checkpoint, not the elements of 'tallies', so this change does not reach 'tallies'; change the element through 'tallies' by index (a for loop), or build the new state after the loop"),
            Verify.Diagnostic("SGD0016").WithLocation(1).WithArguments("tally", "tallies"),
            Verify.Diagnostic("SGD0016").WithLocation(2).WithArguments("tally", "tallies"),
            Verify.Diagnostic("SGD0016").WithLocation(3).WithArguments("tally", "tallies"));

    [Fact]
    public Task Loops_without_a_durable_await_reads_value_elements_and_changes_by_index_are_not_reported() =>
        Verify.VerifyAsync(
            Types + """

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, List<Tally> tallies, int[] counts)
                {
                    foreach (var tally in tallies)
                    {
                        tally.Count++;
                    }

                    var total = 0;
                    foreach (var tally in tallies)
                    {
                        total += await MyStep(tally.Count);
                    }

                    foreach (var count in counts)
                    {
                        total += await MyStep(count);
                    }

                    for (var i = 0; i < tallies.Count; i++)
                    {
                        var counted = await MyStep(i);
                        tallies[i].Count = counted;
                    }

                    return total;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);
}
