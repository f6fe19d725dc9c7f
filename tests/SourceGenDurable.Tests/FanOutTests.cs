using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>ctx.WhenAll and ctx.WhenAny run several durable operations as one checkpoint.</summary>
public sealed class FanOutTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Task<DurableTestHost> StartTestHostAsync(FakeServices services) =>
        DurableTestHost.StartAsync(s => s.AddSingleton(services).AddTransient<ShippingWorkflows>());

    private Task<TestHost> StartHostOnDatabaseAsync(FakeServices services) =>
        TestHost.StartAsync(_database.ConnectionString, services, s => s.AddTransient<ShippingWorkflows>());

    [Fact]
    public async Task WhenAll_over_a_Select_runs_every_step_concurrently_once_and_returns_the_results_in_the_order_given()
    {
        var services = new FakeServices();
        // "b" waits until "c" has run: the steps run at the same time, not one after the other.
        var gate = services.Gates["reserve b"] = new TaskCompletionSource();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartReserveAllAsync(["a", "b", "c"], workflowId: "reserve-1");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("reserve c") == 1), "c runs while b is blocked");
        gate.SetResult();

        Assert.Equal("a reserved,b reserved,c reserved", await handle.GetResultAsync());
        Assert.Equal(1, services.CountOf("reserve a"));
        Assert.Equal(1, services.CountOf("reserve b"));
        Assert.Equal(1, services.CountOf("reserve c"));
        // One checkpoint for the fan-out, one for "confirm", one for the empty fan-out in the return; each step's result
        // was recorded as it completed.
        Assert.Equal(3, (await host.Store.GetAsync("reserve-1", default))!.Commits);
        var branches = await host.Store.GetBranchesAsync("reserve-1", null, default);
        Assert.Equal([0, 1, 2], branches.Select(b => b.Branch));
        Assert.All(branches, b => Assert.Equal(("reserve", 1), (b.Name, b.Sequence)));
        var history = await host.Client.GetHistoryAsync("reserve-1");
        Assert.Equal(["reserve", "reserve", "reserve", "confirm"], history.Select(h => h.Name));
        Assert.Equal(["\"a reserved\"", "\"b reserved\"", "\"c reserved\""], history.Take(3).Select(h => h.ResultJson).Order());
    }

    [Fact]
    public async Task After_the_host_stops_in_a_fan_out_only_the_steps_that_had_not_completed_run_again()
    {
        var services = new FakeServices();
        services.Gates["reserve b"] = new TaskCompletionSource();
        await using (var first = await StartHostOnDatabaseAsync(services))
        {
            await first.Client.StartReserveAllAsync(["a", "b", "c"], workflowId: "reserve-2");
            await TestHost.EventuallyAsync(
                async () => (await first.Store.GetBranchesAsync("reserve-2", null, default)).Count == 2, "a and c are recorded while b is blocked");
        }

        // Only the database is left of the first host.
        services.Gates.Clear();
        await using var second = await StartHostOnDatabaseAsync(services);
        Assert.Equal("a reserved,b reserved,c reserved", await second.Client.GetResultAsync<string>("reserve-2"));
        Assert.Equal(1, services.CountOf("reserve a"));
        Assert.Equal(2, services.CountOf("reserve b"));
        Assert.Equal(1, services.CountOf("reserve c"));
    }

    [Fact]
    public async Task WhenAll_runs_child_workflows_and_a_step_together_and_names_each_child_by_its_position()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartShipAndInvoiceAsync("order", workflowId: "fan-1");

        Assert.Equal("label orderx1 | label orderx2 | invoice order", await handle.GetResultAsync());
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("fan-1/1[0]"))!.Status);
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("fan-1/1[1]"))!.Status);
        Assert.Equal("fan-1", (await host.Client.GetWorkflowAsync("fan-1/1[1]"))!.ParentId);
        Assert.Equal(1, services.CountOf("invoice"));
        Assert.Equal(2, services.CountOf("label"));
    }

    [Fact]
    public async Task WhenAny_returns_the_event_when_it_comes_before_the_timer_and_the_instance_waits_out_of_memory_meanwhile()
    {
        await using var host = await StartTestHostAsync(new FakeServices());
        var handle = await host.Client.StartApproveOrExpireAsync("order", workflowId: "race-1");
        await host.WaitUntilIdleAsync();
        var waiting = (await host.Store.GetAsync("race-1", default))!;
        Assert.Equal(WorkflowStatus.WaitingForEvent, waiting.Status);
        Assert.Equal(DurableTestHost.DefaultStart + TimeSpan.FromDays(3), waiting.WakeAt);

        await host.AdvanceTimeAsync(TimeSpan.FromDays(1));
        await host.Client.RaiseEventAsync("race-1", "approved", "alice");

        Assert.Equal("order approved by alice", await handle.GetResultAsync());
        Assert.NotNull((await host.Store.GetEventsAsync("race-1", default)).Single().ConsumedByCommit);
    }

    [Fact]
    public async Task WhenAny_returns_the_timer_when_no_event_comes_in_time_and_a_late_event_is_left_unconsumed()
    {
        await using var host = await StartTestHostAsync(new FakeServices());
        var handle = await host.Client.StartApproveOrExpireAsync("order", workflowId: "race-2");
        await host.WaitUntilIdleAsync();

        await host.AdvanceTimeAsync(TimeSpan.FromDays(3));

        Assert.Equal("order expired", await handle.GetResultAsync());
        var raise = () => host.Client.RaiseEventAsync("race-2", "approved", "too late");
        await Assert.ThrowsAsync<WorkflowFinishedException>(raise);
    }

    [Fact]
    public async Task A_fan_out_woken_in_a_new_host_resolves_from_the_database()
    {
        await using (var first = await StartHostOnDatabaseAsync(new FakeServices()))
        {
            await first.Client.StartApproveOrExpireAsync("order", workflowId: "race-3");
            await TestHost.EventuallyAsync(
                async () => (await first.Store.GetAsync("race-3", default))!.Status == WorkflowStatus.WaitingForEvent, "the fan-out suspends");
            await first.Client.RaiseEventAsync("race-3", "approved", "bob");
        }

        await using var second = await StartHostOnDatabaseAsync(new FakeServices());
        Assert.Equal("order approved by bob", await second.Client.GetResultAsync<string>("race-3"));
    }

    [Fact]
    public async Task WhenAny_cancels_the_losing_step_and_waits_for_it_and_cancels_a_losing_child()
    {
        var services = new FakeServices();
        services.Gates["slow-quote"] = new TaskCompletionSource(); // ends only when its token is cancelled
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartQuoteRaceAsync("order", workflowId: "race-5");

        Assert.Equal(120, await handle.GetResultAsync());
        Assert.Equal(1, services.CountOf("slow-quote"));
        Assert.Empty(await host.Store.GetStepAttemptsAsync("race-5", default)); // a lost race is no failed attempt
        await TestHost.EventuallyAsync(
            async () => (await host.Client.GetWorkflowAsync("race-5/1[2]"))!.Status == WorkflowStatus.Cancelled, "the losing child is cancelled");
    }

    [Fact]
    public async Task A_timer_raced_against_a_running_step_wins_when_it_falls_due_and_the_step_is_cancelled()
    {
        var services = new FakeServices();
        services.Gates["slow-check"] = new TaskCompletionSource(); // ends only when its token is cancelled
        await using var host = await StartTestHostAsync(services);
        var handle = await host.Client.StartStepOrDeadlineAsync("order", workflowId: "deadline-1");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("slow-check") == 1), "the step runs");

        // Minute by minute, as time passes while a step runs (AdvanceTimeAsync would wait for the step to end first).
        var result = handle.GetResultAsync();
        var minutes = await PassTimeUntilAsync(host, result, TimeSpan.FromMinutes(1), limit: 90);

        Assert.Equal("deadline", await result);
        Assert.Equal(60, minutes);
        Assert.Equal(1, services.CountOf("slow-check"));
    }

    [Fact]
    public async Task An_event_raced_against_a_running_step_wins_within_a_second_of_the_hosts_clock()
    {
        var services = new FakeServices();
        services.Gates["slow-check"] = new TaskCompletionSource();
        await using var host = await StartTestHostAsync(services);
        var handle = await host.Client.StartStepOrSkipAsync("order", workflowId: "skip-1");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("slow-check") == 1), "the step runs");

        await host.Client.RaiseEventAsync("skip-1", "skip-check", "ops");
        var result = handle.GetResultAsync();
        var seconds = await PassTimeUntilAsync(host, result, TimeSpan.FromSeconds(1), limit: 30);

        Assert.Equal("skipped by ops", await result);
        Assert.InRange(seconds, 1, 2);
    }

    /// <summary>Moves the host's clock by <paramref name="tick"/> until <paramref name="done"/> ends; returns the ticks it took.</summary>
    private static async Task<int> PassTimeUntilAsync(DurableTestHost host, Task done, TimeSpan tick, int limit)
    {
        var clock = (ManualClock)host.TimeProvider;
        for (var ticks = 0; ticks < limit; ticks++)
        {
            // Real time for the instance to react to the last tick before the next one.
            if (await Task.WhenAny(done, Task.Delay(200)) == done)
            {
                return ticks;
            }

            clock.AdvanceTo(host.UtcNow + tick);
        }

        throw new TimeoutException($"Not done after {limit} ticks of {tick}.");
    }

    [Fact]
    public async Task A_failed_step_fails_WhenAll_after_the_others_ended_and_the_workflow_catches_its_exception()
    {
        var services = new FakeServices();
        await using var host = await StartTestHostAsync(services);

        var handle = await host.Client.StartReserveOrFailAsync("o", workflowId: "fail-1");

        Assert.Equal("failed: o-broken is out of stock", await handle.GetResultAsync());
        Assert.Equal(1, services.CountOf("reserve o-a"));
        Assert.Equal(1, services.CountOf("reserve o-c"));
        var attempt = Assert.Single(await host.Store.GetStepAttemptsAsync("fail-1", default));
        Assert.True(attempt.Final);
        Assert.Equal(typeof(InvalidOperationException).FullName, attempt.Error.Type);
    }

    [Fact]
    public async Task A_client_cannot_raise_an_event_whose_name_the_engine_reserves()
    {
        await using var host = await StartTestHostAsync(new FakeServices());
        await host.Client.StartApproveOrExpireAsync("order", workflowId: "race-4");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("race-4", "$any", "forged"));
        Assert.Contains("reserved for the engine", refused.Message);
    }
}
