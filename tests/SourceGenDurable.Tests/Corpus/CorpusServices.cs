using Microsoft.Extensions.DependencyInjection;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>The services corpus workflows may take in their constructors, besides the <c>StepLog</c>.</summary>
public static class CorpusServices
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<PriceList>();
        services.AddSingleton(new TaxPolicy(0.2m));
    }
}

/// <summary>A pure lookup: the price of a SKU in cents.</summary>
public sealed class PriceList
{
    public int PriceOf(string sku) => sku.Length == 0 ? 0 : (sku.Sum(c => c) % 97 + 1) * 10;
}

/// <summary>A configured value a workflow reads between checkpoints.</summary>
public sealed class TaxPolicy(decimal rate)
{
    public decimal Rate => rate;

    public decimal TaxOn(decimal net) => Math.Round(net * rate, 2, MidpointRounding.ToEven);
}

public sealed record Order(string Id, string Customer, IReadOnlyList<OrderLine> Lines, decimal Shipping);

public sealed record OrderLine(string Sku, int Quantity);

public sealed record Receipt(string OrderId, int Items, decimal Net, decimal Tax, decimal Total, string Note);

public enum Tier
{
    Bronze,
    Silver,
    Gold,
}

/// <summary>An exception a workflow body throws on purpose.</summary>
public sealed class CorpusException(string message) : Exception(message);
