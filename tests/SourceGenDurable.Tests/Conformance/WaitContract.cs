using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// Durable waits and events: a timer sleeps until it is due, an event wait takes the earliest event of its name
/// raised before its deadline, decisions are stored so that a re-execution decides the same, and events wake the
/// instances that wait for them.
/// </summary>
public abstract class WaitContract : StoreContract
{
    [StoreFact]
    public async Task A_timer_not_yet_due_saves_the_instance_sleeping_until_WakeDueAsync_marks_it_running_and_then_it_fires()
    {
        var store = await StoreAsync();
        await StartAsync(store, "sleeper");
        var due = Now + TimeSpan.FromHours(1);

        var outcome = await store.AwaitAsync("sleeper", TimerWait(1, 0, due), Now, cancellationDelivered: false, default);

        Assert.Equal(WaitResolution.Suspended, outcome.Resolution);
        var sleeping = await GetAsync(store, "sleeper");
        Assert.Equal((WorkflowStatus.Sleeping, due, null, null, null, 0), (sleeping.Status, sleeping.WakeAt, sleeping.AwaitedEvent, sleeping.LeaseOwner, sleeping.LeaseExpiresAt, sleeping.Starts));
        Assert.Empty(await store.GetRunningIdsAsync(default));

        Assert.Equal(due, await store.WakeDueAsync(Now, default));
        Assert.Equal(WorkflowStatus.Sleeping, (await GetAsync(store, "sleeper")).Status);
        Advance(TimeSpan.FromHours(1));
        Assert.Null(await store.WakeDueAsync(Now, default));
        var woken = await GetAsync(store, "sleeper");
        Assert.Equal((WorkflowStatus.Running, null, null), (woken.Status, woken.WakeAt, woken.LeaseOwner));
        Assert.Equal(["sleeper"], await store.GetRunningIdsAsync(default));

        // Re-executed, the run reaches the same timer: its stored due time wins over the one computed again.
        await LeaseAsync(store, "sleeper");
        Assert.Equal(WaitResolution.TimerFired, (await store.AwaitAsync("sleeper", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default)).Resolution);
        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "sleeper")).Status);
    }

    [StoreFact]
    public async Task A_timer_due_already_fires_at_once_and_the_instance_stays_running_under_its_lease()
    {
        var store = await StoreAsync();
        var leased = await StartAsync(store, "due");

        Assert.Equal(WaitResolution.TimerFired, (await store.AwaitAsync("due", TimerWait(1, 0, Now), Now, false, default)).Resolution);
        Assert.Equal(WaitResolution.TimerFired, (await store.AwaitAsync("due", TimerWait(1, 1, Now - TimeSpan.FromSeconds(1)), Now, false, default)).Resolution);

        var after = await GetAsync(store, "due");
        Assert.Equal((WorkflowStatus.Running, "worker-a", leased.LeaseExpiresAt, null), (after.Status, after.LeaseOwner, after.LeaseExpiresAt, after.WakeAt));
    }

    [StoreFact]
    public async Task An_event_wait_saves_the_instance_waiting_until_an_event_of_its_name_wakes_it_and_then_receives_that_event()
    {
        var store = await StoreAsync();
        await StartAsync(store, "waiter");
        var wait = EventWait(1, 0, "paid");

        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("waiter", wait, Now, false, default)).Resolution);
        var waiting = await GetAsync(store, "waiter");
        Assert.Equal((WorkflowStatus.WaitingForEvent, null, "paid", null, 0), (waiting.Status, waiting.WakeAt, waiting.AwaitedEvent, waiting.LeaseOwner, waiting.Starts));
        Assert.Null(await store.WakeDueAsync(Now + TimeSpan.FromDays(365), default));

        // An event of another name leaves it waiting.
        Advance(TimeSpan.FromSeconds(1));
        await store.RaiseEventAsync("waiter", "shipped", "{}", default);
        Assert.Equal(WorkflowStatus.WaitingForEvent, (await GetAsync(store, "waiter")).Status);
        Assert.Empty(await store.GetRunningIdsAsync(default));

        Advance(TimeSpan.FromSeconds(1));
        var paid = await store.RaiseEventAsync("waiter", "paid", """{"amount":12.5,"by":"zoë"}""", default);
        var woken = await GetAsync(store, "waiter");
        Assert.Equal((WorkflowStatus.Running, null, null), (woken.Status, woken.AwaitedEvent, woken.LeaseOwner));
        Assert.Equal(["waiter"], await store.GetRunningIdsAsync(default));

        await LeaseAsync(store, "waiter");
        var received = await store.AwaitAsync("waiter", wait, Now, false, default);
        Assert.Equal(WaitResolution.EventReceived, received.Resolution);
        Assert.Equal(new EventRecord(paid, "paid", """{"amount":12.5,"by":"zoë"}""", Now, null, null), received.Event);
    }

    [StoreFact]
    public async Task An_event_raised_before_the_wait_is_kept_and_received_at_once()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewInstance("early"), default);
        var raisedAt = Now;
        var paid = await store.RaiseEventAsync("early", "paid", "1", default);
        Assert.Equal(WorkflowStatus.Pending, (await GetAsync(store, "early")).Status);
        Advance(TimeSpan.FromMinutes(1));
        await LeaseAsync(store, "early");

        var received = await store.AwaitAsync("early", EventWait(1, 0, "paid"), Now, false, default);

        Assert.Equal(new WaitOutcome(WaitResolution.EventReceived, new EventRecord(paid, "paid", "1", raisedAt, null, null)), received);
        var running = await GetAsync(store, "early");
        Assert.Equal((WorkflowStatus.Running, "worker-a"), (running.Status, running.LeaseOwner));
    }

    [StoreFact]
    public async Task Events_of_one_name_are_received_in_the_order_they_were_raised_one_per_commit()
    {
        var store = await StoreAsync();
        await StartAsync(store, "ordered");
        await StartAsync(store, "neighbour");
        var sequences = new List<long>();
        for (var n = 1; n <= 3; n++)
        {
            sequences.Add(await store.RaiseEventAsync("ordered", "item", n.ToString(System.Globalization.CultureInfo.InvariantCulture), default));
            await store.RaiseEventAsync("neighbour", "item", "0", default);
            await store.RaiseEventAsync("ordered", "other", "0", default);
        }

        Assert.Equal(sequences.Order(), sequences);
        var payloads = new List<string>();
        for (var commit = 1; commit <= 3; commit++)
        {
            var wait = EventWait(commit, 0, "item");
            var received = (await store.AwaitAsync("ordered", wait, Now, false, default)).Event!;

            // Until its commit consumes it, a re-execution receives the same event again.
            Assert.Equal(received, (await store.AwaitAsync("ordered", wait, Now, false, default)).Event);
            await store.CommitCheckpointAsync("ordered", Commit(commit, consumed: [received.Sequence]), default);
            payloads.Add(received.Payload);
        }

        Assert.Equal(["1", "2", "3"], payloads);
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("ordered", EventWait(4, 0, "item"), Now, false, default)).Resolution);
        var inbox = await store.GetEventsAsync("ordered", default);
        Assert.Equal(inbox.Select(e => e.Sequence).Order(), inbox.Select(e => e.Sequence));
        Assert.Equal(
            ["item 1 @1", "other 0 @", "item 2 @2", "other 0 @", "item 3 @3", "other 0 @"],
            inbox.Select(e => $"{e.Name} {e.Payload} @{e.ConsumedByCommit}"));
    }

    [StoreFact]
    public async Task An_event_raised_at_or_after_the_deadline_is_not_taken_and_the_timeout_is_stored_for_every_re_execution()
    {
        var store = await StoreAsync();
        await StartAsync(store, "deadline");
        var deadline = Now + TimeSpan.FromSeconds(10);
        var wait = EventWait(1, 0, "paid", deadline);

        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("deadline", wait, Now, false, default)).Resolution);
        var waiting = await GetAsync(store, "deadline");
        Assert.Equal((WorkflowStatus.WaitingForEvent, deadline, "paid"), (waiting.Status, waiting.WakeAt, waiting.AwaitedEvent));
        Assert.Equal(deadline, await store.WakeDueAsync(Now, default));

        // Raised exactly at the deadline: too late for this wait, though it wakes the instance.
        Advance(TimeSpan.FromSeconds(10));
        var late = await store.RaiseEventAsync("deadline", "paid", "1", default);
        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "deadline")).Status);
        await LeaseAsync(store, "deadline");
        Assert.Equal(new WaitOutcome(WaitResolution.TimedOut), await store.AwaitAsync("deadline", wait, Now, false, default));

        // The decision is stored: re-executed, even on a clock before the deadline, the wait times out again.
        Assert.Equal(WaitResolution.TimedOut, (await store.AwaitAsync("deadline", wait, deadline - TimeSpan.FromSeconds(5), false, default)).Resolution);
        Assert.Equal(WaitResolution.TimedOut, (await store.AwaitAsync("deadline", wait with { DueAt = deadline + TimeSpan.FromDays(1) }, Now, false, default)).Resolution);

        // The late event is left for a later wait.
        var next = await store.AwaitAsync("deadline", EventWait(1, 1, "paid"), Now, false, default);
        Assert.Equal((WaitResolution.EventReceived, late), (next.Resolution, next.Event?.Sequence));
    }

    [StoreFact]
    public async Task An_event_raised_before_the_deadline_is_received_even_when_the_wait_looks_after_it()
    {
        var store = await StoreAsync();
        await StartAsync(store, "slow");
        var deadline = Now + TimeSpan.FromSeconds(10);
        var wait = EventWait(1, 0, "paid", deadline);
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("slow", wait, Now, false, default)).Resolution);

        Advance(TimeSpan.FromSeconds(9));
        var inTime = await store.RaiseEventAsync("slow", "paid", "1", default);
        Advance(TimeSpan.FromSeconds(60));
        await LeaseAsync(store, "slow");

        var received = await store.AwaitAsync("slow", wait, Now, false, default);
        Assert.Equal((WaitResolution.EventReceived, inTime), (received.Resolution, received.Event?.Sequence));
    }

    [StoreFact]
    public async Task A_wait_past_its_deadline_with_no_event_times_out_once_WakeDueAsync_wakes_it()
    {
        var store = await StoreAsync();
        await StartAsync(store, "quiet");
        var deadline = Now + TimeSpan.FromMinutes(1);
        var wait = EventWait(1, 0, "paid", deadline);
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("quiet", wait, Now, false, default)).Resolution);

        Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await store.WakeDueAsync(Now, default));
        var woken = await GetAsync(store, "quiet");
        Assert.Equal((WorkflowStatus.Running, null, null), (woken.Status, woken.WakeAt, woken.AwaitedEvent));
        await LeaseAsync(store, "quiet");

        Assert.Equal(WaitResolution.TimedOut, (await store.AwaitAsync("quiet", wait, Now, false, default)).Resolution);
        await store.RaiseEventAsync("quiet", "paid", "1", default);
        Assert.Equal(WaitResolution.TimedOut, (await store.AwaitAsync("quiet", wait, Now, false, default)).Resolution);
    }

    [StoreFact]
    public async Task A_rejected_event_is_rejected_again_by_its_wait_and_delivered_to_no_later_wait()
    {
        var store = await StoreAsync();
        await StartAsync(store, "picky");
        var bad = await store.RaiseEventAsync("picky", "paid", "not json", default);
        var wait = EventWait(1, 0, "paid");
        Assert.Equal(bad, (await store.AwaitAsync("picky", wait, Now, false, default)).Event?.Sequence);

        await store.RejectEventAsync("picky", wait, bad, "the payload is not a Payment", default);

        var stored = Assert.Single(await store.GetEventsAsync("picky", default));
        Assert.Equal((null, "the payload is not a Payment"), (stored.ConsumedByCommit, stored.RejectedReason));
        var again = await store.AwaitAsync("picky", wait, Now, false, default);
        Assert.Equal(new WaitOutcome(WaitResolution.EventRejected, stored), again);

        // A later wait for the name does not get it: it waits for the next event.
        var later = EventWait(1, 1, "paid");
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("picky", later, Now, false, default)).Resolution);
        var good = await store.RaiseEventAsync("picky", "paid", "{}", default);
        await LeaseAsync(store, "picky");
        Assert.Equal(WaitResolution.EventRejected, (await store.AwaitAsync("picky", wait, Now, false, default)).Resolution);
        Assert.Equal(good, (await store.AwaitAsync("picky", later, Now, false, default)).Event?.Sequence);
    }

    [StoreFact]
    public async Task WakeDueAsync_wakes_every_timer_and_deadline_due_and_returns_the_earliest_one_still_ahead()
    {
        var store = await StoreAsync();
        Assert.Null(await store.WakeDueAsync(Now, default));
        var start = Now;
        await StartAsync(store, "in-1h");
        await store.AwaitAsync("in-1h", TimerWait(1, 0, start + TimeSpan.FromHours(1)), Now, false, default);
        await StartAsync(store, "in-2h");
        await store.AwaitAsync("in-2h", TimerWait(1, 0, start + TimeSpan.FromHours(2)), Now, false, default);
        await StartAsync(store, "deadline-30m");
        await store.AwaitAsync("deadline-30m", EventWait(1, 0, "paid", start + TimeSpan.FromMinutes(30)), Now, false, default);
        await StartAsync(store, "no-deadline");
        await store.AwaitAsync("no-deadline", EventWait(1, 0, "paid"), Now, false, default);
        await StartAsync(store, "running");

        Assert.Equal(start + TimeSpan.FromMinutes(30), await store.WakeDueAsync(start + TimeSpan.FromMinutes(29), default));
        Assert.Empty(await store.GetRunningIdsAsync(default));

        Assert.Equal(start + TimeSpan.FromHours(2), await store.WakeDueAsync(start + TimeSpan.FromHours(1), default));
        async Task<string> StatusOf(string id) => $"{id} {(await GetAsync(store, id)).Status}";
        Assert.Equal(
            ["in-1h Running", "in-2h Sleeping", "deadline-30m Running", "no-deadline WaitingForEvent", "running Running"],
            [await StatusOf("in-1h"), await StatusOf("in-2h"), await StatusOf("deadline-30m"), await StatusOf("no-deadline"), await StatusOf("running")]);
        Assert.Equal(["deadline-30m", "in-1h"], (await store.GetRunningIdsAsync(default)).Order(StringComparer.Ordinal));

        Assert.Null(await store.WakeDueAsync(start + TimeSpan.FromHours(2), default));
        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "in-2h")).Status);
    }

    [StoreFact]
    public async Task An_event_to_a_finished_instance_is_refused_with_its_status_and_to_a_missing_one_as_not_found()
    {
        var store = await StoreAsync();
        await StartAsync(store, "completed");
        await store.FinishAsync("completed", Completed("1"), default);
        await StartAsync(store, "failed");
        await store.FinishAsync("failed", Failed(new WorkflowError("E", "m", null)), default);
        await StartAsync(store, "cancelled");
        await store.FinishAsync("cancelled", Cancelled(new WorkflowError("C", "m", null)), default);

        foreach (var (id, status) in new[] { ("completed", WorkflowStatus.Completed), ("failed", WorkflowStatus.Failed), ("cancelled", WorkflowStatus.Cancelled) })
        {
            var refused = await Assert.ThrowsAsync<WorkflowFinishedException>(() => store.RaiseEventAsync(id, "paid", "{}", default));
            Assert.Equal((id, status), (refused.WorkflowId, refused.Status));
            Assert.Empty(await store.GetEventsAsync(id, default));
        }

        var missing = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => store.RaiseEventAsync("nobody", "paid", "{}", default));
        Assert.Equal("nobody", missing.WorkflowId);
        Assert.Empty(await store.GetEventsAsync("nobody", default));
    }

    [StoreFact]
    public async Task A_wait_reports_a_requested_cancellation_until_the_workflow_has_been_told()
    {
        var store = await StoreAsync();
        await StartAsync(store, "cancelled");
        await store.RequestCancellationAsync("cancelled", default);
        var paid = await store.RaiseEventAsync("cancelled", "paid", "{}", default);

        Assert.Equal(new WaitOutcome(WaitResolution.CancellationRequested), await store.AwaitAsync("cancelled", EventWait(1, 0, "paid"), Now, false, default));
        Assert.Equal(WaitResolution.CancellationRequested, (await store.AwaitAsync("cancelled", TimerWait(1, 1, Now + TimeSpan.FromHours(1)), Now, false, default)).Resolution);
        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "cancelled")).Status);

        // Told (compensating), the workflow waits as usual.
        Assert.Equal(paid, (await store.AwaitAsync("cancelled", EventWait(1, 0, "paid"), Now, true, default)).Event?.Sequence);
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("cancelled", TimerWait(1, 1, Now + TimeSpan.FromHours(1)), Now, true, default)).Resolution);
        Assert.Equal(WorkflowStatus.Sleeping, (await GetAsync(store, "cancelled")).Status);
    }

    [StoreFact]
    public async Task A_fan_outs_wait_that_cannot_resolve_yet_is_pending_with_its_stored_due_time_and_the_instance_stays_running()
    {
        var store = await StoreAsync();
        var leased = await StartAsync(store, "fan-out");
        var due = Now + TimeSpan.FromHours(1);
        var deadline = Now + TimeSpan.FromMinutes(5);

        Assert.Equal(new WaitOutcome(WaitResolution.Pending, DueAt: due), await store.AwaitAsync("fan-out", TimerWait(1, 0, due, inFanOut: true), Now, false, default));
        Assert.Equal(new WaitOutcome(WaitResolution.Pending, DueAt: deadline), await store.AwaitAsync("fan-out", EventWait(1, 1, "paid", deadline, inFanOut: true), Now, false, default));
        Assert.Equal(new WaitOutcome(WaitResolution.Pending), await store.AwaitAsync("fan-out", EventWait(1, 2, "shipped", inFanOut: true), Now, false, default));
        var running = await GetAsync(store, "fan-out");
        Assert.Equal((WorkflowStatus.Running, "worker-a", leased.LeaseExpiresAt, null), (running.Status, running.LeaseOwner, running.LeaseExpiresAt, running.WakeAt));

        // Re-executed later, the waits keep the due times first computed.
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(due, (await store.AwaitAsync("fan-out", TimerWait(1, 0, Now + TimeSpan.FromHours(1), inFanOut: true), Now, false, default)).DueAt);
        Assert.Equal(deadline, (await store.AwaitAsync("fan-out", EventWait(1, 1, "paid", Now + TimeSpan.FromMinutes(5), inFanOut: true), Now, false, default)).DueAt);
    }

    [StoreFact]
    public async Task A_wait_is_refused_when_the_run_is_not_at_its_commit_or_reaches_another_wait_where_it_first_reached_this_one()
    {
        var store = await StoreAsync();
        await StartAsync(store, "strict");
        await StartAsync(store, "sleeping");
        await store.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        Assert.Equal(WaitResolution.Pending, (await store.AwaitAsync("strict", EventWait(1, 0, "paid", inFanOut: true), Now, false, default)).Resolution);
        var shipped = await store.RaiseEventAsync("strict", "shipped", "{}", default);

        // Not deterministic: another event, a timer, or another checkpoint at the position of the stored wait.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AwaitAsync("strict", EventWait(1, 0, "shipped"), Now, false, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AwaitAsync("strict", TimerWait(1, 0, Now), Now, false, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AwaitAsync("strict", EventWait(1, 0, "paid") with { Checkpoint = 99 }, Now, false, default));

        // Another run committed in between, or the instance is not running.
        await RefusedAsync("strict", () => store.AwaitAsync("strict", EventWait(2, 0, "shipped"), Now, false, default));
        await RefusedAsync("sleeping", () => store.AwaitAsync("sleeping", EventWait(1, 1, "shipped"), Now, false, default));
        await RefusedAsync("strict", () => store.RejectEventAsync("strict", EventWait(2, 0, "shipped"), shipped, "no", default));
        await RefusedAsync("sleeping", () => store.RejectEventAsync("sleeping", EventWait(1, 1, "shipped"), shipped, "no", default));

        var events = Assert.Single(await store.GetEventsAsync("strict", default));
        Assert.Equal((null, null), (events.ConsumedByCommit, events.RejectedReason));
        var strict = await GetAsync(store, "strict");
        Assert.Equal((WorkflowStatus.Running, 0, "worker-a"), (strict.Status, strict.Commits, strict.LeaseOwner));
        Assert.Equal(WorkflowStatus.Sleeping, (await GetAsync(store, "sleeping")).Status);
    }
}
