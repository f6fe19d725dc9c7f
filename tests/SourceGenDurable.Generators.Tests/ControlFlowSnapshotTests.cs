namespace SourceGenDurable.Generators.Tests;

/// <summary>One snapshot per construct the lowering flattens, so reviewers can read what it does.</summary>
public sealed class ControlFlowSnapshotTests
{
    [Fact]
    public void If_else_and_a_while_loop_with_break_and_continue() => Snapshot.Match(Generate("""
        var total = 0;
        var i = 0;
        while (i < n)
        {
            i++;
            if (i == 2) continue;
            if (i > 5) break;
            if (i % 2 == 0)
            {
                var even = await ctx.Step("even", ct => Task.FromResult(i));
                total += even;
            }
            else
            {
                var odd = await Odd(i);
                total -= odd;
            }
        }

        return total;
        """));

    [Fact]
    public void A_for_loop_and_a_do_loop() => Snapshot.Match(Generate("""
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            var doubled = await ctx.Step("double", ct => Task.FromResult(i * 2));
            total += doubled;
        }

        do
        {
            total = await Odd(total);
        }
        while (total < 100);
        return total;
        """));

    [Fact]
    public void A_foreach_loop_reads_its_collection_once_into_a_slot() => Snapshot.Match(Generate("""
        var total = 0;
        foreach (var item in Enumerable.Range(1, n).Where(x => x % 2 == 1))
        {
            var tripled = await Odd(item);
            total += tripled;
        }

        return total;
        """));

    [Fact]
    public void A_switch_statement_with_patterns_guards_and_a_return_in_a_section() => Snapshot.Match(Generate("""
        object boxed = n;
        switch (boxed)
        {
            case 0:
                return -1;
            case int small when small < 10:
                var s = await ctx.Step("small", ct => Task.FromResult(small));
                return s + small;
            case > 100:
                break;
            default:
                await Odd(n);
                break;
        }

        return n;
        """));

    [Fact]
    public void A_try_catch_finally_with_checkpoints_in_the_try_block() => Snapshot.Match(Generate("""
        var attempts = 0;
        try
        {
            attempts++;
            var first = await ctx.Step("first", ct => Task.FromResult(n));
            try
            {
                attempts = await Odd(first);
            }
            finally
            {
                attempts++;
            }
        }
        catch (InvalidOperationException e) when (e.Message.Length > 0)
        {
            attempts = -1;
        }

        return attempts;
        """));

    [Fact]
    public void Checkpoints_in_catch_and_finally_blocks_with_a_return_and_a_break_leaving_the_try() => Snapshot.Match(Generate("""
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            try
            {
                var value = await Odd(i);
                if (value > 20) break;
                if (value == 9) return -9;
                total += value;
            }
            catch (InvalidOperationException e) when (e.Message != "ignore")
            {
                await ctx.Step("compensate", ct => Task.FromResult(i));
                total -= e.Message.Length;
                throw;
            }
            finally
            {
                await ctx.Step("audit", ct => Task.FromResult(total));
            }
        }

        return total;
        """));

    [Fact]
    public void Durable_awaits_inside_expressions_are_spilled_in_evaluation_order() => Snapshot.Match(Generate("""
        var total = Add(Compute(n), await ctx.Step("first", ct => Task.FromResult(n)));
        total += await Odd(total);
        if (await ctx.Step("check", ct => Task.FromResult(total > 10)))
        {
            total = -total;
        }

        var text = $"{Compute(total)}:{await Odd(1)}";
        return text.Length + await Odd(await Odd(2));
        """));

    [Fact]
    public void Awaits_on_one_path_of_short_circuit_operators_conditional_access_and_switch_expressions() => Snapshot.Match(Generate("""
        var flag = n > 2 && await ctx.Step("check", ct => Task.FromResult(n % 2 == 0));
        var chosen = flag ? await Odd(n) : n;
        string? text = n > 5 ? null : "x";
        var length = text?.IndexOf('x', await Odd(0)) ?? -1;
        var label = chosen switch
        {
            0 => -1,
            int big when big > 10 => await Odd(big),
            _ => chosen,
        };
        return label + length;
        """));

    [Fact]
    public void A_switch_expression_whose_guard_awaits_tests_its_arms_in_order_and_runs_the_guard_only_when_the_pattern_matched() => Snapshot.Match(Generate("""
        var label = n switch
        {
            0 => -1,
            int small when small < 10 && await Odd(small) > 20 => small,
            int big when big > 100 => await Odd(big),
            _ when await Odd(n) > 0 => n,
            _ => 0,
        };
        return label;
        """));

    [Fact]
    public void A_goto_case_leaving_a_try_whose_finally_awaits_runs_the_finally_first() => Snapshot.Match(Generate("""
        var total = 0;
        switch (n)
        {
            case 1:
                try
                {
                    total += await Odd(1);
                    if (total > 2) goto case 2;
                    goto default;
                }
                finally
                {
                    total += await Odd(10);
                }

            case 2:
                return total + 2;
            default:
                return total;
        }
        """));

    [Fact]
    public void A_not_pattern_variable_that_lives_across_a_checkpoint_is_captured_when_the_test_fails() => Snapshot.Match(Generate("""
        object boxed = n > 0 ? "positive" : n;
        if (boxed is not string text)
        {
            return 0;
        }

        await Odd(n);
        return text.Length;
        """));

    [Fact]
    public void Pattern_variables_read_beside_a_later_await_of_their_arm_or_statement_are_slots() => Snapshot.Match(Generate("""
        var arm = await Odd(n) switch { var small when small > 2 => small + await Odd(small * 100), var other => other };
        var tested = n is var x && x + await Odd(x) > 5 ? x : 0;
        return arm + tested;
        """));

    private static IReadOnlyList<(string HintName, string Text)> Generate(string body) => GeneratorHarness.Generate($$"""
        using SourceGenDurable;
        namespace Flow;
        public partial class Workflows
        {
            [DurableWorkflow]
            public async Task<int> Run(WorkflowContext ctx, int n)
            {
        {{body}}
            }

            [DurableStep] private Task<int> Odd(int value) => Task.FromResult(value * 3);

            private static int Add(int a, int b) => a + b;

            private int Compute(int value) => value + 1;
        }
        """);
}
