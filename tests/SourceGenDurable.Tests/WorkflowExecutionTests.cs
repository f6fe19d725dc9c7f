using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

public sealed class WorkflowExecutionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_workflow_runs_every_step_once_and_returns_its_result()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var handle = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "order-1");
        var receipt = await handle.GetResultAsync();

        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), receipt);
        Assert.Equal(["reserve", "charge", "email"], services.Calls);
        var steps = await host.Store.GetStepsAsync("order-1", default);
        Assert.Equal([(0, "reserve"), (1, "charge"), (2, "email")], steps.Select(s => (s.Checkpoint, s.Name)));
        var instance = await host.Client.GetWorkflowAsync("order-1");
        Assert.Equal(WorkflowStatus.Completed, instance!.Status);
        Assert.Equal(2, instance.State);
    }

    [Fact]
    public async Task A_workflow_written_as_a_partial_method_runs_from_its_implementing_declaration()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var handle = await host.Client.StartGreetAsync("ada", workflowId: "partial");

        Assert.Equal("hello ada!", await handle.GetResultAsync());
        Assert.Equal(["greet"], services.Calls);
        Assert.Equal("PartialWorkflows.Greet", handle.WorkflowName);
    }

    [Fact]
    public async Task A_listened_run_is_traced_as_a_workflow_activity_around_one_activity_per_step()
    {
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "SourceGenDurable",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = stopped.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        await (await host.Client.StartProcessOrderAsync(new Order("o-t", "ada", 40m, 5m), workflowId: "traced")).GetResultAsync();

        // Other tests' runs may be traced too while this listener listens: look at this instance's only.
        var traced = stopped.Where(a => (string?)a.GetTagItem("workflow.id") == "traced").ToList();
        var workflow = Assert.Single(traced, a => a.DisplayName.StartsWith("workflow ", StringComparison.Ordinal));
        Assert.EndsWith(".ProcessOrder", workflow.DisplayName, StringComparison.Ordinal);
        var steps = traced.Where(a => a.DisplayName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["step reserve", "step charge", "step email"], steps.Select(a => a.DisplayName));
        Assert.Equal([0, 1, 2], steps.Select(a => (int)a.GetTagItem("workflow.checkpoint")!));
        Assert.All(steps, step => Assert.Equal(workflow.SpanId, step.ParentSpanId));
    }

    [Fact]
    public async Task Each_checkpoint_stores_the_step_result_and_the_slots_that_cross_it()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        await (await host.Client.StartProcessOrderAsync(new Order("o-2", "bob", 10m, 1m), workflowId: "order-2")).GetResultAsync();

        var steps = await host.Store.GetStepsAsync("order-2", default);
        Assert.Equal("""{"Id":"ch-o-2","Amount":10}""", steps[1].Result);
        Assert.Equal("11", steps[2].Result);
        var instance = await host.Store.GetAsync("order-2", default);
        Assert.Equal(
            """{"order":{"Id":"o-2","Customer":"bob","Total":10,"Shipping":1},"reservation":{"Id":"res-o-2"},"charge":{"Id":"ch-o-2","Amount":10},"total":11}""",
            instance!.Slots);
    }

    [Fact]
    public async Task A_local_read_only_before_the_first_checkpoint_is_not_stored()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        await (await host.Client.StartNotifyAsync("ada", 2, workflowId: "notify-1")).GetResultAsync();

        Assert.Contains("notify ada 6", services.Calls);
        var instance = await host.Store.GetAsync("notify-1", default);
        // As saved by the last checkpoint, before the final increment.
        Assert.Equal("""{"customer":"ada","times":2,"sent":1}""", instance!.Slots);
    }

    [Fact]
    public async Task A_step_is_retried_up_to_its_max_attempts_and_the_attempts_are_recorded()
    {
        var services = new FakeServices();
        services.FailuresBeforeSuccess["unreliable"] = 1;
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var result = await (await host.Client.StartFlakyAsync(20, workflowId: "flaky-1")).GetResultAsync();

        Assert.Equal(42, result);
        Assert.Equal(2, services.CountOf("unreliable"));
        var steps = await host.Store.GetStepsAsync("flaky-1", default);
        Assert.Equal(2, steps[0].Attempts);
        Assert.Equal(1, steps[1].Attempts);
    }

    [Fact]
    public async Task A_step_that_exhausts_its_attempts_fails_the_workflow_with_its_exception()
    {
        var services = new FakeServices();
        services.FailuresBeforeSuccess["unreliable"] = 5;
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var handle = await host.Client.StartFlakyAsync(1, workflowId: "flaky-2");
        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());

        Assert.Equal("System.InvalidOperationException", failure.Error.Type);
        Assert.Equal("unreliable is unavailable", failure.Error.Message);
        Assert.Equal(2, services.CountOf("unreliable"));
        Assert.Empty(await host.Store.GetStepsAsync("flaky-2", default));
        Assert.Equal(WorkflowStatus.Failed, (await host.Client.GetWorkflowAsync("flaky-2"))!.Status);
    }

    [Fact]
    public async Task An_exception_thrown_by_the_workflow_body_fails_it_with_type_and_message()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var handle = await host.Client.StartNotifyAsync("ada", 3, workflowId: "notify-2");
        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());

        Assert.Equal("System.InvalidOperationException", failure.Error.Type);
        Assert.Equal("sent 2, expected 3", failure.Error.Message);
        Assert.Contains("notify-2", failure.Message);
    }

    [Fact]
    public async Task A_stopped_host_leaves_the_instance_at_its_last_checkpoint_and_the_next_host_resumes_it_there()
    {
        var services = new FakeServices();
        var gate = new TaskCompletionSource();
        services.Gates["email"] = gate;
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartProcessOrderAsync(new Order("o-3", "ada", 40m, 5m), workflowId: "order-3");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("email") == 1), "the email step is running");
            Assert.Equal(1, (await first.Client.GetWorkflowAsync("order-3"))!.State);
        }

        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        var receipt = await second.Client.GetResultAsync<Receipt>("order-3");

        Assert.Equal(new Receipt("res-o-3", "ch-o-3", 45m), receipt);
        Assert.Equal(1, services.CountOf("reserve"));
        Assert.Equal(1, services.CountOf("charge"));
        Assert.Equal(2, services.CountOf("email"));
        Assert.Equal(3, (await second.Store.GetStepsAsync("order-3", default)).Count);
    }
}
