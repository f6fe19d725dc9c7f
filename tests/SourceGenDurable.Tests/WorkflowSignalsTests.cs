using SourceGenDurable.Execution;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests;

/// <summary>The in-process wake-ups between the client, the worker and the runs.</summary>
public sealed class WorkflowSignalsTests
{
    [Fact]
    public void A_start_reaches_the_worker_directly_and_only_a_wake_up_asks_it_to_look_through_the_store()
    {
        var signals = new WorkflowSignals();
        Assert.True(signals.TakeLookRequest()); // the worker's first pass always looks
        var work = signals.WhenWork;

        signals.NotifyStarted(Started("a"));
        Assert.True(work.IsCompleted);
        Assert.False(signals.TakeLookRequest());
        Assert.True(signals.TryTakeStarted(out var started));
        Assert.Equal("a", started.Instance.Id);
        Assert.False(signals.TryTakeStarted(out _));

        signals.NotifyWork();
        Assert.True(signals.TakeLookRequest());
        Assert.False(signals.TakeLookRequest());
    }

    [Fact]
    public void Starts_that_no_worker_takes_stop_queuing_in_memory_and_are_left_to_the_store()
    {
        var signals = new WorkflowSignals();
        signals.TakeLookRequest();
        for (var i = 0; i <= 10_000; i++)
        {
            signals.NotifyStarted(Started($"w{i}"));
        }

        var queued = 0;
        while (signals.TryTakeStarted(out _))
        {
            queued++;
        }

        Assert.Equal(10_000, queued);
        Assert.True(signals.TakeLookRequest());
    }

    [Fact]
    public async Task A_start_handed_to_a_running_worker_stays_handed_over_until_the_worker_lets_it_go_which_wakes_its_waiters()
    {
        var signals = new WorkflowSignals();
        signals.NotifyStarted(Started("queued"));
        Assert.False(signals.IsHandedOver("queued")); // no worker runs yet: the store decides

        signals.NotifyWorkerRunning(4);
        Assert.True(signals.IsHandedOver("queued"));
        Assert.True(signals.TryTakeStarted(out _));
        Assert.True(signals.IsHandedOver("queued")); // taken, but not run yet
        var waiter = signals.WhenFinished("queued");

        signals.NotifyLetGo("queued");
        Assert.False(signals.IsHandedOver("queued"));
        Assert.Null(await waiter.WaitAsync(TimeSpan.FromSeconds(5)));

        signals.NotifyStarted(Started("left"));
        signals.NotifyWorkerStopping();
        Assert.False(signals.IsHandedOver("left"));
    }

    [Fact]
    public async Task A_waiter_is_woken_when_a_run_here_ends_however_it_ends()
    {
        var signals = new WorkflowSignals();
        signals.NotifyRunStarted("w");
        Assert.True(signals.IsRunningHere("w"));
        var finished = signals.WhenFinished("w");

        signals.NotifyRunEnded("w");

        Assert.True(finished.IsCompleted);
        Assert.Null(await finished); // ended without an outcome: the waiter reads the store
        Assert.False(signals.IsRunningHere("w"));
    }

    [Fact]
    public async Task A_run_that_finished_hands_its_outcome_to_the_waiters_and_a_later_waiter_waits_for_the_next_end()
    {
        var signals = new WorkflowSignals();
        signals.NotifyRunStarted("w");
        var first = signals.WhenFinished("w");
        var second = signals.WhenFinished("w");
        var outcome = new WorkflowOutcome(WorkflowStatus.Completed, "42", null);

        signals.NotifyFinished("w", outcome);
        var late = signals.WhenFinished("w");

        Assert.Same(outcome, await first);
        Assert.Same(outcome, await second);
        Assert.False(late.IsCompleted);
        signals.NotifyRunEnded("w");
        Assert.Null(await late);
    }

    [Fact]
    public void A_start_is_made_leased_only_while_the_worker_runs_and_has_a_slot_for_it()
    {
        var signals = new WorkflowSignals();
        Assert.False(signals.TryReserveLeasedStart(out _)); // no worker in this process

        signals.NotifyWorkerRunning(maxRuns: 2);
        signals.NotifyRunStarted("running");
        Assert.True(signals.TryReserveLeasedStart(out _));
        Assert.False(signals.TryReserveLeasedStart(out _)); // one run and one leased start fill both slots

        // The leased start is handed over, and waits until the worker has it among its runs; its run then takes the slot.
        signals.NotifyStarted(Started("leased", leaseOwner: "worker-1"));
        Assert.True(signals.TryTakeStarted(out var taken));
        Assert.Equal("worker-1", taken.Instance.LeaseOwner);
        Assert.True(signals.HasLeasedStartsWaiting);
        signals.ReleaseLeasedStart();
        Assert.False(signals.HasLeasedStartsWaiting);
        signals.NotifyRunStarted("leased");
        Assert.False(signals.TryReserveLeasedStart(out _));

        // A run that ends frees its slot; a reservation that is not used gives it back.
        signals.NotifyRunEnded("running");
        Assert.True(signals.TryReserveLeasedStart(out _));
        Assert.False(signals.TryReserveLeasedStart(out _));
        signals.ReleaseLeasedStart();
        Assert.True(signals.TryReserveLeasedStart(out _));
        signals.ReleaseLeasedStart();

        signals.NotifyWorkerStopping();
        Assert.False(signals.TryReserveLeasedStart(out _));
    }

    [Fact]
    public void A_leased_start_carries_the_liveness_it_was_reserved_under_and_none_is_reserved_while_liveness_is_lost()
    {
        var signals = new WorkflowSignals();
        signals.NotifyWorkerRunning(maxRuns: 4);
        Assert.True(signals.TryReserveLeasedStart(out var reservedBefore));

        signals.NotifyLiveness(false);
        Assert.False(signals.TryReserveLeasedStart(out _));
        signals.NotifyStarted(Started("leased", leaseOwner: "worker-1"), reservedBefore);
        signals.NotifyLiveness(true);

        // Handed over after liveness came back, the start still carries the liveness that was lost: its lease may be gone.
        Assert.True(signals.TryTakeStarted(out var started));
        Assert.True(started.LeaseLiveness.IsCancellationRequested);
        Assert.True(signals.TryReserveLeasedStart(out var reservedAfter));
        Assert.False(reservedAfter.IsCancellationRequested);
    }

    [Fact]
    public void A_leased_start_is_always_handed_to_the_worker_even_past_the_queue_limit()
    {
        var signals = new WorkflowSignals();
        for (var i = 0; i < 10_000; i++)
        {
            signals.NotifyStarted(Started($"w{i}"));
        }

        // Only the worker can run an instance leased to it until the lease ends: it is never left to the store.
        signals.NotifyStarted(Started("leased", leaseOwner: "worker-1"));

        var last = default(WorkflowInstance);
        while (signals.TryTakeStarted(out var started))
        {
            last = started.Instance;
        }

        Assert.Equal("leased", last?.Id);
    }

    private static WorkflowInstance Started(string id, string? leaseOwner = null) =>
        new(id, "Tests.Workflow", WorkflowStatus.Pending, -1, 0, "fingerprint", "{}", null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, LeaseOwner: leaseOwner);
}
