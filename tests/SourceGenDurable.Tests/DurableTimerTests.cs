using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>ctx.Sleep and ctx.SleepUntil: the instance leaves memory, holds nothing while it waits, and wakes on time, across restarts.</summary>
public sealed class DurableTimerTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_month_long_sleep_is_tested_in_milliseconds_with_the_test_host()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));

        var handle = await host.Client.StartRenewalAsync("ada", workflowId: "renewal-ada");
        await host.WaitUntilIdleAsync();

        var sleeping = (await host.Client.GetWorkflowAsync("renewal-ada"))!;
        Assert.Equal(WorkflowStatus.Sleeping, sleeping.Status);
        Assert.Equal(host.UtcNow + TimeSpan.FromDays(30), sleeping.WakeAt);
        Assert.Equal(0, services.CountOf("renew"));

        await host.AdvanceTimeAsync(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(WorkflowStatus.Sleeping, (await host.Client.GetWorkflowAsync("renewal-ada"))!.Status);

        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("renewed ada", await handle.GetResultAsync());
        Assert.Equal(["notice", "renew"], services.Calls);
    }

    [Fact]
    public async Task A_sleep_fires_after_a_restart_and_its_due_time_is_the_one_computed_when_it_was_first_reached()
    {
        var services = new FakeServices();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using (var first = await StartAsync(services, clock))
        {
            await first.Client.StartRenewalAsync("bob", workflowId: "renewal-bob");
            await WaitForStatusAsync(first, "renewal-bob", WorkflowStatus.Sleeping);
        }

        // Ten days pass with no process running; the next process starts, finds the timer not due, and sleeps on.
        clock.Advance(TimeSpan.FromDays(10));
        await using (var second = await StartAsync(services, clock))
        {
            await WaitForStatusAsync(second, "renewal-bob", WorkflowStatus.Sleeping);
            var info = (await second.Client.GetWorkflowAsync("renewal-bob"))!;
            Assert.Equal(new DateTimeOffset(2030, 5, 31, 12, 0, 0, TimeSpan.Zero), info.WakeAt);
        }

        clock.Advance(TimeSpan.FromDays(20));
        await using var third = await StartAsync(services, clock);
        Assert.Equal("renewed bob", await third.Client.GetResultAsync<string>("renewal-bob"));
        Assert.Equal(1, services.CountOf("notice"));
        Assert.Equal(1, services.CountOf("renew"));
    }

    [Fact]
    public async Task A_running_host_wakes_a_sleeper_when_its_clock_reaches_the_due_time_without_polling_for_it()
    {
        var services = new FakeServices();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(services, clock);
        await host.Client.StartRenewalAsync("cy", workflowId: "renewal-cy");
        await WaitForStatusAsync(host, "renewal-cy", WorkflowStatus.Sleeping);

        // The fake clock moves only here: the worker's own timer (not a poll) wakes the instance.
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal("renewed cy", await host.Client.GetResultAsync<string>("renewal-cy"));
    }

    [Fact]
    public async Task SleepUntil_a_time_already_passed_returns_at_once()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));

        var handle = await host.Client.StartUntilAsync(host.UtcNow - TimeSpan.FromHours(1));
        await host.WaitUntilIdleAsync();

        Assert.Equal(1, await handle.GetResultAsync());
    }

    [Fact]
    public async Task Advancing_time_fires_every_timer_due_by_then_in_order_and_leaves_later_ones_sleeping()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var start = host.UtcNow;
        await host.Client.StartUntilAsync(start + TimeSpan.FromHours(3), workflowId: "three");
        await host.Client.StartUntilAsync(start + TimeSpan.FromHours(1), workflowId: "one");
        await host.Client.StartUntilAsync(start + TimeSpan.FromHours(5), workflowId: "five");

        await host.AdvanceTimeAsync(TimeSpan.FromHours(4));

        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("one"))!.Status);
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("three"))!.Status);
        Assert.Equal(WorkflowStatus.Sleeping, (await host.Client.GetWorkflowAsync("five"))!.Status);
        Assert.Equal(start + TimeSpan.FromHours(4), host.UtcNow);
    }

    private Task<TestHost> StartAsync(FakeServices services, TimeProvider clock) =>
        TestHost.StartAsync(_database.ConnectionString, services, s => s.AddSingleton(clock));

    private static Task WaitForStatusAsync(TestHost host, string id, WorkflowStatus status) => TestHost.WaitForStatusAsync(host, id, status);
}
