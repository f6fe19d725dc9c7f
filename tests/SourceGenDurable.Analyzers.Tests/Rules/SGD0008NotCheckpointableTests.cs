using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowShapeAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0008: a local or input that lives across a checkpoint is saved there as JSON and read back on resume, so it must
/// be data that System.Text.Json round-trips. The error names the variable, a checkpoint it crosses and the reason.
/// (Delegates, ref structs, pointers and anonymous types are SGD0106's: the generator cannot declare a slot for them.)
/// </summary>
public sealed class SGD0008NotCheckpointableTests
{
    [Fact]
    public Task Tasks_resources_types_without_a_usable_constructor_and_state_that_cannot_be_read_back_are_reported() =>
        Verify.VerifyAsync(
            """
            public sealed class Token
            {
                public Token(string value) => Value = value;

                public Token(int value) => Value = value.ToString();

                public string Value { get; }
            }

            public sealed class Counter
            {
                public int Count { get; private set; }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var {|#0:pending|} = Task.FromResult(n);
                    var {|#1:cancellation|} = new CancellationTokenSource();
                    var {|#2:token|} = new Token("a");
                    var {|#3:counter|} = new Counter();
                    var {|#4:streams|} = new List<System.IO.Stream>();
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return await pending + cancellation.Token.GetHashCode() + token.Value.Length + counter.Count + streams.Count;
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithMessage(
                "'pending' of type 'System.Threading.Tasks.Task<int>' lives across the checkpoint 'ctx.Step(\"first\", ...)' on line 25, so it is saved there and read back after a restart, but a task is work running in this process, which cannot be saved and is gone after a restart: create it again after the durable await, or keep only its data"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "cancellation", "System.Threading.CancellationTokenSource", "ctx.Step(\"first\", ...)", 25,
                "it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen"),
            Verify.Diagnostic("SGD0008").WithLocation(2).WithArguments(
                "token", "Token", "ctx.Step(\"first\", ...)", 25,
                "'Token' has no public parameterless constructor, no single public constructor and no [JsonConstructor], so System.Text.Json cannot create it when it reads the checkpoint back"),
            Verify.Diagnostic("SGD0008").WithLocation(3).WithArguments(
                "counter", "Counter", "ctx.Step(\"first\", ...)", 25,
                "its property 'Counter.Count' has no public setter and no constructor parameter, so System.Text.Json writes it but cannot read it back"),
            Verify.Diagnostic("SGD0008").WithLocation(4).WithArguments(
                "streams", "System.Collections.Generic.List<System.IO.Stream>", "ctx.Step(\"first\", ...)", 25,
                "it holds a 'System.IO.Stream', and it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen"));

    [Fact]
    public Task A_slot_of_an_expression_body_is_reported_at_its_declaration_with_the_line_of_the_checkpoint_it_crosses() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n) =>
                    await ctx.Step("make", ct => Task.FromResult(new CancellationTokenSource())) switch
                    {
                        var {|#0:source|} => await ctx.Step("first", ct => Task.FromResult(n)) + source.Token.GetHashCode(),
                    };
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithArguments(
                "source", "System.Threading.CancellationTokenSource", "ctx.Step(\"first\", ...)", 7,
                "it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen"));

    [Fact]
    public Task Records_collections_polymorphic_hierarchies_types_with_a_converter_and_values_not_read_after_a_checkpoint_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using System.Text.Json.Serialization;

            public sealed record Line(string Sku, int Quantity);

            [JsonPolymorphic]
            [JsonDerivedType(typeof(Circle), "circle")]
            public abstract record Shape;

            public sealed record Circle(int Radius) : Shape;

            public sealed class Draft
            {
                public List<string> Lines { get; init; } = [];

                public int Total => Lines.Count;
            }

            [JsonConverter(typeof(MoneyConverter))]
            public sealed class Money
            {
                private Money(decimal amount) => Amount = amount;

                public decimal Amount { get; }

                public static Money Of(decimal amount) => new(amount);
            }

            public sealed class MoneyConverter : JsonConverter<Money>
            {
                public override Money Read(ref System.Text.Json.Utf8JsonReader reader, Type type, System.Text.Json.JsonSerializerOptions options) => Money.Of(reader.GetDecimal());

                public override void Write(System.Text.Json.Utf8JsonWriter writer, Money value, System.Text.Json.JsonSerializerOptions options) => writer.WriteNumberValue(value.Amount);
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, Line line)
                {
                    var lines = new List<Line> { line };
                    Shape shape = new Circle(2);
                    var draft = new Draft();
                    var price = Money.Of(2);
                    var scratch = new CancellationTokenSource();
                    scratch.Cancel();
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return lines.Count + (shape is Circle c ? c.Radius : 0) + draft.Total + (int)price.Amount;
                }
            }
            """);

