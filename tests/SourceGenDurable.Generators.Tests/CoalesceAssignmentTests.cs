namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// <c>v ??= await x</c> on a variable: the await (a checkpoint) runs only when <c>v</c> is null, as C# evaluates it,
/// and the expression's value is <c>v</c>'s afterwards, of its type without the <c>?</c>.
/// </summary>
public sealed class CoalesceAssignmentTests
{
    [Fact]
    public void A_statement_of_its_own_awaits_and_assigns_only_when_the_variable_is_null()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                int? cached = n > 1 ? n : null;
                cached ??= await Load(n);
                string? label = null;
                label ??= await Name(n);
                return cached.Value + label.Length;
            """);

        // The test comes first, and the step's checkpoint only after it: the await is reached only when the test fails.
        GeneratorHarness.AssertWrittenBefore(generated, "if (__slots.cached != null)", "await __run.StepAsync<int>(");
        Assert.Contains("__slots.cached = __slots.__await0;", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.label = __slots.__await1;", generated, StringComparison.Ordinal);

        // Nothing reads the value of a statement: it needs no temporary.
        Assert.DoesNotContain("__spill", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_a_larger_expression_its_value_is_the_variable_after_the_assignment()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                int? cached = n > 1 ? n : null;
                var total = 10 + (cached ??= await Load(n)) * 2;
                return total + cached.Value;
            """);

        Assert.Contains("= (int)__slots.cached!;", generated, StringComparison.Ordinal);
    }
}
