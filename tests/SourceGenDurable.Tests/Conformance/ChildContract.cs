using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// Child workflows: the end of a child reaches its parent as an event (<see cref="WorkflowOutcome.EventName"/>) in the
/// transaction that finishes the child, waking a parent that waits for it; a parent's cancellation reaches its children.
/// </summary>
public abstract class ChildContract : StoreContract
{
    [StoreFact]
    public async Task A_completed_child_delivers_its_outcome_to_its_waiting_parent_and_wakes_it()
    {
        var (parentStore, childStore) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(parentStore, "parent");
        var wait = EventWait(1, 0, WorkflowOutcome.EventName("child"));
        Assert.Equal(WaitResolution.Suspended, (await parentStore.AwaitAsync("parent", wait, Now, false, default)).Resolution);
        await StartAsync(childStore, "child", parentId: "parent");
        Advance(TimeSpan.FromSeconds(1));

        await childStore.FinishAsync("child", Completed("""{"total":12.5}"""), default);

        var parent = await GetAsync(parentStore, "parent");
        Assert.Equal((WorkflowStatus.Running, null, null), (parent.Status, parent.AwaitedEvent, parent.WakeAt));
        Assert.Equal(["parent"], await parentStore.GetRunningIdsAsync(default));
        var delivered = Assert.Single(await parentStore.GetEventsAsync("parent", default));
        Assert.Equal(("$child:child", Now, null, null), (delivered.Name, delivered.RaisedAt, delivered.ConsumedByCommit, delivered.RejectedReason));
        Assert.Equal(new WorkflowOutcome(WorkflowStatus.Completed, """{"total":12.5}""", null), Outcome(delivered));

        await LeaseAsync(parentStore, "parent");
        var received = await parentStore.AwaitAsync("parent", wait, Now, false, default);
        Assert.Equal(new WaitOutcome(WaitResolution.EventReceived, delivered), received);
    }

    [StoreFact]
    public async Task A_failed_or_cancelled_child_delivers_its_error_and_a_parent_not_waiting_yet_receives_it_later()
    {
        var store = await StoreAsync();
        await StartAsync(store, "parent");
        await StartAsync(store, "failed-child", parentId: "parent");
        await StartAsync(store, "cancelled-child", parentId: "parent");
        await StartAsync(store, "empty-child", parentId: "parent");
        var failure = new WorkflowError("System.InvalidOperationException", "out of stock", "   at Reserve()");
        var cancellation = new WorkflowError("SourceGenDurable.WorkflowCancelledException", "cancelled by the parent", null);

        await store.FinishAsync("failed-child", Failed(failure), default);
        await store.FinishAsync("cancelled-child", Cancelled(cancellation), default);
        await store.FinishAsync("empty-child", Completed(null), default);

        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "parent")).Status);
        var inbox = await store.GetEventsAsync("parent", default);
        Assert.Equal(
            [
                ("$child:failed-child", new WorkflowOutcome(WorkflowStatus.Failed, null, failure)),
                ("$child:cancelled-child", new WorkflowOutcome(WorkflowStatus.Cancelled, null, cancellation)),
                ("$child:empty-child", new WorkflowOutcome(WorkflowStatus.Completed, null, null)),
            ],
            inbox.Select(e => (e.Name, Outcome(e))));

        // The parent reaches its waits after the children ended: each outcome is there already.
        var received = await store.AwaitAsync("parent", EventWait(1, 0, WorkflowOutcome.EventName("cancelled-child")), Now, false, default);
        Assert.Equal(new WorkflowOutcome(WorkflowStatus.Cancelled, null, cancellation), Outcome(received.Event!));
    }

    [StoreFact]
    public async Task An_instance_without_a_parent_delivers_its_outcome_to_nobody()
    {
        var store = await StoreAsync();
        await StartAsync(store, "bystander");
        await StartAsync(store, "top-level");

        await store.FinishAsync("top-level", Completed("1"), default);

        Assert.Empty(await store.GetEventsAsync("bystander", default));
        Assert.Empty(await store.GetEventsAsync("top-level", default));
        Assert.Null((await GetAsync(store, "top-level")).ParentId);
    }

    [StoreFact]
    public async Task A_child_outcome_wakes_a_parent_whose_fan_out_waits_for_several_children()
    {
        var store = await StoreAsync();
        await StartAsync(store, "parent");
        WaitRequest[] waits = [EventWait(1, 0, WorkflowOutcome.EventName("first"), inFanOut: true), EventWait(1, 1, WorkflowOutcome.EventName("second"), inFanOut: true)];
        foreach (var wait in waits)
        {
            Assert.Equal(WaitResolution.Pending, (await store.AwaitAsync("parent", wait, Now, false, default)).Resolution);
        }

        Assert.Equal(WaitResolution.Suspended, await store.SuspendAsync("parent", waits, Now, false, default));
        await StartAsync(store, "second", parentId: "parent");

        await store.FinishAsync("second", Completed("2"), default);

        Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, "parent")).Status);
        await LeaseAsync(store, "parent");
        Assert.Equal(WaitResolution.Pending, (await store.AwaitAsync("parent", waits[0], Now, false, default)).Resolution);
        Assert.Equal(WaitResolution.EventReceived, (await store.AwaitAsync("parent", waits[1], Now, false, default)).Resolution);
    }

    [StoreFact]
    public async Task Cancelling_a_parents_children_requests_it_of_every_unfinished_child_and_wakes_those_that_sleep_or_wait()
    {
        var store = await StoreAsync();
        await StartAsync(store, "parent");
        await StartAsync(store, "running", parentId: "parent");
        await StartAsync(store, "sleeping", parentId: "parent");
        await store.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        await StartAsync(store, "waiting", parentId: "parent");
        await store.AwaitAsync("waiting", EventWait(1, 0, "paid"), Now, false, default);
        await store.CreateAsync(NewInstance("pending", parentId: "parent"), default);
        await StartAsync(store, "completed", parentId: "parent");
        await store.FinishAsync("completed", Completed("1"), default);
        await StartAsync(store, "someone-elses", parentId: "other-parent");
        var completedBefore = await GetAsync(store, "completed");

        var requested = await store.RequestChildrenCancellationAsync("parent", default);

        Assert.Equal(["pending", "running", "sleeping", "waiting"], requested.Order(StringComparer.Ordinal));
        foreach (var id in requested)
        {
            var child = await GetAsync(store, id);
            Assert.Equal(CancellationState.Requested, child.Cancellation);
            Assert.Null(child.WakeAt);
            Assert.Null(child.AwaitedEvent);
        }

        Assert.Equal(
            [WorkflowStatus.Running, WorkflowStatus.Running, WorkflowStatus.Running, WorkflowStatus.Pending],
            [(await GetAsync(store, "running")).Status, (await GetAsync(store, "sleeping")).Status, (await GetAsync(store, "waiting")).Status, (await GetAsync(store, "pending")).Status]);
        Assert.Equal(completedBefore, await GetAsync(store, "completed"));
        Assert.Equal(CancellationState.None, (await GetAsync(store, "someone-elses")).Cancellation);
        Assert.Equal(CancellationState.None, (await GetAsync(store, "parent")).Cancellation);
        Assert.Empty(await store.RequestChildrenCancellationAsync("childless", default));
    }

    private static WorkflowOutcome? Outcome(EventRecord delivered) => JsonSerializer.Deserialize(delivered.Payload, StoreJsonContext.Default.WorkflowOutcome);
}