    /// <summary>A Dictionary&lt;Point, T&gt; fails at the first checkpoint: 'The type Point is not a supported dictionary key'.</summary>
    [Fact]
    public Task Dictionaries_whose_key_type_System_Text_Json_cannot_write_as_a_property_name_are_reported_wherever_they_are_in_the_slot() =>
        Verify.VerifyAsync(
            """
            using System.Collections.Concurrent;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public readonly record struct Point(int X, int Y);

            public sealed record Board(Dictionary<Point, string> Cells);

            [JsonConverter(typeof(SkuConverter))]
            public readonly record struct Sku(string Value);

            public sealed class SkuConverter : JsonConverter<Sku>
            {
                public override Sku Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => new(reader.GetString()!);

                public override void Write(Utf8JsonWriter writer, Sku value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var {|#0:cells|} = new Dictionary<Point, int>();
                    var {|#1:board|} = new Board(new());
                    var {|#2:layers|} = new List<Dictionary<(int, int), int>>();
                    var {|#3:bySku|} = new ConcurrentDictionary<Sku, int>();
                    var {|#4:byObject|} = new Dictionary<object, int>();
                    var {|#5:grids|} = new IReadOnlyDictionary<Point, int>[1];
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return cells.Count + board.Cells.Count + layers.Count + bySku.Count + byObject.Count + grids.Length;
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithMessage(
                "'cells' of type 'System.Collections.Generic.Dictionary<Point, int>' lives across the checkpoint 'ctx.Step(\"first\", ...)' on line 30, so it is saved there and read back after a restart, but System.Text.Json cannot write its key type 'Point' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give 'Point' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName: create it again after the durable await, or keep only its data"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "board", "Board", "ctx.Step(\"first\", ...)", 30,
                "its property 'Board.Cells' is a 'System.Collections.Generic.Dictionary<Point, string>', and System.Text.Json cannot write its key type 'Point' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give 'Point' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName"),
            Verify.Diagnostic("SGD0008").WithLocation(2).WithArguments(
                "layers", "System.Collections.Generic.List<System.Collections.Generic.Dictionary<(int, int), int>>", "ctx.Step(\"first\", ...)", 30,
                "it holds a 'System.Collections.Generic.Dictionary<(int, int), int>', and System.Text.Json cannot write its key type '(int, int)' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give 'ValueTuple' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName"),
            Verify.Diagnostic("SGD0008").WithLocation(3).WithArguments(
                "bySku", "System.Collections.Concurrent.ConcurrentDictionary<Sku, int>", "ctx.Step(\"first\", ...)", 30,
                "System.Text.Json cannot write its key type 'Sku' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give 'Sku' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName"),
            Verify.Diagnostic("SGD0008").WithLocation(4).WithArguments(
                "byObject", "System.Collections.Generic.Dictionary<object, int>", "ctx.Step(\"first\", ...)", 30,
                "System.Text.Json writes its 'object' keys but cannot read them back (NotSupportedException on resume): key it by a string, a number, an enum, a Guid or a date"),
            Verify.Diagnostic("SGD0008").WithLocation(5).WithArguments(
                "grids", "System.Collections.Generic.IReadOnlyDictionary<Point, int>[]", "ctx.Step(\"first\", ...)", 30,
                "it holds a 'System.Collections.Generic.IReadOnlyDictionary<Point, int>', and System.Text.Json cannot write its key type 'Point' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give 'Point' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName"));

    /// <summary>Checked against System.Text.Json on the runtime's settings: each of these keys round-trips.</summary>
    [Fact]
    public Task Dictionaries_keyed_by_types_System_Text_Json_writes_as_property_names_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public enum Color { Red }

            [JsonConverter(typeof(SkuConverter))]
            public readonly record struct Sku(string Value);

            public sealed class SkuConverter : JsonConverter<Sku>
            {
                public override Sku Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => new(reader.GetString()!);

                public override void Write(Utf8JsonWriter writer, Sku value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

                public override Sku ReadAsPropertyName(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => new(reader.GetString()!);

                public override void WriteAsPropertyName(Utf8JsonWriter writer, Sku value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var byName = new Dictionary<string, List<string>>();
                    var byId = new Dictionary<Guid, int>();
                    var byDay = new SortedDictionary<DateOnly, int>();
                    var byTime = new Dictionary<TimeOnly, int>();
                    var byDuration = new Dictionary<TimeSpan, int>();
                    var byStamp = new Dictionary<DateTimeOffset, DateTime>();
                    var byColor = new Dictionary<Color, int>();
                    var byChar = new Dictionary<char, decimal>();
                    var byAmount = new Dictionary<decimal, int>();
                    var byHalf = new Dictionary<Half, int>();
                    var byHuge = new Dictionary<Int128, UInt128>();
                    var byFlag = new Dictionary<bool, long>();
                    var byUri = new Dictionary<Uri, Version>();
                    var bySku = new Dictionary<Sku, int>();
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return byName.Count + byId.Count + byDay.Count + byTime.Count + byDuration.Count + byStamp.Count + byColor.Count + byChar.Count +
                        byAmount.Count + byHalf.Count + byHuge.Count + byFlag.Count + byUri.Count + bySku.Count;
                }
            }
            """);

