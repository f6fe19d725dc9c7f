using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// The checkpoint commit: it applies only on top of the commit before it, under this worker's lease, to a running
/// instance; a refused commit throws and writes nothing (not its state, its step, nor its consumption of events).
/// </summary>
public abstract class CommitContract : StoreContract
{
    [StoreFact]
    public async Task A_commit_stores_the_state_slots_and_step_and_keeps_the_lease()
    {
        var store = await StoreAsync();
        var leased = await StartAsync(store, "committed");
        Advance(TimeSpan.FromSeconds(1));
        var step = Step(1, "charge", """{"amount":12.5,"note":"zoë ✓"}""");

        var cancellationRequested = await store.CommitCheckpointAsync("committed", Commit(1, slots: """{"total":12.5}""", step: step), default);

        Assert.False(cancellationRequested);
        var stored = await GetAsync(store, "committed");
        Assert.Equal(
            leased with { State = 10, Commits = 1, Slots = """{"total":12.5}""", UpdatedAt = Now, Starts = 0 },
            stored);
        Assert.Equal([step], await store.GetStepsAsync("committed", default));

        // A commit without a step (a wait's) records none; a step without a result or start time keeps them null.
        Advance(TimeSpan.FromSeconds(1));
        await store.CommitCheckpointAsync("committed", Commit(2, slots: """{"total":13}"""), default);
        var bare = new StepRecord(3, 30, "notify", null, 2, Now);
        await store.CommitCheckpointAsync("committed", Commit(3, slots: "{}", step: bare), default);
        Assert.Equal([step, bare], await store.GetStepsAsync("committed", default));
        var last = await GetAsync(store, "committed");
        Assert.Equal((30, 3, "{}"), (last.State, last.Commits, last.Slots));
    }

    [StoreFact]
    public async Task A_commit_whose_number_is_recorded_already_or_not_next_is_refused_and_writes_nothing()
    {
        var store = await StoreAsync();
        await StartAsync(store, "numbered");
        var first = Step(1, "charge");
        await store.CommitCheckpointAsync("numbered", Commit(1, slots: """{"n":1}""", step: first), default);
        var paid = await store.RaiseEventAsync("numbered", "paid", "{}", default);
        var before = await GetAsync(store, "numbered");
        Advance(TimeSpan.FromSeconds(1));

        // Another run got to commit 1 first; commit 3 would skip commit 2.
        await RefusedAsync("numbered", () => store.CommitCheckpointAsync("numbered", Commit(1, slots: """{"n":9}""", step: Step(1, "other"), consumed: [paid]), default));
        await RefusedAsync("numbered", () => store.CommitCheckpointAsync("numbered", Commit(3, slots: """{"n":9}""", step: Step(3, "other"), consumed: [paid]), default));

        Assert.Equal(before, await GetAsync(store, "numbered"));
        Assert.Equal([first], await store.GetStepsAsync("numbered", default));
        Assert.Null(Assert.Single(await store.GetEventsAsync("numbered", default)).ConsumedByCommit);
        await store.CommitCheckpointAsync("numbered", Commit(2, consumed: [paid]), default);
        Assert.Equal(2, (await GetAsync(store, "numbered")).Commits);
    }

    [StoreFact]
    public async Task A_commit_without_the_lease_is_refused_and_writes_nothing()
    {
        var store = await StoreAsync();
        await StartAsync(store, "released");
        await store.ReleaseLeaseAsync("released", failed: false, default);
        var before = await GetAsync(store, "released");

        await RefusedAsync("released", () => store.CommitCheckpointAsync("released", Commit(1, step: Step(1, "charge")), default));
        await RefusedAsync("nobody", () => store.CommitCheckpointAsync("nobody", Commit(1, step: Step(1, "charge")), default));

        Assert.Equal(before, await GetAsync(store, "released"));
        Assert.Empty(await store.GetStepsAsync("released", default));
        Assert.Null(await store.GetAsync("nobody", default));
    }

