using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>The history of a run: its steps, the failed attempts of its steps and its events, as recorded.</summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string StepColumns = "sequence, checkpoint, name, result, attempts, completed_at, started_at";

    /// <summary>The key of the instance whose id is bound to <c>$id</c>: the step history is keyed by it.</summary>
    private const string KeyOfInstance = "(SELECT key FROM workflow_instances WHERE id = $id)";

    private const string AttemptColumns = "sequence, ordinal, checkpoint, name, attempt, error_type, message, stack, started_at, ended_at, final";

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StepRecord>>(
            statements => ReadAll(
                statements.For(
                    $"SELECT {StepColumns} FROM workflow_steps WHERE instance_key = {KeyOfInstance} ORDER BY sequence;",
                    [("$id", id)]),
                reader => new StepRecord(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<EventRecord>>(statements => ReadEvents(statements, "instance_id = $id ORDER BY sequence", ("$id", id)), cancellationToken);

    /// <inheritdoc />
    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RecordAtCommitAsync(
            id,
            attempt.Sequence,
            $"""
            INSERT INTO workflow_step_attempts (instance_id, {AttemptColumns})
            SELECT $id, $commit, $ordinal, $checkpoint, $name, $attempt, $type, $message, $stack, $started, $ended, $final {OnTopOfCommit};
            """,
            $"attempt {attempt.Attempt} of step '{attempt.StepName}'",
            [
                ("$ordinal", attempt.Ordinal),
                ("$checkpoint", attempt.Checkpoint),
                ("$name", attempt.StepName),
                ("$attempt", attempt.Attempt),
                ("$type", attempt.Error.Type),
                ("$message", attempt.Error.Message),
                ("$stack", (object?)attempt.Error.StackTrace ?? DBNull.Value),
                ("$started", attempt.StartedAt.ToUnixTimeMilliseconds()),
                ("$ended", attempt.EndedAt.ToUnixTimeMilliseconds()),
                ("$final", attempt.Final),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken) =>
        ReadAttemptsAsync("instance_id = $id ORDER BY sequence, ordinal, attempt", cancellationToken, ("$id", id));

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken) =>
        ReadAttemptsAsync(
            "instance_id = $id AND sequence = $sequence AND ordinal = $ordinal ORDER BY attempt", cancellationToken, ("$id", id), ("$sequence", sequence), ("$ordinal", ordinal));

    private Task<IReadOnlyList<StepAttempt>> ReadAttemptsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        ReadAsync<IReadOnlyList<StepAttempt>>(
            statements => ReadAll(
                statements.For($"SELECT {AttemptColumns} FROM workflow_step_attempts WHERE {where};", parameters),
                reader => new StepAttempt(
                    Sequence: reader.GetInt32(0),
                    Ordinal: reader.GetInt32(1),
                    Checkpoint: reader.GetInt32(2),
                    StepName: reader.GetString(3),
                    Attempt: reader.GetInt32(4),
                    Error: new WorkflowError(reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)),
                    StartedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                    EndedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                    Final: reader.GetBoolean(10))),
            cancellationToken);
}
