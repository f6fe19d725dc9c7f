namespace SourceGenDurable.Generators.Tests;

/// <summary>Which variables become checkpoint slots: the inputs, and the locals read after some checkpoint.</summary>
public sealed class SlotTests
{
    [Fact]
    public void Inputs_and_locals_read_after_a_checkpoint_are_slots_and_other_locals_are_not()
    {
        var slots = SlotFieldsOf("""
            var before = input * 2;
            var unused = 3;
            var first = await ctx.Step("a", ct => Task.FromResult(before + unused));
            var scratch = first + 1;
            await ctx.Step("b", ct => Task.FromResult(scratch));
            var last = await ctx.Step("c", ct => Task.FromResult(first));
            return last;
            """);

        Assert.Equal(["int input", "int first", "int last"], slots);
    }

    [Fact]
    public void A_local_written_before_a_checkpoint_and_read_after_it_is_a_slot()
    {
        var slots = SlotFieldsOf("""
            var total = input;
            await ctx.Step("a", ct => Task.FromResult(1));
            return total;
            """);

        Assert.Equal(["int input", "int total"], slots);
    }

    [Fact]
    public void A_local_captured_by_a_step_lambda_after_a_checkpoint_is_a_slot()
    {
        var slots = SlotFieldsOf("""
            var label = "x" + input;
            await ctx.Step("a", ct => Task.FromResult(1));
            return await ctx.Step("b", ct => Task.FromResult(label.Length));
            """);

        Assert.Equal(["int input", "string? label", "int __result1"], slots);
    }

    [Fact]
    public void A_switch_arm_variable_read_beside_a_later_await_of_its_arm_is_a_slot()
    {
        // 'small' is read where the arm's value is computed, after the checkpoint of 'Charge'.
        var slots = SlotFieldsOf("""
            return await ctx.Step("s", ct => Task.FromResult(input)) switch { var small => small + await Charge(small * 100) };
            """);

        Assert.Contains("int small", slots);
    }

    [Fact]
    public void A_switch_arm_variable_read_only_by_its_guard_and_inside_its_await_is_not_a_slot()
    {
        var slots = SlotFieldsOf("""
            return input switch { 0 => -1, var big when big > 10 => await Charge(big), _ => input };
            """);

        Assert.DoesNotContain("int big", slots);
    }

    [Fact]
    public void An_is_pattern_variable_read_beside_a_later_await_of_its_statement_is_a_slot()
    {
        var slots = SlotFieldsOf("""
            return input is var x && x + await Charge(x) > 0 ? 1 : 0;
            """);

        Assert.Contains("int x", slots);
    }

    [Fact]
    public void An_is_pattern_variable_assigned_after_the_await_it_tests_is_not_a_slot()
    {
        var slots = SlotFieldsOf("""
            return await Charge(input) is var x && x > 0 ? x : 0;
            """);

        Assert.DoesNotContain("int x", slots);
    }

    [Fact]
    public void A_switch_arm_variable_is_not_a_slot_when_its_arm_has_no_await_even_though_a_goto_keeps_every_local()
    {
        // A slot here would be read by the copied arm and never written by its pattern.
        var slots = SlotFieldsOf("""
            var t = 0;
            again:
            t += input switch { var a => a + 1 };
            t += input switch { var b when b > 0 => b + await Charge(1), _ => 0 };
            if (t < 5) goto again;
            return t;
            """);

        Assert.DoesNotContain("int a", slots);
        Assert.Contains("int b", slots);
    }

    [Fact]
    public void A_local_declared_by_a_declaration_whose_initializer_awaits_is_not_a_slot_across_its_own_checkpoints()
    {
        // 'sum' gets its value after the checkpoints of its own initializer and is read before the next one; 'kept' is
        // read after a later checkpoint; 'first' is assigned before the second declarator's await and read after it.
        var slots = SlotFieldsOf("""
            var sum = await Charge(input) + await Charge(2);
            var doubled = sum * 2;
            var kept = 1 + await Charge(doubled);
            int first = await Charge(1) + 1, second = first + await Charge(first);
            await Charge(second);
            return kept + first;
            """);

        Assert.DoesNotContain("int sum", slots);
        Assert.DoesNotContain("int second", slots);
        Assert.Contains("int kept", slots);
        Assert.Contains("int first", slots);
    }

    private static string[] SlotFieldsOf(string body)
    {
        var source = $$"""
            using SourceGenDurable;
            public partial class W
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int input)
                {
            {{body}}
                }

                [DurableStep]
                private static Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """;
        var text = GeneratorHarness.Generate(source).Single().Text;
        var slotsClass = text[text.IndexOf("class __Run_Slots", StringComparison.Ordinal)..text.IndexOf("public void Write", StringComparison.Ordinal)];
        return slotsClass.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("public ", StringComparison.Ordinal) && l.EndsWith(" = default!;", StringComparison.Ordinal))
            .Select(l => l["public ".Length..^" = default!;".Length])
            .ToArray();
    }
}
