namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// A compound assignment to a member or an element whose right side awaits (<c>order.Total += await ...</c>,
/// <c>counts[i] += await ...</c>): the target's object, a variable, is read again after the await, an index that is
/// no variable is evaluated before it, and the assignment reads the member's value after it, which nothing the await
/// runs can change.
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

        Assert.Contains("__slots.summary.Total += __slots.__await0;", generated, StringComparison.Ordinal);
        // The index is evaluated before the await, as C# does.
        Assert.Contains("__slots.counts[__slots.__spill1] -= __slots.__await1;", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.summary.Total *= __slots.__await2;", generated, StringComparison.Ordinal);
    }
}
