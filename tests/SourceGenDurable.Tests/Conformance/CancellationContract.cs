using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>Cancellation requests: recorded on an unfinished instance, which is woken if it sleeps or waits; refused quietly once it finished.</summary>
public abstract class CancellationContract : StoreContract
{
    [StoreFact]
    public async Task A_request_wakes_a_sleeping_or_waiting_instance_and_leaves_a_running_one_to_its_worker()
    {
        var store = await StoreAsync();
        var running = await StartAsync(store, "running");
        await StartAsync(store, "sleeping");
        await store.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        await StartAsync(store, "waiting");
        await store.AwaitAsync("waiting", EventWait(1, 0, "paid", Now + TimeSpan.FromHours(1)), Now, false, default);
        await store.CreateAsync(NewInstance("pending"), default);

        foreach (var id in new[] { "running", "sleeping", "waiting", "pending" })
        {
            Assert.True(await store.RequestCancellationAsync(id, default));
        }

        foreach (var id in new[] { "sleeping", "waiting" })
        {
            var woken = await GetAsync(store, id);
            Assert.Equal((WorkflowStatus.Running, CancellationState.Requested, null, null, null), (woken.Status, woken.Cancellation, woken.WakeAt, woken.AwaitedEvent, woken.LeaseOwner));
        }

        var stillRunning = await GetAsync(store, "running");
        Assert.Equal((WorkflowStatus.Running, CancellationState.Requested, "worker-a", running.LeaseExpiresAt), (stillRunning.Status, stillRunning.Cancellation, stillRunning.LeaseOwner, stillRunning.LeaseExpiresAt));
        var pending = await GetAsync(store, "pending");
        Assert.Equal((WorkflowStatus.Pending, CancellationState.Requested), (pending.Status, pending.Cancellation));
        Assert.Equal(["pending", "sleeping", "waiting"], (await store.GetRunningIdsAsync(default)).Order(StringComparer.Ordinal));
        Assert.Null(await store.WakeDueAsync(Now, default));
    }

    [StoreTheory]
    [InlineData(WorkflowStatus.Completed)]
    [InlineData(WorkflowStatus.Failed)]
    [InlineData(WorkflowStatus.Cancelled)]
    public async Task A_request_to_a_finished_instance_returns_false_and_changes_nothing_and_to_a_missing_one_is_not_found(WorkflowStatus end)
    {
        var store = await StoreAsync();
        await StartAsync(store, "finished");
        await FinishAsync(store, "finished", end);
        var before = await GetAsync(store, "finished");
        Assert.Equal(end, before.Status);

        Assert.False(await store.RequestCancellationAsync("finished", default));

        Assert.Equal(before, await GetAsync(store, "finished"));
        var missing = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => store.RequestCancellationAsync("nobody", default));
        Assert.Equal("nobody", missing.WorkflowId);
    }

    [StoreFact]
    public async Task A_repeated_request_is_accepted_and_does_not_undo_a_delivered_cancellation()
    {
        var store = await StoreAsync();
        await StartAsync(store, "compensating");
        Assert.True(await store.RequestCancellationAsync("compensating", default));
        Assert.True(await store.RequestCancellationAsync("compensating", default));
        Assert.Equal(CancellationState.Requested, (await GetAsync(store, "compensating")).Cancellation);

        // The workflow was told and compensates, now in a durable sleep: a new request neither re-tells nor wakes it.
        await store.CommitCheckpointAsync("compensating", Commit(1, cancellationDelivered: true), default);
        await store.AwaitAsync("compensating", TimerWait(2, 0, Now + TimeSpan.FromHours(1)), Now, true, default);
        Assert.True(await store.RequestCancellationAsync("compensating", default));

        var after = await GetAsync(store, "compensating");
        Assert.Equal((CancellationState.Delivered, WorkflowStatus.Sleeping), (after.Cancellation, after.Status));
    }
}
