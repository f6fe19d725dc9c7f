using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SourceGenDurable.Execution;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Hosting;

/// <summary>
/// Opens the store when the host starts (so a bad database fails the start), then runs every unfinished instance
/// and every instance started or woken later, up to <see cref="DurableWorkflowOptions.MaxConcurrentWorkflows"/> at a time.
/// On stop it takes no more instances, lets running steps finish until <see cref="DurableWorkflowOptions.ShutdownTimeout"/>,
/// cancels the rest, and every run gives its lease back as it leaves.
/// </summary>
internal sealed partial class DurableWorkflowWorker(
    IWorkflowStore store,
    WorkflowExecutor executor,
    WorkflowSignals signals,
    IOptions<DurableWorkflowOptions> options,
    TimeProvider timeProvider,
    ILogger<DurableWorkflowWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _declined = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _abort = new();

    /// <summary>How many instances this worker is running now.</summary>
    internal int RunningCount => _running.Count;

    /// <summary>
    /// Whether this worker declined <paramref name="id"/> (set aside): it does not run it again until restarted, or until
    /// the instance is resumed in this process.
    /// </summary>
    internal bool Declined(string id) => _declined.ContainsKey(id);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        signals.OnResumed(id => _declined.TryRemove(id, out _));

        // Before the host's start returns (ExecuteAsync begins on another thread), so that the first starts are made
        // leased to this worker too.
        signals.NotifyWorkerRunning(options.Value.MaxConcurrentWorkflows);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
        LogWorkerStarted(store.WorkerId, options.Value.MaxConcurrentWorkflows);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Starts from now on are left in the store for the next worker, not leased to this one.
        signals.NotifyWorkerStopping();
        var timeout = options.Value.ShutdownTimeout;
        using var deadline = timeout == TimeSpan.Zero ? new CancellationTokenSource() : new CancellationTokenSource(timeout, timeProvider);
        if (timeout == TimeSpan.Zero)
        {
            await deadline.CancelAsync().ConfigureAwait(false);
        }

        // The host's own deadline (cancellationToken) cuts the wait short too.
        using var abortAt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        await using var abort = abortAt.Token.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        LogWorkerStopped(store.WorkerId);
    }

    public override void Dispose()
    {
        base.Dispose();
        _abort.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrentWorkflows);
        DateTimeOffset? nextWake = null;
        var nextPoll = DateTimeOffset.MinValue;
        var storeFailures = 0;
        using var wakeups = (store as IWorkflowStoreWakeups)?.SubscribeToWork(signals.NotifyWork);
        using var liveness = (store as IWorkflowStoreLiveness)?.SubscribeToLiveness(signals.NotifyLiveness);
        if (store is IWorkflowStoreLiveness { IsAlive: false })
        {
            signals.NotifyLiveness(false);
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Take the wake-up before reading the store, so a start between the two is never missed.
                var work = signals.WhenWork;

                // The store is looked through when this process asks (a wake-up, a cancellation, a run that may have left
                // something runnable), when a timer is due, and at the poll interval for other processes' instances.
                // Instances started in this process come straight from the client, so a burst of starts costs no scans.
                var now = timeProvider.GetUtcNow();
                if (signals.TakeLookRequest() || now >= nextPoll || nextWake <= now)
                {
                    nextPoll = now + settings.PollInterval;
                    IReadOnlyList<string> ids;
                    try
                    {
                        nextWake = await store.WakeDueAsync(now, stoppingToken).ConfigureAwait(false);
                        ids = await store.GetRunningIdsAsync(stoppingToken).ConfigureAwait(false);
                        storeFailures = 0;
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        // A store server that went away (a restart, a network cut) stops no host: the instances stay at
                        // their last checkpoints, and the worker looks again, backing off up to the poll interval.
                        storeFailures++;
                        LogStoreUnavailable(e, storeFailures);
                        nextWake = null;
                        nextPoll = now + Backoff(storeFailures, settings.PollInterval);
                        ids = [];
                    }

                    // Without liveness every lease would be refused: the ids are looked at again once it is back.
                    for (var i = 0; i < ids.Count && !signals.IsLivenessLost; i++)
                    {
                        await StartRunAsync(ids[i], slots, stoppingToken).ConfigureAwait(false);

                        // After a restart with thousands to resume, the runs started first get on with their steps
                        // instead of queueing behind the start of every other run.
                        if (i % 64 == 63)
                        {
                            await Task.Yield();
                        }
                    }
                }

                while (!signals.IsLivenessLost && signals.TryTakeStarted(out var started))
                {
                    await StartRunAsync(started.Instance.Id, slots, stoppingToken, started.IsLeased ? started : null).ConfigureAwait(false);
                }

                // Sleep until the earliest timer this worker knows of, a wake-up in this process, or the poll for
                // other processes' instances, whichever comes first: a timer 30 days out costs nothing meanwhile.
                var delay = nextPoll - timeProvider.GetUtcNow();
                if (nextWake is { } wake && wake < nextPoll)
                {
                    delay = wake - timeProvider.GetUtcNow();
                }

                delay = delay.Ticks > 0 ? delay : TimeSpan.Zero;

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(work, Task.Delay(delay, timeProvider, wait.Token)).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signals.NotifyWorkerStopping();
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="id"/> once a slot is free, unless this worker runs it already or declined it.
    /// <paramref name="leasedAtStart"/> is the instance as a start in this process created it, leased to this worker.
    /// </summary>
    private async Task StartRunAsync(string id, SemaphoreSlim slots, CancellationToken stoppingToken, StartedInstance? leasedAtStart = null)
    {
        var started = false;
        try
        {
            if (_running.ContainsKey(id) || _declined.ContainsKey(id))
            {
                return;
            }

            await slots.WaitAsync(stoppingToken).ConfigureAwait(false);

            // The run begins only once it is listed: one that ended before it was listed would stay listed, and this
            // worker would never run the instance again.
            var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[id] = RunAsync(id, listed.Task, slots, stoppingToken, _abort.Token, leasedAtStart);
            started = true;
            listed.SetResult();
        }
        finally
        {
            if (!started)
            {
                signals.NotifyLetGo(id);
            }

            // Only now is a leased start among the runs (or let go: its lease runs out and any worker takes it then).
            if (leasedAtStart is not null)
            {
                signals.ReleaseLeasedStart();
            }
        }
    }

    private async Task RunAsync(string id, Task listed, SemaphoreSlim slots, CancellationToken stoppingToken, CancellationToken abort, StartedInstance? leasedAtStart)
    {
        await listed.ConfigureAwait(false);
        var lookAgain = false;
        try
        {
            // A host that cannot run the instance (its workflow is not compiled in, its layout differs, its state does not
            // read) set it aside and leaves it until it is resumed here. A poisoned instance is skipped by every worker
            // through the store, and taken again once it is resumed.
            var end = await executor.RunAsync(id, stoppingToken, abort, leasedAtStart).ConfigureAwait(false);
            if (end == RunEnd.Declined)
            {
                _declined.TryAdd(id, true);
            }

            lookAgain = end != RunEnd.Finished;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The store failed under this instance; it stays as committed and is tried again on the next poll.
            LogRunFailed(id, e);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _running.TryRemove(id, out _);
            slots.Release();
            signals.NotifyLetGo(id);
            if (lookAgain)
            {
                // The run may have saved a timer earlier than the one the loop sleeps until, or been woken (an event,
                // a cancellation) while it was still leaving memory: the loop looks again now that it is off the list.
                signals.NotifyWork();
            }
        }
    }

    /// <summary>100 ms after the first failure, doubling, never longer than the poll interval.</summary>
    private static TimeSpan Backoff(int failures, TimeSpan pollInterval)
    {
        var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return delay < pollInterval ? delay : pollInterval;
    }

    // The host's own events are Information; what happens to each instance is the executor's, at Debug.
    [LoggerMessage(30, LogLevel.Information, "Durable workflow worker {WorkerId} started; it runs up to {MaxConcurrentWorkflows} instances at a time.")]
    private partial void LogWorkerStarted(string workerId, int maxConcurrentWorkflows);

    [LoggerMessage(31, LogLevel.Information, "Durable workflow worker {WorkerId} stopped; its instances resume from their last checkpoints.")]
    private partial void LogWorkerStopped(string workerId);

    [LoggerMessage(11, LogLevel.Warning, "The store cannot be read ({Failures} times in a row); the worker tries again. Running instances stay at their last checkpoints.")]
    private partial void LogStoreUnavailable(Exception exception, int failures);

    [LoggerMessage(10, LogLevel.Error, "Running workflow {WorkflowId} failed in the engine; it is retried from its last checkpoint.")]
    private partial void LogRunFailed(string workflowId, Exception exception);
}
