using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Leases: one worker runs an instance at a time. A lease is an owner and an expiry on the instance row, taken in the
/// writer's <c>BEGIN IMMEDIATE</c> transaction (so two workers never both take it), renewed while the run lasts, and
/// dropped by the same write that finishes or suspends the instance. Every commit and wait checks the owner in its own
/// guarded statement, so a worker whose lease was taken over writes nothing.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var now = _timeProvider.GetUtcNow();
                var expires = now + duration;

                // The common case in one statement: a runnable instance that no live lease holds and that is not due to be
                // poisoned is taken, and read back as taken (apart: RETURNING costs SQLite more). Otherwise nothing is
                // written, and the instance is read to tell why (the same checks, in the same order, as below).
                var taken = statements.Prepared(
                    """
                    UPDATE workflow_instances SET lease_owner = $owner, lease_expires_at = $expires, starts = starts + 1, status = $running, updated_at = $now
                    WHERE id = $id AND status IN ($pending, $running) AND poisoned = 0
                        AND (lease_owner IS NULL OR lease_expires_at <= $now) AND starts < $maxStarts;
                    """)
                    .Bind("$id", id)
                    .Bind("$owner", WorkerId)
                    .Bind("$expires", expires.ToUnixTimeMilliseconds())
                    .Bind("$running", (int)WorkflowStatus.Running)
                    .Bind("$pending", (int)WorkflowStatus.Pending)
                    .Bind("$now", now.ToUnixTimeMilliseconds())
                    .Bind("$maxStarts", maxStartsWithoutProgress)
                    .ExecuteNonQuery() == 1;
                var instance = ReadInstance(statements, id);
                if (taken)
                {
                    return Acquired(statements, instance ?? throw new InvalidOperationException($"Instance '{id}' vanished right after its lease was taken."));
                }

                if (instance is not { Status: WorkflowStatus.Pending or WorkflowStatus.Running, Poisoned: false })
                {
                    return new LeaseAttempt(LeaseOutcome.NotRunnable, instance);
                }

                if (instance.LeaseOwner is not null && instance.LeaseExpiresAt > now)
                {
                    return new LeaseAttempt(LeaseOutcome.HeldElsewhere, instance);
                }

                if (instance.Starts >= maxStartsWithoutProgress)
                {
                    // Every run since the last checkpoint ended without a commit or a wait: the process died in a step,
                    // or the checkpoint could not be written. Running it again would only take the next worker down too.
                    var reason = StoreConventions.PoisonedReason(instance);
                    Execute(
                        statements,
                        "UPDATE workflow_instances SET poisoned = 1, set_aside_reason = $reason, lease_owner = NULL, lease_expires_at = NULL, updated_at = $now WHERE id = $id;",
                        ("$id", id),
                        ("$reason", reason),
                        ("$now", now.ToUnixTimeMilliseconds()));
                    return new LeaseAttempt(LeaseOutcome.Poisoned, instance with { Poisoned = true, SetAsideReason = reason, LeaseOwner = null, LeaseExpiresAt = null });
                }

                Execute(
                    statements,
                    """
                    UPDATE workflow_instances SET lease_owner = $owner, lease_expires_at = $expires, starts = starts + 1, status = $running, updated_at = $now
                    WHERE id = $id;
                    """,
                    ("$id", id),
                    ("$owner", WorkerId),
                    ("$expires", expires.ToUnixTimeMilliseconds()),
                    ("$running", (int)WorkflowStatus.Running),
                    ("$now", now.ToUnixTimeMilliseconds()));
                return Acquired(statements, instance with { Status = WorkflowStatus.Running, LeaseOwner = WorkerId, LeaseExpiresAt = expires, Starts = instance.Starts + 1 });
            },
            cancellationToken);

    /// <summary>
    /// The lease taken, with whether an earlier run recorded failed attempts of steps before the next commit: under the
    /// lease only this run can record more, so a run told there are none skips looking them up at every step.
    /// </summary>
    private static LeaseAttempt Acquired(SqliteStatements statements, WorkflowInstance instance)
    {
        var recorded = Scalar(
            statements,
            "SELECT EXISTS (SELECT 1 FROM workflow_step_attempts WHERE instance_id = $id AND sequence = $sequence);",
            ("$id", instance.Id),
            ("$sequence", instance.Commits + 1));
        return new LeaseAttempt(LeaseOutcome.Acquired, instance, StepAttemptsRecorded: recorded is not 0L);
    }

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements => Execute(
                Guarded(statements, $"UPDATE workflow_instances SET lease_expires_at = $expires WHERE {UnderLease};"),
                ("$id", id),
                ("$expires", (_timeProvider.GetUtcNow() + duration).ToUnixTimeMilliseconds())) == 1,
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements => Execute(
                Guarded(
                    statements,
                    $"""
                    UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL,
                        starts = CASE WHEN $failed THEN starts ELSE MAX(starts - 1, 0) END
                    WHERE {UnderLease};
                    """),
                ("$id", id),
                ("$failed", failed)),
            cancellationToken);
}
