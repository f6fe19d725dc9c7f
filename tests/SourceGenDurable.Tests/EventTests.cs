using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.CrashHarness;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>ctx.WaitForEvent and IWorkflowClient.RaiseEventAsync: kept until received, in order, never lost, and bounded.</summary>
public sealed class EventTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_waiting_workflow_is_saved_as_waiting_and_the_event_wakes_it()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartApprovalsAsync(1, workflowId: "approvals-1");
        await host.WaitUntilIdleAsync();

        var waiting = (await host.Client.GetWorkflowAsync("approvals-1"))!;
        Assert.Equal(WorkflowStatus.WaitingForEvent, waiting.Status);
        Assert.Equal("approval", waiting.AwaitedEvent);
        Assert.Null(waiting.WakeAt);

        await host.Client.RaiseEventAsync("approvals-1", "approval", new Approval("ada", 10));
        Assert.Equal("ada:10;", await handle.GetResultAsync());
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_kept_and_two_events_of_a_name_are_delivered_in_order()
    {
        var services = new FakeServices();
        var gate = new TaskCompletionSource();
        services.Gates["intake"] = gate;
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartApprovalsAsync(2, workflowId: "approvals-2");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("intake") == 1), "the intake step runs");

        // Both events arrive while the workflow is still in the step before its first wait.
        await host.Client.RaiseEventAsync("approvals-2", "approval", new Approval("first", 1));
        await host.Client.RaiseEventAsync("approvals-2", "other", new Approval("ignored", 0));
        await host.Client.RaiseEventAsync("approvals-2", "approval", new Approval("second", 2));
        gate.SetResult();

        Assert.Equal("first:1;second:2;", await handle.GetResultAsync());
        var events = await host.Store.GetEventsAsync("approvals-2", default);
        Assert.Equal([2, 3], events.Where(e => e.Name == "approval").Select(e => e.ConsumedByCommit));
        Assert.Null(events.Single(e => e.Name == "other").ConsumedByCommit);
    }

    [Fact]
    public async Task An_event_raised_before_the_process_died_is_delivered_by_the_next_process()
    {
        var services = new FakeServices();
        services.Gates["intake"] = new TaskCompletionSource();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartApprovalsAsync(1, workflowId: "survivor");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("intake") == 1), "the intake step runs");
            await first.Client.RaiseEventAsync("survivor", "approval", new Approval("ada", 7));
        }

        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        Assert.Equal("ada:7;", await second.Client.GetResultAsync<string>("survivor"));
    }

    [Fact]
    public async Task An_event_received_by_a_process_that_dies_before_its_commit_stays_unconsumed_and_is_delivered_again()
    {
        var services = new FakeServices();
        services.Gates["intake"] = new TaskCompletionSource();
        // The first process dies at its second commit: the one that would consume the event. Its lease is short, so the
        // second process does not wait long for it to expire.
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services, s => s
            .Configure<DurableWorkflowOptions>(o => o.LeaseDuration = TimeSpan.FromSeconds(1))
            .Replace(ServiceDescriptor.Singleton<IWorkflowStore>(sp =>
                new CrashingWorkflowStore(new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System), new CrashPlan(null, 2), (_, _) => { })))))
        {
            await first.Client.StartApprovalsAsync(1, workflowId: "retaken");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("intake") == 1), "the intake step runs");
            await first.Client.RaiseEventAsync("retaken", "approval", new Approval("bob", 3));
            services.Gates["intake"].SetResult();
            await TestHost.EventuallyAsync(async () => ((CrashingWorkflowStore)first.Store).IsDead, "the first process dies at the commit");
        }

        var observer = new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System);
        Assert.Null((await observer.GetEventsAsync("retaken", default)).Single().ConsumedByCommit);

        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        Assert.Equal("bob:3;", await second.Client.GetResultAsync<string>("retaken"));
        Assert.Equal(2, (await observer.GetEventsAsync("retaken", default)).Single().ConsumedByCommit);
    }

    [Fact]
    public async Task A_timeout_throws_TimeoutException_the_workflow_catches_and_a_later_event_goes_to_the_next_wait()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartApprovalOrEscalationAsync(2, workflowId: "escalation");
        await host.WaitUntilIdleAsync();
        var waiting = (await host.Client.GetWorkflowAsync("escalation"))!;
        Assert.Equal(host.UtcNow + TimeSpan.FromHours(2), waiting.WakeAt);

        await host.AdvanceTimeAsync(TimeSpan.FromHours(2));

        Assert.Equal(1, services.CountOf("escalate"));
        var second = (await host.Client.GetWorkflowAsync("escalation"))!;
        Assert.Equal(WorkflowStatus.WaitingForEvent, second.Status);
        Assert.Null(second.WakeAt);

        // Raised after the timeout: the first wait never receives it, the second one does.
        await host.Client.RaiseEventAsync("escalation", "approval", new Approval("late", 1));
        Assert.Equal("escalated, then late", await handle.GetResultAsync());
    }

    [Fact]
    public async Task A_timeout_is_an_EventTimeoutException_that_names_the_event_so_a_catch_can_tell_it_from_other_timeouts()
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(new FakeServices()));
        var handle = await host.Client.StartTellTimeoutsAsync(workflowId: "tell");
        await host.WaitUntilIdleAsync();

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        Assert.Equal("no signature in time", await handle.GetResultAsync());
    }

    [Fact]
    public async Task An_event_before_the_deadline_wins_over_the_timeout()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartApprovalOrEscalationAsync(2, workflowId: "in-time");
        await host.WaitUntilIdleAsync();

        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        await host.Client.RaiseEventAsync("in-time", "approval", new Approval("ada", 1));
        await host.Client.RaiseEventAsync("in-time", "approval", new Approval("bob", 2));
        await host.WaitUntilIdleAsync();

        Assert.Equal("approved by ada, then bob", await handle.GetResultAsync());
        Assert.Equal(0, services.CountOf("escalate"));
    }

    [Fact]
    public async Task A_timeout_decided_before_a_crash_is_decided_again_after_it_even_if_the_event_came_meanwhile()
    {
        var services = new FakeServices();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        services.Gates["escalate"] = new TaskCompletionSource();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services, s => s.AddSingleton<TimeProvider>(clock)))
        {
            await first.Client.StartApprovalOrEscalationAsync(1, workflowId: "decided");
            await TestHost.WaitForStatusAsync(first, "decided", WorkflowStatus.WaitingForEvent);
            clock.Advance(TimeSpan.FromHours(1));
            // Timed out: the workflow runs its catch block and hangs in the escalation step; the process then dies.
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("escalate") == 1), "the escalation step starts");
        }

        // The next process's clock reads a time before the deadline, and the events are raised then, as if the
        // clocks of two machines disagreed: without the stored decision, the re-executed wait would take "early".
        var behind = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var escalation = services.Gates["escalate"] = new TaskCompletionSource();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services, s => s.AddSingleton<TimeProvider>(behind));
        await second.Client.RaiseEventAsync("decided", "approval", new Approval("early", 1));
        await second.Client.RaiseEventAsync("decided", "approval", new Approval("next", 2));
        escalation.SetResult();

        Assert.Equal("escalated, then early", await second.Client.GetResultAsync<string>("decided"));
    }

    [Fact]
    public async Task A_payload_of_the_wrong_type_is_a_clear_exception_the_workflow_catches_and_the_event_is_kept_rejected()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartTypedApprovalAsync(workflowId: "typed");
        await host.WaitUntilIdleAsync();

        await host.Client.RaiseEventAsync("typed", "approval", new { By = "ada", Amount = "lots" });
        await host.WaitUntilIdleAsync();
        await host.Client.RaiseEventAsync("typed", "approval", new Approval("bob", 5));

        Assert.Equal("bob after a bad payload", await handle.GetResultAsync());
        var complaint = Assert.Single(services.Calls, c => c == "complain");
        var events = await host.Store.GetEventsAsync("typed", default);
        var rejected = events[0];
        Assert.Null(rejected.ConsumedByCommit);
        Assert.Contains("""{"By":"ada","Amount":"lots"}""", rejected.Payload);
        Assert.Contains("Event 'approval' (#", rejected.RejectedReason);
        Assert.Contains("does not deserialize to SourceGenDurable.Tests.Workflows.Approval", rejected.RejectedReason);
        Assert.Contains("$.Amount", rejected.RejectedReason);
        Assert.NotNull(events[1].ConsumedByCommit);
    }

    [Fact]
    public async Task Raising_to_an_unknown_id_or_a_finished_instance_is_refused_and_nothing_is_stored()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartUntilAsync(host.UtcNow, workflowId: "done");
        await handle.GetResultAsync();

        var unknown = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Client.RaiseEventAsync("nobody", "approval", 1));
        Assert.Contains("No workflow instance has id 'nobody'", unknown.Message);

        var finished = await Assert.ThrowsAsync<WorkflowFinishedException>(() => host.Client.RaiseEventAsync("done", "approval", 1));
        Assert.Equal(WorkflowStatus.Completed, finished.Status);
        Assert.Contains("Event 'approval' cannot be raised to workflow 'done': it is Completed", finished.Message);
        Assert.Empty(await host.Store.GetEventsAsync("done", default));
        Assert.Empty(await host.Store.GetEventsAsync("nobody", default));
    }

    [Fact]
    public async Task A_10_KB_event_name_and_a_10_MB_payload_are_refused_with_the_limit_and_the_setting_to_change()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        await host.Client.StartApprovalsAsync(1, workflowId: "limits");

        var name = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("limits", new string('n', 10 * 1024), 1));
        Assert.Equal("eventName", name.ParamName);
        Assert.Contains("The event name is 10240 characters long", name.Message);
        Assert.Contains("the limit is 256", name.Message);
        Assert.Contains("SourceGenDurable:MaxEventNameLength", name.Message);

        var payload = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("limits", "approval", new string('p', 10 * 1024 * 1024)));
        Assert.Equal("payload", payload.ParamName);
        Assert.Contains("The payload of event 'approval' is 10485762 bytes of JSON; the limit is 1048576", payload.Message);
        Assert.Contains("SourceGenDurable:MaxEventPayloadBytes", payload.Message);
        Assert.Empty(await host.Store.GetEventsAsync("limits", default));
    }

    [Fact]
    public async Task The_event_limits_are_options()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services), o => (o.MaxEventNameLength, o.MaxEventPayloadBytes) = (5, 25));
        await host.Client.StartApprovalsAsync(1, workflowId: "small");

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("small", "sixsix", 1));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("small", "ok", new Approval("a-long-name", 1)));
        await host.Client.RaiseEventAsync("small", "ok", new Approval("a", 1));
        Assert.Single(await host.Store.GetEventsAsync("small", default));
    }
}
