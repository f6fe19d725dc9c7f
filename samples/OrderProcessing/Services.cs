using System.Collections.Concurrent;

namespace OrderProcessing;

public interface IInventory
{
    Task<Reservation> ReserveAsync(string orderId, OrderLine line, CancellationToken cancellationToken);

    Task ReleaseAsync(Reservation reservation, CancellationToken cancellationToken);
}

public interface IPayments
{
    /// <summary>Charges once per <paramref name="idempotencyKey"/>: a repeated request returns the first charge.</summary>
    /// <exception cref="PaymentDeclinedException">The payment method was declined; trying again will not help.</exception>
    Task<Charge> ChargeAsync(string orderId, decimal amount, string paymentMethod, string idempotencyKey, CancellationToken cancellationToken);

    Task RefundAsync(Charge charge, CancellationToken cancellationToken);
}

public interface IWarehouse
{
    Task<string> PackAsync(string orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken);

    Task<string> BookCourierAsync(string parcelId, string address, CancellationToken cancellationToken);
}

public interface INotifier
{
    Task NotifyAsync(string customer, string message, CancellationToken cancellationToken);
}

public sealed class PaymentDeclinedException(string message) : Exception(message);

/// <summary>
/// Every call the in-memory services receive, in order: the tests check what ran and how often, and Program prints it.
/// </summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>How long each call takes, so that there is time to kill the sample between steps and watch it resume.</summary>
    public TimeSpan Latency { get; init; }

    public IReadOnlyList<string> Calls => _calls.ToArray();

    public event Action<string>? Recorded;

    public async Task RecordAsync(string call, CancellationToken cancellationToken)
    {
        _calls.Enqueue(call);
        Recorded?.Invoke(call);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }
    }
}

public sealed class InMemoryInventory(CallLog log) : IInventory
{
    private readonly ConcurrentDictionary<string, int> _outages = new();

    /// <summary>The next <paramref name="calls"/> reservations of <paramref name="sku"/> fail, as a busy service's would.</summary>
    public void FailNext(string sku, int calls) => _outages[sku] = calls;

    public async Task<Reservation> ReserveAsync(string orderId, OrderLine line, CancellationToken cancellationToken)
    {
        if (_outages.TryGetValue(line.Sku, out var left) && left > 0)
        {
            _outages[line.Sku] = left - 1;
            await log.RecordAsync($"{orderId}: reserve {line.Quantity} x {line.Sku} failed, inventory busy", cancellationToken);
            throw new InvalidOperationException("The inventory service is busy.");
        }

        await log.RecordAsync($"{orderId}: reserve {line.Quantity} x {line.Sku}", cancellationToken);
        return new Reservation($"res-{orderId}-{line.Sku}", line.Sku, line.Quantity);
    }

    public Task ReleaseAsync(Reservation reservation, CancellationToken cancellationToken) =>
        log.RecordAsync($"release {reservation.Id}", cancellationToken);
}

public sealed class InMemoryPayments(CallLog log) : IPayments
{
    private readonly ConcurrentDictionary<string, Charge> _charges = new();

    /// <summary>Payment methods this fake declines.</summary>
    public ConcurrentBag<string> Declined { get; } = [];

    public async Task<Charge> ChargeAsync(string orderId, decimal amount, string paymentMethod, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_charges.TryGetValue(idempotencyKey, out var earlier))
        {
            return earlier;
        }

        if (Declined.Contains(paymentMethod))
        {
            await log.RecordAsync($"{orderId}: charge {amount:0.00} to {paymentMethod} declined", cancellationToken);
            throw new PaymentDeclinedException($"{paymentMethod} was declined");
        }

        await log.RecordAsync($"{orderId}: charge {amount:0.00} to {paymentMethod}", cancellationToken);
        return _charges.GetOrAdd(idempotencyKey, new Charge($"ch-{orderId}", amount));
    }

    public Task RefundAsync(Charge charge, CancellationToken cancellationToken) =>
        log.RecordAsync($"refund {charge.Id} {charge.Amount:0.00}", cancellationToken);
}

public sealed class InMemoryWarehouse(CallLog log) : IWarehouse
{
    public async Task<string> PackAsync(string orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        await log.RecordAsync($"{orderId}: pack {lines.Sum(l => l.Quantity)} items", cancellationToken);
        return $"parcel-{orderId}";
    }

    public async Task<string> BookCourierAsync(string parcelId, string address, CancellationToken cancellationToken)
    {
        await log.RecordAsync($"{parcelId}: courier to {address}", cancellationToken);
        return $"track-{parcelId}";
    }
}

public sealed class InMemoryNotifier(CallLog log) : INotifier
{
    public Task NotifyAsync(string customer, string message, CancellationToken cancellationToken) =>
        log.RecordAsync($"email {customer}: {message}", cancellationToken);
}
