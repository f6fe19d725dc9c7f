namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>Repeated measurements of one quantity; the suite reports their median, minimum and maximum.</summary>
internal sealed class Samples(IEnumerable<double> values)
{
    private readonly double[] _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double Median => _sorted.Length == 0
        ? double.NaN
        : _sorted.Length % 2 == 1 ? _sorted[_sorted.Length / 2] : (_sorted[(_sorted.Length / 2) - 1] + _sorted[_sorted.Length / 2]) / 2;

    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>The value below which <paramref name="fraction"/> of the samples lie (nearest rank).</summary>
    public double Percentile(double fraction) => _sorted.Length == 0
        ? double.NaN
        : _sorted[Math.Clamp((int)Math.Ceiling(fraction * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public static Samples Of(params double[] values) => new(values);
}
