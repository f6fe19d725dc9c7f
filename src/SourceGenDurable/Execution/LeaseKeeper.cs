using Microsoft.Extensions.Logging;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>
/// Renews the lease of one run every third of its duration, on the engine's clock, until disposed. When the store
/// answers that this worker no longer holds it (it expired and another worker took the instance over), <see cref="Lost"/>
/// is cancelled: the run stops at once, since none of its commits would be accepted any more.
/// </summary>
internal sealed partial class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly IWorkflowStore _store;
    private readonly string _id;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Task _renewals;

    public LeaseKeeper(IWorkflowStore store, string id, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        (_store, _id, _duration, _timeProvider, _logger) = (store, id, duration, timeProvider, logger);
        _renewals = RenewAsync();
    }

    /// <summary>Cancelled when another worker has taken the instance over.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Another worker has taken the instance over; still readable after disposal.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                // Stopping is the usual end of every run: it ends the delay without throwing (an exception per run costs more
                // than the rest of this loop).
                await Task.Delay(_duration / 3, _timeProvider, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    if (!await _store.RenewLeaseAsync(_id, _duration, _stop.Token).ConfigureAwait(false))
                    {
                        LogLeaseLost(_logger, _id);
                        await _lost.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The lease still runs until its expiry: the next renewal may get through. If none does, another
                    // worker takes the instance over and this run's commits are refused by the owner check.
                    LogRenewalFailed(_logger, _id, e);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Workflow {WorkflowId}: this worker's lease was taken over by another worker; the run stops without committing.")]
    private static partial void LogLeaseLost(ILogger logger, string workflowId);

    [LoggerMessage(21, LogLevel.Warning, "Workflow {WorkflowId}: renewing the lease failed; it is tried again before the lease expires.")]
    private static partial void LogRenewalFailed(ILogger logger, string workflowId, Exception exception);
}
