using Microsoft.Extensions.Logging;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>
/// Renews the lease of one run every third of its duration, on the engine's clock, until disposed. When the store
/// answers that this worker no longer holds it (it expired and another worker took the instance over), the callback
/// given to <see cref="OnLost"/> is called: the run stops at once, since none of its commits would be accepted any more.
/// </summary>
/// <remarks>
/// One timer and this object per run, and nothing else until the first renewal: most runs end long before it. (A delay
/// loop held two token sources, a delay and its registration for every run in flight, which each garbage collection
/// had to copy.)
/// </remarks>
internal sealed partial class LeaseKeeper : IAsyncDisposable
{
    private readonly IWorkflowStore _store;
    private readonly string _id;
    private readonly TimeSpan _duration;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private Task _renewal = Task.CompletedTask;
    private Action? _onLost;
    private volatile bool _stopped;
    private volatile bool _lost;

    public LeaseKeeper(IWorkflowStore store, string id, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        (_store, _id, _duration, _logger) = (store, id, duration, logger);
        _timer = timeProvider.CreateTimer(static keeper => ((LeaseKeeper)keeper!).Renew(), this, duration / 3, duration / 3);
    }

    /// <summary>Another worker has taken the instance over; still readable after disposal.</summary>
    public bool IsLost => _lost;

    /// <summary>
    /// Calls <paramref name="onLost"/> once if another worker takes the instance over, at once if it already has, until
    /// the returned subscription is disposed.
    /// </summary>
    public LostSubscription OnLost(Action onLost)
    {
        bool lost;
        lock (_lock)
        {
            _onLost = onLost;
            lost = _lost;
        }

        if (lost)
        {
            onLost();
        }

        return new LostSubscription(this);
    }

    /// <summary>Stops the renewals and waits for one under way, so that the lease is not renewed after the run released it.</summary>
    public async ValueTask DisposeAsync()
    {
        Task renewal;
        lock (_lock)
        {
            _stopped = true;
            _onLost = null;
            renewal = _renewal;
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
    }

    private void Renew()
    {
        lock (_lock)
        {
            if (_stopped || _lost)
            {
                return;
            }

            // One renewal at a time, each after the one before: a tick that comes while one is still waiting for the
            // writer queues behind it rather than being skipped.
            _renewal = _renewal.IsCompleted ? RenewAsync() : RenewAfterAsync(_renewal);
        }
    }

    private async Task RenewAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(false);
        await RenewAsync().ConfigureAwait(false);
    }

    private async Task RenewAsync()
    {
        if (_stopped || _lost)
        {
            return;
        }

        try
        {
            if (await _store.RenewLeaseAsync(_id, _duration, CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (Exception e)
        {
            // The lease still runs until its expiry: the next renewal may get through. If none does, another worker
            // takes the instance over and this run's commits are refused by the owner check.
            LogRenewalFailed(_logger, _id, e);
            return;
        }

        Action? onLost;
        lock (_lock)
        {
            _lost = true;
            onLost = _onLost;
            _onLost = null;
        }

        LogLeaseLost(_logger, _id);
        onLost?.Invoke();
    }

    /// <summary>Ends the run's interest in the lease's loss (its cancellation sources are about to be disposed).</summary>
    internal readonly struct LostSubscription(LeaseKeeper keeper) : IDisposable
    {
        public void Dispose()
        {
            lock (keeper._lock)
            {
                keeper._onLost = null;
            }
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Workflow {WorkflowId}: this worker's lease was taken over by another worker; the run stops without committing.")]
    private static partial void LogLeaseLost(ILogger logger, string workflowId);

    [LoggerMessage(21, LogLevel.Warning, "Workflow {WorkflowId}: renewing the lease failed; it is tried again before the lease expires.")]
    private static partial void LogRenewalFailed(ILogger logger, string workflowId, Exception exception);
}
