namespace SourceGenDurable.Storage;

/// <summary>
/// What a durable wait returns, decided once for every store: a store runs these inside one transaction of its writer,
/// over its own <see cref="IWaitTransaction"/>, and returns the answer once that transaction has committed.
/// </summary>
public static class WaitResolver
{
    /// <summary>
    /// Resolves <paramref name="wait"/> for <see cref="IWorkflowStore.AwaitAsync"/>. In this order: a stored decision (timed
    /// out, rejected) stands; a cancellation not yet delivered comes next; then the earliest receivable event raised
    /// before the deadline; then a due timer, or a due deadline, which is stored as a timeout; otherwise the wait is
    /// pending in a fan-out, or the instance is saved as sleeping or waiting.
    /// </summary>
    /// <param name="transaction">The store's reads and writes, in its open transaction.</param>
    /// <param name="id">The instance, for the refusal of a wait that is not the one recorded.</param>
    /// <param name="wait">The wait, with its due time as the store keeps times.</param>
    /// <param name="now">The time to compare due times with, as the store keeps times.</param>
    /// <param name="cancellationDelivered">Whether the run has been told of the cancellation already.</param>
    public static async ValueTask<WaitOutcome> AwaitAsync(IWaitTransaction transaction, string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(wait);
        var cancellation = await transaction.EnsureRunningAtAsync(wait).ConfigureAwait(false);
        var due = wait.DueAt;
        var outcome = WaitRecordOutcome.Open;
        long? rejectedEvent = null;
        if (await transaction.GetWaitAsync(wait).ConfigureAwait(false) is { } recorded)
        {
            if (recorded.Checkpoint != wait.Checkpoint || recorded.Kind != wait.Kind || recorded.EventName != wait.EventName)
            {
                throw StoreConventions.WaitNotDeterministic(id, wait, recorded.Checkpoint, recorded.Kind, recorded.EventName);
            }

            // The recorded due time wins: it was computed when the wait was first reached.
            (due, outcome, rejectedEvent) = (recorded.DueAt, recorded.Outcome, recorded.EventSequence);
        }
        else if (!(wait.Kind == WaitKind.Timer && due <= now))
        {
            // A timer already due needs no record: re-executing reaches it due again.
            await transaction.AddWaitAsync(wait).ConfigureAwait(false);
        }

        switch (outcome)
        {
            case WaitRecordOutcome.TimedOut:
                return new WaitOutcome(WaitResolution.TimedOut);
            case WaitRecordOutcome.Rejected:
                var rejected = await transaction.GetEventAsync(rejectedEvent!.Value).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Event {rejectedEvent} that instance '{id}' rejected is not in its inbox.");
                return new WaitOutcome(WaitResolution.EventRejected, rejected);
        }

        if (cancellation == CancellationState.Requested && !cancellationDelivered)
        {
            return new WaitOutcome(WaitResolution.CancellationRequested);
        }

        // An event raised at or after the deadline is left for a later wait, so a wait that could have timed out never
        // takes it after the fact.
        if (wait.Kind == WaitKind.Event && await transaction.GetReceivableEventAsync(wait.EventName!, due).ConfigureAwait(false) is { } received)
        {
            return new WaitOutcome(WaitResolution.EventReceived, received);
        }

        if (due <= now)
        {
            if (wait.Kind == WaitKind.Timer)
            {
                return new WaitOutcome(WaitResolution.TimerFired);
            }

            // Stored before the workflow sees it: a re-execution times out again even if the event arrives meanwhile.
            await transaction.SetWaitOutcomeAsync(wait, WaitRecordOutcome.TimedOut, null).ConfigureAwait(false);
            return new WaitOutcome(WaitResolution.TimedOut);
        }

        if (wait.InFanOut)
        {
            return new WaitOutcome(WaitResolution.Pending, DueAt: due);
        }

        await transaction.SuspendAsync(wait.Kind == WaitKind.Timer ? WorkflowStatus.Sleeping : WorkflowStatus.WaitingForEvent, due, wait.EventName).ConfigureAwait(false);
        return new WaitOutcome(WaitResolution.Suspended);
    }

    /// <summary>
    /// Suspends a fan-out for <see cref="IWorkflowStore.SuspendAsync"/> with a last look: a cancellation not yet
    /// delivered, a due wait or a receivable event returns at once; otherwise the instance is saved as sleeping until
    /// the earliest due time, or waiting for its one event name (or for any, when it awaits several).
    /// </summary>
    /// <param name="transaction">The store's reads and writes, in its open transaction.</param>
    /// <param name="waits">The fan-out's pending waits, each recorded already by <see cref="AwaitAsync"/>.</param>
    /// <param name="now">The time to compare due times with, as the store keeps times.</param>
    /// <param name="cancellationDelivered">Whether the run has been told of the cancellation already.</param>
    public static async ValueTask<WaitResolution> SuspendAsync(IWaitTransaction transaction, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ThrowIfNoWaits(waits);
        var cancellation = await transaction.EnsureRunningAtAsync(waits[0]).ConfigureAwait(false);
        if (cancellation == CancellationState.Requested && !cancellationDelivered)
        {
            return WaitResolution.CancellationRequested;
        }

        DateTimeOffset? wakeAt = null;
        var events = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wait in waits)
        {
            var due = (await transaction.GetWaitAsync(wait).ConfigureAwait(false))?.DueAt;
            if (due <= now)
            {
                return WaitResolution.TimerFired;
            }

            if (due is { } pendingDue && (wakeAt is null || pendingDue < wakeAt))
            {
                wakeAt = pendingDue;
            }

            if (wait.Kind == WaitKind.Event)
            {
                if (await transaction.GetReceivableEventAsync(wait.EventName!, due).ConfigureAwait(false) is not null)
                {
                    return WaitResolution.EventReceived;
                }

                events.Add(wait.EventName!);
            }
        }

        await transaction.SuspendAsync(
            events.Count > 0 ? WorkflowStatus.WaitingForEvent : WorkflowStatus.Sleeping,
            wakeAt,
            events.Count switch { 0 => null, 1 => events.First(), _ => StoreConventions.AnyEvent }).ConfigureAwait(false);
        return WaitResolution.Suspended;
    }

    /// <summary>
    /// Checks the waits of <see cref="IWorkflowStore.SuspendAsync"/>, for a store to call before it queues the write: a
    /// fan-out suspends only for the waits it has pending.
    /// </summary>
    public static void ThrowIfNoWaits(IReadOnlyList<WaitRequest> waits)
    {
        ArgumentNullException.ThrowIfNull(waits);
        if (waits.Count == 0)
        {
            throw new ArgumentException("A fan-out suspends only for the waits it has pending; it has none.", nameof(waits));
        }
    }

    /// <summary>
    /// Stores for <see cref="IWorkflowStore.RejectEventAsync"/> that <paramref name="wait"/> rejected event
    /// <paramref name="eventSequence"/>, and marks the event rejected with <paramref name="reason"/>.
    /// </summary>
    public static async ValueTask RejectAsync(IWaitTransaction transaction, WaitRequest wait, long eventSequence, string reason)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(wait);
        await transaction.EnsureRunningAtAsync(wait).ConfigureAwait(false);
        await transaction.SetWaitOutcomeAsync(wait, WaitRecordOutcome.Rejected, eventSequence).ConfigureAwait(false);
        await transaction.RejectEventAsync(eventSequence, reason).ConfigureAwait(false);
    }
}
