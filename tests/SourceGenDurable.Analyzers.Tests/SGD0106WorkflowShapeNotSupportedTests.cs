using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// SGD0106: a workflow the generator cannot turn into a state machine, either because of how the method is
/// declared (reported on its name) or because a local that lives across a checkpoint cannot be saved as a slot
/// (reported on the local).
/// </summary>
public sealed class SGD0106WorkflowShapeNotSupportedTests
{
    [Fact]
    public Task A_straight_line_workflow_is_accepted() =>
        Verify.VerifyAsync(ValidWorkflows.StraightLine);

    [Fact]
    public Task A_generic_workflow_method_is_reported_on_its_name() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<T> {|#0:ProcessOrder|}<T>(WorkflowContext ctx, T input)
                {
                    return await ctx.Step("echo", ct => Task.FromResult(input));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has type parameters, which this version does not support yet"));

    [Fact]
    public Task A_workflow_in_a_generic_class_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders<T>
                where T : notnull
            {
                [DurableWorkflow]
                public async Task<T> ProcessOrder(WorkflowContext ctx, T input)
                {
                    return await ctx.Step("a", ct => Task.FromResult(input));
                }
            }
            """);

    [Fact]
    public Task A_workflow_in_a_class_nested_in_a_generic_class_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Outer<T>
            {
                public partial class Orders
                {
                    [DurableWorkflow]
                    public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                    {
                        return await ctx.Step("a", ct => Task.FromResult(1));
                    }
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder", "a class it is nested in is generic; only the workflow's own class may be generic (each closed class registers with AddWorkflowClass<...>())"));

    [Fact]
    public Task A_static_workflow_method_is_reported() =>
        Verify.VerifyAsync(
            """
            public static partial class Orders
            {
                [DurableWorkflow]
                public static async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder", "it is static; make it an instance method (the class is created through dependency injection)"));

    [Fact]
    public Task Expression_bodied_workflows_with_and_without_a_result_are_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int x) => await Charge(x * 2);

                [DurableWorkflow]
                public async Task Notify(WorkflowContext ctx, string customer) => await ctx.Step("email", ct => Task.CompletedTask);

                [DurableWorkflow]
                public async Task<int> Total(WorkflowContext ctx, int x) => await Charge(x) + await ctx.Step("fee", ct => Task.FromResult(1));

                [DurableStep]
                private Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """);

    [Fact]
    public Task A_problem_in_an_expression_body_is_reported_where_it_is_written() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int x) =>
                    await Charge(x) + await ((Func<Task<int>>)(() => {|#0:Charge(2)|}))();

                [DurableWorkflow]
                public async Task<int> Pattern(WorkflowContext ctx, int x) =>
                    await {|#1:ctx.Step("make", ct => Task.FromResult<Func<int>>(() => x))|} switch { var make => await {|#2:Charge(x)|} + make() };

                [DurableStep]
                private Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """,
            Verify.Diagnostic("SGD0105").WithLocation(0).WithArguments("it is inside a lambda or local function; a durable operation must be awaited in the workflow body itself"),
            Verify.Diagnostic("SGD0105").WithLocation(1).WithArguments(Unsaved),
            Verify.Diagnostic("SGD0105").WithLocation(2).WithArguments(Unsaved));

    private const string Unsaved =
        "the value of 'await ctx.Step(\"make\", ct => Task.FromResult<Func<int>>(() => x)) switch { var make => await Charge(x) + make() }' cannot be saved in a checkpoint; assign the awaited result to a local first";

    [Fact]
    public Task A_workflow_without_a_body_is_reported() =>
        Verify.VerifyAsync(
            """
            public abstract partial class Orders
            {
                [DurableWorkflow]
                public abstract Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx);
            }
            """,
            Verify.Diagnostic("SGD0102").WithLocation(0).WithArguments("ProcessOrder", ""),
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has no body; declare the workflow with its body"));

    [Fact]
    public Task A_workflow_in_a_struct_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial struct Orders
            {
                [DurableWorkflow]
                public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it is not declared in a class"));

    // C# itself rejects ref and out parameters on an async method (CS1988); the shape rule reports them as well,
    // so the generator never sees one and the user is told why the workflow is not generated.
    [Fact]
    public Task A_ref_parameter_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx, ref int {|CS1988:quantity|})
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has a ref, out, in or params parameter; inputs are passed by value"));

    [Fact]
    public Task An_out_parameter_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task {|#0:ProcessOrder|}(WorkflowContext ctx, out int {|CS1988:quantity|})
                {
                    quantity = 1;
                    await ctx.Step("a", ct => Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has a ref, out, in or params parameter; inputs are passed by value"));

    [Fact]
    public Task A_params_parameter_is_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx, params int[] quantities)
                {
                    return await ctx.Step("a", ct => Task.FromResult(quantities.Length));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments("ProcessOrder", "it has a ref, out, in or params parameter; inputs are passed by value"));

    [Fact]
    public Task Two_workflow_overloads_with_the_same_name_are_both_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }

                [DurableWorkflow]
                public async Task<int> {|#1:ProcessOrder|}(WorkflowContext ctx, int quantity)
                {
                    return await ctx.Step("a", ct => Task.FromResult(quantity));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder", "another [DurableWorkflow] method of its class has the same name; give each workflow method its own name"),
            Verify.Diagnostic("SGD0106").WithLocation(1).WithArguments(
                "ProcessOrder", "another [DurableWorkflow] method of its class has the same name; give each workflow method its own name"));

    [Fact]
    public Task An_overload_that_is_not_a_workflow_does_not_clash() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    return await ctx.Step("a", ct => Task.FromResult(quantity));
                }

                public Task<int> ProcessOrder(int quantity) => Task.FromResult(quantity);
            }
            """);

    [Fact]
    public Task A_local_of_anonymous_type_that_lives_across_a_checkpoint_is_reported_on_the_local() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var {|#0:order|} = new { Id = "o-1", Quantity = quantity };
                    await ctx.Step("reserve", ct => Task.CompletedTask);
                    return order.Quantity;
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder",
                "'order' of type '<anonymous type: string Id, int Quantity>?' lives across a checkpoint, but anonymous types have no constructor that System.Text.Json can call, so they cannot be checkpointed"));

    [Fact]
    public Task A_local_of_anonymous_type_used_only_before_the_first_checkpoint_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var order = new { Id = "o-1", Quantity = quantity };
                    var reserved = await ctx.Step("reserve", ct => Task.FromResult(order.Quantity));
                    return reserved;
                }
            }
            """);

    [Fact]
    public Task Locals_that_cannot_be_saved_declared_from_awaited_values_and_used_before_the_next_checkpoint_are_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var order = new { Id = "o-1", Quantity = quantity + await ctx.Step("reserve", ct => Task.FromResult(quantity)) };
                    var ordered = order.Quantity;
                    Func<int, int> scale = await ctx.Step("factor", ct => Task.FromResult(2)) > 1 ? v => v * 2 : v => v;
                    var scaled = scale(ordered);
                    var charged = await ctx.Step("charge", ct => Task.FromResult(scaled));
                    return charged;
                }
            }
            """);

    [Fact]
    public Task A_delegate_local_that_lives_across_a_checkpoint_is_reported_on_the_local() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    Func<int, int> {|#0:twice|} = v => v * 2;
                    var reserved = await ctx.Step("reserve", ct => Task.FromResult(quantity));
                    return twice(reserved);
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder",
                "'twice' of type 'System.Func<int, int>' lives across a checkpoint, but delegates cannot be checkpointed"));

    [Fact]
    public Task A_delegate_input_is_reported_on_the_parameter() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, Func<int> {|#0:quantity|})
                {
                    return await ctx.Step("reserve", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder",
                "'quantity' of type 'System.Func<int>' lives across a checkpoint, but delegates cannot be checkpointed"));

    [Fact]
    public Task A_delegate_local_used_only_between_checkpoints_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var reserved = await ctx.Step("reserve", ct => Task.FromResult(quantity));
                    Func<int, int> twice = v => v * 2;
                    var doubled = twice(reserved);
                    return await ctx.Step("charge", ct => Task.FromResult(doubled));
                }
            }
            """);

    [Fact]
    public Task A_slot_declared_with_out_var_is_lowered() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string input)
                {
                    _ = int.TryParse(input, out var quantity);
                    await ctx.Step("reserve", ct => Task.CompletedTask);
                    return quantity;
                }
            }
            """);

    [Fact]
    public Task A_case_pattern_variable_of_a_switch_without_awaits_is_not_saved_when_a_goto_loops_around_a_checkpoint() =>
        // The variable is scoped to its switch section, which holds no checkpoint: it is out of scope at every one.
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int? input)
                {
                    var rounds = 0;
                again:
                    switch (input)
                    {
                        case int n:
                            rounds += n;
                            break;
                    }

                    await ctx.Step("tick", ct => Task.CompletedTask);
                    if (rounds < 3) goto again;
                    return rounds;
                }
            }
            """);

    [Fact]
    public Task Locals_and_resources_with_no_checkpoint_after_them_in_their_block_are_not_saved_when_a_goto_loops_around() =>
        // A goto back before a declaration meets the declaration again before any read of its variable, and no label
        // follows it (none can follow a using declaration): the variable holds no value at any checkpoint, its own
        // initializer's included. A using statement's resource holds one only in its body, after its expression's.
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int input)
                {
                    var rounds = 0;
                again:
                    if (rounds < input)
                    {
                        var tick = new { Count = await ctx.Step("tick", ct => Task.FromResult(1)) };
                        rounds += tick.Count;
                    }

                    if (rounds % 2 == 0)
                    {
                        using var stream = new System.IO.MemoryStream(new byte[await ctx.Step("size", ct => Task.FromResult(rounds))]);
                        rounds += (int)stream.Length;
                    }
                    else
                    {
                        rounds += await ctx.Step("tock", ct => Task.FromResult(1));
                        using var marker = new System.IO.MemoryStream();
                        rounds += (int)marker.Length;
                    }

                    using (var buffer = new System.IO.MemoryStream(new byte[await ctx.Step("buffer", ct => Task.FromResult(rounds % 3))]))
                    {
                        rounds += (int)buffer.Length;
                    }

                    if (rounds < 3) goto again;
                    return rounds;
                }
            }
            """);

    [Fact]
    public Task A_local_with_a_label_after_it_in_its_block_is_saved_when_a_goto_may_jump_over_its_declaration() =>
        // A jump from before the declaration to the label after it reaches the reads without assigning it again.
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int input)
                {
                    var rounds = 0;
                    var {|#0:tick|} = new { Count = await ctx.Step("tick", ct => Task.FromResult(1)) };
                again:
                    rounds += tick.Count + await ctx.Step("next", ct => Task.FromResult(rounds));
                    if (rounds < input) goto again;
                    return rounds;
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder",
                "'tick' of type '<anonymous type: int Count>?' lives across a checkpoint, but anonymous types have no constructor that System.Text.Json can call, so they cannot be checkpointed"));

    [Fact]
    public Task Locals_of_the_branches_of_an_if_whose_condition_awaits_are_not_saved_at_that_await() =>
        // The branches' locals are declared after the condition's checkpoint, and read only in their branch.
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int input)
                {
                    var total = 0;
                    if (input > 2 || await ctx.Step("check", ct => Task.FromResult(true)))
                    {
                        total = await ctx.Step("a", ct => Task.FromResult(input));
                        Func<int, int> twice = v => v * 2;
                        var stream = new System.IO.MemoryStream();
                        total += twice(total) + (int)stream.Length;
                    }
                    else
                    {
                        total = await ctx.Step("b", ct => Task.FromResult(input + 1));
                    }

                    return total;
                }
            }
            """);

    [Fact]
    public Task Loop_and_using_variables_of_statements_without_awaits_are_not_saved_beside_a_forward_goto() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int input)
                {
                    var total = await ctx.Step("first", ct => Task.FromResult(input));
                    if (total > 3) goto done;
                    total = await ctx.Step("second", ct => Task.FromResult(total + 1));
                done:
                    foreach (var part in new[] { total, input })
                    {
                        total += part;
                    }

                    for (var i = 0; i < input; i++)
                    {
                        total += i;
                    }

                    using (var writer = new System.IO.StringWriter())
                    {
                        writer.Write(total);
                        total += writer.ToString().Length;
                    }

                    return await ctx.Step("last", ct => Task.FromResult(total));
                }
            }
            """);

    [Fact]
    public Task A_workflow_in_a_file_marked_generated_is_still_reported() =>
        // The generator lowers it all the same, so an error must say why it leaves one out.
        Verify.VerifyAsync(
            """
            // <auto-generated/>
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int input)
                {
                    System.Func<int, int> {|#0:twice|} = v => v * 2;
                    await ctx.Step("reserve", ct => Task.CompletedTask);
                    return twice(input);
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder", "'twice' of type 'System.Func<int, int>' lives across a checkpoint, but delegates cannot be checkpointed"));

    [Fact]
    public Task A_slot_declared_by_a_not_pattern_is_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string? input)
                {
                    if (input is not string text)
                    {
                        return 0;
                    }

                    await ctx.Step("reserve", ct => Task.CompletedTask);
                    return text.Length;
                }
            }
            """);

    [Fact]
    public Task Slots_declared_by_deconstruction_are_lowered() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var (a, b) = (quantity, 2);
                    await ctx.Step("reserve", ct => Task.FromResult(b));
                    return a;
                }
            }
            """);

    [Fact]
    public Task An_out_var_local_used_only_before_the_first_checkpoint_is_accepted() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string input)
                {
                    _ = int.TryParse(input, out var parsed);
                    var quantity = parsed;
                    await ctx.Step("reserve", ct => Task.CompletedTask);
                    return quantity;
                }
            }
            """);

    [Fact]
    public Task A_partial_workflow_method_is_declared_on_its_implementing_declaration() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                public partial Task<int> ProcessOrder(WorkflowContext ctx);

                [DurableWorkflow]
                public partial async Task<int> ProcessOrder(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task The_attribute_on_the_body_less_declaration_of_a_partial_method_is_reported_once_naming_the_implementing_one() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public partial Task<int> {|#0:ProcessOrder|}(WorkflowContext ctx);

                public partial async Task<int> ProcessOrder(WorkflowContext ctx)
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder", "it is the declaration of a partial method; put [DurableWorkflow] on its implementing declaration, the one with the body"));

    [Fact]
    public Task Pragma_warning_disable_suppresses_it() =>
        Verify.VerifyAsync("""
            public partial class Orders
            {
                [DurableWorkflow]
            #pragma warning disable SGD0106
                public static async Task<int> ProcessOrder(WorkflowContext ctx)
            #pragma warning restore SGD0106
                {
                    return await ctx.Step("a", ct => Task.FromResult(1));
                }
            }
            """);

    [Fact]
    public Task A_caught_exception_used_after_a_durable_await_must_be_rebuildable() =>
        Verify.VerifyAsync(
            """
            public sealed class NoMessageException : Exception
            {
                public NoMessageException(int code) : base(code.ToString()) { }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    try
                    {
                        quantity = await ctx.Step("charge", ct => Task.FromResult(quantity));
                    }
                    catch (NoMessageException {|#0:e|})
                    {
                        await ctx.Step("refund", ct => Task.CompletedTask);
                        return e.Message.Length;
                    }

                    return quantity;
                }
            }
            """,
            Verify.Diagnostic("SGD0106").WithLocation(0).WithArguments(
                "ProcessOrder",
                "the caught exception 'e' is used after a durable await in its catch block, but 'NoMessageException' has no public constructor taking a message, so it cannot be rebuilt after a restart; catch Exception, or read what you need before the durable await"));
}
