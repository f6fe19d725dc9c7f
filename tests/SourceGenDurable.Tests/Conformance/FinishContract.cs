using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>The end of an instance: completed with its result, failed or cancelled with its error, only by the run that holds its lease.</summary>
public abstract class FinishContract : StoreContract
{
    [StoreFact]
    public async Task A_completed_instance_keeps_its_result_and_gives_up_its_lease()
    {
        var store = await StoreAsync();
        await StartAsync(store, "with-result");
        await store.CommitCheckpointAsync("with-result", Commit(1, slots: """{"n":1}"""), default);
        var before = await GetAsync(store, "with-result");
        await StartAsync(store, "without-result");
        Advance(TimeSpan.FromSeconds(1));

        await store.FinishAsync("with-result", Completed("""{"total":12.5,"note":"zoë ✓"}"""), default);
        await store.FinishAsync("without-result", Completed(null), default);

        var completed = await GetAsync(store, "with-result");
        Assert.Equal(
            before with { Status = WorkflowStatus.Completed, Result = """{"total":12.5,"note":"zoë ✓"}""", LeaseOwner = null, LeaseExpiresAt = null, UpdatedAt = Now },
            completed);
        var empty = await GetAsync(store, "without-result");
        Assert.Equal((WorkflowStatus.Completed, null, null), (empty.Status, empty.Result, empty.Error));
        Assert.Empty(await store.GetRunningIdsAsync(default));
    }

    [StoreFact]
    public async Task A_failed_or_cancelled_instance_keeps_its_error()
    {
        var store = await StoreAsync();
        await StartAsync(store, "failed");
        await StartAsync(store, "cancelled");
        var failure = new WorkflowError("System.InvalidOperationException", "out of stock: zoë ✓", "   at Reserve()\n   at Run()");
        var cancellation = new WorkflowError("SourceGenDurable.WorkflowCancelledException", "cancelled", null);
        Advance(TimeSpan.FromSeconds(1));

        await store.FinishAsync("failed", Failed(failure), default);
        await store.FinishAsync("cancelled", Cancelled(cancellation), default);

        var failed = await GetAsync(store, "failed");
        Assert.Equal((WorkflowStatus.Failed, failure, null, null, Now), (failed.Status, failed.Error, failed.Result, failed.LeaseOwner, failed.UpdatedAt));
        var cancelled = await GetAsync(store, "cancelled");
        Assert.Equal((WorkflowStatus.Cancelled, cancellation, null, null, Now), (cancelled.Status, cancelled.Error, cancelled.Result, cancelled.LeaseOwner, cancelled.UpdatedAt));
    }

    [StoreFact]
    public async Task Finishing_without_the_lease_or_an_instance_that_is_not_running_is_refused_and_changes_nothing()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "held-by-a");
        await StartAsync(a, "sleeping");
        await a.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        await StartAsync(a, "completed");
        await a.FinishAsync("completed", Completed("1"), default);
        await a.CreateAsync(NewInstance("pending") with { LeaseOwner = "worker-a", LeaseExpiresAt = Now + Lease, Starts = 1 }, default);
        var error = new WorkflowError("E", "m", null);

        foreach (var (store, id) in new[] { (b, "held-by-a"), (a, "sleeping"), (a, "completed"), (a, "pending"), (a, "nobody") })
        {
            var before = await store.GetAsync(id, default);
            await RefusedAsync(id, () => store.FinishAsync(id, Completed("2"), default));
            await RefusedAsync(id, () => store.FinishAsync(id, Failed(error), default));
            await RefusedAsync(id, () => store.FinishAsync(id, Cancelled(error), default));
            Assert.Equal(before, await store.GetAsync(id, default));
        }
    }

    [StoreFact]
    public async Task An_outcome_that_does_not_end_an_instance_is_refused_before_anything_is_written()
    {
        var store = await StoreAsync();
        await StartAsync(store, "running");
        var before = await GetAsync(store, "running");
        var error = new WorkflowError("E", "m", null);

        foreach (var outcome in new WorkflowOutcome[]
        {
            new(WorkflowStatus.Running, null, null),
            new(WorkflowStatus.Sleeping, null, null),
            new(WorkflowStatus.Completed, "1", error),
            new(WorkflowStatus.Failed, null, null),
            new(WorkflowStatus.Cancelled, null, null),
        })
        {
            var refused = Assert.Throws<ArgumentException>(() => { _ = store.FinishAsync("running", outcome, default); });
            Assert.Contains(outcome.Status.ToString(), refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await GetAsync(store, "running"));
    }
}
