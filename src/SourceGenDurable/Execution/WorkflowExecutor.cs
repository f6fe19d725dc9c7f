using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    IOptions<DurableWorkflowOptions> options,
    ILogger<WorkflowExecutor> logger)
{
    /// <summary>Runs <paramref name="id"/> until it finishes, is set aside, or <paramref name="stopping"/> fires (running steps are cancelled then too).</summary>
    public Task<RunEnd> RunAsync(string id, CancellationToken stopping) => RunAsync(id, stopping, stopping);

    /// <summary>
    /// Takes the instance's lease and runs it until it finishes, suspends or is set aside. When <paramref name="stopping"/>
    /// fires, no new step or wait starts and the run leaves memory; <paramref name="abort"/> cancels the running steps.
    /// Does nothing when another worker holds the instance. Returns how the run ended, for the worker to know whether to
    /// look at the store again and whether to leave the instance (set aside because this host cannot run it).
    /// <paramref name="leasedAtStart"/>, when given, is the instance as a start in this process created it, already
    /// leased to this worker.
    /// </summary>
    public async Task<RunEnd> RunAsync(string id, CancellationToken stopping, CancellationToken abort, StartedInstance? leasedAtStart = null)
    {
        var settings = options.Value;

        // The run stops when the liveness its lease was given under is lost: for a lease it takes, the host's liveness
        // now, taken before the lease so that a loss while it is being taken counts; for a leased start, the liveness
        // its start was reserved under. When that is lost already, another host may have taken the instance since.
        if (leasedAtStart?.LeaseLiveness.IsCancellationRequested == true)
        {
            leasedAtStart = null;
        }

        var liveness = leasedAtStart?.LeaseLiveness ?? signals.Liveness;
        var lease = leasedAtStart is not { Instance: var started }
            ? await store.AcquireLeaseAsync(id, settings.LeaseDuration, settings.MaxStartsWithoutProgress, stopping).ConfigureAwait(false)
            : await TakeLeasedStartAsync(started, settings, stopping).ConfigureAwait(false);
        switch (lease.Outcome)
        {
            case LeaseOutcome.HeldElsewhere:
                LogHeldElsewhere(id, lease.Instance!.LeaseOwner!);
                return RunEnd.LookAgain;
            case LeaseOutcome.Poisoned:
                LogSetAside(id, lease.Instance!.SetAsideReason!);
                signals.NotifyFinished(id, null);
                return RunEnd.LookAgain;
            case LeaseOutcome.NotRunnable:
                return RunEnd.LookAgain;
        }

        // From here this worker holds the lease. Finishing, suspending and setting aside drop it in their own write;
        // any other way out releases it, so another worker can take the instance at once.
        var leaseDropped = false;
        var failedStart = true;
        var end = RunEnd.LookAgain;
        var keeper = new LeaseKeeper(store, id, settings.LeaseDuration, timeProvider, logger);
        signals.NotifyRunStarted(id);
        try
        {
            (leaseDropped, failedStart, end) = await RunLeasedAsync(lease, keeper, liveness, stopping, abort).ConfigureAwait(false);
        }
        finally
        {
            await keeper.DisposeAsync().ConfigureAwait(false);
            if (!leaseDropped && !keeper.IsLost)
            {
                await ReleaseAsync(id, failedStart).ConfigureAwait(false);
            }

            signals.NotifyRunEnded(id);
        }

        return end;
    }

    /// <summary>
    /// The lease of an instance created leased to this worker. It is used as created while at least half of it is left,
    /// which the lease keeper's first renewal (a third of the way) then extends in time; otherwise it is renewed first.
    /// Only when that fails (the lease ran out and another worker took the instance) is it acquired like any other.
    /// A new instance has no failed step attempts recorded.
    /// </summary>
    private async Task<LeaseAttempt> TakeLeasedStartAsync(WorkflowInstance started, DurableWorkflowOptions settings, CancellationToken stopping)
    {
        var now = timeProvider.GetUtcNow();
        if (started.LeaseExpiresAt - now >= settings.LeaseDuration / 2)
        {
            return new LeaseAttempt(LeaseOutcome.Acquired, started, StepAttemptsRecorded: false);
        }

        if (await store.RenewLeaseAsync(started.Id, settings.LeaseDuration, stopping).ConfigureAwait(false))
        {
            return new LeaseAttempt(LeaseOutcome.Acquired, started with { LeaseExpiresAt = now + settings.LeaseDuration }, StepAttemptsRecorded: false);
        }

        return await store.AcquireLeaseAsync(started.Id, settings.LeaseDuration, settings.MaxStartsWithoutProgress, stopping).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a leased instance. Returns whether its lease was dropped by the write that ended the run, whether the run
    /// counts as a failed start, and how it ended for the worker.
    /// </summary>
    private async Task<(bool LeaseDropped, bool FailedStart, RunEnd End)> RunLeasedAsync(
        LeaseAttempt lease, LeaseKeeper keeper, CancellationToken liveness, CancellationToken hostStopping, CancellationToken hostAbort)
    {
        var instance = lease.Instance!;
        // Cancelling steps always means leaving, and the run must know it is leaving before a cancelled step's
        // continuation (which may run inline) reaches the workflow's catch filters: stopping is cancelled first.
        using var stoppingSource = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        using var abortSource = new CancellationTokenSource();
        void Abort()
        {
            stoppingSource.Cancel();
            abortSource.Cancel();
        }

        using var onHostAbort = hostAbort.Register(Abort);
        using var onLeaseLost = keeper.OnLost(Abort);
        using var onLivenessLost = liveness.Register(Abort);
        var stopping = stoppingSource.Token;

        if (!WorkflowRegistry.TryGet(instance.Name, out var definition))
        {
            // A workflow of a generic class is registered per closed class: a name with type arguments hints at that.
            var hint = instance.Name.Contains('<', StringComparison.Ordinal)
                ? " It looks like a workflow of a closed generic class: register that class with services.AddDurableWorkflows().AddWorkflowClass<...>() (for example AddWorkflowClass<Repo<Customer>>()) so this host resumes its instances."
                : "";
            await SetAsideAsync(instance, $"No workflow named '{instance.Name}' is compiled into this host.{hint} Registered: {string.Join(", ", WorkflowRegistry.Names)}.", stopping).ConfigureAwait(false);
            return (true, false, RunEnd.Declined);
        }

        if (definition.LayoutFingerprint != instance.LayoutFingerprint)
        {
            await SetAsideAsync(
                instance,
                $"Workflow '{instance.Name}' was saved under state machine layout {instance.LayoutFingerprint}, but this host's code has layout {definition.LayoutFingerprint}. " +
                "It is left intact for a host that runs the code it was started with.",
                stopping).ConfigureAwait(false);
            return (true, false, RunEnd.Declined);
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
            // Most often the code changed how a slot's type reads: a host with the code it was saved by, or the record
            // fixed, can still finish it, so it is set aside intact rather than failed.
            await SetAsideAsync(
                instance,
                $"The saved state of '{instance.Id}' ({instance.Name}) at checkpoint {instance.State} could not be read: {e.Message} " +
                "It is left intact: run the code it was saved by, or fix the record, then resume it with IWorkflowClient.ResumeAsync.",
                stopping).ConfigureAwait(false);
            return (true, false, RunEnd.Declined);
        }

        using var activity = DurableTelemetry.ActivitySource.HasListeners() ? DurableTelemetry.ActivitySource.StartActivity($"workflow {instance.Name}", ActivityKind.Internal) : null;
        activity?.SetTag("workflow.id", instance.Id);
        activity?.SetTag("workflow.resume_state", instance.State);
        LogRunning(instance.Id, instance.Name, instance.State);

        using var run = new WorkflowRun(instance, store, serializer.Options, timeProvider, stopping, abortSource.Token, options.Value, signals, lease.StepAttemptsRecorded);
        using var cancellation = signals.OnCancelRequested(instance.Id, run.RequestCancellation);
        await using var scope = scopes.CreateAsyncScope();

        // The workflow body reads a WhenAny's result with the host's options, its registered contexts included.
        WhenAnyResult.RunOptions.Value = serializer.Options;
        try
        {
            await definition.RunAsync(scope.ServiceProvider, run, slots).ConfigureAwait(false);
            run.CheckResult(instance.Name);
        }
        catch (Exception) when (keeper.IsLost)
        {
            // Another worker runs the instance now; this run's writes would all be refused.
            return (false, false, RunEnd.LookAgain);
        }
        catch (Exception) when (liveness.IsCancellationRequested)
        {
            // Another host may take the instance over at any moment: no step or wait may start here until this host is
            // known to be alive again. The last committed checkpoint is where the next run resumes.
            LogLivenessLost(instance.Id);
            return (false, false, RunEnd.LookAgain);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: whatever the workflow was doing, its last committed checkpoint is where the next
            // start resumes, and a failure seen while leaving is seen again there. Not the instance's fault: no failed start.
            LogStopped(instance.Id);
            return (false, false, RunEnd.LookAgain);
        }
        catch (WorkflowSuspendedException e) when (run.IsSuspended)
        {
            // Saved as sleeping or waiting: whatever wakes it (its timer, an event, a cancellation) runs it again.
            LogSuspended(instance.Id, e.Message);
            return (true, false, RunEnd.LookAgain);
        }
        catch (Exception) when (run.Failure is { } failure)
        {
            // The engine failed the workflow (a checkpoint over its limit); writing it again would fail again.
            return (true, false, await FailAsync(instance, failure, activity).ConfigureAwait(false));
        }
        catch (Exception e) when (run.IsSuspending)
        {
            // The store failed under the instance: it is not the workflow's failure. It stays at its last committed
            // checkpoint, and the worker tries it again; the failed start counts towards setting it aside.
            LogCommitFailed(instance.Id, e);
            throw;
        }
        catch (Exception e) when (IsCancellation(e))
        {
            LogCancelled(instance.Id, instance.Name);
            var error = WorkflowError.From(e);
            return (true, false, await FinishAsync(instance, new WorkflowOutcome(WorkflowStatus.Cancelled, null, error)).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            return (true, false, await FailAsync(instance, e, activity).ConfigureAwait(false));
        }

        var completed = await FinishAsync(instance, new WorkflowOutcome(WorkflowStatus.Completed, run.ResultJson, null)).ConfigureAwait(false);
        LogCompleted(instance.Id, instance.Name);
        return (true, false, completed);
    }

    private Task<RunEnd> FailAsync(WorkflowInstance instance, Exception e, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        LogFailed(instance.Id, instance.Name, e);
        var error = WorkflowError.From(e);
        return FinishAsync(instance, new WorkflowOutcome(WorkflowStatus.Failed, null, error));
    }

    /// <summary>Gives the lease back. A store that fails here (a dying process) leaves it to expire.</summary>
    private async Task ReleaseAsync(string id, bool failedStart)
    {
        try
        {
            await store.ReleaseLeaseAsync(id, failedStart, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogReleaseFailed(id, e);
        }
    }

    /// <summary>
    /// The workflow let its cancellation escape: the exception itself while the process lives, or, after a resume
    /// through a lowered finally, its saved description rebuilt as a <see cref="RestoredException"/>.
    /// </summary>
    private static bool IsCancellation(Exception e) =>
        e is WorkflowCancelledException || (e is RestoredException restored && restored.Original.Type == typeof(WorkflowCancelledException).FullName);

    /// <summary>
    /// Writes the instance's end, then hands <paramref name="outcome"/> to whoever waits for it in this process. A child's
    /// end reaches its parent in the same write, and may wake it: only the end of an instance without a parent leaves
    /// nothing new for the worker to find.
    /// </summary>
    private async Task<RunEnd> FinishAsync(WorkflowInstance instance, WorkflowOutcome outcome)
    {
        await store.FinishAsync(instance.Id, outcome, CancellationToken.None).ConfigureAwait(false);
        DurableTelemetry.WorkflowsFinished.Add(1, new KeyValuePair<string, object?>("workflow.status", outcome.Status.ToString()));
        signals.NotifyFinished(instance.Id, outcome);
        return instance.ParentId is null ? RunEnd.Finished : RunEnd.LookAgain;
    }

    private async Task SetAsideAsync(WorkflowInstance instance, string reason, CancellationToken cancellationToken)
    {
        LogSetAside(instance.Id, reason);
        await store.SetAsideAsync(instance.Id, reason, cancellationToken).ConfigureAwait(false);
        signals.NotifyFinished(instance.Id, null);
    }

    [LoggerMessage(1, LogLevel.Debug, "Running workflow {WorkflowId} ({WorkflowName}) from state {State}.")]
    private partial void LogRunning(string workflowId, string workflowName, int state);

    // Per-instance lifecycle is Debug: at thousands of instances a second, Information would flood a console. What needs
    // an operator (failures, set-asides, store errors) is Warning or Error.
    [LoggerMessage(2, LogLevel.Debug, "Workflow {WorkflowId} ({WorkflowName}) completed.")]
    private partial void LogCompleted(string workflowId, string workflowName);

    [LoggerMessage(3, LogLevel.Warning, "Workflow {WorkflowId} ({WorkflowName}) failed.")]
    private partial void LogFailed(string workflowId, string workflowName, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Workflow {WorkflowId} is set aside: {Reason}")]
    private partial void LogSetAside(string workflowId, string reason);

    [LoggerMessage(
        13,
        LogLevel.Warning,
        "Workflow {WorkflowId}: this host's liveness with its store is lost, so another host may run the instance; the run stops at its last committed checkpoint.")]
    private partial void LogLivenessLost(string workflowId);

    [LoggerMessage(7, LogLevel.Error, "Workflow {WorkflowId} could not commit a checkpoint; it stays at its last committed checkpoint.")]
    private partial void LogCommitFailed(string workflowId, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Workflow {WorkflowId} is out of memory: {Reason}")]
    private partial void LogSuspended(string workflowId, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Workflow {WorkflowId} ({WorkflowName}) was cancelled.")]
    private partial void LogCancelled(string workflowId, string workflowName);

    [LoggerMessage(11, LogLevel.Debug, "Workflow {WorkflowId} is run by worker {WorkerId}; this worker leaves it.")]
    private partial void LogHeldElsewhere(string workflowId, string workerId);

    [LoggerMessage(12, LogLevel.Warning, "Workflow {WorkflowId}: its lease could not be released; another worker takes it when it expires.")]
    private partial void LogReleaseFailed(string workflowId, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Workflow {WorkflowId} stopped with the host; it resumes from its last checkpoint on the next start.")]
    private partial void LogStopped(string workflowId);
}

/// <summary>How a run of an instance ended, as far as the worker that started it is concerned.</summary>
internal enum RunEnd
{
    /// <summary>The instance left memory unfinished, or finished and told its parent: the worker looks at the store again.</summary>
    LookAgain,

    /// <summary>The instance finished and has no parent: nothing became runnable, nor due sooner, through this run.</summary>
    Finished,

    /// <summary>
    /// This host cannot run the instance (its workflow is not compiled in, its layout differs, or its saved state does not
    /// read) and set it aside.
    /// </summary>
    Declined,
}
