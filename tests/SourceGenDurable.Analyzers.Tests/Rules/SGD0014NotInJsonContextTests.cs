using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SourceGenDurable.Analyzers;
using SourceGenDurable.CodeFixes;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0014: in a project that publishes with Native AOT or is marked AOT-compatible, every type the runtime serializes
/// for a workflow (input, result, slot, step result, event payload, the list a foreach with a checkpoint keeps) is
/// covered by a JsonSerializerContext registered with UseJsonContext, or by the runtime's own context, or is an enum.
/// The contexts here are abstract: the tests do not run System.Text.Json's generator, and the analyzer reads only the
/// attributes.
/// </summary>
public sealed class SGD0014NotInJsonContextTests
{
    private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor = new JsonContextAnalyzer().SupportedDiagnostics.Single();

    private const string Types =
        """
        using System.Text.Json.Serialization;
        using SourceGenDurable.Hosting;

        public sealed record OrderLine(string Sku, int Quantity);
        public sealed record Order(string Id, IReadOnlyList<OrderLine> Lines);
        public sealed record Receipt(string Id, decimal Total);
        public sealed record Approval(string By);
        public enum Speed { Standard, Express }

        """;

    private const string OrdersJson =
        """

        [JsonSerializable(typeof(Order))]
        public abstract partial class OrdersJson : JsonSerializerContext
        {
            protected OrdersJson() : base(null) { }
        }

        public static class Registration
        {
            public static DurableWorkflowOptions Register(DurableWorkflowOptions o, OrdersJson json) => o.UseJsonContext(json);
        }
        """;

