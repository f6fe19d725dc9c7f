using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// Fan-outs (WhenAll, WhenAny): their step branches' results are recorded as each completes, once, under the lease
/// and at the commit they precede; an instance that waits for several things at once is suspended in one last look.
/// </summary>
public abstract class FanOutContract : StoreContract
{
    [StoreFact]
    public async Task A_branch_result_is_recorded_once_at_the_commit_it_precedes_and_read_back_by_commit_in_branch_order()
    {
        var store = await StoreAsync();
        await StartAsync(store, "fan-out");
        var b1 = new BranchRecord(1, 0, 1, 10, "charge", """{"id":"c-1"}""", 2, Now, Now - TimeSpan.FromSeconds(3));
        var b0 = new BranchRecord(1, 0, 0, 10, "reserve", null, 1, Now);
        var second = new BranchRecord(1, 1, 0, 11, "email", "true", 1, Now);

        await store.RecordBranchAsync("fan-out", b1, default);
        await store.RecordBranchAsync("fan-out", second, default);
        await store.RecordBranchAsync("fan-out", b0, default);

        // Recorded again (a write retried after its first try committed): accepted, and the first record stays.
        await store.RecordBranchAsync("fan-out", b1 with { Result = """{"id":"c-2"}""", Attempts = 5 }, default);
        Assert.Equal([b0, b1, second], await store.GetBranchesAsync("fan-out", 1, default));

        await store.CommitCheckpointAsync("fan-out", Commit(1), default);
        var next = new BranchRecord(2, 0, 0, 20, "refund", "1", 1, Now);
        await store.RecordBranchAsync("fan-out", next, default);
        Assert.Equal([next], await store.GetBranchesAsync("fan-out", 2, default));
        Assert.Equal([b0, b1, second, next], await store.GetBranchesAsync("fan-out", null, default));
        Assert.Empty(await store.GetBranchesAsync("fan-out", 3, default));
        Assert.Empty(await store.GetBranchesAsync("nobody", null, default));
    }