    /// <summary>An 'object' slot holding a Point is read back as a JsonElement: the cast after the checkpoint fails.</summary>
    [Fact]
    public Task Object_and_dynamic_slots_are_reported_since_they_come_back_as_JsonElement() =>
        Verify.VerifyAsync(
            """
            public readonly record struct Point(int X, int Y);

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    object {|#0:boxed|} = new Point(n, n);
                    dynamic {|#1:loose|} = n;
                    var {|#2:bag|} = new List<object>();
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return ((Point)boxed).X + (int)loose + bag.Count;
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithArguments(
                "boxed", "object", "ctx.Step(\"first\", ...)", 11,
                "System.Text.Json reads a value declared 'object' back as a JsonElement, not as the type of the value that was saved: declare it with that type"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "loose", "dynamic", "ctx.Step(\"first\", ...)", 11,
                "System.Text.Json reads a value declared 'dynamic' back as a JsonElement, not as the type of the value that was saved: declare it with that type"),
            Verify.Diagnostic("SGD0008").WithLocation(2).WithArguments(
                "bag", "System.Collections.Generic.List<object>", "ctx.Step(\"first\", ...)", 11,
                "it holds a 'object', and System.Text.Json reads a value declared 'object' back as a JsonElement, not as the type of the value that was saved: declare it with that type"));

    /// <summary>System.Text.Json throws NotSupportedException on an int[,]; an int[][] round-trips.</summary>
    [Fact]
    public Task Multi_dimensional_arrays_are_reported_and_arrays_of_arrays_are_not() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var {|#0:grid|} = new int[2, 2];
                    var jagged = new[] { new[] { n } };
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return grid[0, 0] + jagged[0][0];
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithArguments(
                "grid", "int[*,*]", "ctx.Step(\"first\", ...)", 8,
                "System.Text.Json cannot write a multi-dimensional array (NotSupportedException at the checkpoint): use an array of arrays"));

    /// <summary>IntPtr and Type throw NotSupportedException at the checkpoint.</summary>
    [Fact]
    public Task Types_System_Text_Json_refuses_to_write_are_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    nint {|#0:handle|} = n;
                    var {|#1:kind|} = typeof(Orders);
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return (int)handle + kind.Name.Length;
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithArguments(
                "handle", "nint", "ctx.Step(\"first\", ...)", 8,
                "System.Text.Json refuses to write 'IntPtr' (NotSupportedException at the checkpoint)"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "kind", "System.Type", "ctx.Step(\"first\", ...)", 8,
                "System.Text.Json refuses to write 'Type' (NotSupportedException at the checkpoint)"));

    /// <summary>Each was checked on the runtime's settings: a BigInteger reads back as 0, a stack reversed, an ArrayList's items as JsonElement, an exception without its message.</summary>
    [Fact]
    public Task Types_System_Text_Json_silently_changes_are_reported() =>
        Verify.VerifyAsync(
            """
            using System.Collections;
            using System.Numerics;

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var {|#0:big|} = new BigInteger(n);
                    var {|#1:undo|} = new Stack<int>();
                    var {|#2:items|} = new ArrayList();
                    var {|#3:failure|} = new InvalidOperationException("declined");
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return (int)big + undo.Count + items.Count + failure.Message.Length;
                }
            }
            """,
            Verify.Diagnostic("SGD0008").WithLocation(0).WithArguments(
                "big", "System.Numerics.BigInteger", "ctx.Step(\"first\", ...)", 13,
                "System.Text.Json has no converter for 'BigInteger': it writes its computed properties and reads back zero"),
            Verify.Diagnostic("SGD0008").WithLocation(1).WithArguments(
                "undo", "System.Collections.Generic.Stack<int>", "ctx.Step(\"first\", ...)", 13,
                "System.Text.Json writes a stack top first and pushes the items back in that order, so the stack comes back reversed: keep a List or an array"),
            Verify.Diagnostic("SGD0008").WithLocation(2).WithArguments(
                "items", "System.Collections.ArrayList", "ctx.Step(\"first\", ...)", 13,
                "System.Text.Json reads the items of 'ArrayList' back as JsonElement, not as the types that were saved: use a generic collection"),
            Verify.Diagnostic("SGD0008").WithLocation(3).WithArguments(
                "failure", "System.InvalidOperationException", "ctx.Step(\"first\", ...)", 13,
                "System.Text.Json writes an exception's message but cannot read it back (its properties are read-only): keep the message or the data you need"));

    /// <summary>Checked on the runtime's settings (NaN included, with AllowNamedFloatingPointLiterals).</summary>
    [Fact]
    public Task Half_Int128_queues_tuples_and_memory_round_trip_on_the_runtime_settings_and_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var half = (Half)n;
                    var huge = (Int128)n;
                    var unsigned = (UInt128)n;
                    var waiting = new Queue<int>();
                    var pair = (n, "a");
                    var bytes = new Memory<byte>(new byte[] { 1 });
                    await ctx.Step("first", ct => Task.CompletedTask);
                    return (int)half + (int)huge + (int)unsigned + waiting.Count + pair.Item1 + bytes.Length;
                }
            }
            """);
}
