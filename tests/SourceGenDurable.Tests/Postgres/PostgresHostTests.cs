using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>The runtime on the PostgreSQL store end to end: steps, events, timers and a restart, as an application sees them.</summary>
public sealed class PostgresHostTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    private Task<DurableTestHost> StartAsync(FakeServices services, DateTimeOffset? start = null) =>
        DurableTestHost.StartAsync(
            s => s.AddSingleton(services),
            o => o.UsePostgres(_schema.ConnectionString, p => p.Schema = _schema.Schema),
            start);

    [PostgresFact]
    public async Task A_workflow_runs_every_step_once_and_returns_its_result()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services);

        var handle = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "order-1");

        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await handle.GetResultAsync());
        Assert.Equal(["reserve", "charge", "email"], services.Calls);
        var steps = await host.Store.GetStepsAsync("order-1", default);
        Assert.Equal([(1, 0, "reserve"), (2, 1, "charge"), (3, 2, "email")], steps.Select(s => (s.Sequence, s.Checkpoint, s.Name)));
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("order-1"))!.Status);
    }

    [PostgresFact]
    public async Task Events_raised_before_and_after_the_wait_are_delivered_in_order()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services);
        var handle = await host.Client.StartApprovalsAsync(2, workflowId: "approvals-2");
        await host.Client.RaiseEventAsync("approvals-2", "approval", new Approval("first", 1));
        await host.WaitUntilIdleAsync();
        await host.Client.RaiseEventAsync("approvals-2", "approval", new Approval("second", 2));

        Assert.Equal("first:1;second:2;", await handle.GetResultAsync());
    }

    [PostgresFact]
    public async Task A_workflow_left_by_one_host_is_resumed_by_the_next_at_its_checkpoint()
    {
        var services = new FakeServices();
        await using (var first = await StartAsync(services))
        {
            await first.Client.StartApprovalsAsync(1, workflowId: "approvals-1");
            await first.WaitUntilIdleAsync();
            Assert.Equal(WorkflowStatus.WaitingForEvent, (await first.Client.GetWorkflowAsync("approvals-1"))!.Status);
        }

        await using var second = await StartAsync(services);
        await second.Client.RaiseEventAsync("approvals-1", "approval", new Approval("ada", 10));
        await second.WaitUntilIdleAsync();

        var done = (await second.Client.GetWorkflowAsync("approvals-1"))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(1, services.CountOf("intake"));
    }
}
