using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>Starting instances: CreateAsync stores what it is given, once per id; GetAsync and GetRunningIdsAsync read them.</summary>
public abstract class StartContract : StoreContract
{
    [StoreFact]
    public async Task A_created_instance_is_stored_as_given_with_no_commits_result_error_or_wait()
    {
        var store = await StoreAsync();
        var given = NewInstance("order-1", name: "ProcessOrder", parentId: "parent-1", slots: """{"order":{"id":"o-1","total":12.5},"note":"zoë ✓"}""") with
        {
            State = 3,
            LayoutFingerprint = "fingerprint-7",
        };

        // What a new instance cannot have yet is not taken from the caller.
        var (returned, created) = await store.CreateAsync(
            given with { Commits = 4, Result = "1", Error = new WorkflowError("E", "m", null), WakeAt = Now, AwaitedEvent = "paid" },
            default);

        Assert.True(created);
        var stored = await GetAsync(store, "order-1");
        Assert.Equal(stored, returned);
        Assert.Equal(given, stored);
    }

    [StoreFact]
    public async Task Creating_an_id_that_exists_changes_nothing_and_returns_the_stored_instance()
    {
        var store = await StoreAsync();
        var (first, _) = await store.CreateAsync(NewInstance("once", name: "First", slots: """{"n":1}"""), default);
        await LeaseAsync(store, "once");
        await store.CommitCheckpointAsync("once", Commit(1, slots: """{"n":2}"""), default);
        var before = await GetAsync(store, "once");
        Advance(TimeSpan.FromSeconds(5));

        var other = await StoreAsync("worker-b");
        var (again, created) = await other.CreateAsync(NewInstance("once", name: "Second", slots: """{"n":3}"""), default);

        Assert.False(created);
        Assert.Equal(before, again);
        Assert.Equal(before, await GetAsync(other, "once"));
        Assert.Equal(("First", 1, """{"n":2}"""), (again.Name, again.Commits, again.Slots));
        Assert.Equal(first.CreatedAt, again.CreatedAt);
    }

    [StoreFact]
    public async Task An_instance_created_already_leased_keeps_its_owner_expiry_and_start_count()
    {
        var a = await StoreAsync("worker-a");
        var b = await StoreAsync("worker-b");
        var leased = NewInstance("leased") with { Status = WorkflowStatus.Running, LeaseOwner = "worker-a", LeaseExpiresAt = Now + Lease, Starts = 1 };

        var (returned, created) = await a.CreateAsync(leased, default);

        Assert.True(created);
        var stored = await GetAsync(b, "leased");
        Assert.Equal(stored, returned);
        Assert.Equal((WorkflowStatus.Running, "worker-a", Now + Lease, 1), (stored.Status, stored.LeaseOwner, stored.LeaseExpiresAt, stored.Starts));
        Assert.Equal(LeaseOutcome.HeldElsewhere, (await b.AcquireLeaseAsync("leased", Lease, MaxStarts, default)).Outcome);
        Assert.Empty(await b.GetRunningIdsAsync(default));

        // Its owner runs it without taking the lease again.
        Assert.False(await a.CommitCheckpointAsync("leased", Commit(1), default));
        Assert.Equal(1, (await GetAsync(a, "leased")).Commits);
    }

    [StoreFact]
    public async Task An_id_nobody_created_reads_as_null()
    {
        var store = await StoreAsync();

        Assert.Null(await store.GetAsync("nobody", default));
    }

    [StoreFact]
    public async Task The_running_ids_are_the_pending_and_running_instances_no_live_lease_holds_and_not_poisoned()
    {
        var a = await StoreAsync("worker-a");
        foreach (var id in new[] { "pending", "leased", "expired", "sleeping", "waiting", "completed", "poisoned", "released" })
        {
            await a.CreateAsync(NewInstance(id), default);
        }

        await LeaseAsync(a, "leased");
        await LeaseAsync(a, "expired");
        await LeaseAsync(a, "sleeping");
        Assert.Equal(WaitResolution.Suspended, (await a.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default)).Resolution);
        await LeaseAsync(a, "waiting");
        Assert.Equal(WaitResolution.Suspended, (await a.AwaitAsync("waiting", EventWait(1, 0, "paid"), Now, false, default)).Resolution);
        await LeaseAsync(a, "completed");
        await a.FinishAsync("completed", Completed(null), default);
        for (var start = 0; start < 2; start++)
        {
            await LeaseAsync(a, "poisoned");
            await a.ReleaseLeaseAsync("poisoned", failed: true, default);
        }

        Assert.Equal(LeaseOutcome.Poisoned, (await a.AcquireLeaseAsync("poisoned", Lease, 2, default)).Outcome);
        await LeaseAsync(a, "released");
        await a.ReleaseLeaseAsync("released", failed: false, default);
        Advance(Lease / 2);
        await a.RenewLeaseAsync("leased", Lease, default);
        Advance(Lease / 2);

        var b = await StoreAsync("worker-b");
        Assert.Equal(["expired", "pending", "released"], (await b.GetRunningIdsAsync(default)).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task Every_runnable_instance_is_found_each_once_however_many_there_are()
    {
        // More than a store may read in one query, many of them started at the same instant: a store that reads in
        // pages must go through every page, and lose no instance that shares its start time with the last of a page.
        var a = await StoreAsync();
        var ids = Enumerable.Range(0, 2_345).Select(i => $"many-{i:0000}").ToArray();
        foreach (var chunk in ids.Chunk(400))
        {
            await Task.WhenAll(chunk.Select(id => a.CreateAsync(NewInstance(id), default)));
            Advance(TimeSpan.FromSeconds(1));
        }

        await LeaseAsync(a, ids[1_000]);
        var b = await StoreAsync("worker-b");

        var found = await b.GetRunningIdsAsync(default);

        Assert.Equal(ids.Where((_, i) => i != 1_000), found.Order(StringComparer.Ordinal));
    }
}
