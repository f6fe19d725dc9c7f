using Microsoft.Extensions.Logging;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// Lease owners' liveness: every host holds an advisory lock on its own session (<see cref="PostgresWorkerSession"/>),
/// which the server releases the moment that session ends. A lease whose owner holds no such lock any more is a dead
/// host's, and is ended at once rather than waited out, so the other hosts (or the host's own restart) resume its
/// instances immediately. Every write still checks the lease owner, so a host that only lost its session writes nothing.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <summary>Hosts look for dead ones at most this often: the look reads the server's lock table.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(500);

    private long _nextSweep;

    /// <summary>Ends the leases of every registered worker whose session lock is gone, and forgets those workers.</summary>
    private async Task EndLeasesOfDeadWorkersAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (now < Interlocked.Read(ref _nextSweep))
        {
            return;
        }

        Interlocked.Exchange(ref _nextSweep, now + (long)SweepInterval.TotalMilliseconds);
        var (workers, ended) = await _writer.StatementAsync(
            null,
            $"""
            WITH dead AS (
                DELETE FROM workflow_workers w
                WHERE w.worker_id <> $1 AND NOT EXISTS (
                    SELECT 1 FROM pg_locks l
                    WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND l.classid::bigint = $2 AND l.objid::bigint = w.lock_key AND l.objsubid = 2)
                RETURNING worker_id),
            ended AS (
                UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL
                WHERE lease_owner = ANY (ARRAY (SELECT worker_id FROM dead)) AND status IN {Runnable}
                RETURNING 1)
            SELECT (SELECT count(*) FROM dead), (SELECT count(*) FROM ended);
            """,
            [WorkerId, (long)SchemaLockKey(_schema)],
            reader => (reader.GetInt64(0), reader.GetInt64(1)),
            madeWork: result => result.Item2 > 0,
            cancellationToken).ConfigureAwait(false);
        if (workers > 0)
        {
            LogDeadWorkers(_logger, workers, ended);
        }
    }

    /// <summary>
    /// Ends <paramref name="workerId"/>'s leases as if they had expired: the starts they counted stay counted (a run that
    /// died counts towards <c>MaxStartsWithoutProgress</c>), and its writes, should it still make any, are refused.
    /// </summary>
    internal Task<int> EndLeasesOfAsync(string workerId, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            null,
            $"""
            WITH ended AS (
                UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL WHERE status IN {Runnable} AND lease_owner = $1 RETURNING 1)
            SELECT count(*)::integer FROM ended;
            """,
            [workerId],
            reader => reader.GetInt32(0),
            madeWork: ended => ended > 0,
            cancellationToken);

    [LoggerMessage(40, LogLevel.Information, "{Workers} workers of this schema are gone (their sessions ended) holding the leases of {Count} instances; they are resumed now.")]
    private static partial void LogDeadWorkers(ILogger logger, long workers, long count);
}
