using System.Text.Json;
using Microsoft.Extensions.Options;
using SourceGenDurable.Diagnostics;
using SourceGenDurable.Execution;
using SourceGenDurable.StateMachines;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Client;

/// <summary>The client over the configured store.</summary>
internal sealed class WorkflowClient(
    IWorkflowStore store,
    WorkflowSerializerOptions serializer,
    WorkflowSignals signals,
    IOptions<DurableWorkflowOptions> options,
    TimeProvider timeProvider) : IWorkflowClient
{
    /// <summary>How soon a waiter first reads the store again; each later read waits twice as long, up to the poll interval.</summary>
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);

    public Task<WorkflowHandle> StartWorkflowAsync(string workflowName, JsonElement input, string? workflowId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        if (!WorkflowRegistry.TryGet(workflowName, out var definition))
        {
            throw new WorkflowNotRegisteredException(workflowName, WorkflowRegistry.Names);
        }

        IWorkflowSlots slots;
        try
        {
            slots = definition.ReadInputs(input, serializer.Options);
        }
        catch (WorkflowStateException e)
        {
            throw new ArgumentException($"The input does not fit workflow '{workflowName}': {e.Message}", nameof(input), e);
        }

        return StartWorkflowAsync(definition, slots, workflowId, cancellationToken);
    }

    public async Task<WorkflowHandle> StartWorkflowAsync(WorkflowDefinition definition, IWorkflowSlots input, string? workflowId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        var limits = options.Value;
        if (workflowId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
            WorkflowLimits.CheckWorkflowId(limits, workflowId);
        }

        var slots = SlotSerializer.Serialize(input, serializer.Options, out var inputBytes);
        WorkflowLimits.CheckInput(limits, definition.Name, inputBytes);
        var now = timeProvider.GetUtcNow();
        var requested = new WorkflowInstance(
            Id: workflowId ?? NewWorkflowId(now),
            Name: definition.Name,
            Status: WorkflowStatus.Pending,
            State: -1,
            Commits: 0,
            LayoutFingerprint: definition.LayoutFingerprint,
            Slots: slots,
            Result: null,
            Error: null,
            SetAsideReason: null,
            CreatedAt: now,
            UpdatedAt: now);

        // When this process's worker has a free slot, the instance is created leased to it and handed over: the worker
        // runs it without taking the lease in a write of its own.
        var leased = signals.TryReserveLeasedStart(out var leaseLiveness);
        if (leased)
        {
            requested = requested with
            {
                Status = WorkflowStatus.Running,
                LeaseOwner = store.WorkerId,
                LeaseExpiresAt = now + options.Value.LeaseDuration,
                Starts = 1,
            };
        }

        WorkflowInstance stored;
        bool created;
        try
        {
            (stored, created) = await store.CreateAsync(requested, cancellationToken).ConfigureAwait(false);
        }
        catch when (leased)
        {
            signals.ReleaseLeasedStart();
            throw;
        }

        if (leased && !created)
        {
            signals.ReleaseLeasedStart();
        }

        if (stored.Name != definition.Name)
        {
            throw new InvalidOperationException(
                $"Instance '{stored.Id}' already exists as workflow '{stored.Name}', so it cannot be started as '{definition.Name}'. Choose another id.");
        }

        if (created)
        {
            DurableTelemetry.WorkflowsStarted.Add(1, new KeyValuePair<string, object?>("workflow.name", definition.Name));
            signals.NotifyStarted(stored, leaseLiveness);
        }

        return new WorkflowHandle(this, stored.Id, stored.Name, created);
    }

    /// <summary>
    /// A new instance's id when the caller gives none: a version 7 GUID, whose text begins with the time it was made.
    /// The store's indexes are ordered by instance id, so instances started about the same time, the ones running now,
    /// sit together at the end of each index, and a batch of checkpoints dirties few pages. Random ids spread every
    /// step's history row over the whole index: throughput fell to a third on a store that had run a while.
    /// </summary>
    internal static string NewWorkflowId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    public async Task<WorkflowInstanceInfo?> GetWorkflowAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var instance = await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false);
        return instance is null ? null : WorkflowInstanceInfo.From(instance, await store.GetProgressAsync(instance, cancellationToken).ConfigureAwait(false));
    }

    public async Task<WorkflowInstanceInfo> WaitForCompletionAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var (_, stored) = await WaitAsync(workflowId, cancellationToken).ConfigureAwait(false);
        // An end handed over in this process carries no stored row; the row is final once the end is durable.
        stored ??= await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowNotFoundException(workflowId);
        return WorkflowInstanceInfo.From(stored);
    }

    public async Task<TResult> GetResultAsync<TResult>(string workflowId, CancellationToken cancellationToken = default)
    {
        var (outcome, _) = await WaitAsync(workflowId, cancellationToken).ConfigureAwait(false);
        return outcome.Result is null ? default! : SlotSerializer.Deserialize<TResult>(outcome.Result, serializer.Options);
    }

    public async Task RaiseEventAsync<TPayload>(string workflowId, string eventName, TPayload payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var limits = options.Value;
        WorkflowLimits.CheckEventName(limits, eventName);

        if (eventName.StartsWith('$'))
        {
            throw new ArgumentException(
                $"Event names that start with '$' are reserved for the engine (a child workflow's outcome reaches its parent as '{WorkflowOutcome.EventPrefix}...'). Choose another name.",
                nameof(eventName));
        }

        var json = SlotSerializer.Serialize(payload, serializer.Options);
        WorkflowLimits.CheckEventPayload(limits, eventName, json);

        await store.RaiseEventAsync(workflowId, eventName, json, cancellationToken).ConfigureAwait(false);
        signals.NotifyWork();
    }

    public async Task<bool> CancelAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        if (!await store.RequestCancellationAsync(workflowId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        signals.NotifyCancelRequested(workflowId);
        return true;
    }

    public async Task<IReadOnlyList<WorkflowInstanceInfo>> GetSetAsideWorkflowsAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.GetSetAsideAsync(cancellationToken).ConfigureAwait(false)).Select(i => WorkflowInstanceInfo.From(i))];

    public async Task<bool> ResumeAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        if (!await store.ResumeSetAsideAsync(workflowId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        signals.NotifyResumed(workflowId);
        return true;
    }

    /// <summary>
    /// Waits until <paramref name="workflowId"/> completed and returns how, with its stored row when it was read; throws
    /// when it failed or was cancelled.
    /// </summary>
    private async Task<(WorkflowOutcome Outcome, WorkflowInstance? Stored)> WaitAsync(string workflowId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);

        // In this process the end of the run wakes the waiter at once (however it ends: finished, suspended, stopped or
        // lease lost), and a run that finished hands over its outcome, so while this process runs the instance the store
        // is not read. Another process may be running it, so otherwise the store is read soon at first, then less and
        // less often, up to the poll interval.
        var poll = TimeSpan.FromMilliseconds(Math.Min(FirstPoll.TotalMilliseconds, options.Value.PollInterval.TotalMilliseconds));
        Task<WorkflowOutcome?>? earlier = null;
        while (true)
        {
            // An instance taken by this process's worker meanwhile and finished here handed its outcome, durable by then,
            // to the task taken before; it may have done so after that task was last looked at, before this one was
            // taken. So the earlier task is looked at once this one is taken, and the store is not read for it.
            var finished = signals.WhenFinished(workflowId);
            if (earlier is { IsCompletedSuccessfully: true, Result: { } handedOverMeanwhile })
            {
                return (Ended(workflowId, handedOverMeanwhile), null);
            }

            earlier = finished;
            if (signals.IsRunningHere(workflowId))
            {
                if (await finished.WaitAsync(cancellationToken).ConfigureAwait(false) is { } handedOver)
                {
                    return (Ended(workflowId, handedOver), null);
                }

                continue;
            }

            // Handed to this process's worker and not yet run (it waits for a slot, or its lease is being taken): the
            // store would only say it has not ended. The worker signals when it lets the instance go without ending it,
            // and the poll still runs, for a worker that stops meanwhile.
            if (!signals.IsHandedOver(workflowId))
            {
                var stored = await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false)
                    ?? throw new WorkflowNotFoundException(workflowId);
                if (stored.Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    return (Ended(workflowId, new WorkflowOutcome(stored.Status, stored.Result, stored.Error)), stored);
                }
            }

            if (signals.IsRunningHere(workflowId))
            {
                continue;
            }

            using (var pollWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(finished, Task.Delay(poll, timeProvider, pollWait.Token)).ConfigureAwait(false);
                await pollWait.CancelAsync().ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, options.Value.PollInterval.Ticks));
        }
    }

    /// <summary>A completed instance's outcome; a failed or cancelled one's as the exception the waiter receives.</summary>
    private static WorkflowOutcome Ended(string workflowId, WorkflowOutcome outcome) => outcome.Status switch
    {
        WorkflowStatus.Failed => throw new WorkflowFailedException(workflowId, outcome.Error ?? new WorkflowError("Unknown", "No error was recorded.", null)),
        WorkflowStatus.Cancelled => throw WorkflowCancelledException.For(workflowId),
        _ => outcome,
    };

    public async Task<WorkflowPage> ListWorkflowsAsync(WorkflowQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > WorkflowQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"WorkflowQuery.PageSize must be between 1 and {WorkflowQuery.MaxPageSize}.");
        }

        var after = query.ContinuationToken is null ? ((DateTimeOffset, string)?)null : PageToken.Read(query.ContinuationToken);

        // One more than the page tells whether another page follows, without a count.
        var filter = new InstanceFilter(query.WorkflowName, query.Status, query.CreatedFrom, query.CreatedBefore);
        var instances = await store.ListAsync(filter, after, query.PageSize + 1, cancellationToken).ConfigureAwait(false);
        var page = instances.Take(query.PageSize).Select(i => WorkflowInstanceInfo.From(i)).ToList();
        var next = instances.Count > query.PageSize ? PageToken.Write(page[^1].CreatedAt, page[^1].Id) : null;
        return new WorkflowPage(page, next);
    }

    public async Task<IReadOnlyList<StepHistoryEntry>> GetHistoryAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        _ = await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowNotFoundException(workflowId);
        var steps = await store.GetStepsAsync(workflowId, cancellationToken).ConfigureAwait(false);
        var failures = await store.GetStepAttemptsAsync(workflowId, cancellationToken).ConfigureAwait(false);
        var branches = await store.GetBranchesAsync(workflowId, null, cancellationToken).ConfigureAwait(false);

        // A commit's failed attempts come before the step it completes; a fan-out's steps in the order they completed.
        return failures.Select(f => (Order: (f.Sequence, 0, f.EndedAt), Entry: new StepHistoryEntry(f.Sequence, f.Checkpoint, f.StepName, f.Attempt, f.StartedAt, f.EndedAt, null, f.Error)))
            .Concat(steps.Select(s => (Order: (s.Sequence, 1, s.CompletedAt), Entry: new StepHistoryEntry(s.Sequence, s.Checkpoint, s.Name, s.Attempts, s.StartedAt, s.CompletedAt, s.Result, null))))
            .Concat(branches.Select(b => (Order: (b.Sequence, 1, b.CompletedAt), Entry: new StepHistoryEntry(b.Sequence, b.Checkpoint, b.Name, b.Attempts, b.StartedAt, b.CompletedAt, b.Result, null))))
            .OrderBy(e => e.Order)
            .Select(e => e.Entry)
            .ToList();
    }
}
