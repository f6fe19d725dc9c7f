using System.Text.Json;
using Microsoft.Extensions.Options;
using SourceGenDurable.Diagnostics;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
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
        if (workflowId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        }

        var now = timeProvider.GetUtcNow();
        var requested = new WorkflowInstance(
            Id: workflowId ?? Guid.NewGuid().ToString("N"),
            Name: definition.Name,
            Status: WorkflowStatus.Pending,
            State: -1,
            Commits: 0,
            LayoutFingerprint: definition.LayoutFingerprint,
            Slots: SlotSerializer.Serialize(input, serializer.Options),
            Result: null,
            Error: null,
            SetAsideReason: null,
            CreatedAt: now,
            UpdatedAt: now);
        var (stored, created) = await store.CreateAsync(requested, cancellationToken).ConfigureAwait(false);
        if (stored.Name != definition.Name)
        {
            throw new InvalidOperationException(
                $"Instance '{stored.Id}' already exists as workflow '{stored.Name}', so it cannot be started as '{definition.Name}'. Choose another id.");
        }

        if (created)
        {
            DurableTelemetry.WorkflowsStarted.Add(1, new KeyValuePair<string, object?>("workflow.name", definition.Name));
            signals.NotifyWork();
        }

        return new WorkflowHandle(this, stored.Id, stored.Name, created);
    }

    public async Task<WorkflowInstanceInfo?> GetWorkflowAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var instance = await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false);
        return instance is null ? null : WorkflowInstanceInfo.From(instance);
    }

    public async Task<WorkflowInstanceInfo> WaitForCompletionAsync(string workflowId, CancellationToken cancellationToken = default) =>
        WorkflowInstanceInfo.From(await WaitAsync(workflowId, cancellationToken).ConfigureAwait(false));

    public async Task<TResult> GetResultAsync<TResult>(string workflowId, CancellationToken cancellationToken = default)
    {
        var instance = await WaitAsync(workflowId, cancellationToken).ConfigureAwait(false);
        return instance.Result is null ? default! : SlotSerializer.Deserialize<TResult>(instance.Result, serializer.Options);
    }

    public async Task RaiseEventAsync<TPayload>(string workflowId, string eventName, TPayload payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var limits = options.Value;
        if (eventName.Length > limits.MaxEventNameLength)
        {
            throw new ArgumentException(
                $"The event name is {eventName.Length} characters long ('{eventName[..Math.Min(eventName.Length, 40)]}...'); the limit is {limits.MaxEventNameLength}. " +
                "Use a short name and put data in the payload, or raise SourceGenDurable:MaxEventNameLength.",
                nameof(eventName));
        }

        if (eventName.StartsWith(ChildOutcome.EventPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Event names that start with '{ChildOutcome.EventPrefix}' are reserved: they carry a child workflow's outcome to its parent. Choose another name.",
                nameof(eventName));
        }

        var json = SlotSerializer.Serialize(payload, serializer.Options);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
        if (bytes > limits.MaxEventPayloadBytes)
        {
            throw new ArgumentException(
                $"The payload of event '{eventName}' is {bytes} bytes of JSON; the limit is {limits.MaxEventPayloadBytes}. " +
                "Store large data elsewhere and send a reference to it, or raise SourceGenDurable:MaxEventPayloadBytes.",
                nameof(payload));
        }

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

    private async Task<WorkflowInstance> WaitAsync(string workflowId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        while (true)
        {
            var finished = signals.WhenFinished(workflowId);
            var instance = await store.GetAsync(workflowId, cancellationToken).ConfigureAwait(false)
                ?? throw new WorkflowNotFoundException(workflowId);
            switch (instance.Status)
            {
                case WorkflowStatus.Completed:
                    return instance;
                case WorkflowStatus.Failed:
                    throw new WorkflowFailedException(workflowId, instance.Error ?? new WorkflowError("Unknown", "No error was recorded.", null));
                case WorkflowStatus.Cancelled:
                    throw WorkflowCancelledException.For(workflowId);
            }

            // Another process may be running it: poll as well as listen.
            await Task.WhenAny(finished, Task.Delay(options.Value.PollInterval, timeProvider, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