    [StoreFact]
    public async Task A_branch_result_for_another_commit_or_without_the_lease_or_a_running_instance_is_refused_and_not_recorded()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "guarded");
        BranchRecord Branch(int sequence) => new(sequence, 0, 0, 10, "charge", "1", 1, Now);

        await RefusedAsync("guarded", () => a.RecordBranchAsync("guarded", Branch(2), default));
        await RefusedAsync("guarded", () => a.RecordBranchAsync("guarded", Branch(0), default));
        await RefusedAsync("guarded", () => b.RecordBranchAsync("guarded", Branch(1), default));
        await a.AwaitAsync("guarded", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        await RefusedAsync("guarded", () => a.RecordBranchAsync("guarded", Branch(1), default));

        Assert.Empty(await a.GetBranchesAsync("guarded", null, default));
    }

    [StoreFact]
    public async Task A_fan_out_with_no_pending_wait_is_refused_before_anything_is_written()
    {
        var store = await StoreAsync();
        await StartAsync(store, "empty");

        var refused = Assert.Throws<ArgumentException>(() => { _ = store.SuspendAsync("empty", [], Now, false, default); });
        Assert.Contains("has none", refused.Message, StringComparison.Ordinal);
        var instance = await GetAsync(store, "empty");
        Assert.Equal((WorkflowStatus.Running, "worker-a"), (instance.Status, instance.LeaseOwner));
    }

    [StoreFact]
    public async Task A_fan_out_suspends_for_all_its_waits_and_an_event_for_any_of_them_wakes_it()
    {
        var store = await StoreAsync();
        await StartAsync(store, "fan-out");
        var due = Now + TimeSpan.FromHours(2);
        var deadline = Now + TimeSpan.FromHours(1);
        WaitRequest[] waits = [EventWait(1, 0, "approved", inFanOut: true), EventWait(1, 1, "rejected", deadline, inFanOut: true), TimerWait(1, 2, due, inFanOut: true)];
        foreach (var wait in waits)
        {
            Assert.Equal(WaitResolution.Pending, (await store.AwaitAsync("fan-out", wait, Now, false, default)).Resolution);
        }

        Assert.Equal(WaitResolution.Suspended, await store.SuspendAsync("fan-out", waits, Now, false, default));

        var waiting = await GetAsync(store, "fan-out");
        Assert.Equal((WorkflowStatus.WaitingForEvent, deadline, null, 0), (waiting.Status, waiting.WakeAt, waiting.LeaseOwner, waiting.Starts));
        Assert.Equal(deadline, await store.WakeDueAsync(Now, default));

        var rejected = await store.RaiseEventAsync("fan-out", "rejected", "{}", default);

        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "fan-out")).Status);
        await LeaseAsync(store, "fan-out");
        Assert.Equal(WaitResolution.Pending, (await store.AwaitAsync("fan-out", waits[0], Now, false, default)).Resolution);
        Assert.Equal(rejected, (await store.AwaitAsync("fan-out", waits[1], Now, false, default)).Event?.Sequence);
    }

    [StoreFact]
    public async Task A_fan_out_of_timers_sleeps_until_the_earliest_and_WakeDueAsync_wakes_it()
    {
        var store = await StoreAsync();
        await StartAsync(store, "timers");
        var first = Now + TimeSpan.FromMinutes(10);
        WaitRequest[] waits = [TimerWait(1, 0, Now + TimeSpan.FromMinutes(30), inFanOut: true), TimerWait(1, 1, first, inFanOut: true)];
        foreach (var wait in waits)
        {
            await store.AwaitAsync("timers", wait, Now, false, default);
        }

        Assert.Equal(WaitResolution.Suspended, await store.SuspendAsync("timers", waits, Now, false, default));

        var sleeping = await GetAsync(store, "timers");
        Assert.Equal((WorkflowStatus.Sleeping, first, null, null), (sleeping.Status, sleeping.WakeAt, sleeping.AwaitedEvent, sleeping.LeaseOwner));
        Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await store.WakeDueAsync(Now, default));
        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "timers")).Status);
        await LeaseAsync(store, "timers");
        Assert.Equal(WaitResolution.TimerFired, (await store.AwaitAsync("timers", waits[1], Now, false, default)).Resolution);
    }

    [StoreFact]
    public async Task Suspending_takes_a_last_look_and_does_not_suspend_when_an_event_a_due_time_or_a_cancellation_is_there()
    {
        var store = await StoreAsync();
        foreach (var id in new[] { "event", "timer", "cancelled", "told" })
        {
            await StartAsync(store, id);
        }

        var deadline = Now + TimeSpan.FromMinutes(1);
        WaitRequest[] waits = [EventWait(1, 0, "paid", inFanOut: true), EventWait(1, 1, "shipped", deadline, inFanOut: true)];
        foreach (var id in new[] { "event", "timer", "cancelled", "told" })
        {
            foreach (var wait in waits)
            {
                await store.AwaitAsync(id, wait, Now, false, default);
            }
        }

        // Each arrives between the fan-out's waits and its suspension.
        await store.RaiseEventAsync("event", "paid", "{}", default);
        await store.RequestCancellationAsync("cancelled", default);
        await store.RequestCancellationAsync("told", default);
        Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(WaitResolution.EventReceived, await store.SuspendAsync("event", waits, Now, false, default));
        Assert.Equal(WaitResolution.TimerFired, await store.SuspendAsync("timer", waits, Now, false, default));
        Assert.Equal(WaitResolution.CancellationRequested, await store.SuspendAsync("cancelled", waits, Now, false, default));
        foreach (var id in new[] { "event", "timer", "cancelled" })
        {
            var running = await GetAsync(store, id);
            Assert.Equal((WorkflowStatus.Running, "worker-a"), (running.Status, running.LeaseOwner));
        }

        // Told of the cancellation already, the fan-out suspends as usual (here its deadline is due: it does not).
        Assert.Equal(WaitResolution.TimerFired, await store.SuspendAsync("told", waits, Now, true, default));
        Assert.Equal(WaitResolution.Suspended, await store.SuspendAsync("told", [waits[0]], Now, true, default));
        Assert.Equal(WorkflowStatus.WaitingForEvent, (await GetAsync(store, "told")).Status);
    }
}
