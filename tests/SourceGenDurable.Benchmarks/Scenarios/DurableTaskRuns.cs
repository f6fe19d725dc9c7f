using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    /// settings: its sidecar's orchestration and activity dispatchers each run as many work items at once as the
    /// machine has cores, and a full dispatcher sleeps 500 ms before it looks again, so each starts at most twice
    /// the core count of work items a second. On two cores that is about four orchestration episodes a second, and
    /// an orchestration of ten activities takes eleven episodes.
    /// </summary>
    public static async Task<Samples> ThroughputAsync(Sizes sizes, Report report) =>
        await ThroughputRuns.AloneAsync(report, repeats: 1, new Throughput(await StartAsync(), sizes.DurableTaskOrchestrations, "default settings", warmUps: 0));

    /// <summary>
    /// The same shape as <see cref="ThroughputAsync(Sizes, Report)"/> on the same sidecar, worker and client, with
    /// only the sidecar's cap on concurrent work items lifted (see <see cref="UncappedOrchestrationService"/>), so
    /// that its dispatchers never reach the full-dispatcher sleep and the peer runs as fast as its code allows. Being
    /// fast, it gets what SourceGenDurable's throughput run gets: unrecorded warm-up runs, then repeats (see
    /// <see cref="ThroughputRuns"/>). Each run has a host of its own.
    /// </summary>
    public static async Task<IThroughputRun> StartThroughputWithCapLiftedAsync(Sizes sizes, int orchestrations) =>
        new Throughput(await StartWithCapLiftedAsync(), orchestrations, "concurrency cap lifted", sizes.ThroughputWarmUps);

    private sealed class Throughput(DurableTaskTestHost host, int orchestrations, string settings, int warmUps) : IThroughputRun
    {
        public (string Scenario, string System, string Unit) Row => ($"{orchestrations:N0} orchestrations x {Sizes.StepsPerConcurrentWorkflow} no-op activities", $"{System} ({settings})", "steps/s");

        public int WarmUps => warmUps;

        public async Task<double> RunOnceAsync()
        {
            var start = Stopwatch.GetTimestamp();
            var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(_ => host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", Sizes.StepsPerConcurrentWorkflow)));
            await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)));
            return orchestrations * Sizes.StepsPerConcurrentWorkflow / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }

    private static Task<DurableTaskTestHost> StartAsync()
    {
        // The host's gRPC sidecar logs every request at Information through its own default logging, whatever
        // LoggerFactory is given; its configuration reads these variables.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("ASPNETCORE_Logging__LogLevel__Default", "Warning");
        return DurableTaskTestHost.StartAsync(AddChain, new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance });
    }

    /// <summary>
    /// The test host as <see cref="DurableTaskTestHost.StartAsync"/> assembles it (a gRPC sidecar serving an
    /// in-memory orchestration service over HTTP/2, a worker and a client connected to it), built here from the
    /// package's public pieces because StartAsync creates its orchestration service itself and offers no setting
    /// for the cap. The worker keeps its own defaults (100 work items of each kind per core).
    /// </summary>
    private static async Task<DurableTaskTestHost> StartWithCapLiftedAsync()
    {
        var address = $"http://localhost:{FreeLoopbackPort()}";
        var orchestrationService = new UncappedOrchestrationService();
        var sidecarHost = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHostDefaults(web => web
                .UseUrls(address)
                .ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services => services
                    .AddSingleton<IOrchestrationService>(orchestrationService)
                    .AddSingleton<IOrchestrationServiceClient>(orchestrationService)
                    .AddSingleton<TaskHubGrpcServer>()
                    .AddGrpc())
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>())))
            .Build();
        await sidecarHost.StartAsync();

        var channel = GrpcChannel.ForAddress(address);
        var workerHost = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services => services
                .AddDurableTaskWorker(worker => worker.UseGrpc(channel).AddTasks(AddChain))
                .AddDurableTaskClient(client => client.UseGrpc(channel).RegisterDirectly()))
            .Build();
        await workerHost.StartAsync();
        return new DurableTaskTestHost(sidecarHost, workerHost, channel, workerHost.Services.GetRequiredService<DurableTaskClient>());
    }

    private static void AddChain(DurableTaskRegistry tasks)
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
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The package's in-memory orchestration service with no cap on concurrent work items. The sidecar's
    /// orchestration and activity dispatchers read their cap from <see cref="IOrchestrationService"/>, where
    /// <see cref="InMemoryOrchestrationService"/> answers the processor count through non-virtual members; declaring
    /// the interface again here re-implements just those two members and leaves every other one to the base class.
    /// </summary>
    private sealed class UncappedOrchestrationService() : InMemoryOrchestrationService(NullLoggerFactory.Instance), IOrchestrationService
    {
        int IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems => int.MaxValue;

        int IOrchestrationService.MaxConcurrentTaskActivityWorkItems => int.MaxValue;
    }
}
