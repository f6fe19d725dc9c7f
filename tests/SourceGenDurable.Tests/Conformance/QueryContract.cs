using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// What the client and an operator read: listings by filter and page, the set-aside instances, an instance's progress,
/// its steps and the failed attempts of its steps (recorded only by the run that holds its lease).
/// </summary>
public abstract class QueryContract : StoreContract
{
    [StoreFact]
    public async Task A_listing_filters_by_name_status_and_creation_time_and_pages_by_creation_time_then_id()
    {
        var store = await StoreAsync();
        var t0 = Now;
        foreach (var (id, name) in new[] { ("a2", "A"), ("b1", "B"), ("a1", "A") })
        {
            await store.CreateAsync(NewInstance(id, name), default);
        }

        Advance(TimeSpan.FromSeconds(1));
        var t1 = Now;
        await store.CreateAsync(NewInstance("b2", "B"), default);
        await store.CreateAsync(NewInstance("a3", "A"), default);
        Advance(TimeSpan.FromSeconds(1));
        var t2 = Now;
        await store.CreateAsync(NewInstance("a4", "A"), default);
        foreach (var id in new[] { "a2", "b2" })
        {
            await LeaseAsync(store, id);
            await store.FinishAsync(id, Completed(null), default);
        }

        async Task<string[]> List(InstanceFilter filter, (DateTimeOffset, string)? after = null, int limit = 100) =>
            [.. (await store.ListAsync(filter, after, limit, default)).Select(i => i.Id)];
        var all = new InstanceFilter(null, null, null, null);

        Assert.Equal(["a1", "a2", "b1", "a3", "b2", "a4"], await List(all));
        Assert.Equal(["a1", "a2", "a3", "a4"], await List(all with { Name = "A" }));
        Assert.Equal(["a2", "b2"], await List(all with { Status = WorkflowStatus.Completed }));
        Assert.Equal(["a1", "b1", "a3", "a4"], await List(all with { Status = WorkflowStatus.Pending }));
        Assert.Equal(["a3", "b2", "a4"], await List(all with { CreatedFrom = t1 }));
        Assert.Equal(["a1", "a2", "b1"], await List(all with { CreatedBefore = t1 }));
        Assert.Equal(["a3"], await List(new InstanceFilter("A", WorkflowStatus.Pending, t1, t2)));
        Assert.Empty(await List(all with { Name = "C" }));
        Assert.Empty(await List(all with { CreatedFrom = t2, CreatedBefore = t2 }));

        // Pages: each starts after the creation time and id of the last instance of the previous one.
        Assert.Equal(["a1", "a2"], await List(all, limit: 2));
        Assert.Equal(["b1", "a3"], await List(all, (t0, "a2"), 2));
        Assert.Equal(["b2", "a4"], await List(all, (t1, "a3"), 2));
        Assert.Empty(await List(all, (t2, "a4"), 2));
        Assert.Equal(["a2", "a3", "a4"], await List(all with { Name = "A" }, (t0, "a1"), 3));
        Assert.Equal(["a3", "a4"], await List(all with { Name = "A" }, (t0, "zz"), 3));

        // A listed instance is the stored one.
        var listed = (await store.ListAsync(all with { Name = "B", Status = WorkflowStatus.Completed }, null, 10, default)).Single();
        Assert.Equal(await GetAsync(store, "b2"), listed);
    }

    [StoreFact]
    public async Task The_set_aside_instances_are_listed_most_recently_changed_first_until_resumed()
    {
        var store = await StoreAsync();
        await StartAsync(store, "declined-first");
        await store.SetAsideAsync("declined-first", "layout mismatch", default);
        Advance(TimeSpan.FromSeconds(1));
        await StartAsync(store, "declined-second");
        await store.SetAsideAsync("declined-second", "unknown workflow", default);
        Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync(NewInstance("poisoned"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await store.AcquireLeaseAsync("poisoned", Lease, 1, default)).Outcome);
        await store.ReleaseLeaseAsync("poisoned", failed: true, default);
        Assert.Equal(LeaseOutcome.Poisoned, (await store.AcquireLeaseAsync("poisoned", Lease, 1, default)).Outcome);
        await StartAsync(store, "running");

        var setAside = await store.GetSetAsideAsync(default);

        Assert.Equal(["poisoned", "declined-second", "declined-first"], setAside.Select(i => i.Id));
        Assert.Equal(["unknown workflow", "layout mismatch"], setAside.Skip(1).Select(i => i.SetAsideReason));
        Assert.Equal(await GetAsync(store, "declined-second"), setAside[1]);

        Assert.True(await store.ResumeSetAsideAsync("declined-second", default));
        Assert.False(await store.ResumeSetAsideAsync("running", default));
        Assert.Equal(["poisoned", "declined-first"], (await store.GetSetAsideAsync(default)).Select(i => i.Id));
    }