    [StoreFact]
    public async Task A_commit_to_an_instance_that_is_not_running_is_refused_even_under_its_lease()
    {
        var store = await StoreAsync();
        // A pending instance leased to this worker (as a client may create it) that no run has marked running.
        await store.CreateAsync(NewInstance("pending") with { LeaseOwner = "worker-a", LeaseExpiresAt = Now + Lease, Starts = 1 }, default);
        await StartAsync(store, "completed");
        await store.FinishAsync("completed", Completed("1"), default);
        await StartAsync(store, "sleeping");
        await store.AwaitAsync("sleeping", TimerWait(1, 0, Now + TimeSpan.FromHours(1)), Now, false, default);

        foreach (var id in new[] { "pending", "completed", "sleeping" })
        {
            var before = await GetAsync(store, id);
            await RefusedAsync(id, () => store.CommitCheckpointAsync(id, Commit(1, step: Step(1, "charge")), default));
            Assert.Equal(before, await GetAsync(store, id));
            Assert.Empty(await store.GetStepsAsync(id, default));
        }
    }

    [StoreFact]
    public async Task A_commit_consumes_the_events_its_waits_received_and_is_refused_when_one_is_taken_already()
    {
        var store = await StoreAsync();
        await StartAsync(store, "inbox");
        await StartAsync(store, "elsewhere");
        var first = await store.RaiseEventAsync("inbox", "paid", """{"n":1}""", default);
        var second = await store.RaiseEventAsync("inbox", "paid", """{"n":2}""", default);
        var other = await store.RaiseEventAsync("inbox", "shipped", "{}", default);
        var foreign = await store.RaiseEventAsync("elsewhere", "paid", "{}", default);

        await store.CommitCheckpointAsync("inbox", Commit(1, consumed: [first]), default);
        Assert.Equal(
            [(first, (int?)1), (second, null), (other, null)],
            (await store.GetEventsAsync("inbox", default)).Select(e => (e.Sequence, e.ConsumedByCommit)));

        // Consumed already, or another instance's: the whole commit is refused, its state and step with it.
        var before = await GetAsync(store, "inbox");
        await RefusedAsync("inbox", () => store.CommitCheckpointAsync("inbox", Commit(2, slots: """{"n":2}""", step: Step(2, "charge"), consumed: [second, first]), default));
        await RefusedAsync("inbox", () => store.CommitCheckpointAsync("inbox", Commit(2, slots: """{"n":2}""", step: Step(2, "charge"), consumed: [foreign]), default));
        Assert.Equal(before, await GetAsync(store, "inbox"));
        Assert.Empty(await store.GetStepsAsync("inbox", default));
        Assert.Equal(
            [(first, (int?)1), (second, null), (other, null)],
            (await store.GetEventsAsync("inbox", default)).Select(e => (e.Sequence, e.ConsumedByCommit)));
        Assert.Null(Assert.Single(await store.GetEventsAsync("elsewhere", default)).ConsumedByCommit);

        // A fan-out's waits consume several events in one commit.
        await store.CommitCheckpointAsync("inbox", Commit(2, consumed: [second, other]), default);
        Assert.Equal(
            [(first, (int?)1), (second, 2), (other, 2)],
            (await store.GetEventsAsync("inbox", default)).Select(e => (e.Sequence, e.ConsumedByCommit)));
    }

    [StoreFact]
    public async Task A_commit_is_refused_when_it_consumes_an_event_a_wait_rejected()
    {
        var store = await StoreAsync();
        await StartAsync(store, "rejecting");
        var bad = await store.RaiseEventAsync("rejecting", "paid", "not json", default);
        var wait = EventWait(1, 0, "paid");
        Assert.Equal(WaitResolution.EventReceived, (await store.AwaitAsync("rejecting", wait, Now, false, default)).Resolution);
        await store.RejectEventAsync("rejecting", wait, bad, "the payload is not a Payment", default);
        var before = await GetAsync(store, "rejecting");

        await RefusedAsync("rejecting", () => store.CommitCheckpointAsync("rejecting", Commit(1, consumed: [bad]), default));

        Assert.Equal(before, await GetAsync(store, "rejecting"));
        var stored = Assert.Single(await store.GetEventsAsync("rejecting", default));
        Assert.Equal((null, "the payload is not a Payment"), (stored.ConsumedByCommit, stored.RejectedReason));
    }

