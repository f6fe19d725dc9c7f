using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>
/// SGD0010: a clock read, a random value, a timer, I/O or a thread reached through methods, property getters and
/// constructors of the compilation is as harmful as one in the body. It is reported at the call in the workflow body,
/// with the chain of calls. Calls into steps, and calls made inside <c>ctx.Step</c> bodies, are where such code belongs.
/// </summary>
public sealed class SGD0010ViolationThroughCallTests
{
    [Fact]
    public Task A_clock_read_two_calls_deep_is_reported_at_the_call_with_the_chain() =>
        Verify.VerifyAsync(
            """
            public sealed class Pricing
            {
                public decimal Price(int quantity) => quantity * Rate();

                private static decimal Rate() => DateTime.Now.Hour < 12 ? 1m : 2m;
            }

            public partial class Orders(Pricing pricing)
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx, int quantity)
                {
                    var price = {|#0:pricing.Price(quantity)|};
                    return await ctx.Step("charge", ct => Task.FromResult(price));
                }
            }
            """,
            Verify.Diagnostic("SGD0010").WithLocation(0).WithMessage(
                "'Price' reaches 'DateTime.Now' (ProcessOrder -> Price -> Rate -> DateTime.Now), which reads the wall clock: move the call into a [DurableStep] method or a ctx.Step, or pass in the value through the context"));

    [Fact]
    public Task Property_getters_and_constructors_count_as_calls() =>
        Verify.VerifyAsync(
            """
            public sealed class Ticket
            {
                public Ticket() => Id = Guid.NewGuid();

                public Guid Id { get; }
            }

            public partial class Orders
            {
                private string Config => System.IO.File.ReadAllText("config.json");

                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext ctx)
                {
                    var ticket = {|#0:new Ticket()|};
                    var config = {|#1:Config|};
                    return await ctx.Step("a", ct => Task.FromResult($"{ticket.Id}{config}"));
                }
            }
            """,
            Verify.Diagnostic("SGD0010").WithLocation(0).WithArguments("new Ticket", "Guid.NewGuid", "ProcessOrder -> new Ticket -> Guid.NewGuid", "gives a random value"),
            Verify.Diagnostic("SGD0010").WithLocation(1).WithArguments("Config", "File.ReadAllText", "ProcessOrder -> Config -> File.ReadAllText", "does I/O"));

    /// <summary>The implementation that runs is chosen at run time, so every implementation of the compilation is followed.</summary>
    [Fact]
    public Task Calls_through_an_interface_or_an_abstract_member_follow_their_implementations() =>
        Verify.VerifyAsync(
            """
            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public sealed class FixedClock : IClock
            {
                public DateTimeOffset Now => DateTimeOffset.MinValue;
            }

            public sealed class SystemClock : IClock
            {
                public DateTimeOffset Now => DateTimeOffset.UtcNow;
            }

            public abstract class Numbers
            {
                public abstract int Next();
            }

            public sealed class Dice : Numbers
            {
                public override int Next() => Random.Shared.Next(6);
            }

            public partial class Orders(IClock clock, Numbers numbers)
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext ctx)
                {
                    var now = {|#0:clock.Now|};
                    var roll = {|#1:numbers.Next()|};
                    return await ctx.Step("a", ct => Task.FromResult($"{now}{roll}"));
                }
            }
            """,
            Verify.Diagnostic("SGD0010").WithLocation(0).WithArguments(
                "IClock.Now", "DateTimeOffset.UtcNow", "ProcessOrder -> IClock.Now -> SystemClock.Now -> DateTimeOffset.UtcNow", "reads the wall clock"),
            Verify.Diagnostic("SGD0010").WithLocation(1).WithArguments(
                "Numbers.Next", "Random.Shared", "ProcessOrder -> Numbers.Next -> Dice.Next -> Random.Shared", "gives a random value"));

    [Fact]
    public Task Recursive_and_mutually_recursive_helpers_are_followed_once_and_terminate() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var clean = Even(n) ? 1 : 0;
                    var dirty = {|#0:Ping(n)|};
                    return await ctx.Step("a", ct => Task.FromResult(clean + dirty));
                }

                private static bool Even(int n) => n == 0 || Odd(n - 1);

                private static bool Odd(int n) => n != 0 && Even(n - 1);

                private static int Ping(int n) => n <= 0 ? 0 : Pong(n - 1);

                private static int Pong(int n) => n <= 0 ? Environment.TickCount : Ping(n - 1);
            }
            """,
            Verify.Diagnostic("SGD0010").WithLocation(0).WithArguments("Ping", "Environment.TickCount", "ProcessOrder -> Ping -> Pong -> Environment.TickCount", "reads the wall clock"));

    [Fact]
    public Task Calls_inside_step_bodies_calls_to_steps_and_clean_helpers_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, int n)
                {
                    var stamp = await ctx.Step("stamp", ct => Task.FromResult(Stamp()));
                    var read = await Read();
                    return Twice(stamp + read);
                }

                private static int Stamp() => Environment.TickCount;

                private static int Twice(int n) => n * 2;

                [DurableStep]
                private Task<int> Read() => Task.FromResult(Stamp());
            }
            """);

    /// <summary>The override that runs is chosen at run time, so every override the compilation can see is followed.</summary>
    [Fact]
    public Task Calls_to_a_virtual_method_follow_its_overrides() =>
        Verify.VerifyAsync(
            """
            public class Pricing
            {
                public virtual decimal Rate() => 1m;
            }

            public sealed class PeakPricing : Pricing
            {
                public override decimal Rate() => DateTime.Now.Hour < 12 ? 1m : 2m;
            }

            public partial class Orders(Pricing pricing)
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx)
                {
                    var rate = {|#0:pricing.Rate()|};
                    return await ctx.Step("a", ct => Task.FromResult(rate));
                }
            }
            """,
            Verify.Diagnostic("SGD0010").WithLocation(0).WithArguments(
                "Pricing.Rate", "DateTime.Now", "ProcessOrder -> Pricing.Rate -> PeakPricing.Rate -> DateTime.Now", "reads the wall clock"));

    [Fact]
    public Task Virtual_methods_without_a_harmful_override_and_sealed_overrides_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public class Pricing
            {
                public virtual decimal Rate() => 1m;
            }

            public sealed class CalmPricing : Pricing
            {
                public override decimal Rate() => 2m;
            }

            public class Fees
            {
                public virtual decimal Fee() => 0m;
            }

            public partial class Orders(Pricing pricing, Fees fees)
            {
                [DurableWorkflow]
                public async Task<decimal> ProcessOrder(WorkflowContext ctx)
                {
                    var total = pricing.Rate() + fees.Fee() + new CalmPricing().Rate();
                    return await ctx.Step("a", ct => Task.FromResult(total));
                }
            }
            """);
}
