using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// Several hosts on one PostgreSQL schema: what one host does reaches the host that should act within milliseconds, not
/// at its next poll (the polls here are a minute apart), and a timer fires once whichever hosts see it due.
/// </summary>
public sealed class PostgresWakeupTests : IDisposable
{
    /// <summary>Far longer than any wake-up may take: only a notification can explain a quick reaction.</summary>
    private static readonly TimeSpan SlowPoll = TimeSpan.FromMinutes(1);

    /// <summary>The bound on a reaction through a notification (a loaded CI machine included).</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    private Task<TestHost> StartHostAsync(FakeServices services, TimeSpan pollInterval) =>
        TestHost.StartAsync("Data Source=unused.db", services, s => s.Configure<DurableWorkflowOptions>(o =>
        {
            o.UsePostgres(_schema.ConnectionString, p => p.Schema = _schema.Schema);
            o.PollInterval = pollInterval;
        }));

    /// <summary>A process with the client and no running worker: what it starts is for the other hosts to run.</summary>
    private async Task<(ServiceProvider Services, IWorkflowClient Client)> StartClientOnlyAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddDurableWorkflows(o => o.UsePostgres(_schema.ConnectionString, p => p.Schema = _schema.Schema));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IWorkflowStore>().InitializeAsync(default);
        return (provider, provider.GetRequiredService<IWorkflowClient>());
    }

    [PostgresFact]
    public async Task A_start_an_event_and_a_cancellation_from_another_process_reach_the_worker_at_once()
    {
        var services = new FakeServices();
        await using var worker = await StartHostAsync(services, SlowPoll);
        var (provider, client) = await StartClientOnlyAsync();
        await using var _ = provider;

        var clock = Stopwatch.StartNew();
        await client.StartApprovalsAsync(1, workflowId: "approvals");
        await WithinAsync(() => services.CountOf("intake") == 1, "the other host runs the started instance");
        await TestHost.WaitForStatusAsync(worker, "approvals", WorkflowStatus.WaitingForEvent);

        await client.RaiseEventAsync("approvals", "approval", new Approval("ada", 1));
        await WithinAsync(async () => (await client.GetWorkflowAsync("approvals"))?.Status == WorkflowStatus.Completed, "the event wakes the waiting instance");

        await client.StartCleanupOnCancelAsync(workflowId: "sleeper");
        await WithinAsync(async () => (await client.GetWorkflowAsync("sleeper"))?.Status == WorkflowStatus.Sleeping, "the other host runs the sleeper to its timer");
        await client.CancelAsync("sleeper");
        await WithinAsync(() => services.CountOf("cleanup") == 1, "the cancellation wakes the sleeping instance");

        Assert.True(clock.Elapsed < SlowPoll, $"The whole exchange took {clock.Elapsed}, as long as a poll.");
    }

    [PostgresFact]
    public async Task A_due_timer_fires_once_across_three_hosts_racing_for_it()
    {
        var services = new FakeServices();
        var hosts = new List<TestHost>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                hosts.Add(await StartHostAsync(services, TimeSpan.FromMilliseconds(20)));
            }

            var due = DateTimeOffset.UtcNow.AddSeconds(2);
            var handles = new List<WorkflowHandle<int>>();
            for (var i = 0; i < 30; i++)
            {
                handles.Add(await hosts[i % 3].Client.StartUntilAsync(due, workflowId: $"timer-{i}"));
            }

            foreach (var handle in handles)
            {
                Assert.Equal(1, await handle.GetResultAsync());
            }

            Assert.Equal(30, services.CountOf("after"));
            foreach (var handle in handles)
            {
                var steps = await hosts[0].Store.GetStepsAsync(handle.Id, default);
                Assert.Equal(["after"], steps.Select(step => step.Name));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static Task WithinAsync(Func<bool> condition, string what) => WithinAsync(() => Task.FromResult(condition()), what);

    private static async Task WithinAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Prompt)
            {
                throw new TimeoutException($"Not within {Prompt.TotalSeconds} s (the poll interval is {SlowPoll.TotalSeconds} s): {what}.");
            }

            await Task.Delay(10);
        }
    }
}
