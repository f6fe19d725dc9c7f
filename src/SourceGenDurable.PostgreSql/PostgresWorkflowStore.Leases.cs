using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// Leases: one worker runs an instance at a time. A lease is an owner and an expiry on the instance row, claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> so that hosts racing for the same instance never wait on each other: the one that
/// holds the row takes it, the others are told it is held elsewhere. It is renewed while the run lasts, and dropped by
/// the write that finishes or suspends the instance.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    // Static fields initialize in order: this one reads no other static field.
    private static readonly string AcquireSql = $"""
        WITH claimed AS (
            SELECT id FROM workflow_instances
            WHERE id = $1 AND status IN {Runnable} AND NOT poisoned AND (lease_owner IS NULL OR lease_expires_at <= $3) AND starts < $5
            FOR UPDATE SKIP LOCKED),
        taken AS (
            UPDATE workflow_instances i SET lease_owner = $2, lease_expires_at = $4, starts = i.starts + 1, status = 0, updated_at = $3
            FROM claimed WHERE i.id = claimed.id
            RETURNING {Prefixed("i.", InstanceColumns)})
        SELECT EXISTS (SELECT 1 FROM taken),
            EXISTS (SELECT 1 FROM workflow_step_attempts a JOIN taken t ON a.instance_id = t.id AND a.sequence = t.commits + 1),
            s.*
        FROM (SELECT 1) one LEFT JOIN (
            SELECT * FROM taken
            UNION ALL SELECT {InstanceColumns} FROM workflow_instances WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM taken)) s ON true;
        """;

    /// <inheritdoc />
    public async Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken)
    {
        if (!IsAlive)
        {
            // Other hosts take the leases of a worker without its lock: one taken now could be ended at any moment.
            throw new DurableStoreException(
                $"Worker '{WorkerId}' has lost its session with the PostgreSQL store at {_server} and takes no lease until it is back (it reconnects with backoff).");
        }

        var now = Now();
        var expires = PostgresTime.Stored(now + duration);

        // Taken and read back as taken; otherwise the row as last committed, to tell why (nothing is written then).
        var (taken, attemptsRecorded, instance) = await _writer.StatementAsync(
            id,
            AcquireSql,
            [id, WorkerId, now, expires, maxStartsWithoutProgress],
            reader => (reader.GetBoolean(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : ReadInstance(reader, 2)),
            madeWork: null,
            cancellationToken).ConfigureAwait(false);

        if (taken)
        {
            // Under the lease only this run can record failed attempts, so a run told there are none skips looking them up.
            return new LeaseAttempt(LeaseOutcome.Acquired, instance, StepAttemptsRecorded: attemptsRecorded);
        }

        if (instance is not { Status: WorkflowStatus.Pending or WorkflowStatus.Running, Poisoned: false })
        {
            return new LeaseAttempt(LeaseOutcome.NotRunnable, instance);
        }

        if ((instance.LeaseOwner is not null && instance.LeaseExpiresAt > now) || instance.Starts < maxStartsWithoutProgress)
        {
            // Held by a live lease, or free as last committed but locked by another host's transaction taking it now.
            return new LeaseAttempt(LeaseOutcome.HeldElsewhere, instance);
        }

        // Every run since the last checkpoint ended without a commit or a wait: the process died in a step, or the
        // checkpoint could not be written. Running it again would only take the next worker down too.
        var reason = StoreConventions.PoisonedReason(instance);
        var poisoned = await _writer.StatementAsync(
            id,
            $"""
            WITH poisoned AS (
                UPDATE workflow_instances SET poisoned = true, set_aside_reason = $2, lease_owner = NULL, lease_expires_at = NULL, updated_at = $3
                WHERE id = $1 AND status IN {Runnable} AND NOT poisoned AND (lease_owner IS NULL OR lease_expires_at <= $3) AND starts >= $4
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM poisoned);
            """,
            [id, reason, now, maxStartsWithoutProgress],
            reader => reader.GetBoolean(0),
            madeWork: null,
            cancellationToken).ConfigureAwait(false);
        return poisoned
            ? new LeaseAttempt(LeaseOutcome.Poisoned, instance with { Poisoned = true, SetAsideReason = reason, LeaseOwner = null, LeaseExpiresAt = null })
            : new LeaseAttempt(LeaseOutcome.HeldElsewhere, instance);
    }

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            id,
            $"WITH renewed AS (UPDATE workflow_instances SET lease_expires_at = $3 WHERE {UnderLease} RETURNING 1) SELECT EXISTS (SELECT 1 FROM renewed);",
            [id, WorkerId, PostgresTime.Stored(_timeProvider.GetUtcNow() + duration)],
            reader => reader.GetBoolean(0),
            madeWork: null,
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken) =>
        _writer.StatementAsync(
            id,
            $"""
            WITH released AS (
                UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL,
                    starts = CASE WHEN $3 THEN starts ELSE greatest(starts - 1, 0) END
                WHERE {UnderLease}
                RETURNING status)
            SELECT EXISTS (SELECT 1 FROM released WHERE status IN {Runnable});
            """,
            [id, WorkerId, failed],
            reader => reader.GetBoolean(0),
            // A host that stops hands its instances to the others at once.
            madeWork: released => released,
            cancellationToken);

    private static string Prefixed(string prefix, string columns) => string.Join(", ", columns.Split(", ").Select(column => prefix + column));
}
