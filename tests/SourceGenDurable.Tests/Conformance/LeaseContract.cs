using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// Leases: one worker runs an instance at a time, until its lease expires unrenewed; a worker whose lease was taken
/// over writes nothing; an instance started too often without progress is set aside as poisoned.
/// </summary>
public abstract class LeaseContract : StoreContract
{
    [StoreFact]
    public async Task Taking_a_lease_marks_the_instance_running_under_this_worker_until_it_expires_and_counts_the_start()
    {
        var a = await StoreAsync("worker-a");
        await a.CreateAsync(NewInstance("leased"), default);

        var attempt = await a.AcquireLeaseAsync("leased", Lease, MaxStarts, default);

        Assert.Equal(LeaseOutcome.Acquired, attempt.Outcome);
        var stored = await GetAsync(a, "leased");
        Assert.Equal(stored, attempt.Instance);
        Assert.Equal((WorkflowStatus.Running, "worker-a", Now + Lease, 1), (stored.Status, stored.LeaseOwner, stored.LeaseExpiresAt, stored.Starts));
    }

    [StoreFact]
    public async Task A_lease_held_by_another_worker_is_not_taken_and_the_attempt_changes_nothing()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "leased");
        var before = await GetAsync(a, "leased");
        Advance(Lease - TimeSpan.FromMilliseconds(1));

        var held = await b.AcquireLeaseAsync("leased", Lease, MaxStarts, default);

        Assert.Equal(LeaseOutcome.HeldElsewhere, held.Outcome);
        Assert.Equal("worker-a", held.Instance!.LeaseOwner);
        Assert.Equal(before, await GetAsync(b, "leased"));
        Assert.Empty(await b.GetRunningIdsAsync(default));
    }

    [StoreFact]
    public async Task A_renewed_lease_outlives_its_first_expiry_and_an_unrenewed_one_is_taken_over_by_another_worker()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "leased");

        Advance(Lease / 2);
        Assert.True(await a.RenewLeaseAsync("leased", Lease, default));
        Assert.Equal(Now + Lease, (await GetAsync(a, "leased")).LeaseExpiresAt);
        Advance((Lease / 2) + TimeSpan.FromSeconds(1));
        Assert.Equal(LeaseOutcome.HeldElsewhere, (await b.AcquireLeaseAsync("leased", Lease, MaxStarts, default)).Outcome);

        // At its expiry the lease is free: the instance is among the running ids again and the next worker takes it.
        Advance((Lease / 2) - TimeSpan.FromSeconds(1));
        Assert.Equal(["leased"], await b.GetRunningIdsAsync(default));
        var taken = await LeaseAsync(b, "leased");
        Assert.Equal(("worker-b", Now + Lease, 2), (taken.LeaseOwner, taken.LeaseExpiresAt, taken.Starts));

        // The worker that lost it can no longer renew, commit, finish or give it up.
        Assert.False(await a.RenewLeaseAsync("leased", Lease, default));
        await RefusedAsync("leased", () => a.CommitCheckpointAsync("leased", Commit(1), default));
        await RefusedAsync("leased", () => a.FinishAsync("leased", Completed("1"), default));
        await a.ReleaseLeaseAsync("leased", failed: false, default);
        var after = await GetAsync(b, "leased");
        Assert.Equal(("worker-b", Now + Lease, 2, 0, WorkflowStatus.Running), (after.LeaseOwner, after.LeaseExpiresAt, after.Starts, after.Commits, after.Status));

        await b.CommitCheckpointAsync("leased", Commit(1), default);
        await b.FinishAsync("leased", Completed("1"), default);
        var done = await GetAsync(b, "leased");
        Assert.Equal((WorkflowStatus.Completed, null, null, 0), (done.Status, done.LeaseOwner, done.LeaseExpiresAt, done.Starts));
    }

    [StoreFact]
    public async Task Every_write_of_a_worker_whose_lease_was_taken_over_is_refused_and_changes_nothing()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "guarded");
        Advance(Lease);
        await LeaseAsync(b, "guarded");
        var sequence = await b.RaiseEventAsync("guarded", "paid", "{}", default);
        var wait = EventWait(1, 0, "paid");
        var error = new WorkflowError("System.Exception", "stale", null);
        var before = await GetAsync(b, "guarded");

        await RefusedAsync("guarded", () => a.CommitCheckpointAsync("guarded", Commit(1, step: Step(1, "charge"), consumed: [sequence]), default));
        await RefusedAsync("guarded", () => a.AwaitAsync("guarded", wait, Now, cancellationDelivered: false, default));
        await RefusedAsync("guarded", () => a.AwaitAsync("guarded", TimerWait(1, 1, Now + TimeSpan.FromHours(1)), Now, cancellationDelivered: false, default));
        await RefusedAsync("guarded", () => a.SuspendAsync("guarded", [wait], Now, cancellationDelivered: false, default));
        await RefusedAsync("guarded", () => a.RejectEventAsync("guarded", wait, sequence, "bad payload", default));
        await RefusedAsync("guarded", () => a.RecordBranchAsync("guarded", new BranchRecord(1, 0, 0, 10, "charge", "1", 1, Now), default));
        await RefusedAsync("guarded", () => a.RecordStepAttemptAsync("guarded", Attempt(1, 0, "charge", 1), default));
        await RefusedAsync("guarded", () => a.FinishAsync("guarded", Completed("1"), default));
        await RefusedAsync("guarded", () => a.FinishAsync("guarded", Failed(error), default));
        await RefusedAsync("guarded", () => a.FinishAsync("guarded", Cancelled(error), default));
        await a.SetAsideAsync("guarded", "declined", default);
        await a.ReleaseLeaseAsync("guarded", failed: false, default);
        Assert.False(await a.RenewLeaseAsync("guarded", Lease, default));

        Assert.Equal(before, await GetAsync(b, "guarded"));
        Assert.Empty(await b.GetStepsAsync("guarded", default));
        Assert.Empty(await b.GetBranchesAsync("guarded", null, default));
        Assert.Empty(await b.GetStepAttemptsAsync("guarded", default));
        Assert.Empty(await b.GetSetAsideAsync(default));
        var inbox = Assert.Single(await b.GetEventsAsync("guarded", default));
        Assert.Equal((null, null), (inbox.ConsumedByCommit, inbox.RejectedReason));

        // The worker that holds the lease finds everything as it was: the event is still there for its wait.
        var received = await b.AwaitAsync("guarded", wait, Now, cancellationDelivered: false, default);
        Assert.Equal((WaitResolution.EventReceived, sequence), (received.Resolution, received.Event?.Sequence));
    }

    [StoreFact]
    public async Task A_run_that_ends_in_an_orderly_way_gives_its_lease_back_without_counting_a_start_and_a_failed_one_counts()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "released");

        await a.ReleaseLeaseAsync("released", failed: false, default);
        var stopped = await GetAsync(a, "released");
        Assert.Equal((null, null, 0, WorkflowStatus.Running), (stopped.LeaseOwner, stopped.LeaseExpiresAt, stopped.Starts, stopped.Status));

        // Any worker takes it at once: the lease does not have to expire first.
        Assert.Equal(1, (await LeaseAsync(b, "released")).Starts);
        await b.ReleaseLeaseAsync("released", failed: true, default);
        var failed = await GetAsync(b, "released");
        Assert.Equal((null, null, 1), (failed.LeaseOwner, failed.LeaseExpiresAt, failed.Starts));
        Assert.Equal(2, (await LeaseAsync(a, "released")).Starts);
    }

    [StoreFact]
    public async Task Releasing_a_lease_held_by_another_worker_changes_nothing()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "held");
        var before = await GetAsync(a, "held");

        await b.ReleaseLeaseAsync("held", failed: false, default);
        await b.ReleaseLeaseAsync("held", failed: true, default);

        Assert.Equal(before, await GetAsync(a, "held"));
        Assert.False(await b.RenewLeaseAsync("held", Lease, default));
        Assert.Equal(before, await GetAsync(a, "held"));
    }

    [StoreFact]
    public async Task An_instance_started_too_often_without_a_new_checkpoint_is_set_aside_as_poisoned_for_every_worker_until_resumed()
    {
        var a = await StoreAsync("worker-a");
        await a.CreateAsync(NewInstance("poison"), default);

        // Two runs that end without a commit count; one stopped by its host between them does not.
        foreach (var failed in new[] { true, false, true })
        {
            Assert.Equal(LeaseOutcome.Acquired, (await a.AcquireLeaseAsync("poison", Lease, 2, default)).Outcome);
            await a.ReleaseLeaseAsync("poison", failed, default);
        }

        var poisoned = await a.AcquireLeaseAsync("poison", Lease, 2, default);

        Assert.Equal(LeaseOutcome.Poisoned, poisoned.Outcome);
        Assert.Equal((true, null), (poisoned.Instance!.Poisoned, poisoned.Instance.LeaseOwner));
        Assert.Contains("started 2 times", poisoned.Instance.SetAsideReason, StringComparison.Ordinal);
        Assert.Contains("IWorkflowClient.ResumeAsync", poisoned.Instance.SetAsideReason, StringComparison.Ordinal);
        var stored = await GetAsync(a, "poison");
        Assert.Equal((true, poisoned.Instance.SetAsideReason, null, WorkflowStatus.Running), (stored.Poisoned, stored.SetAsideReason, stored.LeaseOwner, stored.Status));

        var b = await StoreAsync("worker-b");
        Assert.Empty(await b.GetRunningIdsAsync(default));
        Assert.Equal(LeaseOutcome.NotRunnable, (await b.AcquireLeaseAsync("poison", Lease, 2, default)).Outcome);
        Assert.Equal(LeaseOutcome.NotRunnable, (await b.AcquireLeaseAsync("poison", Lease, 100, default)).Outcome);
        Assert.Equal(["poison"], (await b.GetSetAsideAsync(default)).Select(i => i.Id));

        Assert.True(await b.ResumeSetAsideAsync("poison", default));
        var resumed = await GetAsync(b, "poison");
        Assert.Equal((false, null, 0), (resumed.Poisoned, resumed.SetAsideReason, resumed.Starts));
        Assert.False(await b.ResumeSetAsideAsync("poison", default));
        Assert.Empty(await b.GetSetAsideAsync(default));
        Assert.Equal(["poison"], await b.GetRunningIdsAsync(default));
        Assert.Equal(LeaseOutcome.Acquired, (await b.AcquireLeaseAsync("poison", Lease, 2, default)).Outcome);
        await b.ReleaseLeaseAsync("poison", failed: false, default);
        Assert.Equal(0, (await GetAsync(b, "poison")).Starts);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => b.ResumeSetAsideAsync("nobody", default));
    }

    [StoreFact]
    public async Task A_checkpoint_or_a_durable_wait_is_progress_and_restarts_the_start_count()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewInstance("progress"), default);
        for (var commit = 1; commit <= 3; commit++)
        {
            // Each time one run short of being poisoned, then a run that makes progress.
            await LeaseAsync(store, "progress");
            await store.ReleaseLeaseAsync("progress", failed: true, default);
            Assert.Equal(2, (await store.AcquireLeaseAsync("progress", Lease, 2, default)).Instance!.Starts);
            await store.CommitCheckpointAsync("progress", Commit(commit), default);
            Assert.Equal(0, (await GetAsync(store, "progress")).Starts);
            await store.ReleaseLeaseAsync("progress", failed: true, default);
        }

        await LeaseAsync(store, "progress");
        await store.ReleaseLeaseAsync("progress", failed: true, default);
        await LeaseAsync(store, "progress");
        Assert.Equal(WaitResolution.Suspended, (await store.AwaitAsync("progress", TimerWait(4, 0, Now + TimeSpan.FromMinutes(1)), Now, false, default)).Resolution);
        Assert.Equal(0, (await GetAsync(store, "progress")).Starts);
    }

    [StoreFact]
    public async Task Only_a_pending_or_running_instance_can_be_leased()
    {
        var store = await StoreAsync();
        await StartAsync(store, "completed");
        await store.FinishAsync("completed", Completed(null), default);
        await StartAsync(store, "sleeping");
        await store.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);
        await StartAsync(store, "waiting");
        await store.AwaitAsync("waiting", EventWait(1, 0, "paid"), Now, false, default);

        var missing = await store.AcquireLeaseAsync("nobody", Lease, MaxStarts, default);
        Assert.Equal((LeaseOutcome.NotRunnable, null), (missing.Outcome, missing.Instance));
        foreach (var (id, status) in new[] { ("completed", WorkflowStatus.Completed), ("sleeping", WorkflowStatus.Sleeping), ("waiting", WorkflowStatus.WaitingForEvent) })
        {
            var before = await GetAsync(store, id);
            var attempt = await store.AcquireLeaseAsync(id, Lease, MaxStarts, default);
            Assert.Equal((LeaseOutcome.NotRunnable, id, status), (attempt.Outcome, attempt.Instance?.Id, attempt.Instance?.Status));
            Assert.Equal(before, await GetAsync(store, id));
        }
    }

    [StoreFact]
    public async Task A_lease_tells_the_run_that_failed_attempts_wait_at_the_commit_it_resumes_into()
    {
        var store = await StoreAsync();
        await StartAsync(store, "retried");
        await store.RecordStepAttemptAsync("retried", Attempt(1, 0, "charge", 1), default);
        await store.ReleaseLeaseAsync("retried", failed: true, default);

        // The next run must read the recorded attempt, so that it makes attempt 2 rather than attempt 1 again.
        var second = await store.AcquireLeaseAsync("retried", Lease, MaxStarts, default);

        Assert.Equal(LeaseOutcome.Acquired, second.Outcome);
        Assert.True(second.StepAttemptsRecorded);
    }

    [StoreFact]
    public async Task An_instance_set_aside_by_its_worker_keeps_everything_but_its_lease_and_that_start()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await StartAsync(a, "declined");
        await a.CommitCheckpointAsync("declined", Commit(1, slots: """{"n":1}"""), default);
        await a.ReleaseLeaseAsync("declined", failed: true, default);
        await LeaseAsync(a, "declined");
        var before = await GetAsync(a, "declined");

        // Another worker's attempt to set it aside changes nothing.
        await b.SetAsideAsync("declined", "not mine", default);
        Assert.Equal(before, await GetAsync(a, "declined"));

        await a.SetAsideAsync("declined", "layout mismatch", default);

        var after = await GetAsync(b, "declined");
        Assert.Equal(
            before with { SetAsideReason = "layout mismatch", LeaseOwner = null, LeaseExpiresAt = null, Starts = 0, UpdatedAt = after.UpdatedAt },
            after);
        Assert.Equal(["declined"], (await b.GetSetAsideAsync(default)).Select(i => i.Id));
        Assert.True(await b.ResumeSetAsideAsync("declined", default));
        Assert.Null((await GetAsync(b, "declined")).SetAsideReason);
    }
}
