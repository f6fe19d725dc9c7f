using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>IWorkflowClient.CancelAsync: the pending or next durable await throws, compensation runs, and the end status says what happened.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Cancelling_a_waiting_workflow_runs_its_finally_with_a_step_and_ends_it_cancelled()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartOrderWithCompensationAsync("o-1", workflowId: "order-1");
        await host.WaitUntilIdleAsync();

        Assert.True(await host.Client.CancelAsync("order-1"));
        await host.WaitUntilIdleAsync();

        var info = (await host.Client.GetWorkflowAsync("order-1"))!;
        Assert.Equal(WorkflowStatus.Cancelled, info.Status);
        Assert.True(info.CancelRequested);
        Assert.Equal(typeof(WorkflowCancelledException).FullName, info.Error!.Type);
        Assert.Equal(["reserve", "release"], services.Calls);
        var error = await Assert.ThrowsAsync<WorkflowCancelledException>(() => handle.GetResultAsync());
        Assert.Equal("order-1", error.WorkflowId);
    }

    [Fact]
    public async Task A_workflow_that_catches_its_cancellation_and_returns_ends_completed_and_its_cleanup_step_is_not_cancelled()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartCleanupOnCancelAsync(workflowId: "cleanup");
        await host.WaitUntilIdleAsync();
        Assert.Equal(WorkflowStatus.Sleeping, (await host.Client.GetWorkflowAsync("cleanup"))!.Status);

        await host.Client.CancelAsync("cleanup");

        Assert.Equal("cleaned up", await handle.GetResultAsync());
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("cleanup"))!.Status);
        Assert.Equal(1, services.CountOf("cleanup"));
    }

    [Fact]
    public async Task A_workflow_that_ignores_cancellation_ends_cancelled()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        await host.Client.StartRenewalAsync("ada", workflowId: "ignores");
        await host.WaitUntilIdleAsync();

        await host.Client.CancelAsync("ignores");
        await host.WaitUntilIdleAsync();

        Assert.Equal(WorkflowStatus.Cancelled, (await host.Client.GetWorkflowAsync("ignores"))!.Status);
        Assert.Equal(0, services.CountOf("renew"));
        await Assert.ThrowsAsync<WorkflowCancelledException>(() => host.Client.GetResultAsync<string>("ignores"));
    }

    [Fact]
    public async Task A_running_step_sees_the_workflow_cancelled_through_its_token_and_is_not_retried()
    {
        var services = new FakeServices();
        services.Gates["long"] = new TaskCompletionSource(); // released only by cancellation of the step's token
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartLongStepAsync(workflowId: "long");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("long") == 1), "the long step runs");

        await host.Client.CancelAsync("long");

        await Assert.ThrowsAsync<WorkflowCancelledException>(() => handle.GetResultAsync());
        Assert.Equal(1, services.CountOf("long"));
        Assert.Equal(0, services.CountOf("never"));
        Assert.Empty(await host.Store.GetStepsAsync("long", default));
    }

    [Fact]
    public async Task A_DurableStep_method_with_a_CancellationToken_parameter_gets_the_steps_token_and_sees_the_workflow_cancelled()
    {
        var services = new FakeServices();
        services.Gates["long"] = new TaskCompletionSource(); // released only by cancellation of the step's token
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartLongStepMethodAsync(workflowId: "long-method");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("long") == 1), "the long step runs");

        await host.Client.CancelAsync("long-method");

        await Assert.ThrowsAsync<WorkflowCancelledException>(() => handle.GetResultAsync());
        Assert.Equal(1, services.CountOf("long"));
        Assert.Equal(0, services.CountOf("never"));
    }

    [Fact]
    public async Task Cancellation_requested_while_the_host_is_down_is_seen_by_the_next_process_and_compensation_survives_a_restart()
    {
        var services = new FakeServices();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartOrderWithCompensationAsync("o-2", workflowId: "order-2");
            await TestHost.WaitForStatusAsync(first, "order-2", WorkflowStatus.WaitingForEvent);
            services.Gates["release"] = new TaskCompletionSource();
            Assert.True(await first.Client.CancelAsync("order-2"));
            // The compensation step starts, then this process stops before it is committed.
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("release") == 1), "the release step starts");
        }

        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        await Assert.ThrowsAsync<WorkflowCancelledException>(() => second.Client.GetResultAsync<string>("order-2"));
        Assert.Equal(2, services.CountOf("release"));
        Assert.Equal(0, services.CountOf("ship"));
        Assert.Equal(WorkflowStatus.Cancelled, (await second.Client.GetWorkflowAsync("order-2"))!.Status);
    }

    [Fact]
    public async Task Cancelling_a_finished_workflow_changes_nothing_and_says_so_and_an_unknown_id_is_an_error()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartUntilAsync(host.UtcNow, workflowId: "finished");
        Assert.Equal(1, await handle.GetResultAsync());

        Assert.False(await host.Client.CancelAsync("finished"));
        var info = (await host.Client.GetWorkflowAsync("finished"))!;
        Assert.Equal(WorkflowStatus.Completed, info.Status);
        Assert.False(info.CancelRequested);

        var unknown = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Client.CancelAsync("nobody"));
        Assert.Equal("nobody", unknown.WorkflowId);
    }
}
