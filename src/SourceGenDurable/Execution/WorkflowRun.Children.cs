using System.Text.Json;
using SourceGenDurable.Diagnostics;
using SourceGenDurable.StateMachines;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

public sealed partial class WorkflowRun
{
    /// <summary>
    /// Starts workflow <paramref name="workflowName"/> as a child of this instance (unless it was started already) and
    /// waits, durably, for its outcome; the next <see cref="CheckpointAsync"/> consumes it. Returns the child's result,
    /// or throws its failure as <paramref name="rebuild"/> makes it: the type a catch clause of the parent names, otherwise
    /// a <see cref="RestoredException"/> with the child's exception type, message and stack text.
    /// </summary>
    /// <param name="checkpoint">The checkpoint of the call.</param>
    /// <param name="workflowName">The child workflow's registered name.</param>
    /// <param name="writeInputs">Writes the child's inputs as properties of a JSON object, one per parameter.</param>
    /// <param name="rebuild">The parent's generated <c>__X_RebuildException</c>.</param>
    public async Task<T> ChildAsync<T>(int checkpoint, string workflowName, Action<Utf8JsonWriter, JsonSerializerOptions> writeInputs, Func<WorkflowError, Exception> rebuild)
    {
        var result = await RunChildAsync(checkpoint, workflowName, writeInputs, rebuild).ConfigureAwait(false);
        return SlotSerializer.Deserialize<T>(result!, _json);
    }

    /// <summary>As <see cref="ChildAsync{T}"/>, for a child workflow without a result.</summary>
    public Task ChildAsync(int checkpoint, string workflowName, Action<Utf8JsonWriter, JsonSerializerOptions> writeInputs, Func<WorkflowError, Exception> rebuild) =>
        RunChildAsync(checkpoint, workflowName, writeInputs, rebuild);

    /// <summary>
    /// The id of the child started at this position: the parent's id, the commit the call precedes and its ordinal
    /// among the durable waits since the last commit. Re-executing from the last checkpoint reaches the same position,
    /// so a resumed parent finds the child it started instead of starting another.
    /// </summary>
    /// <remarks>
    /// A child started by a fan-out is named by its position there instead (<c>order-42/3[1]</c>; a later fan-out
    /// before the same commit, after one that failed and was caught, adds its ordinal: <c>order-42/3[1.0]</c>).
    /// </remarks>
    private string NextChildId() => CurrentBranch switch
    {
        { FanOut.Ordinal: 0 } branch => $"{InstanceId}/{_commits + 1}[{branch.Index}]",
        { } branch => $"{InstanceId}/{_commits + 1}[{branch.FanOut.Ordinal}.{branch.Index}]",
        null => $"{InstanceId}/{_commits + 1}.{_waitsSinceCommit}",
    };

    private async Task<string?> RunChildAsync(int checkpoint, string workflowName, Action<Utf8JsonWriter, JsonSerializerOptions> writeInputs, Func<WorkflowError, Exception> rebuild)
    {
        ArgumentNullException.ThrowIfNull(writeInputs);
        ArgumentNullException.ThrowIfNull(rebuild);
        var childId = NextChildId();
        (WaitRequest Wait, WaitOutcome Outcome) resolved;
        try
        {
            ThrowIfCancelled();
            await StartChildAsync(childId, workflowName, writeInputs).ConfigureAwait(false);
            CurrentBranch?.ChildId = childId;
            resolved = await ResolveAsync(checkpoint, WaitKind.Event, WorkflowOutcome.EventName(childId), null).ConfigureAwait(false);
        }
        catch (WorkflowCancelledException)
        {
            // The parent is cancelled while its child runs, or at the call itself when a parent that waited out of memory
            // re-executes to deliver its cancellation: the child started before is cancelled too, so nothing keeps
            // working for a parent that no longer waits. The child's outcome still reaches the parent's inbox, where
            // nothing takes it.
            await CancelChildAsync(childId).ConfigureAwait(false);
            throw;
        }

        var received = resolved.Outcome.Event!;
        var outcome = JsonSerializer.Deserialize(received.Payload, StoreJsonContext.Default.WorkflowOutcome)
            ?? throw new InvalidOperationException($"The outcome of child workflow '{childId}' is empty.");
        Received(received, outcome.Result);
        if (outcome.Status == WorkflowStatus.Completed)
        {
            return outcome.Result;
        }

        var error = outcome.Error ?? new WorkflowError("Unknown", $"Child workflow '{childId}' ended as {outcome.Status} without a recorded error.", null);
        throw rebuild(error);
    }

    private async Task CancelChildAsync(string childId)
    {
        var started = await WriteAsync(async () =>
        {
            try
            {
                await _store.RequestCancellationAsync(childId, CancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (WorkflowNotFoundException)
            {
                // Cancelled before the call had ever started the child: there is nothing to cancel.
                return false;
            }
        }).ConfigureAwait(false);
        if (started)
        {
            _signals?.NotifyCancelRequested(childId);
        }
    }

    /// <summary>Creates the child instance unless it exists; an existing one must be the same workflow.</summary>
    private async Task StartChildAsync(string childId, string workflowName, Action<Utf8JsonWriter, JsonSerializerOptions> writeInputs)
    {
        if (!WorkflowRegistry.TryGet(workflowName, out var definition))
        {
            throw new WorkflowNotRegisteredException(workflowName, WorkflowRegistry.Names);
        }

        // The child's id is derived from this instance's, so only its inputs are the caller's to keep within a limit.
        var inputs = SlotSerializer.Serialize((IWorkflowSlots)new ChildInputs(writeInputs), _json, out var inputBytes);
        WorkflowLimits.CheckInput(_limits, definition.Name, inputBytes);
        var now = _timeProvider.GetUtcNow();
        var requested = new WorkflowInstance(
            Id: childId,
            Name: definition.Name,
            Status: WorkflowStatus.Pending,
            State: -1,
            Commits: 0,
            LayoutFingerprint: definition.LayoutFingerprint,
            Slots: inputs,
            Result: null,
            Error: null,
            SetAsideReason: null,
            CreatedAt: now,
            UpdatedAt: now,
            ParentId: InstanceId);
        var (stored, created) = await WriteAsync(() => _store.CreateAsync(requested, CancellationToken)).ConfigureAwait(false);
        if (stored.Name != definition.Name || stored.ParentId != InstanceId)
        {
            throw new InvalidOperationException(
                $"Workflow '{InstanceId}' re-executed from its last checkpoint and reached a call of child workflow '{definition.Name}' where instance '{childId}' " +
                $"is workflow '{stored.Name}' of parent '{stored.ParentId}'. The code between checkpoints must be deterministic: read the time, random numbers " +
                "and outside state through ctx or a step.");
        }

        if (created)
        {
            DurableTelemetry.WorkflowsStarted.Add(1, new KeyValuePair<string, object?>("workflow.name", definition.Name));
            _signals?.NotifyWork();
        }
    }

    /// <summary>The inputs of a child instance, written by the generated call.</summary>
    private sealed class ChildInputs(Action<Utf8JsonWriter, JsonSerializerOptions> write) : IWorkflowSlots
    {
        public void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            write(writer, options);
            writer.WriteEndObject();
        }
    }
}
