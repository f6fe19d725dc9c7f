namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// <c>a?.M(await x)</c>: the call, and the awaits in its arguments, run only when the receiver is not null. A receiver
/// that is a variable is read again after the awaits, so that the call changes the variable's own object, not a copy
/// saved with a checkpoint; a call of a void method is a statement of its own, with no value to keep.
/// </summary>
public sealed class ConditionalAccessTests
{
    [Fact]
    public void A_void_call_on_a_variable_is_a_statement_that_calls_the_variable_itself_after_the_await()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var list = n > 1 ? new List<int>() : null;
                list?.Add(await Load(n));
                return list?.Count ?? 0;
            """);

        Assert.Contains("if (__slots.list == null)", generated, StringComparison.Ordinal);
        Assert.Contains("__slots.list.Add(__slots.__await0);", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("__spill", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_whose_value_nothing_reads_keeps_no_temporary()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var seen = n > 1 ? new HashSet<int>() : null;
                seen?.Add(await Load(n));
                return seen?.Count ?? 0;
            """);

        Assert.Contains("__slots.seen.Add(__slots.__await0);", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("__spill", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receiver_that_is_no_variable_is_evaluated_once_into_a_temporary_before_the_await()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var text = Text(n)?.Insert(0, await Name(n));
                return text?.Length ?? 0;
            """);

        GeneratorHarness.AssertWrittenBefore(generated, "__slots.__spill1 = Text(__slots.n);", "await __run.StepAsync<string>(");
        Assert.Contains("__slots.__spill0 = __slots.__spill1.Insert(0, __slots.__await0);", generated, StringComparison.Ordinal);
    }
}
