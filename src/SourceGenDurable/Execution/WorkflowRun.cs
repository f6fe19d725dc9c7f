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
public sealed class WorkflowRun
{
    private readonly IWorkflowStore _store;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _timeProvider;
    private StepRecord? _pendingStep;
    private int _commits;
    private bool _commitFailed;

    internal WorkflowRun(WorkflowInstance instance, IWorkflowStore store, JsonSerializerOptions json, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        InstanceId = instance.Id;
        ResumeState = instance.State;
        _commits = instance.Commits;
        _store = store;
        _json = json;
        _timeProvider = timeProvider;
        CancellationToken = cancellationToken;
        Context = new DurableWorkflowContext(instance.Id, timeProvider, cancellationToken);
    }

    /// <summary>The instance being run.</summary>
    public string InstanceId { get; }

    /// <summary>The checkpoint the instance was loaded at; -1 when it has not passed any.</summary>
    public int ResumeState { get; }

    /// <summary>The context handed to the workflow body.</summary>
    public WorkflowContext Context { get; }

    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// True once the instance is leaving memory: the host is stopping, or a checkpoint could not be committed.
    /// Generated code skips the user's catch and finally blocks then: the instance resumes from its last committed
    /// checkpoint later, and they run at that time. An infrastructure failure is never the workflow's to catch.
    /// </summary>
    public bool IsSuspending => _commitFailed || CancellationToken.IsCancellationRequested;

    internal string? ResultJson { get; private set; }

    /// <summary>Runs a step with a result; the result is committed by the next <see cref="CheckpointAsync"/>.</summary>
    public async Task<T> StepAsync<T>(int checkpoint, string name, int maxAttempts, Func<CancellationToken, Task<T>> body)
    {
        var (value, attempts) = await RunWithAttemptsAsync(checkpoint, name, maxAttempts, body).ConfigureAwait(false);
        _pendingStep = new StepRecord(_commits + 1, checkpoint, name, SlotSerializer.Serialize(value, _json), attempts, _timeProvider.GetUtcNow());
        return value;
    }

    /// <summary>Runs a step without a result; its completion is committed by the next <see cref="CheckpointAsync"/>.</summary>
    public async Task StepAsync(int checkpoint, string name, int maxAttempts, Func<CancellationToken, Task> body)
    {
        var (_, attempts) = await RunWithAttemptsAsync<bool>(
            checkpoint,
            name,
            maxAttempts,
            async ct =>
            {
                await body(ct).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        _pendingStep = new StepRecord(_commits + 1, checkpoint, name, null, attempts, _timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Commits checkpoint <paramref name="state"/>: the slots and the result of the step that just ran, in one
    /// transaction. A resume enters right after it.
    /// </summary>
    public async Task CheckpointAsync(int state, IWorkflowSlots slots)
    {
        var step = _pendingStep;
        if (step is not null && step.Checkpoint != state)
        {
            throw new InvalidOperationException($"Checkpoint {state} was committed while step '{step.Name}' of checkpoint {step.Checkpoint} was pending.");
        }

        try
        {
            await _store.CommitCheckpointAsync(InstanceId, state, _commits + 1, SlotSerializer.Serialize(slots, _json), step, CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _commitFailed = true;
            throw;
        }

        _commits++;
        _pendingStep = null;
        DurableTelemetry.CheckpointsCommitted.Add(1);
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

    private async Task<(T Value, int Attempts)> RunWithAttemptsAsync<T>(int checkpoint, string name, int maxAttempts, Func<CancellationToken, Task<T>> body)
    {
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, $"Step '{name}' must be allowed at least one attempt.");
        }

        using var activity = DurableTelemetry.ActivitySource.StartActivity($"step {name}", ActivityKind.Internal);
        activity?.SetTag("workflow.id", InstanceId);
        activity?.SetTag("workflow.checkpoint", checkpoint);
        for (var attempt = 1; ; attempt++)
        {
            CancellationToken.ThrowIfCancellationRequested();
            DurableTelemetry.StepAttempts.Add(1);
            try
            {
                return (await body(CancellationToken).ConfigureAwait(false), attempt);
            }
            catch (Exception e) when (attempt < maxAttempts && !CancellationToken.IsCancellationRequested)
            {
                activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["exception.type"] = e.GetType().FullName }));
            }
        }
    }
}
