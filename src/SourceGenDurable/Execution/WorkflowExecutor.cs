using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Diagnostics;
using SourceGenDurable.StateMachines;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>Loads one instance, checks that this host can run it, and runs it from its saved state.</summary>
internal sealed partial class WorkflowExecutor(
    IWorkflowStore store,
    IServiceScopeFactory scopes,
    WorkflowSerializerOptions serializer,
    WorkflowSignals signals,
    TimeProvider timeProvider,
    ILogger<WorkflowExecutor> logger)
{
    /// <summary>Runs <paramref name="id"/> until it finishes, is set aside, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(string id, CancellationToken stopping)
    {
        var instance = await store.GetAsync(id, stopping).ConfigureAwait(false);
        if (instance is not { Status: WorkflowStatus.Running or WorkflowStatus.Pending })
        {
            return;
        }

        if (!WorkflowRegistry.TryGet(instance.Name, out var definition))
        {
            // A workflow of a generic class is registered per closed class: a name with type arguments hints at that.
            var hint = instance.Name.Contains('<', StringComparison.Ordinal)
                ? " It looks like a workflow of a closed generic class: register that class with services.AddDurableWorkflows().AddWorkflowClass<...>() (for example AddWorkflowClass<Repo<Customer>>()) so this host resumes its instances."
                : "";
            await SetAsideAsync(instance, $"No workflow named '{instance.Name}' is compiled into this host.{hint} Registered: {string.Join(", ", WorkflowRegistry.Names)}.", stopping).ConfigureAwait(false);
            return;
        }

        if (definition.LayoutFingerprint != instance.LayoutFingerprint)
        {
            await SetAsideAsync(
                instance,
                $"Workflow '{instance.Name}' was saved under state machine layout {instance.LayoutFingerprint}, but this host's code has layout {definition.LayoutFingerprint}. " +
                "It is left intact for a host that runs the code it was started with.",
                stopping).ConfigureAwait(false);
            return;
        }

        if (instance.Status == WorkflowStatus.Pending)
        {
            // Marked running first, so that an instance whose state cannot be read below can be failed (only a running
            // instance finishes), instead of being picked up again on every pass.
            await store.MarkRunningAsync(instance.Id, stopping).ConfigureAwait(false);
            instance = instance with { Status = WorkflowStatus.Running };
        }

        IWorkflowSlots slots;
        try
        {
            using var document = JsonDocument.Parse(instance.Slots);
            // An instance that has not committed holds its inputs only (a child workflow is started with nothing else).
            slots = instance.Commits == 0
                ? definition.ReadInputs(document.RootElement, serializer.Options)
                : definition.ReadSlots(document.RootElement, serializer.Options);
        }
        catch (Exception e) when (e is JsonException or WorkflowStateException)
        {
            var error = new WorkflowError(e.GetType().FullName!, $"The saved state of '{instance.Id}' at checkpoint {instance.State} could not be read: {e.Message}", e.StackTrace);
            await FinishAsync(instance, WorkflowStatus.Failed, () => store.FailAsync(instance.Id, error, stopping)).ConfigureAwait(false);
            LogStateUnreadable(instance.Id, instance.Name, e.Message);
            return;
        }

        using var activity = DurableTelemetry.ActivitySource.StartActivity($"workflow {instance.Name}", ActivityKind.Internal);
        activity?.SetTag("workflow.id", instance.Id);
        activity?.SetTag("workflow.resume_state", instance.State);
        LogRunning(instance.Id, instance.Name, instance.State);

        using var run = new WorkflowRun(instance, store, serializer.Options, timeProvider, stopping, signals);
        using var cancellation = signals.OnCancelRequested(instance.Id, run.RequestCancellation);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await definition.RunAsync(scope.ServiceProvider, run, slots).ConfigureAwait(false);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: whatever the workflow was doing, its last committed checkpoint is where the next
            // start resumes, and a failure seen while leaving is seen again there.
            LogStopped(instance.Id);
            return;
        }
        catch (WorkflowSuspendedException e) when (run.IsSuspended)
        {
            // Saved as sleeping or waiting: whatever wakes it (its timer, an event, a cancellation) runs it again.
            LogSuspended(instance.Id, e.Message);
            return;
        }
        catch (Exception e) when (run.IsSuspending)
        {
            // The store failed under the instance: it is not the workflow's failure. It stays at its last committed
            // checkpoint, and the worker tries it again.
            LogCommitFailed(instance.Id, e);
            throw;
        }
        catch (Exception e) when (IsCancellation(e))
        {
            LogCancelled(instance.Id, instance.Name);
            await FinishAsync(instance, WorkflowStatus.Cancelled, () => store.CancelAsync(instance.Id, WorkflowError.From(e), CancellationToken.None)).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogFailed(instance.Id, instance.Name, e);
            await FinishAsync(instance, WorkflowStatus.Failed, () => store.FailAsync(instance.Id, WorkflowError.From(e), CancellationToken.None)).ConfigureAwait(false);
            return;
        }

        await FinishAsync(instance, WorkflowStatus.Completed, () => store.CompleteAsync(instance.Id, run.ResultJson, CancellationToken.None)).ConfigureAwait(false);
        LogCompleted(instance.Id, instance.Name);
    }

    /// <summary>
    /// The workflow let its cancellation escape: the exception itself while the process lives, or, after a resume
    /// through a lowered finally, its saved description rebuilt as a <see cref="RestoredException"/>.
    /// </summary>
    private static bool IsCancellation(Exception e) =>
        e is WorkflowCancelledException || (e is RestoredException restored && restored.Original.Type == typeof(WorkflowCancelledException).FullName);

    private async Task FinishAsync(WorkflowInstance instance, WorkflowStatus status, Func<Task> write)
    {
        await write().ConfigureAwait(false);
        DurableTelemetry.WorkflowsFinished.Add(1, new KeyValuePair<string, object?>("workflow.status", status.ToString()));
        signals.NotifyFinished(instance.Id);
    }

    private async Task SetAsideAsync(WorkflowInstance instance, string reason, CancellationToken cancellationToken)
    {
        LogSetAside(instance.Id, reason);
        await store.SetAsideAsync(instance.Id, reason, cancellationToken).ConfigureAwait(false);
        signals.NotifyFinished(instance.Id);
    }

    [LoggerMessage(1, LogLevel.Debug, "Running workflow {WorkflowId} ({WorkflowName}) from state {State}.")]
    private partial void LogRunning(string workflowId, string workflowName, int state);

    [LoggerMessage(2, LogLevel.Information, "Workflow {WorkflowId} ({WorkflowName}) completed.")]
    private partial void LogCompleted(string workflowId, string workflowName);

    [LoggerMessage(3, LogLevel.Warning, "Workflow {WorkflowId} ({WorkflowName}) failed.")]
    private partial void LogFailed(string workflowId, string workflowName, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Workflow {WorkflowId} is set aside: {Reason}")]
    private partial void LogSetAside(string workflowId, string reason);

    [LoggerMessage(5, LogLevel.Error, "Workflow {WorkflowId} ({WorkflowName}) failed: its saved state could not be read. {Reason}")]
    private partial void LogStateUnreadable(string workflowId, string workflowName, string reason);

    [LoggerMessage(7, LogLevel.Error, "Workflow {WorkflowId} could not commit a checkpoint; it stays at its last committed checkpoint.")]
    private partial void LogCommitFailed(string workflowId, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Workflow {WorkflowId} is out of memory: {Reason}")]
    private partial void LogSuspended(string workflowId, string reason);

    [LoggerMessage(9, LogLevel.Information, "Workflow {WorkflowId} ({WorkflowName}) was cancelled.")]
    private partial void LogCancelled(string workflowId, string workflowName);

    [LoggerMessage(6, LogLevel.Information, "Workflow {WorkflowId} stopped with the host; it resumes from its last checkpoint on the next start.")]
    private partial void LogStopped(string workflowId);
}
