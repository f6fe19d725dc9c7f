using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// Fan-out (<c>ctx.WhenAll</c>, <c>ctx.WhenAny</c>): the results of its step branches, recorded as each completes,
/// and the suspension of an instance that waits for several things at once.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    private const string BranchColumns = "sequence, fan_out, branch, checkpoint, name, result, attempts, completed_at, started_at";

    /// <inheritdoc />
    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return RecordAtCommitAsync(
            id,
            branch.Sequence,
            $"workflow_branches (instance_id, {BranchColumns})",
            "$1, $3, $4, $5, $6, $7, $8::text, $9, $10, $11::timestamptz",
            "ON CONFLICT (instance_id, sequence, fan_out, branch) DO NOTHING",
            $"the result of step '{branch.Name}' (branch {branch.Branch}, unless it was recorded already)",
            [branch.FanOut, branch.Branch, branch.Checkpoint, branch.Name, branch.Result, branch.Attempts, PostgresTime.Stored(branch.CompletedAt), PostgresTime.Stored(branch.StartedAt)],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BranchRecord>>(
            async (commands, token) => await commands.ReadAllAsync(
                $"SELECT {BranchColumns} FROM workflow_branches WHERE instance_id = $1 AND ($2::integer IS NULL OR sequence = $2) ORDER BY sequence, fan_out, branch;",
                reader => new BranchRecord(
                    Sequence: reader.GetInt32(0),
                    FanOut: reader.GetInt32(1),
                    Branch: reader.GetInt32(2),
                    Checkpoint: reader.GetInt32(3),
                    Name: reader.GetString(4),
                    Result: reader.IsDBNull(5) ? null : reader.GetString(5),
                    Attempts: reader.GetInt32(6),
                    CompletedAt: reader.GetFieldValue<DateTimeOffset>(7),
                    StartedAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)),
                token,
                id,
                sequence).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waits);
        if (waits.Count == 0)
        {
            throw new ArgumentException("A fan-out suspends only for the waits it has pending; it has none.", nameof(waits));
        }

        // With the instance's row locked: an event raised meanwhile is either seen here or wakes the saved instance.
        return _writer.WriteAsync(
            id,
            static (context, write) => write.Store.SuspendAsync(context.Commands, write.Id, write.Waits, write.Now, write.CancellationDelivered),
            (Store: this, Id: id, Waits: waits, Now: PostgresTime.Stored(now), CancellationDelivered: cancellationDelivered),
            cancellationToken);
    }

    private async ValueTask<WaitResolution> SuspendAsync(PostgresCommands commands, string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered)
    {
        var none = CancellationToken.None;
        var cancellation = await EnsureRunningAtAsync(commands, id, waits[0], none).ConfigureAwait(false);
        if (cancellation == CancellationState.Requested && !cancellationDelivered)
        {
            return WaitResolution.CancellationRequested;
        }

        DateTimeOffset? wakeAt = null;
        var events = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wait in waits)
        {
            // The stored due time wins: it was computed when the wait was first reached.
            var due = await commands.ScalarAsync(
                "SELECT due_at FROM workflow_waits WHERE instance_id = $1 AND sequence = $2 AND ordinal = $3;", none, id, wait.Commit, wait.Ordinal)
                .ConfigureAwait(false) as DateTime? is { } stored
                ? new DateTimeOffset(stored, TimeSpan.Zero)
                : (DateTimeOffset?)null;
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
                if (await commands.ScalarAsync($"SELECT 1 FROM workflow_events WHERE {Receivable} LIMIT 1;", none, id, wait.EventName, due).ConfigureAwait(false) is not null)
                {
                    return WaitResolution.EventReceived;
                }

                events.Add(wait.EventName!);
            }
        }

        await SuspendInstanceAsync(
            commands,
            id,
            events.Count > 0 ? WorkflowStatus.WaitingForEvent : WorkflowStatus.Sleeping,
            wakeAt,
            events.Count switch { 0 => null, 1 => events.First(), _ => StoreConventions.AnyEvent }).ConfigureAwait(false);
        return WaitResolution.Suspended;
    }
}
