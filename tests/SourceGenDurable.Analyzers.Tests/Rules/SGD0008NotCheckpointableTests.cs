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
}
