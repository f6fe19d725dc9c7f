using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using SourceGenDurable.Diagnostics;
using SourceGenDurable.StateMachines;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>
/// One execution of one instance, from the state it was loaded at until it returns or the process stops.
/// Generated state machines call it at every durable operation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class WorkflowRun : IDisposable
{
    private readonly IWorkflowStore _store;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenSource _stepCancellation;
    private readonly CancellationToken _abort;
    private StepRecord? _pendingStep;
    private readonly List<long> _pendingEvents = [];
    private int _commits;
    private readonly int _loadedCommits;
    private int _waitsSinceCommit;
    private int _stepsSinceCommit;
    private int _fanOutsSinceCommit;
    private bool _commitFailed;
    private volatile bool _cancelRequested;
    private bool _cancelTold;
    private readonly WorkflowSignals? _signals;
    private readonly bool _stepAttemptsRecorded;
    private readonly DurableWorkflowOptions _limits;

    // cancellationToken: the host is stopping, so no new step or wait starts and the run leaves memory. abort: running
    // steps are cancelled too (the shutdown timeout passed, or the lease was lost). stepAttemptsRecorded: from the lease.
    // limits: the sizes of results, checkpoints and child inputs.
    internal WorkflowRun(WorkflowInstance instance, IWorkflowStore store, JsonSerializerOptions json, TimeProvider timeProvider, CancellationToken cancellationToken, CancellationToken abort, DurableWorkflowOptions limits, WorkflowSignals? signals = null, bool stepAttemptsRecorded = true)
    {
        _limits = limits;
        _signals = signals;
        _stepAttemptsRecorded = stepAttemptsRecorded;
        InstanceId = instance.Id;
        ResumeState = instance.State;
        _commits = instance.Commits;
        _loadedCommits = instance.Commits;
        _store = store;
        _json = json;
        _timeProvider = timeProvider;
        CancellationToken = cancellationToken;
        _abort = abort;
        _stepCancellation = CancellationTokenSource.CreateLinkedTokenSource(abort, _cancellation.Token);
        _cancelTold = instance.Cancellation == CancellationState.Delivered;
        if (instance.Cancellation != CancellationState.None)
        {
            RequestCancellation();
        }

        Context = new DurableWorkflowContext(instance.Id, timeProvider, _cancellation.Token);
    }

    /// <summary>The instance being run.</summary>
    public string InstanceId { get; }

    /// <summary>The checkpoint the instance was loaded at; -1 when it has not passed any.</summary>
    public int ResumeState { get; }

    /// <summary>The context handed to the workflow body.</summary>
    public WorkflowContext Context { get; }

    /// <summary>
    /// Cancelled when the host stops: no new step or wait starts after it. A step already running goes on (its token is
    /// cancelled later, at the shutdown timeout) and its checkpoint is still committed.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// True once the instance is leaving memory: the host is stopping, a checkpoint could not be committed, or a durable
    /// wait saved the instance as sleeping or waiting. Generated code skips the user's catch and finally blocks then: the
    /// instance resumes from its last committed checkpoint later, and they run at that time. An infrastructure failure
    /// is never the workflow's to catch; nor is a failure the engine decided (<see cref="Failure"/>).
    /// </summary>
    public bool IsSuspending => _commitFailed || IsSuspended || Failure is not null || CancellationToken.IsCancellationRequested;

    /// <summary>
    /// Set when the engine fails the workflow (a checkpoint over its limit): the run unwinds past the workflow's catch and
    /// finally blocks, and the instance fails with it.
    /// </summary>
    internal WorkflowLimitExceededException? Failure { get; private set; }

    /// <summary>A durable wait saved the instance as sleeping or waiting; it unwinds and leaves memory.</summary>
    internal bool IsSuspended { get; private set; }

    internal string? ResultJson { get; private set; }

    /// <summary>Cancellation was requested and the workflow has not received <see cref="WorkflowCancelledException"/> yet.</summary>
    private bool CancellationPending => _cancelRequested && !_cancelTold;

    /// <summary>
    /// Rebuilds a step's recorded last exception as the type the workflow's catch clauses name, when they name it (a
    /// <see cref="RestoredException"/> otherwise); generated code sets it for workflows with typed catch clauses.
    /// </summary>
    public Func<WorkflowError, Exception>? RebuildException { get; set; }

    /// <summary>Runs a step with a result, retried at once up to <paramref name="maxAttempts"/> times in all.</summary>
    public Task<T> StepAsync<T>(int checkpoint, string name, int maxAttempts, Func<CancellationToken, Task<T>> body) =>
        StepAsync(checkpoint, name, RetryPolicy.WithMaxAttempts(maxAttempts), body);

    /// <summary>Runs a step without a result, retried at once up to <paramref name="maxAttempts"/> times in all.</summary>
    public Task StepAsync(int checkpoint, string name, int maxAttempts, Func<CancellationToken, Task> body) =>
        StepAsync(checkpoint, name, RetryPolicy.WithMaxAttempts(maxAttempts), body);

    /// <summary>Runs a step with a result under <paramref name="policy"/>; the result is committed by the next <see cref="CheckpointAsync"/>.</summary>
    public async Task<T> StepAsync<T>(int checkpoint, string name, RetryPolicy policy, Func<CancellationToken, Task<T>> body)
    {
        if (CurrentBranch?.Recorded is { } recorded)
        {
            return SlotSerializer.Deserialize<T>(recorded.Result!, _json);
        }

        var (value, result, attempts, startedAt) = await RunWithAttemptsAsync(checkpoint, name, policy, body, keepResult: true).ConfigureAwait(false);
        await CompleteStepAsync(checkpoint, name, result, attempts, startedAt).ConfigureAwait(false);
        return value;
    }

    /// <summary>Runs a step without a result under <paramref name="policy"/>; its completion is committed by the next <see cref="CheckpointAsync"/>.</summary>
    public async Task StepAsync(int checkpoint, string name, RetryPolicy policy, Func<CancellationToken, Task> body)
    {
        if (CurrentBranch?.Recorded is not null)
        {
            return;
        }

        var (_, _, attempts, startedAt) = await RunWithAttemptsAsync<bool>(
            checkpoint,
            name,
            policy,
            async ct =>
            {
                await body(ct).ConfigureAwait(false);
                return true;
            },
            keepResult: false).ConfigureAwait(false);
        await CompleteStepAsync(checkpoint, name, null, attempts, startedAt).ConfigureAwait(false);
    }

    /// <summary>A step's result: committed by the next checkpoint, or in a fan-out recorded at once as its branch's.</summary>
    private async ValueTask CompleteStepAsync(int checkpoint, string name, string? result, int attempts, DateTimeOffset startedAt)
    {
        if (CurrentBranch is not { } branch)
        {
            _pendingStep = new StepRecord(_commits + 1, checkpoint, name, result, attempts, _timeProvider.GetUtcNow(), startedAt);
            return;
        }

        branch.Result = result;
        if (!branch.FanOut.Decided)
        {
            var record = new BranchRecord(_commits + 1, branch.FanOut.Ordinal, branch.Index, checkpoint, name, result, attempts, _timeProvider.GetUtcNow(), startedAt);
            await WriteAsync(() => _store.RecordBranchAsync(InstanceId, record, _abort)).ConfigureAwait(false);
        }
    }

    /// <summary>A durable timer of <paramref name="duration"/>, due from when it is first reached; the next <see cref="CheckpointAsync"/> commits it.</summary>
    public Task SleepAsync(int checkpoint, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return ResolveAsync(checkpoint, WaitKind.Timer, null, _timeProvider.GetUtcNow() + duration);
    }

    /// <summary>A durable timer until <paramref name="dueTime"/>; the next <see cref="CheckpointAsync"/> commits it.</summary>
    public Task SleepUntilAsync(int checkpoint, DateTimeOffset dueTime) => ResolveAsync(checkpoint, WaitKind.Timer, null, dueTime);

    /// <summary>Waits for the next event named <paramref name="name"/>; the next <see cref="CheckpointAsync"/> consumes it.</summary>
    public Task<T> WaitForEventAsync<T>(int checkpoint, string name) => WaitForEventAsync<T>(checkpoint, name, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Waits for the next event named <paramref name="name"/> until <paramref name="timeout"/> after the wait was first
    /// reached (<see cref="Timeout.InfiniteTimeSpan"/>: no deadline); the next <see cref="CheckpointAsync"/> consumes it.
    /// </summary>
    public async Task<T> WaitForEventAsync<T>(int checkpoint, string name, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"The timeout of the wait for event '{name}' must not be negative.");
        }

        DateTimeOffset? deadline = timeout == Timeout.InfiniteTimeSpan ? null : _timeProvider.GetUtcNow() + timeout;
        var (wait, outcome) = await ResolveAsync(checkpoint, WaitKind.Event, name, deadline).ConfigureAwait(false);
        var received = outcome.Event!;
        if (outcome.Resolution == WaitResolution.EventRejected)
        {
            throw new EventPayloadException(name, typeof(T), received.Payload, received.RejectedReason!);
        }

        T value;
        try
        {
            value = SlotSerializer.Deserialize<T>(received.Payload, _json);
        }
        catch (JsonException e)
        {
            var reason = $"Event '{name}' (#{received.Sequence}) raised to workflow '{InstanceId}' does not deserialize to {typeof(T)}: {e.Message} " +
                "It is kept in the inbox, marked rejected, and no later wait receives it; raise a corrected event, or wait for this name with a type that fits.";
            await WriteAsync(() => _store.RejectEventAsync(InstanceId, wait, received.Sequence, reason, _abort)).ConfigureAwait(false);
            throw new EventPayloadException(name, typeof(T), received.Payload, reason, e);
        }

        Received(received, received.Payload);
        return value;
    }

    /// <summary>
    /// Commits checkpoint <paramref name="state"/>: the slots and the result of the step that just ran (or the event a
    /// wait received), in one transaction. A resume enters right after it.
    /// </summary>
    public async Task CheckpointAsync(int state, IWorkflowSlots slots)
    {
        var step = _pendingStep;
        if (step is not null && step.Checkpoint != state)
        {
            throw new InvalidOperationException($"Checkpoint {state} was committed while step '{step.Name}' of checkpoint {step.Checkpoint} was pending.");
        }

        // Only a wait reached since the last commit (a fan-out's waits count apart), or one a previous run reached before the
        // first commit since loading, has a record to remove.
        var mayHaveWaits = _waitsSinceCommit > 0 || _fanOutsSinceCommit > 0 || _commits == _loadedCommits;
        var json = SlotsWriter.Write(slots, _json, out var bytes);
        if (bytes > _limits.MaxCheckpointBytes)
        {
            // Counted from what was written for the commit anyway; naming the largest slots costs only on this path.
            Failure = WorkflowLimits.CheckpointTooLarge(_limits, InstanceId, state, json, bytes);
            throw Failure;
        }

        var commit = new CheckpointCommit(state, _commits + 1, json, step, _pendingEvents.ToArray(), _cancelTold, mayHaveWaits);
        // Committed even while the host stops: the step that just finished is not run again by the next worker. Awaited
        // here rather than through WriteAsync, whose frame and closure every step would pay for.
        bool cancelRequested;
        try
        {
            cancelRequested = await _store.CommitCheckpointAsync(InstanceId, commit, _abort).ConfigureAwait(false);
        }
        catch
        {
            _commitFailed = true;
            throw;
        }

        _commits++;
        _waitsSinceCommit = 0;
        _stepsSinceCommit = 0;
        _fanOutsSinceCommit = 0;
        _pendingStep = null;
        _pendingEvents.Clear();
        if (cancelRequested)
        {
            // Requested from another process: the commit is where this one learns of it.
            RequestCancellation();
        }

        DurableTelemetry.CheckpointsCommitted.Add(1);
    }

    /// <summary>Cancellation was requested (in this process, or seen in the store): the next durable await throws.</summary>
    internal void RequestCancellation()
    {
        _cancelRequested = true;
        _cancellation.Cancel();
    }

    /// <summary>Releases the cancellation sources; the engine disposes a run when it leaves memory.</summary>
    void IDisposable.Dispose()
    {
        _stepCancellation.Dispose();
        _cancellation.Dispose();
    }

    /// <summary>
    /// Throws a pending exception again after lowered catch and finally bodies, keeping its stack: the original object
    /// while the process that caught it lives, after a resume one that generated code rebuilt from its description.
    /// Declared to return the exception so that generated code can write <c>throw __run.Rethrow(...)</c>.
    /// </summary>
    public Exception Rethrow(Exception exception)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        return exception;
    }

    /// <summary>Stores a pattern variable into its slot as the pattern matches; always true.</summary>
    public bool Capture<T>(out T slot, T value)
    {
        slot = value;
        return true;
    }

    /// <summary>Records the workflow's return value.</summary>
    public void SetResult<T>(T result) => ResultJson = SlotSerializer.Serialize(result, _json);

    /// <summary>Fails the workflow when its result is over <see cref="DurableWorkflowOptions.MaxResultBytes"/>; the engine checks it once the body returned.</summary>
    internal void CheckResult(string workflowName)
    {
        if (ResultJson is { } result)
        {
            WorkflowLimits.CheckWorkflowResult(_limits, InstanceId, workflowName, result);
        }
    }

    /// <summary>
    /// Runs a step's attempts. Each failed attempt is recorded before anything follows it; a retry delay is a durable
    /// timer (the instance sleeps and leaves memory, and when woken re-executes to this step, reads the recorded attempts
    /// and makes the next one). A step whose attempts are all recorded throws its last exception again at once: the
    /// object itself in the run that caught it, rebuilt from its description in a later run. With
    /// <paramref name="keepResult"/>, an attempt's result is serialized as part of it: a result that cannot be recorded
    /// (over its limit, or not serializable) fails the attempt finally, as retrying would return the same again.
    /// </summary>
    private async ValueTask<(T Value, string? Result, int Attempts, DateTimeOffset StartedAt)> RunWithAttemptsAsync<T>(int checkpoint, string name, RetryPolicy policy, Func<CancellationToken, Task<T>> body, bool keepResult)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate(name);
        var sequence = _commits + 1;
        // A fan-out's step is keyed by its position in the fan-out, since its branches run concurrently.
        var ordinal = CurrentBranch is { } branch ? BranchOrdinal(branch, 0) : _stepsSinceCommit++;
        var idempotencyKey = $"{InstanceId}:{sequence}:{checkpoint}:{ordinal}";
        var last = await LastRecordedAttemptAsync(sequence, ordinal, checkpoint, name).ConfigureAwait(false);
        if (last is { Final: true })
        {
            throw RebuildStepFailure(last);
        }

        // The backoff waits after the attempts recorded before the last one were passed in earlier runs: skip their
        // wait positions, so that the wait after the last one is keyed as it was when it was first reached.
        for (var earlier = 1; earlier < (last?.Attempt ?? 0); earlier++)
        {
            if (policy.DelayAfter(earlier) > TimeSpan.Zero)
            {
                NextWaitOrdinal();
            }
        }

        // The name is built only when someone listens: every step would otherwise pay for a string nobody reads.
        using var activity = DurableTelemetry.ActivitySource.HasListeners() ? DurableTelemetry.ActivitySource.StartActivity($"step {name}", ActivityKind.Internal) : null;
        activity?.SetTag("workflow.id", InstanceId);
        activity?.SetTag("workflow.checkpoint", checkpoint);
        for (var attempt = (last?.Attempt ?? 0) + 1; ; attempt++)
        {
            ThrowIfCancelled();

            if (last is not null && policy.DelayAfter(last.Attempt) is { } delay && delay > TimeSpan.Zero)
            {
                // Due from the recorded end of the failed attempt, so every re-execution computes the same time.
                await ResolveAsync(checkpoint, WaitKind.Timer, null, last.EndedAt + delay).ConfigureAwait(false);
            }

            DurableTelemetry.StepAttempts.Add(1);
            var startedAt = _timeProvider.GetUtcNow();
            var returned = false;
            try
            {
                // Compensation after the workflow has been told of its cancellation must be able to finish.
                var token = _cancelTold ? _abort : _stepCancellation.Token;
                var running = RunAttempt(new StepContext(InstanceId, name, attempt, idempotencyKey), body, CurrentBranch?.FanOut.StepToken(token) ?? token);
                var value = running.IsCompletedSuccessfully ? running.Result : await running.ConfigureAwait(false);
                returned = true;
                return (value, keepResult ? StepResult(name, value) : null, attempt, startedAt);
            }
            catch (Exception) when (CurrentBranch is { FanOut.Decided: true })
            {
                // A WhenAny step that lost the race and was cancelled: its failure is nobody's and is not recorded.
                throw;
            }
            catch (Exception) when (CurrentBranch is { } racing && racing.FanOut.CancelledDuring(_cancelRequested) && !CancellationToken.IsCancellationRequested)
            {
                // As below, for every branch of a fan-out the cancellation reached, not only the first to fail.
                _cancelTold = true;
                throw WorkflowCancelledException.For(InstanceId);
            }
            catch (Exception) when (CancellationPending && !CancellationToken.IsCancellationRequested)
            {
                // The step failed while the workflow was being cancelled (most likely because of it): no retry.
                throw DeliverCancellation();
            }
            catch (Exception e) when (!CancellationToken.IsCancellationRequested)
            {
                // An attempt that ended once the host was stopping (the stop may have cut it short) is not recorded,
                // and runs again after the restart. One that failed before is recorded even if the stop begins during
                // the write (the write is cut only at the shutdown timeout), so it is not made again.
                last = new StepAttempt(
                    sequence, ordinal, checkpoint, name, attempt, WorkflowError.From(e), startedAt, _timeProvider.GetUtcNow(), attempt >= policy.MaxAttempts || policy.IsNotRetried(e) || returned);
                var recorded = last;
                await WriteAsync(() => _store.RecordStepAttemptAsync(InstanceId, recorded, _abort)).ConfigureAwait(false);
                if (last.Final)
                {
                    throw;
                }

                activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["exception.type"] = last.Error.Type }));
            }
        }
    }

    /// <summary>A step's result as it is recorded.</summary>
    /// <exception cref="WorkflowLimitExceededException">It is over <see cref="DurableWorkflowOptions.MaxResultBytes"/>.</exception>
    private string StepResult<T>(string name, T value)
    {
        var json = SlotSerializer.Serialize(value, _json);
        WorkflowLimits.CheckStepResult(_limits, InstanceId, name, json);
        return json;
    }

    /// <summary>
    /// Starts one attempt with <see cref="StepContext.Current"/> set for the body. Set and restored here as an async
    /// method would (the body's own awaits capture it), without the extra task and frame of one.
    /// </summary>
    private static Task<T> RunAttempt<T>(StepContext step, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        var outer = StepContext.Current;
        StepContext.Current = step;
        try
        {
            return body(cancellationToken);
        }
        finally
        {
            StepContext.Current = outer;
        }
    }

    /// <summary>
    /// The last failed attempt a previous run recorded for this step. Only the first commit after loading can have
    /// them, and only when the lease found some: a run that has committed since reaches every later step for the first
    /// time (a suspension ends the run).
    /// </summary>
    private async ValueTask<StepAttempt?> LastRecordedAttemptAsync(int sequence, int ordinal, int checkpoint, string name)
    {
        if (_commits != _loadedCommits || !_stepAttemptsRecorded)
        {
            return null;
        }

        var recorded = await WriteAsync(() => _store.GetStepAttemptsAsync(InstanceId, sequence, ordinal, CancellationToken)).ConfigureAwait(false);
        if (recorded.Count > 0 && recorded[^1].Checkpoint != checkpoint)
        {
            throw new InvalidOperationException(
                $"Instance '{InstanceId}' re-executed from its last checkpoint and reached step '{name}' at checkpoint {checkpoint}, where it first reached " +
                $"step '{recorded[^1].StepName}' at checkpoint {recorded[^1].Checkpoint}. The code between checkpoints must be deterministic: " +
                "read the time, random numbers and outside state through ctx or a step.");
        }

        return recorded.Count > 0 ? recorded[^1] : null;
    }

    /// <summary>
    /// A step's last exception, in a run after the one that caught it: as the type a catch clause of the workflow
    /// names, or a <see cref="StepFailedException"/> that describes it.
    /// </summary>
    private Exception RebuildStepFailure(StepAttempt last) =>
        RebuildException?.Invoke(last.Error) is { } rebuilt and not RestoredException
            ? rebuilt
            : new StepFailedException(last.StepName, last.Attempt, last.Error);

    /// <summary>
    /// Resolves a durable wait with the store, or suspends: the instance is saved as sleeping or waiting, and the run
    /// unwinds to its caller without running the workflow's catch or finally blocks. Woken, it re-executes from its last
    /// checkpoint and reaches this wait again at the same position, which then resolves.
    /// </summary>
    private async Task<(WaitRequest Wait, WaitOutcome Outcome)> ResolveAsync(int checkpoint, WaitKind kind, string? name, DateTimeOffset? due)
    {
        ThrowIfCancelled();
        var branch = CurrentBranch;
        var wait = new WaitRequest(_commits + 1, NextWaitOrdinal(), checkpoint, kind, name, due, InFanOut: branch is not null);
        var outcome = await WriteAsync(() => _store.AwaitAsync(InstanceId, wait, _timeProvider.GetUtcNow(), _cancelTold, _abort)).ConfigureAwait(false);
        while (outcome.Resolution == WaitResolution.Pending)
        {
            // The fan-out suspends when all its branches are done or pending, and tells the pending ones when to look again.
            await branch!.FanOut.PendingAsync(branch, wait, outcome.DueAt).ConfigureAwait(false);
            outcome = await WriteAsync(() => _store.AwaitAsync(InstanceId, wait, _timeProvider.GetUtcNow(), _cancelTold, _abort)).ConfigureAwait(false);
        }

        switch (outcome.Resolution)
        {
            case WaitResolution.Suspended:
                IsSuspended = true;
                throw new WorkflowSuspendedException(InstanceId, kind == WaitKind.Timer ? "its timer" : $"event '{name}'");
            case WaitResolution.TimedOut:
                throw new EventTimeoutException(InstanceId, name!);
            case WaitResolution.CancellationRequested:
                RequestCancellation();
                throw DeliverCancellation();
            default:
                return (wait, outcome);
        }
    }

    /// <summary>A write to the store; when it fails, the run leaves memory at its last committed checkpoint.</summary>
    private async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch
        {
            _commitFailed = true;
            throw;
        }
    }

    private Task WriteAsync(Func<Task> write) => WriteAsync(async () =>
    {
        await write().ConfigureAwait(false);
        return true;
    });

    /// <summary>Before a durable operation starts: the host is stopping, or the workflow has a cancellation to receive.</summary>
    private void ThrowIfCancelled()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (CancellationPending)
        {
            throw DeliverCancellation();
        }
    }

    private WorkflowCancelledException DeliverCancellation()
    {
        _cancelTold = true;
        return WorkflowCancelledException.For(InstanceId);
    }
}

/// <summary>Unwinds a run whose instance was saved as sleeping or waiting; never seen by workflow code (its catch filters skip it).</summary>
internal sealed class WorkflowSuspendedException(string workflowId, string awaited)
    : Exception($"Workflow '{workflowId}' left memory until {awaited}.");
