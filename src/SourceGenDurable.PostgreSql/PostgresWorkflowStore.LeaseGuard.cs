using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The lease guard, written once: every write a run makes holds only while this worker holds the instance's lease, so
/// a worker whose lease expired and was taken over writes nothing. A guarded statement binds the instance id as
/// <c>$1</c> and this worker's id as <c>$2</c> (and, for a write between two commits, the commit it precedes as
/// <c>$3</c>), and states its guard with one of the conditions below.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <summary>The instance <c>$1</c> is leased by this worker (<c>$2</c>).</summary>
    private const string UnderLease = "id = $1 AND lease_owner = $2";

    /// <summary>As <see cref="UnderLease"/>, and the instance is running: the end of a run.</summary>
    private const string RunningUnderLease = $"{UnderLease} AND status = 0";

    /// <summary>
    /// As <see cref="RunningUnderLease"/>, and the instance's last commit is the one before <c>$3</c>: a run that another
    /// run overtook writes nothing either. Every write made between two commits carries it.
    /// </summary>
    private const string RunningAtCommit = $"{RunningUnderLease} AND commits = $3 - 1";

    /// <summary>
    /// Inserts a record made between two commits (a failed step attempt, a fan-out branch's result) into
    /// <paramref name="into"/> (a table and its columns) with <paramref name="select"/> (its values: <c>$1</c> the id,
    /// <c>$3</c> the commit, then <paramref name="values"/> from <c>$4</c>), only on top of that commit under this worker's
    /// lease; throws when the guard held it back. <paramref name="what"/> names the record.
    /// </summary>
    private Task<bool> RecordAtCommitAsync(
        string id, int commit, string into, string select, string onConflict, string what, object?[] values, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            id,
            $"""
            WITH guard AS (SELECT 1 FROM workflow_instances WHERE {RunningAtCommit}),
            recorded AS (INSERT INTO {into} SELECT {select} WHERE EXISTS (SELECT 1 FROM guard) {onConflict})
            SELECT EXISTS (SELECT 1 FROM guard);
            """,
            [id, WorkerId, commit, .. values],
            reader => reader.GetBoolean(0) ? true : throw RefusedAtCommit(id, commit, what),
            madeWork: null,
            cancellationToken);

    /// <summary>The refusal of a write that <see cref="RunningAtCommit"/> held back; <paramref name="what"/> names what it would have recorded.</summary>
    private InvalidOperationException RefusedAtCommit(string id, int commit, string what) => StoreConventions.RefusedAtCommit(id, commit, WorkerId, what);
}
