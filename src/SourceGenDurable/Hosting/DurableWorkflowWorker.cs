using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SourceGenDurable.Execution;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Hosting;

/// <summary>
/// Opens the store when the host starts (so a bad database fails the start), then runs every unfinished instance
/// and every instance started later, up to <see cref="DurableWorkflowOptions.MaxConcurrentWorkflows"/> at a time.
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

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrentWorkflows);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Take the wake-up before reading the store, so a start between the two is never missed.
                var started = signals.WhenStarted;
                foreach (var id in await store.GetRunningIdsAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (_running.ContainsKey(id) || _declined.ContainsKey(id))
                    {
                        continue;
                    }

                    await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    _running[id] = RunAsync(id, slots, stoppingToken);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(started, Task.Delay(settings.PollInterval, timeProvider, wait.Token)).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    private async Task RunAsync(string id, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await executor.RunAsync(id, stoppingToken).ConfigureAwait(false);
            var instance = await store.GetAsync(id, CancellationToken.None).ConfigureAwait(false);
            if (instance is { Status: WorkflowStatus.Running })
            {
                // Still running after the executor returned: it was set aside or the host is stopping.
                _declined.TryAdd(id, true);
            }
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
        }
    }

    [LoggerMessage(10, LogLevel.Error, "Running workflow {WorkflowId} failed in the engine; it is retried from its last checkpoint.")]
    private partial void LogRunFailed(string workflowId, Exception exception);
}