    [Fact]
    public Task Without_a_registered_context_every_use_of_an_own_type_is_named_at_its_place() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async {|#1:Task<Receipt>|} Process(WorkflowContext ctx, Order {|#0:order|})
                {
                    var {|#2:approval|} = await {|#3:ctx.WaitForEvent<Approval>("approved")|};
                    var {|#5:receipt|} = await {|#4:Price(order)|};
                    await ctx.Step("mail", ct => Task.FromResult(approval.By));
                    return receipt;
                }

                [DurableStep]
                private Task<Receipt> Price(Order order) => Task.FromResult(new Receipt(order.Id, 1m));
            }
            """,
            Expect(0, "Order", "the input 'order' of the workflow 'Process'", " (none is registered)", "Order", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(1, "Receipt", "the result of the workflow 'Process'", " (none is registered)", "Receipt", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(2, "Approval", "the local 'approval', which lives across a checkpoint", " (none is registered)", "Approval", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(3, "Approval", "the payload of the event 'approved'", " (none is registered)", "Approval", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(4, "Receipt", "the result of the step 'Price'", " (none is registered)", "Receipt", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(5, "Receipt", "the local 'receipt', which lives across a checkpoint", " (none is registered)", "Receipt", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"));

    [Fact]
    public Task A_registered_context_covers_its_types_and_what_they_hold_and_the_others_are_named_with_it() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async {|#0:Task<Receipt>|} Process(WorkflowContext ctx, Order order)
                {
                    var first = await ctx.Step("first", ct => Task.FromResult(order.Lines[0]));
                    foreach (var line in {|#1:order.Lines|})
                    {
                        await ctx.Step("reserve", ct => Task.FromResult(line.Sku));
                    }

                    return new Receipt(first.Sku, 1m);
                }
            }
            """ + OrdersJson,
            Expect(0, "Receipt", "the result of the workflow 'Process'", " (registered: OrdersJson)", "Receipt", "'OrdersJson'"),
            Expect(1, "System.Collections.Generic.List<OrderLine>", "the list of items a foreach whose body has a checkpoint keeps across that checkpoint", " (registered: OrdersJson)", "List<OrderLine>", "'OrdersJson'"));

    [Fact]
    public Task Primitives_strings_dates_guids_enums_and_their_collections_need_no_context() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Dictionary<string, decimal>> Process(WorkflowContext ctx, string id, int count, Guid key, DateTimeOffset at, Speed speed, List<string> tags, long[] numbers)
                {
                    var names = new List<string> { id };
                    var when = await ctx.Step("when", ct => Task.FromResult(DateTime.UnixEpoch));
                    var days = await ctx.Step("days", ct => Task.FromResult(new Dictionary<string, int> { ["a"] = count }));
                    var chosen = await ctx.WaitForEvent<Speed>("speed");
                    var maybe = await ctx.Step("maybe", ct => Task.FromResult<int?>(null));
                    var first = await ctx.WhenAny(ctx.Sleep(TimeSpan.FromSeconds(1)), ctx.WaitForEvent<string>("x"));
                    foreach (var tag in tags)
                    {
                        await ctx.Step("tag", ct => Task.FromResult(tag));
                    }

                    return new Dictionary<string, decimal> { [$"{names[0]}{when}{days.Count}{chosen}{maybe}{key}{at}{speed}{numbers.Length}{first.Index}"] = 1m };
                }
            }
            """);

    [Fact]
    public Task An_enum_needs_no_context_but_a_nullable_enum_or_a_list_of_enums_does() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Speed> Process(WorkflowContext ctx, Speed speed, Speed? {|#0:maybe|}, List<Speed> {|#1:all|})
                {
                    await ctx.Step("a", ct => Task.FromResult(all.Count));
                    return maybe ?? speed;
                }
            }
            """,
            Expect(0, "Speed?", "the input 'maybe' of the workflow 'Process'", " (none is registered)", "Speed?", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"),
            Expect(1, "System.Collections.Generic.List<Speed>", "the input 'all' of the workflow 'Process'", " (none is registered)", "List<Speed>", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"));

    [Fact]
    public Task Types_a_registered_context_names_are_not_reported() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<OrderLine> Process(WorkflowContext ctx, Order order)
                {
                    var line = await ctx.Step("first", ct => Task.FromResult(order.Lines[0]));
                    await ctx.Step("log", ct => Task.FromResult(line.Sku));
                    return line;
                }
            }
            """ + OrdersJson);

    [Fact]
    public Task A_context_that_is_declared_but_not_registered_covers_nothing_and_is_named_for_registration() =>
        VerifyAsync(
            Types +
            """
            [JsonSerializable(typeof(Receipt))]
            public abstract partial class ShopJson : JsonSerializerContext
            {
                protected ShopJson() : base(null) { }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async {|#0:Task<Receipt>|} Process(WorkflowContext ctx, string id)
                {
                    var total = await ctx.Step("price", ct => Task.FromResult(1m));
                    return new Receipt(id, total);
                }
            }
            """,
            Expect(0, "Receipt", "the result of the workflow 'Process'", " (none is registered)", "Receipt", "'ShopJson' and register it: o.UseJsonContext(ShopJson.Default)"));

    [Theory]
    [InlineData(null)]
    [InlineData("build_property.PublishAot = false")]
    public Task A_project_that_neither_publishes_with_aot_nor_is_aot_compatible_is_not_checked(string? property) =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Receipt> Process(WorkflowContext ctx, Order order)
                {
                    var approval = await ctx.WaitForEvent<Approval>("approved");
                    return new Receipt(order.Id + approval.By, 1m);
                }
            }
            """,
            property);

    [Fact]
    public Task An_aot_compatible_library_is_checked_like_an_aot_application() =>
        VerifyAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> Process(WorkflowContext ctx, Order {|#0:order|})
                {
                    return await ctx.Step("id", ct => Task.FromResult(order.Id));
                }
            }
            """,
            "build_property.IsAotCompatible = true",
            Expect(0, "Order", "the input 'order' of the workflow 'Process'", " (none is registered)", "Order", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"));

    [Fact]
    public Task The_client_s_event_payloads_are_checked_too() =>
        VerifyAsync(
            Types +
            """
            public static class Approvals
            {
                public static Task Approve(SourceGenDurable.Client.IWorkflowClient client) =>
                    {|#0:client.RaiseEventAsync("order-1", "approved", new Approval("ada"))|};
            }
            """,
            Expect(0, "Approval", "the payload of an event raised to a workflow", " (none is registered)", "Approval", "a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"));

    [Fact]
    public Task The_fix_adds_the_type_to_the_registered_context() =>
        VerifyFixAsync(
            Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async {|SGD0014:Task<Receipt>|} Process(WorkflowContext ctx, Order order) =>
                    await {|SGD0014:ctx.Step("price", ct => Task.FromResult(new Receipt(order.Id, 1m)))|};
            }
            """ + OrdersJson,
            [Types +
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<Receipt> Process(WorkflowContext ctx, Order order) =>
                    await ctx.Step("price", ct => Task.FromResult(new Receipt(order.Id, 1m)));
            }
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(Receipt))]
            public abstract partial class OrdersJson : JsonSerializerContext
            {
                protected OrdersJson() : base(null) { }
            }

            public static class Registration
            {
                public static DurableWorkflowOptions Register(DurableWorkflowOptions o, OrdersJson json) => o.UseJsonContext(json);
            }
            """]);

    [Fact]
    public Task The_fix_gives_a_context_without_attributes_its_first_one_under_its_documentation() =>
        VerifyFixAsync(
            """
            using System.Text.Json.Serialization;
            using SourceGenDurable.Hosting;

            public sealed record Receipt(string Id, decimal Total);

            public partial class Orders
            {
                [DurableWorkflow]
                public async {|SGD0014:Task<Receipt>|} Process(WorkflowContext ctx, string id) =>
                    await {|SGD0014:ctx.Step("price", ct => Task.FromResult(new Receipt(id, 1m)))|};
            }

            public static class Json
            {
                /// <summary>The shop's types.</summary>
                public abstract partial class ShopJson : JsonSerializerContext
                {
                    protected ShopJson() : base(null) { }
                }

                public static DurableWorkflowOptions Register(DurableWorkflowOptions o, ShopJson json) => o.UseJsonContext(json);
            }
            """,
            [
                """
                using System.Text.Json.Serialization;
                using SourceGenDurable.Hosting;

                public sealed record Receipt(string Id, decimal Total);

                public partial class Orders
                {
                    [DurableWorkflow]
                    public async Task<Receipt> Process(WorkflowContext ctx, string id) =>
                        await ctx.Step("price", ct => Task.FromResult(new Receipt(id, 1m)));
                }

                public static class Json
                {
                    /// <summary>The shop's types.</summary>
                    [JsonSerializable(typeof(Receipt))]
                    public abstract partial class ShopJson : JsonSerializerContext
                    {
                        protected ShopJson() : base(null) { }
                    }

                    public static DurableWorkflowOptions Register(DurableWorkflowOptions o, ShopJson json) => o.UseJsonContext(json);
                }
                """,
            ]);

    [Fact]
    public Task Without_any_context_the_fix_creates_one_in_the_workflow_s_namespace() =>
        VerifyFixAsync(
            """
            namespace Shop;

            public sealed record Receipt(string Id, decimal Total);

            public partial class Orders
            {
                [DurableWorkflow]
                public async {|SGD0014:Task<Receipt>|} Process(WorkflowContext ctx, string id) =>
                    await {|SGD0014:ctx.Step("price", ct => Task.FromResult(new Receipt(id, 1m)))|};
            }
            """,
            [
                """
                namespace Shop;

                public sealed record Receipt(string Id, decimal Total);

                public partial class Orders
                {
                    [DurableWorkflow]
                    public async {|SGD0014:Task<Receipt>|} Process(WorkflowContext ctx, string id) =>
                        await {|SGD0014:ctx.Step("price", ct => Task.FromResult(new Receipt(id, 1m)))|};
                }
                """,
                """
                using System.Text.Json.Serialization;

                namespace Shop;

                /// <summary>The workflows' own types, for System.Text.Json under Native AOT. Registered with o.UseJsonContext(WorkflowJsonContext.Default).</summary>
                [JsonSerializable(typeof(Receipt))]
                internal sealed partial class WorkflowJsonContext : JsonSerializerContext;

                """,
            // The new context is not registered yet, so the workflow's two uses are still reported, now naming it.
            ]);

    private static DiagnosticResult Expect(int location, string type, string what, string registered, string shortName, string target) =>
        new DiagnosticResult(Descriptor).WithLocation(location).WithArguments(type, what, registered, shortName, target);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, "build_property.PublishAot = true", expected);

    private static Task VerifyAsync(string source, string? property, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<JsonContextAnalyzer, DefaultVerifier> { TestCode = source };
        TestSetup.Configure(test);
        if (property is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{property}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix to the first SGD0014 and compares the documents, and the diagnostics marked in them.</summary>
    private static Task VerifyFixAsync(string source, string[] fixedSources)
    {
        var test = new CSharpCodeFixTest<JsonContextAnalyzer, AddJsonSerializableCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            // SGD0014 is reported at the end of the compilation (when every registration has been seen), so it is not local to a document.
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllCheck | CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 0,
            // A created context is a partial JsonSerializerContext that System.Text.Json's generator completes; the
            // tests do not run that generator.
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        TestSetup.Configure(test);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.PublishAot = true\n"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;

        // The documents in the project's order: the source, the usings, then a document the fix created.
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSources[0]));
        test.FixedState.Sources.Add(("GlobalUsings.cs", TestSetup.GlobalUsings));
        foreach (var created in fixedSources.Skip(1))
        {
            test.FixedState.Sources.Add(($"/0/{JsonContextAnalyzer.NewContextName}.cs", created));
        }
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.PublishAot = true\n"));
        return test.RunAsync(CancellationToken.None);
    }
}
