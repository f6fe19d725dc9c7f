using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// Fan-out (<c>ctx.WhenAll</c>, <c>ctx.WhenAny</c>): the results of its step branches, recorded as each completes.
/// Its suspension for several waits at once is with the other waits (<c>SuspendAsync</c>).
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
}
