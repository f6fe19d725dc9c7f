using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// SGD0105: a durable operation (<c>ctx.Step</c> or a call to a <c>[DurableStep]</c> method) is a checkpoint only
/// where the generator can put a resume point: awaited directly, as a whole statement, inside statements the lowering
/// can flatten (blocks, if, loops, switch, the try block of a try statement). The diagnostic is reported on the call.
/// </summary>
public sealed class SGD0105DurableAwaitNotLoweredTests
{
    [Fact]
    public Task Durable_awaits_that_are_whole_statements_of_the_body_are_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task Assigning_to_an_existing_local_or_parameter_and_parenthesizing_are_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    int total;
                    total = await ctx.Step("a", ct => Task.FromResult(quantity));
                    quantity = await MyStep(total);
                    var doubled = (await ctx.Step("b", ct => Task.FromResult(quantity * 2)));
                    return await (MyStep(doubled + total));
                }

                [DurableStep(Name = "my-step", MaxAttempts = 5)]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task Discarding_the_result_with_an_underscore_is_the_same_checkpoint_as_a_bare_await() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    _ = await ctx.Step("reserve", ct => Task.FromResult(quantity));
                    _ = await MyStep(quantity);
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task Ordinary_awaits_and_context_members_may_appear_anywhere() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var count = 0;
                    while (count < quantity)
                    {
                        count += await Task.FromResult(1);
                    }

                    if (ctx.UtcNow.Year > 2000)
                    {
                        count += ctx.NewGuid().ToString().Length;
                    }

                    return await ctx.Step("a", ct => Task.FromResult(count));
                }
            }
            """);

    [Fact]
    public Task A_durable_await_inside_a_while_loop_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var total = 0;
                    while (total < quantity)
                    {
                        total = await ctx.Step("add", ct => Task.FromResult(total + 1));
                    }

                    return total;
                }
            }
            """);

    [Fact]
    public Task A_durable_await_inside_an_if_statement_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    if (quantity > 10)
                    {
                        await ctx.Step("approve", ct => Task.CompletedTask);
                    }

                    return quantity;
                }
            }
            """);

    [Fact]
    public Task A_durable_await_in_an_else_branch_without_braces_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    if (quantity > 10)
                    {
                        return 0;
                    }
                    else
                        return await MyStep(quantity);
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_durable_await_inside_a_try_block_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    try
                    {
                        return await ctx.Step("charge", ct => Task.FromResult(quantity));
                    }
                    catch (InvalidOperationException)
                    {
                        return -1;
                    }
                }
            }
            """);

    [Fact]
    public Task Durable_awaits_in_loops_blocks_and_switches_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, int[] lines)
                {
                    foreach (var line in lines)
                    {
                        await MyStep(line);
                    }

                    for (var i = 0; i < lines.Length; i++)
                        await MyStep(i);

                    do
                    {
                        await MyStep(0);
                    }
                    while (lines.Length > 100);

                    switch (lines.Length)
                    {
                        case 0:
                            await MyStep(1);
                            break;
                    }

                    {
                        await MyStep(2);
                    }
                }

                [DurableStep]
                private Task MyStep(int v) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task A_durable_await_inside_a_lambda_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    Func<Task<int>> charge = async () => await {|#0:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                    return await ctx.Step("total", ct => Task.FromResult(quantity));
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "it is inside a lambda or local function; a durable operation must be awaited in the workflow body itself"));

    [Fact]
    public Task A_durable_operation_inside_the_body_of_a_step_lambda_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await ctx.Step("outer", async ct => await {|SGD0105:MyStep(quantity)|});
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_durable_await_inside_a_local_function_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var result = await Charge();
                    return result;

                    async Task<int> Charge() => await {|SGD0105:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                }
            }
            """);

    [Fact]
    public Task A_durable_operation_that_is_not_awaited_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var t = {|#0:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                    return await t;
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments("it is not awaited directly; write 'await' in front of the call"));

    [Fact]
    public Task A_durable_operation_awaited_through_ConfigureAwait_is_not_awaited_directly() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|SGD0105:MyStep(quantity)|}.ConfigureAwait(false);
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_null_coalescing_assignment_to_a_property_or_an_element_is_lowered_where_reading_its_target_again_agrees_and_reported_where_not() =>
        Verify.VerifyAsync(
            """
            public sealed class Label
            {
                public string? Text { get; set; }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext ctx, string? text, int i)
                {
                    var label = new Label { Text = text };
                    var names = new string?[4];
                    label.Text ??= await MyStep(1);
                    names[(i % 2) + 1] ??= await MyStep(i);
                    names[^1] ??= await MyStep(2);
                    var read = label.Text ??= await {|#0:MyStep(1)|};
                    names[i] ??= await {|#1:MyStep(i++)|};
                    Find(names).Text ??= await {|#2:MyStep(2)|};
                    return read + names[1];
                }

                private static Label Find(string?[] names) => new();

                [DurableStep]
                private Task<string> MyStep(int v) => Task.FromResult(v.ToString());
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(Unrepeatable("label.Text")),
            Verify.Diagnostic("SGD0105").WithLocation(1).WithArguments(Unrepeatable("names[i]")),
            Verify.Diagnostic("SGD0105").WithLocation(2).WithArguments(Unrepeatable("Find(names).Text")));

    private static string Unrepeatable(string target) =>
        $"a durable await on the right of '??=' whose target is '{target}' is lowered only as a statement of its own, on an object and index that are " +
        $"variables its right side does not assign (the target is read again for the assignment); write 'if ({target} is null) {{ {target} = await ...; }}'";

    [Fact]
    public Task A_durable_await_on_the_right_of_a_null_coalescing_assignment_to_a_variable_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext ctx, string? label)
                {
                    label ??= await MyStep(1);
                    return label;
                }

                [DurableStep]
                private Task<string> MyStep(int v) => Task.FromResult(v.ToString());
            }
            """);

    [Fact]
    public Task Out_ref_and_in_arguments_of_locals_parameters_declarations_and_discards_beside_a_durable_await_are_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var prices = new Dictionary<int, int> { [1] = 10 };
                    var total = 0;
                    if (prices.TryGetValue(await MyStep(n), out var price))
                    {
                        total += price;
                    }

                    int.TryParse(await Text(n), out _);
                    var quotient = Math.DivRem(await MyStep(n), 3, out int remainder);
                    System.Threading.Interlocked.Add(ref total, await MyStep(remainder));
                    Add(ref n, in total, await MyStep(quotient));
                    return total + n;
                }

                private static void Add(ref int target, in int by, int more) => target += by + more;

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);

                [DurableStep]
                private Task<string> Text(int v) => Task.FromResult(v.ToString());
            }
            """);

    [Fact]
    public Task A_reference_to_an_element_passed_before_a_durable_await_in_the_same_call_is_reported_as_it_would_refer_to_a_copy_after_a_resume() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var totals = new int[2];
                    System.Threading.Interlocked.Add(ref totals[0], await {|#0:MyStep(n)|});
                    return totals[0];
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "'ref totals[0]' passes a reference to an element or a member, which C# takes before the durable await in the same call, and after a resume the object would be a copy; assign the awaited result to a local first"));

    [Fact]
    public Task An_existing_object_read_before_a_durable_await_in_the_same_expression_is_reported_as_it_would_be_a_copy_after_a_resume() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var lists = new List<List<int>> { new(), new() };
                    lists[n % 2].Add(await {|#0:MyStep(n)|});
                    Fill(lists[0], await {|#1:MyStep(n + 1)|});
                    Fill(new List<int> { n }, await MyStep(n + 2));
                    lists.Add(new List<int> { await MyStep(n + 3) });
                    return lists.Count;
                }

                private static void Fill(List<int> list, int value) => list.Add(value);

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "'lists[n % 2]' is an object read before a durable await in the same expression, and after a resume it would be a copy of it, not the object itself; assign the awaited result to a local first"),
            Verify.Diagnostic("SGD0105").WithLocation(1).WithArguments(
                "'lists[0]' is an object read before a durable await in the same expression, and after a resume it would be a copy of it, not the object itself; assign the awaited result to a local first"));

    [Fact]
    public Task A_conditional_call_on_an_existing_object_that_is_no_variable_is_reported_and_one_on_a_variable_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var lists = new List<List<int>?> { new(), null };
                    lists[n % 2]?.Add(await {|#0:MyStep(n)|});
                    var first = lists[0];
                    first?.Add(await MyStep(n + 1));
                    new List<int>()?.Add(await MyStep(n + 2));
                    return lists.Count + (first?.Count ?? 0);
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "'lists[n % 2]' is an object read before a durable await in the same expression, and after a resume it would be a copy of it, not the object itself; assign the awaited result to a local first"));

    [Fact]
    public Task A_compound_assignment_whose_target_holds_an_object_is_reported_as_its_value_read_before_the_await_would_be_a_copy() =>
        Verify.VerifyAsync(
            """
            public sealed class Money
            {
                public Money(decimal amount) => Amount = amount;

                public decimal Amount { get; }

                public static Money operator +(Money left, decimal right) => new(left.Amount + right);
            }

            public sealed class Order
            {
                public Money Total { get; set; } = new(0);

                public decimal Count { get; set; }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx, decimal n)
                {
                    var order = new Order();
                    order.Total += await {|#0:MyStep(n)|};
                    order.Count += await MyStep(n + 1);
                    return order.Total.Amount + order.Count;
                }

                [DurableStep]
                private Task<decimal> MyStep(decimal v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "'order.Total' is read before the durable await on the right of '+=', and its value cannot be saved in a checkpoint as it is; assign the awaited result to a local first"));

    [Fact]
    public Task Durable_awaits_in_a_with_expression_and_beside_a_spread_are_lowered() =>
        Verify.VerifyAsync("""
            public sealed record Line(string Sku, int Count);

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] counts)
                {
                    var line = new Line("tea", 1) with { Count = await MyStep(2) };
                    int[] all = [.. counts, await MyStep(line.Count), .. counts];
                    return all.Length;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task Durable_awaits_as_operands_arguments_conditions_and_compound_assignments_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var y = 1 + await ctx.Step("charge", ct => Task.FromResult(quantity));
                    var total = Math.Max(0, await MyStep(quantity));
                    total += await MyStep(total);
                    if (await MyStep(total) > 10)
                    {
                        total = 10;
                    }

                    return total + y + await MyStep(await MyStep(1));
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task Durable_results_assigned_to_fields_properties_and_elements_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                private int _total;

                public int Total { get; set; }

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] quantities)
                {
                    _total = await ctx.Step("charge", ct => Task.FromResult(quantities.Length));
                    this.Total = await MyStep(1);
                    quantities[0] = await MyStep(2);
                    return _total + Total;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task Durable_awaits_in_operands_evaluated_on_one_path_and_in_loop_conditions_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity, string? name)
                {
                    var a = quantity > 0 ? await MyStep(quantity) : 0;
                    var b = quantity > 0 && await Check(quantity);
                    var c = name ?? await ctx.Step("name", ct => Task.FromResult("none"));
                    while (await Check(quantity))
                    {
                        quantity--;
                    }

                    return a + (b ? 1 : 0) + c.Length;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);

                [DurableStep]
                private Task<bool> Check(int v) => Task.FromResult(v > 0);
            }
            """);

    [Fact]
    public Task Durable_awaits_in_for_clauses_multiple_declarators_and_switch_expressions_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity, string? name)
                {
                    var a = name?.IndexOf('x', await MyStep(quantity)) ?? 0;
                    var b = quantity switch { 1 => await MyStep(1), _ => 0 };
                    for (var j = await MyStep(0); j < await MyStep(3); j += await MyStep(1))
                    {
                    }

                    int c = await MyStep(1), d = 2;
                    return a + b + c + d;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_durable_await_in_a_switch_expression_guard_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return quantity switch { int q when await Check(q) => q, _ => 0 };
                }

                [DurableStep]
                private Task<bool> Check(int v) => Task.FromResult(v > 0);
            }
            """);

    [Fact]
    public Task A_durable_await_in_a_guard_of_a_switch_expression_inside_a_lambda_is_still_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    System.Func<Task<int>> {|#1:later|} = async () => quantity switch { int q when await {|#0:Check(q)|} => q, _ => 0 };
                    await Check(quantity);
                    return await later();
                }

                [DurableStep]
                private Task<bool> Check(int v) => Task.FromResult(v > 0);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments("it is inside a lambda or local function; a durable operation must be awaited in the workflow body itself"),
            // An independent problem of the same method, reported in the same build.
            Verify.Diagnostic("SGD0106").WithLocation(1).WithArguments(
                "ProcessOrder", "'later' of type 'System.Func<System.Threading.Tasks.Task<int>>' lives across a checkpoint, but delegates cannot be checkpointed"));

    [Fact]
    public Task A_deconstructed_durable_result_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var (reserved, backordered) = await ctx.Step("reserve", ct => Task.FromResult((quantity, 0)));
                    int a, b;
                    (a, b) = await ctx.Step("again", ct => Task.FromResult((reserved, backordered)));
                    return a + b;
                }
            }
            """);

    [Fact]
    public Task A_using_declaration_still_in_scope_at_a_durable_await_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    using var stream = new System.IO.MemoryStream();
                    stream.WriteByte(1);
                    return await {|#0:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "the using declaration of 'stream' is still in scope here, and a resource cannot survive a restart; dispose it before the durable await"));

    [Fact]
    public Task An_await_using_declaration_still_in_scope_at_a_durable_await_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    await using var stream = new System.IO.MemoryStream();
                    return await {|SGD0105:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                }
            }
            """);

    [Fact]
    public Task A_using_declaration_whose_initializer_awaits_is_lowered_and_a_later_durable_await_in_its_scope_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    if (quantity > 1)
                    {
                        using var reader = new System.IO.StringReader(await ctx.Step("read", ct => Task.FromResult("text")));
                        quantity += reader.ReadToEnd().Length;
                    }

                    using var stream = new System.IO.MemoryStream(new byte[await ctx.Step("size", ct => Task.FromResult(quantity))]);
                    return await {|SGD0105:ctx.Step("charge", ct => Task.FromResult((int)stream.Length))|};
                }
            }
            """);

    [Fact]
    public Task A_using_statement_whose_resource_awaits_is_lowered_and_a_durable_await_in_its_body_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    using (var reader = new System.IO.StringReader(await ctx.Step("read", ct => Task.FromResult("text"))))
                    {
                        quantity += reader.ReadToEnd().Length;
                    }

                    using (new System.IO.MemoryStream(new byte[await ctx.Step("size", ct => Task.FromResult(quantity))]))
                    {
                        quantity++;
                    }

                    using (var stream = new System.IO.MemoryStream(new byte[await ctx.Step("again", ct => Task.FromResult(quantity))]))
                    {
                        return await {|SGD0105:ctx.Step("charge", ct => Task.FromResult((int)stream.Length))|};
                    }
                }
            }
            """);

    [Fact]
    public Task An_await_using_declaration_whose_initializer_awaits_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    await using var stream = new System.IO.MemoryStream(new byte[await {|SGD0105:ctx.Step("size", ct => Task.FromResult(quantity))|}]);
                    return (int)stream.Length;
                }
            }
            """);

    [Fact]
    public Task Every_durable_await_after_a_using_declaration_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var before = await ctx.Step("before", ct => Task.FromResult(quantity));
                    using var stream = new System.IO.MemoryStream();
                    var after = await {|SGD0105:ctx.Step("after", ct => Task.FromResult(before))|};
                    return await {|SGD0105:ctx.Step("last", ct => Task.FromResult(after))|};
                }
            }
            """);

    [Fact]
    public Task Using_declarations_after_the_last_durable_await_of_a_nested_block_are_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var total = 0;
                    for (var i = 0; i < quantity; i++)
                    {
                        total += await ctx.Step("line", ct => Task.FromResult(i));
                        using var stream = new System.IO.MemoryStream();
                        stream.WriteByte(1);
                        if (i == 2)
                        {
                            break;
                        }
                    }

                    if (quantity > 1)
                    {
                        total += await ctx.Step("more", ct => Task.FromResult(total));
                        using var other = new System.IO.MemoryStream();
                        total += (int)other.Length;
                    }

                    return total;
                }
            }
            """);

    [Fact]
    public Task A_using_statement_that_ends_before_the_durable_await_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    using (var stream = new System.IO.MemoryStream())
                    {
                        stream.WriteByte(1);
                    }

                    return await ctx.Step("charge", ct => Task.FromResult(quantity));
                }
            }
            """);

    [Fact]
    public Task A_using_declaration_after_the_last_durable_await_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<long> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var charged = await ctx.Step("charge", ct => Task.FromResult(quantity));
                    using var stream = new System.IO.MemoryStream();
                    stream.WriteByte((byte)charged);
                    return stream.Length;
                }
            }
            """);

    [Fact]
    public Task Step_called_on_a_context_other_than_the_parameter_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                private readonly WorkflowContext _saved = null!;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|#0:_saved.Step("charge", ct => Task.FromResult(quantity))|};
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments("call Step on the workflow's own context parameter 'ctx'"));

    [Fact]
    public Task Step_called_on_a_local_copy_of_the_context_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext context, int quantity)
                {
                    var copy = context;
                    return await {|SGD0105:copy.Step("charge", ct => Task.FromResult(quantity))|};
                }
            }
            """);

    [Fact]
    public Task A_step_method_that_returns_ValueTask_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|#0:Reserve(quantity)|};
                }

                [DurableStep]
                private ValueTask<int> Reserve(int v) => new(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "step method 'Reserve' returns 'System.Threading.Tasks.ValueTask<int>'; a step returns Task or Task<T>"));

    [Fact]
    public Task A_generic_step_method_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await Echo(quantity);
                }

                [DurableStep]
                private Task<T> Echo<T>(T v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_step_method_called_with_params_arguments_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|#0:Sum(quantity, 1, 2)|};
                }

                [DurableStep]
                private Task<int> Sum(params int[] values) => Task.FromResult(values.Length);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "the arguments of step 'Sum' use ref, out, in or params, which cannot be captured for a retry"));

    [Fact]
    public Task A_step_method_taking_an_in_parameter_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|SGD0105:Double(quantity)|};
                }

                [DurableStep]
                private Task<int> Double(in int v) => Task.FromResult(v * 2);
            }
            """);

    [Fact]
    public Task A_DurableStep_inherited_from_a_base_class_is_not_a_step_and_both_its_declaration_and_its_await_are_reported() =>
        // A step is a method of the workflow's own class (SGD0011 says so where it is declared), so the await of an
        // inherited one is an ordinary await (SGD0006), not a checkpoint: reported, rather than silently not durable.
        AllAnalyzersVerifier.VerifyAsync(
            """
            public abstract class OrderSteps
            {
                [DurableStep]
                protected Task<int> {|#0:Reserve|}(int v) => Task.FromResult(v);
            }

            public partial class Orders : OrderSteps
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    if (quantity > 0)
                    {
                        return await {|#1:Reserve(quantity)|};
                    }

                    return 0;
                }
            }
            """,
            AllAnalyzersVerifier.Diagnostic("SGD0011").WithLocation(0).WithArguments(
                "Reserve", "is declared in 'OrderSteps', which has no [DurableWorkflow] method: a call is a durable step only from a workflow of the step's own class, so move it there"),
            AllAnalyzersVerifier.Diagnostic("SGD0006").WithLocation(1).WithArguments("OrderSteps.Reserve"));

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
            #pragma warning disable SGD0105
                    var y = 1 + await ctx.Step("charge", ct => Task.FromResult(quantity));
            #pragma warning restore SGD0105
                    return y;
                }
            }
            """);

    [Fact]
    public Task Durable_awaits_in_catch_and_finally_blocks_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    try
                    {
                        quantity = await ctx.Step("charge", ct => Task.FromResult(quantity));
                    }
                    catch (InvalidOperationException e)
                    {
                        await ctx.Step("refund", ct => Task.CompletedTask);
                        quantity = e.Message.Length;
                    }
                    finally
                    {
                        await ctx.Step("audit", ct => Task.CompletedTask);
                    }

                    return quantity;
                }
            }
            """);

    [Fact]
    public Task A_goto_out_of_a_try_whose_finally_awaits_is_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    try
                    {
                        if (quantity > 1) goto done;
                    }
                    finally
                    {
                        await ctx.Step("audit", ct => Task.CompletedTask);
                    }

                done:
                    return quantity;
                }
            }
            """);

    [Fact]
    public Task A_durable_await_inside_a_using_statement_is_reported_because_the_resource_cannot_survive_a_restart() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    using (var stream = new System.IO.MemoryStream())
                    {
                        return await {|#0:ctx.Step("charge", ct => Task.FromResult(quantity))|};
                    }
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "it is inside a using statement, and the resource it holds (a connection, a stream, a lock) cannot survive a restart; dispose it before the durable await"));

    [Fact]
    public Task A_durable_await_in_an_await_foreach_is_reported() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    await foreach (var line in Lines())
                    {
                        await {|SGD0105:ctx.Step("line", ct => Task.FromResult(line))|};
                    }
                }

                private static async System.Collections.Generic.IAsyncEnumerable<int> Lines()
                {
                    await Task.Yield();
                    yield return 1;
                }
            }
            """);

    [Fact]
    public Task A_goto_case_in_a_switch_that_contains_a_durable_await_is_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    switch (quantity)
                    {
                        case 1:
                            await ctx.Step("one", ct => Task.CompletedTask);
                            goto case 2;
                        case 2:
                            break;
                    }
                }
            }
            """);

    [Fact]
    public Task A_goto_case_and_a_goto_default_leaving_a_try_whose_finally_awaits_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    switch (quantity)
                    {
                        case 1:
                            try
                            {
                                if (quantity > 0) goto case 2;
                                goto default;
                            }
                            finally
                            {
                                await ctx.Step("audit", ct => Task.CompletedTask);
                            }

                        case 2:
                            return 2;
                        default:
                            return 0;
                    }
                }
            }
            """);

    [Fact]
    public Task A_child_workflow_of_this_class_or_of_a_held_class_is_accepted_wherever_a_step_is() =>
        Verify.VerifyAsync("""
            public partial class Shipping
            {
                [DurableWorkflow]
                public async Task<int> Ship(WorkflowContext ctx, int parcels)
                {
                    return await ctx.Step("label", ct => Task.FromResult(parcels));
                }
            }

            public partial class Orders(Shipping shipping)
            {
                private readonly Shipping _field = shipping;

                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var total = await shipping.Ship(ctx, quantity) + await this.Count(ctx);
                    if (total > 1) total += await _field.Ship(ctx, 2);
                    return await Count(ctx);
                }

                [DurableWorkflow]
                public async Task<int> Count(WorkflowContext ctx)
                {
                    return await ctx.Step("count", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task A_child_workflow_called_on_something_the_class_does_not_hold_or_not_awaited_or_with_another_context_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Shipping
            {
                [DurableWorkflow]
                public async Task<int> Ship(WorkflowContext ctx, int parcels)
                {
                    return await ctx.Step("label", ct => Task.FromResult(parcels));
                }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, WorkflowContext other, int quantity)
                {
                    var a = await {|#0:new Shipping().Ship(ctx, quantity)|};
                    var b = await {|#1:Count(other)|};
                    var pending = {|#2:Count(ctx)|};
                    return a + b;
                }

                [DurableWorkflow]
                public async Task<int> Count(WorkflowContext ctx)
                {
                    return await ctx.Step("count", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "child workflow 'Ship' is called on 'new Shipping()'; call it on this class, or on a field, property or constructor parameter of this class that holds the child's class"),
            Verify.Diagnostic("SGD0105").WithLocation(1).WithArguments("pass the workflow's own context parameter 'ctx' as the context of child workflow 'Count'"),
            Verify.Diagnostic("SGD0105").WithLocation(2).WithArguments("it is not awaited directly; write 'await' in front of the call"));

    [Fact]
    public Task A_child_workflow_of_a_generic_class_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Repo<T>
            {
                [DurableWorkflow]
                public async Task<int> Save(WorkflowContext ctx, int id)
                {
                    return await ctx.Step("save", ct => Task.FromResult(id));
                }
            }

            public partial class Orders(Repo<string> repo)
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await {|#0:repo.Save(ctx, quantity)|};
                }
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "child workflow 'Save' is declared in generic class 'Repo', which cannot be started as a child yet; call a workflow of a non-generic class"));

    [Fact]
    public Task A_fan_out_over_operation_calls_and_over_a_Select_whose_lambda_is_one_is_accepted() =>
        Verify.VerifyAsync("""
            using System.Linq;

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] lines)
                {
                    var each = await ctx.WhenAll(lines.Select(line => MyStep(line)));
                    var both = await ctx.WhenAll(MyStep(1), ctx.Step("b", ct => Task.FromResult(2)));
                    await ctx.WhenAll(ctx.Sleep(System.TimeSpan.FromHours(1)), MyStep(3));
                    var first = await ctx.WhenAny(ctx.WaitForEvent<int>("paid"), ctx.Sleep(System.TimeSpan.FromDays(1)));
                    return each.Sum() + both[0] + first.Index;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """);

    [Fact]
    public Task A_fan_out_argument_that_is_not_a_durable_operation_call_is_reported_at_the_argument() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var started = Task.FromResult(quantity);
                    var both = await ctx.WhenAll(MyStep(quantity), {|#0:started|});
                    return both[0];
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "each argument of a fan-out must be a call of a durable operation, not awaited (a step, a child workflow, ctx.Sleep, ctx.WaitForEvent), or a Select whose lambda returns one"));

    [Fact]
    public Task A_durable_operation_inside_a_larger_lambda_body_in_a_fan_out_is_reported() =>
        Verify.VerifyAsync(
            """
            using System.Linq;

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int[] lines)
                {
                    var each = await ctx.WhenAll(lines.Select(line => line > 0 ? {|#0:MyStep(line)|} : Task.FromResult(0)));
                    return each.Length;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments(
                "in a fan-out's argument a durable operation must be the whole body of a lambda ('line => Reserve(line)'), so that each element starts one operation"));

    [Fact]
    public Task A_fan_out_inside_a_fan_out_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    await ctx.WhenAll(MyStep(quantity), {|#0:ctx.WhenAll(MyStep(1))|});
                    return quantity;
                }

                [DurableStep]
                private Task<int> MyStep(int v) => Task.FromResult(v);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments("a fan-out cannot run another fan-out; await the inner one first"));
}
