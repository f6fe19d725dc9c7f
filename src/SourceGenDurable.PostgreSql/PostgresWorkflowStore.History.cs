using Npgsql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>The history of a run: its steps, the failed attempts of its steps and its events, as recorded.</summary>
internal sealed partial class PostgresWorkflowStore
{
    private const string StepColumns = "sequence, checkpoint, name, result, attempts, completed_at, started_at";

    private const string AttemptColumns = "sequence, ordinal, checkpoint, name, attempt, error_type, message, stack, started_at, ended_at, final";

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StepRecord>>(
            async (commands, token) => await commands.ReadAllAsync(
                $"SELECT {StepColumns} FROM workflow_steps WHERE instance_id = $1 ORDER BY sequence;",
                reader => new StepRecord(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)),
                token,
                id).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RecordAtCommitAsync(
            id,
            attempt.Sequence,
            $"workflow_step_attempts (instance_id, {AttemptColumns})",
            "$1, $3, $4, $5, $6, $7, $8, $9, $10::text, $11, $12, $13",
            "",
            $"attempt {attempt.Attempt} of step '{attempt.StepName}'",
            [
                attempt.Ordinal, attempt.Checkpoint, attempt.StepName, attempt.Attempt, attempt.Error.Type, attempt.Error.Message, attempt.Error.StackTrace,
                PostgresTime.Stored(attempt.StartedAt), PostgresTime.Stored(attempt.EndedAt), attempt.Final,
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken) =>
        ReadAttemptsAsync("instance_id = $1 ORDER BY sequence, ordinal, attempt", cancellationToken, id);

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken) =>
        ReadAttemptsAsync("instance_id = $1 AND sequence = $2 AND ordinal = $3 ORDER BY attempt", cancellationToken, id, sequence, ordinal);

    private Task<IReadOnlyList<StepAttempt>> ReadAttemptsAsync(string where, CancellationToken cancellationToken, params object?[] arguments) =>
        ReadAsync<IReadOnlyList<StepAttempt>>(
            async (commands, token) => await commands.ReadAllAsync($"SELECT {AttemptColumns} FROM workflow_step_attempts WHERE {where};", ReadAttempt, token, arguments)
                .ConfigureAwait(false),
            cancellationToken);

    private static StepAttempt ReadAttempt(NpgsqlDataReader reader) =>
        new(
            Sequence: reader.GetInt32(0),
            Ordinal: reader.GetInt32(1),
            Checkpoint: reader.GetInt32(2),
            StepName: reader.GetString(3),
            Attempt: reader.GetInt32(4),
            Error: new WorkflowError(reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)),
            StartedAt: reader.GetFieldValue<DateTimeOffset>(8),
            EndedAt: reader.GetFieldValue<DateTimeOffset>(9),
            Final: reader.GetBoolean(10));
}
