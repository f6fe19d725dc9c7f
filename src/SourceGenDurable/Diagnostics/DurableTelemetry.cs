using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SourceGenDurable.Diagnostics;

/// <summary>The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>SourceGenDurable</c>.</summary>
public static class DurableTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "SourceGenDurable";

    internal static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> WorkflowsStarted =
        Meter.CreateCounter<long>("sourcegendurable.workflows.started", description: "Workflow instances created.");

    internal static readonly Counter<long> WorkflowsFinished =
        Meter.CreateCounter<long>("sourcegendurable.workflows.finished", description: "Workflow instances that completed or failed, by status.");

    internal static readonly Counter<long> CheckpointsCommitted =
        Meter.CreateCounter<long>("sourcegendurable.checkpoints.committed", description: "Checkpoints committed to the store.");

    internal static readonly Counter<long> StepAttempts =
        Meter.CreateCounter<long>("sourcegendurable.steps.attempts", description: "Step bodies run, including retries.");

    internal static readonly Histogram<int> WritesPerTransaction =
        Meter.CreateHistogram<int>("sourcegendurable.store.transaction.writes", unit: "{write}", description: "Writes the store's single writer grouped into one transaction.");
}
