using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The lease guard, written once: every write a run makes holds only while this worker holds the instance's lease, so
/// a worker whose lease expired and was taken over writes nothing. Each guarded statement states its guard with one of
/// the conditions below and is compiled through <see cref="Guarded"/>, which binds the guard's values once.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <summary>The instance bound to <c>$id</c> is leased by this worker.</summary>
    private const string UnderLease = "id = $id AND lease_owner = $owner";

    /// <summary>As <see cref="UnderLease"/>, and the instance is running: the end of a run.</summary>
    private const string RunningUnderLease = $"{UnderLease} AND status = $running";

    /// <summary>
    /// As <see cref="RunningUnderLease"/>, and the instance's last commit is the one before <c>$commit</c>: a run that
    /// another run overtook writes nothing either. Every write made between two commits carries it.
    /// </summary>
    private const string RunningAtCommit = $"{RunningUnderLease} AND commits = $commit - 1";

    /// <summary>
    /// The end of an <c>INSERT ... SELECT</c> of a record made between two commits (a failed step attempt, a fan-out
    /// branch's result): it is written only on top of the commit it precedes, under this worker's lease.
    /// </summary>
    private const string OnTopOfCommit = $"WHERE EXISTS (SELECT 1 FROM workflow_instances WHERE {RunningAtCommit})";

    /// <summary>
    /// The writer's statement for <paramref name="sql"/>, a guarded write: the values its guard compares with never
    /// change, so they are bound once, when it is compiled.
    /// </summary>
    private SqlitePreparedStatement Guarded(SqliteStatements statements, string sql) => statements.Prepared(sql, _bindGuardConstants);

    /// <summary>Binds the guard's constants a statement names: this worker's id, and the status codes it compares with.</summary>
    private void BindGuardConstants(SqlitePreparedStatement statement)
    {
        statement.Bind("$owner", WorkerId);
        if (statement.HasParameter("$running"))
        {
            statement.Bind("$running", (int)WorkflowStatus.Running);
        }

        if (statement.HasParameter("$requested"))
        {
            statement.Bind("$requested", (int)CancellationState.Requested);
        }
    }

    /// <summary>The cancellation state of the instance when it is running at <paramref name="commit"/> under this worker's lease; null otherwise.</summary>
    private CancellationState? CancellationAt(SqliteStatements statements, string id, int commit) =>
        Guarded(statements, $"SELECT cancellation FROM workflow_instances WHERE {RunningAtCommit};")
            .Bind("$id", id)
            .Bind("$commit", commit)
            .ExecuteScalar() is long cancellation
            ? (CancellationState)cancellation
            : null;

    /// <summary>
    /// Runs <paramref name="insert"/>, which ends with <see cref="OnTopOfCommit"/>, with <c>$id</c>, <c>$commit</c> and
    /// <paramref name="values"/> bound; throws when the guard held it back. <paramref name="what"/> names the record.
    /// </summary>
    private Task<int> RecordAtCommitAsync(
        string id, int commit, string insert, string what, (string Name, object Value)[] values, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                // No row is written either when the guard held the insert back or when it skipped a record made already
                // (a fan-out branch's, ON CONFLICT DO NOTHING): recording one twice is no error, as on every store.
                var written = Execute(Guarded(statements, insert).Bind("$id", id).Bind("$commit", commit), values);
                return written == 1 || CancellationAt(statements, id, commit) is not null ? written : throw RefusedAtCommit(id, commit, what);
            },
            cancellationToken);

    /// <summary>The refusal of a write that <see cref="RunningAtCommit"/> held back; <paramref name="what"/> names what it would have recorded.</summary>
    private InvalidOperationException RefusedAtCommit(string id, int commit, string what) => StoreConventions.RefusedAtCommit(id, commit, WorkerId, what);
}