    [StoreFact]
    public async Task The_progress_is_the_last_completed_step_and_the_step_failing_since_the_last_commit()
    {
        var store = await StoreAsync();
        await StartAsync(store, "progress");
        async Task<StepProgress> Progress() => await store.GetProgressAsync(await GetAsync(store, "progress"), default);
        Assert.Equal(new StepProgress(null, null, null, 0), await Progress());

        Advance(TimeSpan.FromSeconds(1));
        var reservedAt = Now;
        await store.CommitCheckpointAsync("progress", Commit(1, step: Step(1, "reserve")), default);
        Assert.Equal(new StepProgress("reserve", reservedAt, null, 0), await Progress());

        await store.RecordStepAttemptAsync("progress", Attempt(2, 0, "charge", 1), default);
        await store.RecordStepAttemptAsync("progress", Attempt(2, 0, "charge", 2), default);
        Assert.Equal(new StepProgress("reserve", reservedAt, "charge", 3), await Progress());

        Advance(TimeSpan.FromSeconds(1));
        var chargedAt = Now;
        await store.CommitCheckpointAsync("progress", Commit(2, step: Step(2, "charge")), default);
        await store.CommitCheckpointAsync("progress", Commit(3), default);
        Assert.Equal(new StepProgress("charge", chargedAt, null, 0), await Progress());
    }

    [StoreFact]
    public async Task Failed_step_attempts_are_read_in_order_for_the_instance_or_for_one_step()
    {
        var store = await StoreAsync();
        await StartAsync(store, "attempts");
        await StartAsync(store, "other");
        var caughtFinal = Attempt(1, 1, "notify", 1, final: true, stack: "   at Notify()");
        var first = Attempt(1, 0, "charge", 1);
        Advance(TimeSpan.FromSeconds(1));
        var second = Attempt(1, 0, "charge", 2, stack: "   at Charge()\n   at Run()");
        await store.RecordStepAttemptAsync("attempts", caughtFinal, default);
        await store.RecordStepAttemptAsync("attempts", first, default);
        await store.RecordStepAttemptAsync("attempts", second, default);
        await store.RecordStepAttemptAsync("other", Attempt(1, 0, "charge", 1), default);
        await store.CommitCheckpointAsync("attempts", Commit(1, step: Step(1, "charge")), default);
        var later = Attempt(2, 0, "ship", 1);
        await store.RecordStepAttemptAsync("attempts", later, default);

        Assert.Equal([first, second, caughtFinal, later], await store.GetStepAttemptsAsync("attempts", default));
        Assert.Equal([first, second], await store.GetStepAttemptsAsync("attempts", 1, 0, default));
        Assert.Equal([caughtFinal], await store.GetStepAttemptsAsync("attempts", 1, 1, default));
        Assert.Equal([later], await store.GetStepAttemptsAsync("attempts", 2, 0, default));
        Assert.Empty(await store.GetStepAttemptsAsync("attempts", 3, 0, default));
        Assert.Empty(await store.GetStepAttemptsAsync("nobody", default));
        Assert.Single(await store.GetStepAttemptsAsync("other", default));
    }

    [StoreFact]
    public async Task A_failed_attempt_for_another_commit_or_without_the_lease_or_a_running_instance_is_refused_and_not_recorded()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "guarded");
        await StartAsync(a, "sleeping");
        await a.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);

        await RefusedAsync("guarded", () => a.RecordStepAttemptAsync("guarded", Attempt(2, 0, "charge", 1), default));
        await RefusedAsync("guarded", () => b.RecordStepAttemptAsync("guarded", Attempt(1, 0, "charge", 1), default));
        await RefusedAsync("sleeping", () => a.RecordStepAttemptAsync("sleeping", Attempt(1, 0, "charge", 1), default));
        await RefusedAsync("nobody", () => a.RecordStepAttemptAsync("nobody", Attempt(1, 0, "charge", 1), default));

        Assert.Empty(await a.GetStepAttemptsAsync("guarded", default));
        Assert.Empty(await a.GetStepAttemptsAsync("sleeping", default));
        Assert.Equal(new StepProgress(null, null, null, 0), await a.GetProgressAsync(await GetAsync(a, "guarded"), default));
    }

    [StoreFact]
    public async Task The_steps_of_an_instance_are_read_in_commit_order_and_an_unknown_instance_has_none()
    {
        var store = await StoreAsync();
        await StartAsync(store, "steps");
        var recorded = new List<StepRecord>();
        for (var commit = 1; commit <= 12; commit++)
        {
            var step = commit % 3 == 0 ? null : Step(commit, $"step-{commit}");
            await store.CommitCheckpointAsync("steps", Commit(commit, step: step), default);
            if (step is not null)
            {
                recorded.Add(step);
            }

            Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(recorded, await store.GetStepsAsync("steps", default));
        Assert.Empty(await store.GetStepsAsync("nobody", default));
        Assert.Empty(await store.GetEventsAsync("steps", default));
    }
}
