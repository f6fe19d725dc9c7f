using SourceGenDurable;
using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>Leases, and the instances set aside: one worker runs an instance at a time, and none runs a poisoned one.</summary>
public sealed partial class MemoryWorkflowStore
{
    /// <inheritdoc />
    public Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                var now = Now();
                var instance = Instances.GetValueOrDefault(id);
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
                    // Every run since the last checkpoint ended without a commit or a wait: running it again would only
                    // take the next worker down too.
                    var poisoned = instance with
                    {
                        Poisoned = true,
                        SetAsideReason = StoreConventions.PoisonedReason(instance),
                        LeaseOwner = null,
                        LeaseExpiresAt = null,
                        UpdatedAt = now,
                    };
                    Instances[id] = poisoned;
                    return new LeaseAttempt(LeaseOutcome.Poisoned, poisoned);
                }

                var leased = instance with
                {
                    Status = WorkflowStatus.Running,
                    LeaseOwner = WorkerId,
                    LeaseExpiresAt = Stored(now + duration),
                    Starts = instance.Starts + 1,
                    UpdatedAt = now,
                };
                Instances[id] = leased;

                // Under the lease only this run can record more failed attempts of the steps before its next commit.
                var recorded = _database.Attempts.TryGetValue(id, out var attempts) && attempts.Exists(a => a.Sequence == leased.Commits + 1);
                return new LeaseAttempt(LeaseOutcome.Acquired, leased, StepAttemptsRecorded: recorded);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken) =>
        UnderLeaseAsync(id, instance => instance with { LeaseExpiresAt = Stored(Now() + duration) }, cancellationToken);

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken) =>
        // A run that ended in an orderly way does not count as a start; one that could not write its checkpoint does.
        UnderLeaseAsync(
            id, instance => instance with { LeaseOwner = null, LeaseExpiresAt = null, Starts = failed ? instance.Starts : Math.Max(instance.Starts - 1, 0) }, cancellationToken);

    /// <inheritdoc />
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) =>
        // A host that declines an instance never ran it: that is not a start, and the lease goes back at once.
        UnderLeaseAsync(
            id, instance => instance with { SetAsideReason = reason, LeaseOwner = null, LeaseExpiresAt = null, Starts = Math.Max(instance.Starts - 1, 0) }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<WorkflowInstance>>(
            () => Instances.Values
                .Where(i => i.SetAsideReason is not null && !IsFinished(i))
                .OrderByDescending(i => i.UpdatedAt)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList(),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id) ?? throw new WorkflowNotFoundException(id);
                if (instance.SetAsideReason is null || IsFinished(instance))
                {
                    return false;
                }

                Instances[id] = instance with { SetAsideReason = null, Poisoned = false, Starts = 0, UpdatedAt = Now() };
                return true;
            },
            cancellationToken);

    /// <summary>Changes the instance with <paramref name="change"/> when this worker holds its lease; false otherwise.</summary>
    private Task<bool> UnderLeaseAsync(string id, Func<WorkflowInstance, WorkflowInstance> change, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id);
                if (!IsUnderLease(instance))
                {
                    return false;
                }

                Instances[id] = change(instance!);
                return true;
            },
            cancellationToken);
}
