using System.Diagnostics.Metrics;

namespace SourceGenDurable.PostgreSql;

/// <summary>The store's instruments, on the runtime's meter (<c>SourceGenDurable</c>).</summary>
internal static class PostgresTelemetry
{
    private static readonly Meter Meter = new("SourceGenDurable");

    public static readonly Histogram<int> WritesPerTransaction =
        Meter.CreateHistogram<int>("sourcegendurable.store.transaction.writes", unit: "{write}", description: "Writes the store's writer grouped into one transaction.");
}
