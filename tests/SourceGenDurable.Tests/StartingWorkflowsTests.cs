using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Client;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

public sealed class StartingWorkflowsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Starting_an_existing_id_returns_the_existing_instance_and_starts_nothing()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var first = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "same");
        await first.GetResultAsync();
        var second = await host.Client.StartProcessOrderAsync(new Order("o-other", "bob", 1m, 1m), workflowId: "same");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await second.GetResultAsync());
        Assert.Equal(1, services.CountOf("reserve"));
    }

    [Fact]
    public async Task Starting_an_existing_id_as_another_workflow_is_refused()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "taken");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.StartNotifyAsync("ada", 2, workflowId: "taken"));

        Assert.Contains("'taken' already exists as workflow 'OrderWorkflows.ProcessOrder'", error.Message);
    }

    [Fact]
    public async Task A_workflow_started_without_an_id_gets_a_fresh_one()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var a = await host.Client.StartNotifyAsync("ada", 2);
        var b = await host.Client.StartNotifyAsync("ada", 2);

        Assert.NotEqual(a.Id, b.Id);
        await a.GetResultAsync();
        await b.GetResultAsync();
    }

    [Fact]
    public async Task Ids_made_for_workflows_started_without_one_follow_the_order_of_their_start_times()
    {
        // The store's indexes are ordered by instance id: ids in start order keep the instances running now together.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await TestHost.StartAsync(_database.ConnectionString, configure: s => s.AddSingleton<TimeProvider>(clock));

        var oneMillisecondApart = new List<string>();
        foreach (var _ in Enumerable.Range(0, 8))
        {
            oneMillisecondApart.Add((await host.Client.StartNotifyAsync("ada", 2)).Id);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var sameMillisecond = new[] { (await host.Client.StartNotifyAsync("ada", 2)).Id, (await host.Client.StartNotifyAsync("ada", 2)).Id };

        Assert.Equal(oneMillisecondApart.Order(StringComparer.Ordinal), oneMillisecondApart);
        Assert.NotEqual(sameMillisecond[0], sameMillisecond[1]);
        Assert.All(oneMillisecondApart.Concat(sameMillisecond), id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task A_workflow_can_be_started_by_name_with_json_inputs()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("""{"customer":"ada","times":2}""");

        var handle = await host.Client.StartWorkflowAsync("notify", input.RootElement, "by-name");
        await handle.GetResultAsync();

        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("by-name"))!.Status);
    }

    [Fact]
    public async Task Starting_a_name_that_is_not_registered_names_the_registered_workflows()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("{}");

        var error = await Assert.ThrowsAsync<WorkflowNotRegisteredException>(() => host.Client.StartWorkflowAsync("OrderWorkflows.ProcesOrder", input.RootElement));

        Assert.Contains("No workflow named 'OrderWorkflows.ProcesOrder' is registered", error.Message);
        Assert.Contains("OrderWorkflows.ProcessOrder", error.Message.Split("Registered workflows:")[1]);
        Assert.Null(await host.Client.GetWorkflowAsync("OrderWorkflows.ProcesOrder"));
    }

    [Fact]
    public async Task Inputs_that_do_not_fit_the_workflow_are_refused_with_the_missing_parameter()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("""{"customer":"ada"}""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartWorkflowAsync("notify", input.RootElement, "bad-input"));

        Assert.Contains("no slot 'times'", error.Message);
        Assert.Null(await host.Client.GetWorkflowAsync("bad-input"));
    }

    [Fact]
    public async Task Waiting_for_an_unknown_id_says_so()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var error = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Client.WaitForCompletionAsync("nobody"));

        Assert.IsAssignableFrom<KeyNotFoundException>(error); // as before this exception type existed
        Assert.Equal("nobody", error.WorkflowId);
        Assert.Contains("'nobody'", error.Message);
    }

    [Fact]
    public async Task A_workflow_started_where_the_worker_has_a_free_slot_is_created_leased_to_it_and_runs_without_taking_the_lease_again()
    {
        var held = await StartHeldOrderAsync("eager");
        await using var host = held.Host;

        Assert.Equal((host.Store.WorkerId, 1L, (long)WorkflowStatus.Running), ReadLease("eager"));
        held.Gate.SetResult();
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await held.Handle.GetResultAsync());
        Assert.Equal(1, held.Counter.CountOf(nameof(IWorkflowStore.CreateAsync)));
        Assert.Equal(0, held.Counter.CountOf(nameof(IWorkflowStore.AcquireLeaseAsync)));
    }

    [Fact]
    public async Task A_start_while_every_slot_of_the_worker_is_taken_is_left_unleased_in_the_store_and_leased_once_a_slot_frees()
    {
        var held = await StartWithItsOnlySlotHeldAsync("reserve");
        await using var host = held.Host;
        var counter = CallCountingStore.Of(host.Store);
        var second = await host.Client.StartProcessOrderAsync(new Order("o-2", "bob", 10m, 1m), workflowId: "second");

        Assert.Equal((null, 0L, (long)WorkflowStatus.Pending), ReadLease("second"));
        held.Gate.SetResult();
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await held.First.GetResultAsync());
        Assert.Equal(new Receipt("res-o-2", "ch-o-2", 11m), await second.GetResultAsync());
        Assert.True(counter.CountOf(nameof(IWorkflowStore.AcquireLeaseAsync)) >= 1);
    }

    [Fact]
    public async Task A_waiter_for_a_workflow_queued_for_this_process_worker_gets_its_result_without_reading_the_store()
    {
        var held = await StartWithItsOnlySlotHeldAsync("reserve");
        await using var host = held.Host;
        var counter = CallCountingStore.Of(host.Store);

        // Handed to the worker, which has no slot for it yet: the store could only say that it has not ended.
        var second = await host.Client.StartProcessOrderAsync(new Order("o-2", "bob", 10m, 1m), workflowId: "second");
        var results = (First: held.First.GetResultAsync(), Second: second.GetResultAsync());
        held.Gate.SetResult();

        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await results.First);
        Assert.Equal(new Receipt("res-o-2", "ch-o-2", 11m), await results.Second);
        Assert.Equal(0, counter.CountOf(nameof(IWorkflowStore.GetAsync)));
    }

    [Fact]
    public async Task A_waiter_for_a_workflow_left_queued_by_a_worker_that_stopped_reads_the_store_and_sees_it_end_in_another_process()
    {
        // Held in a step that gives way when its host stops.
        await using var stopping = (await StartWithItsOnlySlotHeldAsync("charge", workerId: "node-a")).Host;
        var counter = CallCountingStore.Of(stopping.Store);
        var second = await stopping.Client.StartProcessOrderAsync(new Order("o-2", "bob", 10m, 1m), workflowId: "second");
        var result = second.GetResultAsync();

        await stopping.Host.StopAsync();
        Assert.False(result.IsCompleted);
        await using var other = await StartCountingAsync(new FakeServices(), workerId: "node-b");

        Assert.Equal(new Receipt("res-o-2", "ch-o-2", 11m), await result.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(counter.CountOf(nameof(IWorkflowStore.GetAsync)) >= 1);
    }

    [Fact]
    public async Task A_leased_start_taken_late_is_renewed_before_it_runs_and_one_that_another_worker_took_is_left_to_it()
    {
        var services = new FakeServices();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(services);
        builder.Services.AddDurableWorkflows(o => o.UseSqlite(_database.ConnectionString));
        using (var notRunning = builder.Build())
        {
            // Created through a client whose host never starts: no worker runs them meanwhile.
            await notRunning.Services.GetRequiredService<IWorkflowStore>().InitializeAsync(default);
            var client = notRunning.Services.GetRequiredService<IWorkflowClient>();
            await client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "late");
            await client.StartProcessOrderAsync(new Order("o-2", "bob", 10m, 1m), workflowId: "taken");
        }

        // "late": leased to this worker at its start with 5 of its 30 seconds left. "taken": its lease ran out and
        // another worker holds it now, though this worker still has it as created.
        // "late" is parked under another owner until node-a's host has started: a host ends the leases its worker id holds
        // when it starts (they can only be a previous process's), and a leased start is made after that.
        var soon = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds();
        _database.Execute("UPDATE workflow_instances SET status = $running, starts = 1, lease_owner = 'parked', lease_expires_at = $soon WHERE id = 'late'", ("$running", (int)WorkflowStatus.Running), ("$soon", soon));
        _database.Execute(
            "UPDATE workflow_instances SET status = $running, starts = 1, lease_owner = 'node-b', lease_expires_at = $later WHERE id = 'taken'",
            ("$running", (int)WorkflowStatus.Running),
            ("$later", DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds()));

        await using var host = await StartCountingAsync(services, workerId: "node-a");
        _database.Execute("UPDATE workflow_instances SET lease_owner = 'node-a' WHERE id = 'late'");
        var counter = CallCountingStore.Of(host.Store);
        var executor = host.Host.Services.GetRequiredService<WorkflowExecutor>();
        var late = (await host.Store.GetAsync("late", default))!;
        var taken = (await host.Store.GetAsync("taken", default))! with { LeaseOwner = "node-a", LeaseExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(soon) };

        Assert.Equal(RunEnd.Finished, await executor.RunAsync("late", default, default, new StartedInstance(late, default)));
        Assert.Equal(1, counter.CountOf(nameof(IWorkflowStore.RenewLeaseAsync)));
        Assert.Equal(0, counter.CountOf(nameof(IWorkflowStore.AcquireLeaseAsync)));
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await host.Client.GetResultAsync<Receipt>("late"));

        Assert.Equal(RunEnd.LookAgain, await executor.RunAsync("taken", default, default, new StartedInstance(taken, default)));
        Assert.Equal(1, counter.CountOf(nameof(IWorkflowStore.AcquireLeaseAsync)));
        Assert.Equal(("node-b", 1L, (long)WorkflowStatus.Running), ReadLease("taken"));
        Assert.Equal(1, services.CountOf("reserve"));
    }

    [Fact]
    public async Task A_waiter_in_the_process_that_runs_the_workflow_gets_its_result_without_reading_the_store()
    {
        var held = await StartHeldOrderAsync("here");
        await using var host = held.Host;

        var result = held.Handle.GetResultAsync();
        held.Gate.SetResult();

        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await result);
        Assert.Equal(0, held.Counter.CountOf(nameof(IWorkflowStore.GetAsync)));

        // The stored row once it has ended, for a caller that asks for the instance rather than its result.
        var info = await host.Client.WaitForCompletionAsync("here");
        Assert.Equal(WorkflowStatus.Completed, info.Status);
        Assert.Equal(1, held.Counter.CountOf(nameof(IWorkflowStore.GetAsync)));
    }

    [Fact]
    public async Task A_waiter_in_the_process_that_runs_the_workflow_gets_its_failure_without_reading_the_store()
    {
        var services = new FakeServices();
        services.Gates["unreliable"] = new TaskCompletionSource();
        services.FailuresBeforeSuccess["unreliable"] = 5;
        await using var host = await StartCountingAsync(services);
        var counter = CallCountingStore.Of(host.Store);

        var handle = await host.Client.StartFlakyAsync(1, workflowId: "failing-here");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("unreliable") == 1), "the step's first attempt runs");
        var result = handle.GetResultAsync();
        services.Gates["unreliable"].SetResult();

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => result);
        Assert.Equal("unreliable is unavailable", failure.Error.Message);
        Assert.Equal(0, counter.CountOf(nameof(IWorkflowStore.GetAsync)));
    }

    [Fact]
    public async Task A_waiter_for_a_workflow_that_no_run_here_holds_reads_the_store_for_its_end()
    {
        await using var host = await StartCountingAsync(new FakeServices());
        var counter = CallCountingStore.Of(host.Store);
        var handle = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "done");
        await handle.GetResultAsync();
        var readsWhileRunning = counter.CountOf(nameof(IWorkflowStore.GetAsync));

        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await host.Client.GetResultAsync<Receipt>("done"));
        Assert.Equal(readsWhileRunning + 1, counter.CountOf(nameof(IWorkflowStore.GetAsync)));
    }

    /// <summary>
    /// An order workflow started on a host over a call-counting store, held in its first step ("reserve") until
    /// <see cref="HeldOrder.Gate"/> is released. The caller disposes the host.
    /// </summary>
    private async Task<HeldOrder> StartHeldOrderAsync(string workflowId)
    {
        var services = new FakeServices();
        var gate = services.Gates["reserve"] = new TaskCompletionSource();
        var host = await StartCountingAsync(services);
        var handle = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: workflowId);
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("reserve") == 1), "the first step runs");
        return new HeldOrder(host, CallCountingStore.Of(host.Store), handle, gate);
    }

    /// <summary>
    /// A host over a call-counting store with one slot, which an order workflow ("first") holds in its step
    /// <paramref name="heldStep"/> until the returned gate is released. The caller disposes the host.
    /// </summary>
    private async Task<HeldSlot> StartWithItsOnlySlotHeldAsync(string heldStep, string? workerId = null)
    {
        var services = new FakeServices();
        var gate = services.Gates[heldStep] = new TaskCompletionSource();
        var host = await StartCountingAsync(services, s => s.Configure<DurableWorkflowOptions>(o => o.MaxConcurrentWorkflows = 1), workerId);
        var first = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "first");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf(heldStep) == 1), "the first workflow takes the only slot");
        return new HeldSlot(host, gate, first);
    }

    private sealed record HeldSlot(TestHost Host, TaskCompletionSource Gate, WorkflowHandle<Receipt> First);

    private sealed record HeldOrder(TestHost Host, CallCountingStore Counter, WorkflowHandle<Receipt> Handle, TaskCompletionSource Gate);

    /// <summary>A host whose store counts the calls made to it (<see cref="CallCountingStore.Of"/>).</summary>
    private Task<TestHost> StartCountingAsync(FakeServices services, Action<IServiceCollection>? configure = null, string? workerId = null) =>
        TestHost.StartAsync(_database.ConnectionString, services, s =>
        {
            configure?.Invoke(s);
            s.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(
                _ => CallCountingStore.Wrap(new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System, workerId: workerId))));
        });

    private (string? Owner, long Starts, long Status) ReadLease(string id)
    {
        using var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT lease_owner, starts, status FROM workflow_instances WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
