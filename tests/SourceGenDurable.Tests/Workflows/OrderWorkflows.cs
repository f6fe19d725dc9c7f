namespace SourceGenDurable.Tests.Workflows;

public sealed record Order(string Id, string Customer, decimal Total, decimal Shipping);

public sealed record Reservation(string Id);

public sealed record Charge(string Id, decimal Amount);

public sealed record Receipt(string ReservationId, string ChargeId, decimal Total);

/// <summary>The services the workflows call; every call is counted so tests can tell what ran and how often.</summary>
public sealed class FakeServices
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => _calls.ToArray();

    /// <summary>Tells how many times a call fails before it succeeds, by call name.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> FailuresBeforeSuccess { get; } = new();

    /// <summary>Steps named here block until released, so a test can stop the host at a known checkpoint.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    /// <summary>Pauses named here hold the workflow between two checkpoints, on its own thread, until set.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, ManualResetEventSlim> Pauses { get; } = new();

    public int CountOf(string call) => _calls.Count(c => c == call);

    /// <summary>Counts <paramref name="call"/>, then waits (at most a minute) while its pause is not set.</summary>
    public void Pause(string call)
    {
        _calls.Enqueue(call);
        if (Pauses.TryGetValue(call, out var pause))
        {
            pause.Wait(TimeSpan.FromMinutes(1));
        }
    }

    public async Task<T> CallAsync<T>(string call, T result, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(call);
        if (Gates.TryGetValue(call, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailuresBeforeSuccess.TryGetValue(call, out var failures) && failures > 0)
        {
            FailuresBeforeSuccess[call] = failures - 1;
            throw new InvalidOperationException($"{call} is unavailable");
        }

        await Task.Yield();
        return result;
    }
}

public sealed partial class OrderWorkflows(FakeServices services)
{
    [DurableWorkflow]
    public async Task<Receipt> ProcessOrder(WorkflowContext ctx, Order order)
    {
        var reservation = await Reserve(order);
        var charge = await ctx.Step("charge", ct => services.CallAsync("charge", new Charge($"ch-{order.Id}", order.Total), ct));
        var total = charge.Amount + order.Shipping;
        await ctx.Step("email", ct => services.CallAsync("email", total, ct));
        return new Receipt(reservation.Id, charge.Id, total);
    }

    [DurableWorkflow(Name = "notify")]
    public async Task Notify(WorkflowContext ctx, string customer, int times)
    {
        var sent = 0;
        var scratch = customer.Length * 2; // read only before the first checkpoint: not a slot
        await ctx.Step("first", ct => services.CallAsync($"notify {customer} {scratch}", 1, ct));
        sent++;
        await ctx.Step("second", ct => services.CallAsync($"notify {customer} again", 2, ct));
        sent++;
        if (sent != times)
        {
            throw new InvalidOperationException($"sent {sent}, expected {times}");
        }
    }

    [DurableWorkflow]
    public async Task<int> Flaky(WorkflowContext ctx, int input)
    {
        var value = await Unreliable(input);
        return await ctx.Step("double", ct => services.CallAsync("double", value * 2, ct));
    }

    /// <summary>Code between its two checkpoints that takes its time (<see cref="FakeServices.Pause"/>).</summary>
    [DurableWorkflow]
    public async Task<int> PausesBetweenSteps(WorkflowContext ctx, int input)
    {
        var first = await ctx.Step("first", ct => services.CallAsync("first", input, ct));
        services.Pause("between");
        return await ctx.Step("second", ct => services.CallAsync("second", first + 1, ct));
    }

    [DurableStep(MaxAttempts = 2)]
    private Task<int> Unreliable(int input) => services.CallAsync("unreliable", input + 1);

    [DurableStep(Name = "reserve")]
    private Task<Reservation> Reserve(Order order) => services.CallAsync("reserve", new Reservation($"res-{order.Id}"));
}
