using SourceGenDurable.Execution;

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

        signals.NotifyStarted("a");
        Assert.True(work.IsCompleted);
        Assert.False(signals.TakeLookRequest());
        Assert.True(signals.TryTakeStarted(out var started));
        Assert.Equal("a", started);
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
            signals.NotifyStarted($"w{i}");
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
    public void A_waiter_is_woken_when_a_run_here_ends_however_it_ends()
    {
        var signals = new WorkflowSignals();
        signals.NotifyRunStarted("w");
        Assert.True(signals.IsRunningHere("w"));
        var finished = signals.WhenFinished("w");

        signals.NotifyRunEnded("w");

        Assert.True(finished.IsCompleted);
        Assert.False(signals.IsRunningHere("w"));
    }
}
