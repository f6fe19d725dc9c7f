namespace SourceGenDurable.Generators.Tests;

/// <summary>What the generator writes, for reviewers to read; each snapshot is also compiled with warnings as errors.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_order_example_from_the_design()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Shop;

            public sealed record Order(string Customer, string[] Items, decimal Total, decimal Shipping);
            public sealed record Reservation(string Id);
            public sealed record Charge(string Id, decimal Amount);
            public sealed record Receipt(string ReservationId, string ChargeId, decimal Total);
            public interface IInventory { Task<Reservation> ReserveAsync(string[] items); }
            public interface IPayments { Task<Charge> ChargeAsync(decimal amount, CancellationToken ct); }

            public sealed partial class OrderWorkflows(IInventory inventory, IPayments payments)
            {
                [DurableWorkflow]
                public async Task<Receipt> ProcessOrder(WorkflowContext ctx, Order order)
                {
                    var reservation = await Reserve(order);
                    var charge = await ctx.Step("charge", ct => payments.ChargeAsync(order.Total, ct));
                    var total = charge.Amount + order.Shipping;
                    await ctx.Step("email", ct => Notify(order.Customer, total, ct));
                    return new Receipt(reservation.Id, charge.Id, total);
                }

                [DurableStep] private Task<Reservation> Reserve(Order order) => inventory.ReserveAsync(order.Items);

                private static Task Notify(string customer, decimal total, CancellationToken ct) => Task.CompletedTask;
            }
            """));
    }

    [Fact]
    public void Retry_policies_on_a_step_method_and_on_ctx_Step_and_a_step_exception_rebuilt_as_the_caught_type()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Payments;

            public interface IGateway { Task<string> ChargeAsync(string order, CancellationToken ct); }

            public sealed partial class PaymentWorkflows(IGateway gateway)
            {
                [DurableWorkflow]
                public async Task<string> Pay(WorkflowContext ctx, string order)
                {
                    try
                    {
                        var id = await Charge(order);
                        return await ctx.Step("confirm", ct => gateway.ChargeAsync(id, ct), new RetryPolicy { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromHours(1) });
                    }
                    catch (InvalidOperationException e)
                    {
                        return e.Message;
                    }
                }

                [DurableStep(MaxAttempts = 5, FirstRetryDelayMilliseconds = 1000, BackoffCoefficient = 1.5, MaxRetryDelayMilliseconds = 60000, DoNotRetry = new[] { typeof(ArgumentException) })]
                private Task<string> Charge(string order) => gateway.ChargeAsync(order, CancellationToken.None);
            }
            """));
    }

    [Fact]
    public void Step_methods_value_locals_a_local_that_crosses_no_checkpoint_and_a_primary_constructor_dependency()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Billing;

            public interface ILedger { Task<int> PostAsync(string account, int cents); }

            public partial class InvoiceWorkflows(ILedger ledger)
            {
                [DurableWorkflow(Name = "invoice")]
                public async Task<string> Invoice(WorkflowContext ctx, string account, int cents)
                {
                    int fee = cents / 100, attempts = 0;
                    var label = $"{account}:{cents}"; // used before the first checkpoint only: stays a local
                    var posted = await Post(label, cents + fee);
                    attempts++;
                    var confirmation = await Confirm(posted);
                    attempts++;
                    return $"{confirmation} after {attempts} steps on {ctx.WorkflowId}";
                }

                [DurableStep(MaxAttempts = 5)]
                private Task<int> Post(string account, int cents) => ledger.PostAsync(account, cents);

                [DurableStep(Name = "confirm")]
                private Task<string> Confirm(int entry) => Task.FromResult($"entry-{entry}");
            }
            """));
    }

    [Fact]
    public void A_nested_internal_workflow_without_a_result_with_a_return_await_and_keyword_names()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            partial class Outer
            {
                internal sealed partial class Signals
                {
                    [DurableWorkflow]
                    internal async Task Relay(WorkflowContext context, string @event)
                    {
                        await context.Step("forward", ct => Task.CompletedTask);
                        await Log(@event);
                    }

                    [DurableWorkflow]
                    internal async Task<int> Measure(WorkflowContext context, int @class)
                    {
                        var doubled = @class * 2;
                        return await context.Step("measure", ct => Task.FromResult(doubled));
                    }

                    [DurableStep] private Task Log(string message) => Task.CompletedTask;
                }
            }
            """));
    }

    [Fact]
    public void A_generic_workflow_class_gets_a_generic_definition_a_generic_start_method_and_registers_per_closed_class()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Shop;

            public interface IKeyed { string Key { get; } }

            public sealed partial class Repo<T>
                where T : class, IKeyed
            {
                [DurableWorkflow]
                public async Task<string> Save(WorkflowContext ctx, T item, int copies)
                {
                    var stored = await Store(item);
                    for (var i = 1; i < copies; i++)
                    {
                        stored = await ctx.Step("copy", ct => Task.FromResult(stored + "+" + item.Key));
                    }

                    return stored;
                }

                [DurableWorkflow(Name = "repo-touch")]
                public async Task Touch(WorkflowContext ctx, T item)
                {
                    await Store(item);
                }

                [DurableStep]
                private Task<string> Store(T item) => Task.FromResult(item.Key);
            }
            """));
    }

    [Fact]
    public void Timers_event_waits_with_and_without_a_timeout_and_a_cancellation_caught_by_the_workflow()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Subscriptions;

            public sealed record Approval(string By);

            public sealed partial class RenewalWorkflows
            {
                [DurableWorkflow]
                public async Task<string> Renew(WorkflowContext ctx, string customer, DateTimeOffset deadline)
                {
                    await ctx.Sleep(TimeSpan.FromDays(30));
                    Approval approval;
                    try
                    {
                        approval = await ctx.WaitForEvent<Approval>("approval", TimeSpan.FromHours(48));
                    }
                    catch (TimeoutException)
                    {
                        await ctx.SleepUntil(deadline);
                        approval = await ctx.WaitForEvent<Approval>("approval");
                    }
                    catch (WorkflowCancelledException)
                    {
                        return $"{customer}: cancelled";
                    }

                    return $"{customer}: approved by {approval.By}";
                }
            }
            """));
    }

    [Fact]
    public void Child_workflows_of_the_same_class_and_of_a_held_class_with_a_catch_clause_the_child_failure_is_rebuilt_as()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Shop;

            public partial class Shipping
            {
                [DurableWorkflow(Name = "ship")]
                public async Task<string> Ship(WorkflowContext ctx, string order, int parcels)
                {
                    return await ctx.Step("label", ct => Task.FromResult($"{order}x{parcels}"));
                }
            }

            public partial class Orders(Shipping shipping)
            {
                [DurableWorkflow(Name = "fulfil")]
                public async Task<string> Fulfil(WorkflowContext ctx, string order)
                {
                    try
                    {
                        var label = await shipping.Ship(ctx, parcels: 2, order: order + "!");
                        await Audit(ctx, label);
                        return label;
                    }
                    catch (InvalidOperationException e)
                    {
                        return e.Message;
                    }
                }

                [DurableWorkflow(Name = "audit")]
                public async Task Audit(WorkflowContext ctx, string what)
                {
                    await ctx.Step("log", ct => Task.FromResult(what));
                }
            }
            """));
    }

    [Fact]
    public void Fan_outs_over_fixed_operations_and_over_a_Select_lower_each_operation_unstarted_in_one_checkpoint()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Shop;

            public partial class Shipping
            {
                [DurableWorkflow(Name = "ship")]
                public async Task<string> Ship(WorkflowContext ctx, string order, int parcels)
                {
                    return await ctx.Step("label", ct => Task.FromResult($"{order}x{parcels}"));
                }
            }

            public partial class Orders(Shipping shipping)
            {
                [DurableWorkflow(Name = "fulfil-lines")]
                public async Task<string> Fulfil(WorkflowContext ctx, string order, string[] lines)
                {
                    var reserved = await ctx.WhenAll(lines.Select(line => Reserve(order, line)));
                    var done = await ctx.WhenAll(shipping.Ship(ctx, order, parcels: reserved.Length), Reserve(order, "gift"));
                    var first = await ctx.WhenAny(ctx.WaitForEvent<string>("paid"), ctx.Sleep(TimeSpan.FromDays(1)));
                    return first.Index == 0 ? done[0] : "expired";
                }

                [DurableStep]
                private Task<string> Reserve(string order, string line) => Task.FromResult(order + line);
            }
            """));
    }

    [Fact]
    public void Expression_bodied_workflows_are_lowered_as_the_block_they_mean_with_and_without_a_result()
    {
        Snapshot.Match(GeneratorHarness.Generate("""
            using SourceGenDurable;

            namespace Billing;

            public sealed partial class ChargeWorkflows
            {
                [DurableWorkflow]
                public async Task<int> Child(WorkflowContext ctx, int x) => await Charge(x * 2);

                [DurableWorkflow]
                public async Task Notify(WorkflowContext ctx, string customer) => await ctx.Step("email", ct => Task.CompletedTask);

                [DurableWorkflow]
                public async Task<string> Receipt(WorkflowContext ctx, int a) => $"{await Charge(a)} + {await ctx.Step("fee", ct => Task.FromResult(a * 10))}";

                [DurableStep]
                private Task<int> Charge(int amount) => Task.FromResult(amount + 1);
            }
            """));
    }
}
