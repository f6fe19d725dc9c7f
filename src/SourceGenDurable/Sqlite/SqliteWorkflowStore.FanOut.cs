using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Fan-out (<c>ctx.WhenAll</c>, <c>ctx.WhenAny</c>): the results of its step branches, recorded as each completes.
/// Its suspension for several waits at once is with the other waits (<c>SuspendAsync</c>).
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string BranchColumns = "sequence, fan_out, branch, checkpoint, name, result, attempts, completed_at, started_at";

    /// <inheritdoc />
    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return RecordAtCommitAsync(
            id,
            branch.Sequence,
            $"""
            INSERT INTO workflow_branches (instance_id, {BranchColumns})
            SELECT $id, $commit, $fanOut, $branch, $checkpoint, $name, $result, $attempts, $completed, $started {OnTopOfCommit}
            ON CONFLICT (instance_id, sequence, fan_out, branch) DO NOTHING;
            """,
            $"the result of step '{branch.Name}' (branch {branch.Branch})",
            [
                ("$fanOut", branch.FanOut),
                ("$branch", branch.Branch),
                ("$checkpoint", branch.Checkpoint),
                ("$name", branch.Name),
                ("$result", (object?)branch.Result ?? DBNull.Value),
                ("$attempts", branch.Attempts),
                ("$completed", branch.CompletedAt.ToUnixTimeMilliseconds()),
                ("$started", branch.StartedAt is { } started ? started.ToUnixTimeMilliseconds() : DBNull.Value),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BranchRecord>>(
            statements => ReadAll(
                statements.For(
                    $"SELECT {BranchColumns} FROM workflow_branches WHERE instance_id = $id AND ($sequence IS NULL OR sequence = $sequence) ORDER BY sequence, fan_out, branch;",
                    [("$id", id), ("$sequence", (object?)sequence ?? DBNull.Value)]),
                reader => new BranchRecord(
                    Sequence: reader.GetInt32(0),
                    FanOut: reader.GetInt32(1),
                    Branch: reader.GetInt32(2),
                    Checkpoint: reader.GetInt32(3),
                    Name: reader.GetString(4),
                    Result: reader.IsDBNull(5) ? null : reader.GetString(5),
                    Attempts: reader.GetInt32(6),
                    CompletedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    StartedAt: reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)))),
            cancellationToken);
}
