using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>Opening a store: its schema is created once, whoever opens the database first, and kept by every later opening.</summary>
public abstract class InitializationContract : StoreContract
{
    [StoreFact]
    public async Task A_store_opened_on_a_database_another_store_initialized_keeps_what_it_holds()
    {
        var first = await StoreAsync("worker-a");
        await StartAsync(first, "kept");
        await first.CommitCheckpointAsync("kept", Commit(1, step: Step(1, "charge")), default);
        var before = await GetAsync(first, "kept");

        var second = await StoreAsync("worker-b");
        var third = await StoreAsync("worker-c");

        Assert.Equal(before, await GetAsync(second, "kept"));
        Assert.Equal(before, await GetAsync(third, "kept"));
        Assert.Single(await second.GetStepsAsync("kept", default));
        Assert.Equal(LeaseOutcome.HeldElsewhere, (await second.AcquireLeaseAsync("kept", Lease, MaxStarts, default)).Outcome);
        Assert.False(await first.CommitCheckpointAsync("kept", Commit(2), default));
    }

    [StoreFact]
    public async Task A_store_initialized_twice_keeps_its_lease_and_its_writes()
    {
        var store = await StoreAsync("worker-a");
        await StartAsync(store, "kept");
        await store.CommitCheckpointAsync("kept", Commit(1), default);
        var before = await GetAsync(store, "kept");

        await store.InitializeAsync(default);

        Assert.Equal(before, await GetAsync(store, "kept"));
        Assert.False(await store.CommitCheckpointAsync("kept", Commit(2), default));
        var after = await GetAsync(store, "kept");
        Assert.Equal(("worker-a", 2), (after.LeaseOwner, after.Commits));
    }

    [StoreFact]
    public async Task Stores_that_initialize_a_fresh_database_at_the_same_time_all_succeed_and_share_it()
    {
        var stores = Enumerable.Range(0, 4).Select(i => Stores.Open($"worker-{i}")).ToList();
        using var start = new Barrier(stores.Count);

        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            await store.InitializeAsync(default);
        })));

        for (var i = 0; i < stores.Count; i++)
        {
            await stores[i].CreateAsync(NewInstance($"from-{i}"), default);
        }

        foreach (var store in stores)
        {
            Assert.Equal(["from-0", "from-1", "from-2", "from-3"], (await store.ListAsync(new InstanceFilter(null, null, null, null), null, 10, default)).Select(i => i.Id));
        }
    }
}
