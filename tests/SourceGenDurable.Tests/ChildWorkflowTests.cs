using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Storage;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>Awaiting a [DurableWorkflow] method in a workflow starts it as a child instance and waits for its outcome.</summary>
public sealed class ChildWorkflowTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Task<DurableTestHost> StartTestHostAsync(FakeServices services) =>
        DurableTestHost.StartAsync(s => s.AddSingleton(services).AddTransient<ShippingWorkflows>());

    [Fact]
    public async Task A_child_runs_once_as_its_own_instance_with_an_id_from_the_parent_and_the_call_site_and_its_result_reaches_the_parent()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartFulfilAsync("order", workflowId: "fulfil-1");

        Assert.Equal("label orderx2, 50", await handle.GetResultAsync());
        // "prepare" is commit 1, so the first child is reached before commit 2 and the second before commit 3.
        var ship = (await host.Client.GetWorkflowAsync("fulfil-1/2.0"))!;
        var price = (await host.Client.GetWorkflowAsync("fulfil-1/3.0"))!;
        Assert.Equal(("ship", WorkflowStatus.Completed), (ship.WorkflowName, ship.Status));
        Assert.Equal(("price", WorkflowStatus.Completed), (price.WorkflowName, price.Status));
        Assert.Equal("fulfil-1", (await host.Store.GetAsync("fulfil-1/2.0", default))!.ParentId);
        Assert.Equal(["prepare", "label", "price", "confirm"], services.Calls);
        Assert.Equal(3, CountInstances(host.DatabasePath));
    }

    [Fact]
    public async Task The_parent_waits_out_of_memory_for_its_child_and_the_childs_end_wakes_it()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);
        var handle = await host.Client.StartFulfilAfterPickupAsync("order", workflowId: "pickup-1");
        await host.WaitUntilIdleAsync();

        var parent = (await host.Client.GetWorkflowAsync("pickup-1"))!;
        Assert.Equal(WorkflowStatus.WaitingForEvent, parent.Status);
        Assert.Equal(WorkflowOutcome.EventName("pickup-1/1.0"), parent.AwaitedEvent);
        Assert.Equal(WorkflowStatus.WaitingForEvent, (await host.Client.GetWorkflowAsync("pickup-1/1.0"))!.Status);

        await host.Client.RaiseEventAsync("pickup-1/1.0", "pickup", "ada");
        Assert.Equal("order picked up by ada", await handle.GetResultAsync());
    }

    [Fact]
    public async Task A_parent_whose_host_stops_while_its_child_runs_resumes_in_a_new_host_without_starting_any_child_again()
    {
        var services = new FakeServices();
        services.Gates["price"] = new TaskCompletionSource();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services, s => s.AddTransient<ShippingWorkflows>()))
        {
            await first.Client.StartFulfilAsync("order", workflowId: "fulfil-2");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("price") == 1), "the second child runs its step");
        }

        // Every object of the first host is gone; only the database remains.
        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services, s => s.AddTransient<ShippingWorkflows>());
        Assert.Equal("label orderx2, 50", await second.Client.GetResultAsync<string>("fulfil-2"));
        Assert.Equal(1, services.CountOf("prepare"));
        Assert.Equal(1, services.CountOf("label"));
        Assert.Equal(1, services.CountOf("confirm"));
        Assert.Equal(3, CountInstances(_database.Path));
    }

    [Fact]
    public async Task A_child_failure_reaches_the_parent_as_the_exception_type_its_catch_clause_names()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartFulfilOrRefundAsync("crate", workflowId: "refund-1");

        Assert.Equal("refunded: crate is too heavy", await handle.GetResultAsync());
        Assert.Equal(WorkflowStatus.Failed, (await host.Client.GetWorkflowAsync("refund-1/1.0"))!.Status);
        Assert.Equal(1, services.CountOf("refund"));
    }

    [Fact]
    public async Task A_child_failure_the_parent_does_not_catch_fails_the_parent_with_the_childs_type_message_and_stack()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartFulfilUnguardedAsync("crate", workflowId: "unguarded-1");

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        Assert.Equal(typeof(ShipmentRefusedException).FullName, failure.Error.Type);
        Assert.Equal("crate is too heavy", failure.Error.Message);
        Assert.Contains("Refuse", failure.Error.StackTrace);
    }

    [Fact]
    public async Task A_cancelled_child_throws_WorkflowCancelledException_into_its_parent()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);
        var handle = await host.Client.StartFulfilAfterPickupAsync("order", workflowId: "pickup-2");
        await host.WaitUntilIdleAsync();

        Assert.True(await host.Client.CancelAsync("pickup-2/1.0"));

        Assert.Equal("shipment cancelled", await handle.GetResultAsync());
        Assert.Equal(WorkflowStatus.Cancelled, (await host.Client.GetWorkflowAsync("pickup-2/1.0"))!.Status);
    }

    [Fact]
    public async Task Cancelling_a_parent_that_waits_for_its_child_cancels_the_child()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);
        var handle = await host.Client.StartFulfilAfterPickupAsync("order", workflowId: "pickup-3");
        await host.WaitUntilIdleAsync();

        Assert.True(await host.Client.CancelAsync("pickup-3"));

        Assert.Equal("shipment cancelled", await handle.GetResultAsync());
        await Assert.ThrowsAsync<WorkflowCancelledException>(() => host.Client.WaitForCompletionAsync("pickup-3/1.0"));
    }

    [Fact]
    public async Task A_client_cannot_raise_the_event_that_carries_a_childs_outcome()
    {
        await using var host = await StartTestHostAsync(new FakeServices());
        await host.Client.StartFulfilAfterPickupAsync("order", workflowId: "pickup-4");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("pickup-4", WorkflowOutcome.EventName("pickup-4/1.0"), "forged"));
        Assert.Contains("reserved", refused.Message);
    }

    private static long CountInstances(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM workflow_instances;";
        return (long)command.ExecuteScalar()!;
    }
}
