namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// A compound assignment to a member or an element whose right side awaits (<c>order.Total += await ...</c>,
/// <c>counts[i] += await ...</c>) reads its target before the await, as C# does: the object and the index first (an
/// index that is no variable into a temporary), then the target's value into a temporary, which the assignment
/// combines with the awaited value after the checkpoint.
/// </summary>
public sealed class CompoundAssignmentTests
{
    [Fact]
    public void A_member_and_an_element_of_variables_are_assigned_after_the_await()
    {
        var generated = GeneratorHarness.Generate("""
            using SourceGenDurable;
            namespace App;
            public sealed class Summary
            {
                public int Total { get; set; }
            }

            public partial class Tallies
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int n)
                {
                    var summary = new Summary();
                    var counts = new int[3];
                    summary.Total += await Load(n);
                    counts[n % 3] -= await Load(n + 1);
                    summary.Total *= await Load(n + 2);
                    return summary.Total + counts.Sum();
                }

                [DurableStep]
                private Task<int> Load(int n) => Task.FromResult(n * 2);
            }
            """).Single().Text;

        // The target's value is read before the await, as C# reads it (a null object or an index out of range throws
        // before the step runs), and combined with the awaited value after it.
        GeneratorHarness.AssertWrittenBefore(generated, "__slots.__spill0 = __slots.summary.Total;", "await __run.CheckpointAsync(0, __slots);");
        Assert.Contains("__slots.summary.Total = (int)(__slots.__spill0 + (__slots.__await0));", generated, StringComparison.Ordinal);

        // An index that is no variable is evaluated before the element is read.
        Assert.Contains("__slots.__spill2 = __slots.n % 3;", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.__spill3 = __slots.counts[__slots.__spill2];", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.counts[__slots.__spill2] = (int)(__slots.__spill3 - (__slots.__await1));", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.summary.Total = (int)(__slots.__spill5 * (__slots.__await2));", generated, StringComparison.Ordinal);
    }
}
