using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// The Durable Task SDK's in-process test host (in memory, nothing persisted): an orchestration replays its whole
/// history at every await, which is the cost SourceGenDurable's resume avoids.
/// </summary>
internal static class DurableTaskRuns
{
    private const string System = "Durable Task in-process host";

    /// <summary>Per-activity time along one chain of no-op activities, for each chain length.</summary>
    public static async Task<IReadOnlyDictionary<int, Samples>> ChainsAsync(Sizes sizes, Report report)
    {
        var results = new Dictionary<int, Samples>();
        await using var host = await StartAsync();
        foreach (var length in sizes.DurableTaskChains)
        {
            var repeats = length >= 1_000 ? 1 : sizes.Repeats;
            var perActivity = new List<double>();
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var start = Stopwatch.GetTimestamp();
                var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", length);
                await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false);
                perActivity.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / length);
            }

            results[length] = report.Add($"one orchestration of {length:N0} no-op activities", System, "ms per step", new Samples(perActivity)).Values;
        }

        return results;
    }

    /// <summary>
    /// Activities per second with many orchestrations of ten no-op activities in flight, with the host's default
    /// settings: its in-memory service runs as many work items at once as the machine has cores, a limit it exposes
    /// only as a sealed property, so the suite does not lift it.
    /// </summary>
    public static async Task<Samples> ThroughputAsync(Sizes sizes, Report report)
    {
        var orchestrations = sizes.DurableTaskOrchestrations;
        await using var host = await StartAsync();
        var start = Stopwatch.GetTimestamp();
        var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(_ => host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", Sizes.StepsPerConcurrentWorkflow)));
        await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)));
        var perSecond = orchestrations * Sizes.StepsPerConcurrentWorkflow / Stopwatch.GetElapsedTime(start).TotalSeconds;
        return report.Add($"{orchestrations:N0} orchestrations x {Sizes.StepsPerConcurrentWorkflow} no-op activities", $"{System} (default settings)", "steps/s", Samples.Of(perSecond)).Values;
    }

    private static Task<DurableTaskTestHost> StartAsync()
    {
        // The host's gRPC sidecar logs every request at Information through its own default logging, whatever
        // LoggerFactory is given; its configuration reads these variables.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("ASPNETCORE_Logging__LogLevel__Default", "Warning");
        return DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestratorFunc<int, int>("Chain", async (context, length) =>
                {
                    for (var i = 0; i < length; i++)
                    {
                        await context.CallActivityAsync<int>("Noop", i);
                    }

                    return length;
                });
                tasks.AddActivityFunc<int, int>("Noop", (_, input) => input);
            },
            new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance });
    }
}
