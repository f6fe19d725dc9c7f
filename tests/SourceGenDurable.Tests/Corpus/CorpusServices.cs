using System.Text.Json.Serialization;
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

/// <summary>A step result that may be absent; <see cref="Boost"/> is called through <c>?.</c>.</summary>
public sealed record Profile(string Name, int Score)
{
    public Profile Boost(int points) => this with { Score = Score + points };
}

/// <summary>A closed hierarchy that round-trips through JSON with a type discriminator.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
[JsonDerivedType(typeof(Dot), "dot")]
public abstract record Shape;

public sealed record Circle(int Radius) : Shape;

public sealed record Square(int Side) : Shape;

public sealed record Dot : Shape;

/// <summary>A mutable object built with an initializer whose members await.</summary>
public sealed class ReceiptDraft
{
    public string OrderId { get; set; } = "";

    public int Items { get; set; }

    public List<string> Lines { get; init; } = [];
}

/// <summary>A mutable object whose properties are assigned from durable awaits.</summary>
public sealed class Tally
{
    public int Count { get; set; }

    public List<string> Names { get; set; } = [];
}

/// <summary>A positional record, deconstructed from a step result.</summary>
public sealed record DivModResult(int Quotient, int Remainder);