    [StoreFact]
    public async Task A_commit_reports_a_requested_cancellation_until_one_tells_that_the_workflow_received_it()
    {
        var store = await StoreAsync();
        await StartAsync(store, "cancelled");
        Assert.False(await store.CommitCheckpointAsync("cancelled", Commit(1), default));
        Assert.True(await store.RequestCancellationAsync("cancelled", default));

        Assert.True(await store.CommitCheckpointAsync("cancelled", Commit(2), default));
        var told = await GetAsync(store, "cancelled");
        Assert.Equal((CancellationState.Requested, 2), (told.Cancellation, told.Commits));

        // The workflow received WorkflowCancelledException and compensates: its commits report nothing any more.
        Assert.False(await store.CommitCheckpointAsync("cancelled", Commit(3, cancellationDelivered: true), default));
        Assert.Equal(CancellationState.Delivered, (await GetAsync(store, "cancelled")).Cancellation);
        Assert.False(await store.CommitCheckpointAsync("cancelled", Commit(4), default));
        var compensated = await GetAsync(store, "cancelled");
        Assert.Equal((CancellationState.Delivered, 4), (compensated.Cancellation, compensated.Commits));
    }

    [StoreFact]
    public async Task Commits_and_finishes_of_many_instances_at_once_are_each_committed_or_refused_on_their_own()
    {
        // A store may write concurrent writes together, as one statement: each keeps the outcome it would have alone.
        var store = await StoreAsync();
        var ids = Enumerable.Range(0, 30).Select(i => $"many-{i:00}").ToArray();
        foreach (var id in ids)
        {
            await StartAsync(store, id);
        }

        // Every third has given up its lease; every third but one brings a commit number that is not next.
        bool Kept(int i) => i % 3 == 0;
        bool Released(int i) => i % 3 == 1;
        foreach (var id in ids.Where((_, i) => Released(i)))
        {
            await store.ReleaseLeaseAsync(id, failed: false, default);
        }

        var number = ids.Select((_, i) => Kept(i) ? 1 : 2).ToArray();
        var commits = ids.Select((id, i) => store.CommitCheckpointAsync(id, Commit(number[i], slots: $$"""{"i":{{i}}}""", step: Step(number[i], "charge")), default)).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            if (Kept(i))
            {
                Assert.False(await commits[i]);
                var stored = await GetAsync(store, ids[i]);
                Assert.Equal((1, $$"""{"i":{{i}}}"""), (stored.Commits, stored.Slots));
                Assert.Equal([Step(1, "charge")], await store.GetStepsAsync(ids[i], default));
            }
            else
            {
                await RefusedAsync(ids[i], () => commits[i]);
                var stored = await GetAsync(store, ids[i]);
                Assert.Equal((0, "{}"), (stored.Commits, stored.Slots));
                Assert.Empty(await store.GetStepsAsync(ids[i], default));
            }
        }

        // The released ones are refused; the others still run under the lease and complete.
        var finishes = ids.Select((id, i) => store.FinishAsync(id, Completed($"{i}"), default)).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            if (Released(i))
            {
                await RefusedAsync(ids[i], () => finishes[i]);
                Assert.Equal(WorkflowStatus.Running, (await GetAsync(store, ids[i])).Status);
            }
            else
            {
                await finishes[i];
                var stored = await GetAsync(store, ids[i]);
                Assert.Equal((WorkflowStatus.Completed, $"{i}"), (stored.Status, stored.Result));
            }
        }
    }

    [StoreFact]
    public async Task Writes_of_one_instance_issued_at_once_commit_in_their_order_beside_other_instances_writes()
    {
        // A store may commit several batches at once: a later write of an instance must still wait for its earlier one,
        // or it would find the instance a commit behind and be refused.
        var store = await StoreAsync();
        var ids = Enumerable.Range(0, 40).Select(i => $"ordered-{i:00}").ToArray();
        foreach (var id in ids)
        {
            await StartAsync(store, id);
        }

        const int Commits = 10;
        var writes = new List<Task>();
        for (var number = 1; number <= Commits; number++)
        {
            foreach (var id in ids)
            {
                writes.Add(store.CommitCheckpointAsync(id, Commit(number, slots: $$"""{"n":{{number}}}""", step: Step(number, $"step-{number}")), default));
            }
        }

        writes.AddRange(ids.Select(id => store.FinishAsync(id, Completed("done"), default)));
        await Task.WhenAll(writes);

        foreach (var id in ids)
        {
            var stored = await GetAsync(store, id);
            Assert.Equal((WorkflowStatus.Completed, Commits, $$"""{"n":{{Commits}}}"""), (stored.Status, stored.Commits, stored.Slots));
            Assert.Equal(Enumerable.Range(1, Commits).Select(n => Step(n, $"step-{n}")), await store.GetStepsAsync(id, default));
        }
    }
}
