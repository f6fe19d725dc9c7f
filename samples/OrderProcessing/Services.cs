namespace OrderProcessing;

public interface IInventory
{
    Task<Reservation> ReserveAsync(string orderId, IReadOnlyList<OrderLine> items);
}

public interface IPayments
{
    Task<Charge> ChargeAsync(string orderId, decimal amount, CancellationToken cancellationToken);
}

public interface INotifier
{
    Task NotifyAsync(string customer, string message, CancellationToken cancellationToken);
}

// Slow fakes, so that there is time to kill the process between steps and watch it resume.
internal sealed class SlowInventory : IInventory
{
    public async Task<Reservation> ReserveAsync(string orderId, IReadOnlyList<OrderLine> items)
    {
        Console.WriteLine($"  [{orderId}] reserving {items.Sum(i => i.Quantity)} items...");
        await Task.Delay(TimeSpan.FromSeconds(2));
        return new Reservation($"res-{orderId}");
    }
}

internal sealed class SlowPayments : IPayments
{
    public async Task<Charge> ChargeAsync(string orderId, decimal amount, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  [{orderId}] charging {amount:0.00}...");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return new Charge($"ch-{orderId}", amount);
    }
}

internal sealed class ConsoleNotifier : INotifier
{
    public async Task NotifyAsync(string customer, string message, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Console.WriteLine($"  email to {customer}: {message}");
    }
}
