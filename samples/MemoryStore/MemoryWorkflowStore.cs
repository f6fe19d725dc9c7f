using System.Text.Json;
using System.Text.Json.Serialization;
using SourceGenDurable;
using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>
/// The store contract (<see cref="IWorkflowStore"/>) over a <see cref="MemoryDatabase"/>, for one worker: every call is
/// one transaction of the database (its checks first, then its writes), and every write a run makes between its lease
/// and its end holds only under the guard its method states.
/// </summary>
/// <remarks>
/// A database store keeps the same rules in its SQL. It keeps times to the millisecond, as this store does, so that
/// what it returns compares equal whichever store returned it.
/// </remarks>
public sealed partial class MemoryWorkflowStore : IWorkflowStore
{
    private readonly MemoryDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <param name="database">What the store reads and writes; stores of several workers may share it.</param>
    /// <param name="timeProvider">The clock for the stored times and the leases.</param>
    /// <param name="workerId">The owner of the leases this store takes.</param>
    public MemoryWorkflowStore(MemoryDatabase database, TimeProvider timeProvider, string workerId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        _database = database;
        _timeProvider = timeProvider;
        WorkerId = workerId;
    }

    /// <inheritdoc />
    public string WorkerId { get; }

    private Dictionary<string, WorkflowInstance> Instances => _database.Instances;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return _database.RunAsync(
            () =>
            {
                if (Instances.TryGetValue(instance.Id, out var existing))
                {
                    return (existing, false);
                }

                var at = Stored(instance.CreatedAt);
                var created = new WorkflowInstance(
                    instance.Id, instance.Name, instance.Status, instance.State, 0, instance.LayoutFingerprint, instance.Slots, null, null, null, at, at,
                    LeaseOwner: instance.LeaseOwner,
                    LeaseExpiresAt: Stored(instance.LeaseExpiresAt),
                    Starts: instance.Starts,
                    ParentId: instance.ParentId);
                Instances[instance.Id] = created;
                return (created, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync(() => Instances.GetValueOrDefault(id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<string>>(
            () =>
            {
                // This store cannot tell whether a lease's owner is alive: a dead worker's leases run out.
                var now = Now();
                return Ordered(Instances.Values.Where(i =>
                        i.Status is WorkflowStatus.Running or WorkflowStatus.Pending && !i.Poisoned && (i.LeaseOwner is null || i.LeaseExpiresAt <= now)))
                    .Select(i => i.Id)
                    .ToList();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                DateTimeOffset? next = null;
                foreach (var instance in Instances.Values.Where(IsSuspended).ToList())
                {
                    if (instance.WakeAt <= now)
                    {
                        Instances[instance.Id] = Woken(instance);
                    }
                    else if (instance.WakeAt is { } wake && (next is null || wake < next))
                    {
                        next = wake;
                    }
                }

                return next;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id);
                if (!IsRunningAt(instance, commit.Commit))
                {
                    throw StoreConventions.CheckpointRefused(id, commit, WorkerId);
                }

                // Every event the waits took must still be there to take, or nothing is committed.
                var inbox = MemoryDatabase.RowsOf(_database.Events, id);
                var taken = commit.ConsumedEvents.Distinct().Select(sequence =>
                {
                    var index = inbox.FindIndex(e => e.Sequence == sequence && e.ConsumedByCommit is null && e.RejectedReason is null);
                    return index >= 0
                        ? index
                        : throw new InvalidOperationException(
                            $"Event {sequence} of instance '{id}' was consumed by another run, so checkpoint {commit.State} is not committed.");
                }).ToList();

                foreach (var index in taken)
                {
                    inbox[index] = inbox[index] with { ConsumedByCommit = commit.Commit };
                }

                // A commit is progress: the start count restarts. The cancellation is delivered once the workflow received it.
                var requested = instance!.Cancellation == CancellationState.Requested;
                Instances[id] = instance with
                {
                    State = commit.State,
                    Commits = commit.Commit,
                    Slots = commit.Slots,
                    UpdatedAt = Now(),
                    Starts = 0,
                    Cancellation = requested && commit.CancellationDelivered ? CancellationState.Delivered : instance.Cancellation,
                };
                if (commit.Step is { } step)
                {
                    MemoryDatabase.RowsOf(_database.Steps, id).Add(
                        step with { Sequence = commit.Commit, CompletedAt = Stored(step.CompletedAt), StartedAt = Stored(step.StartedAt) });
                }

                // The waits reached before this commit are behind the instance now: no re-execution reaches them again.
                if (commit.MayHaveWaits && _database.Waits.TryGetValue(id, out var waits))
                {
                    foreach (var key in waits.Keys.Where(key => key.Commit == commit.Commit).ToList())
                    {
                        waits.Remove(key);
                    }
                }

                return requested && !commit.CancellationDelivered;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id) ?? throw new WorkflowNotFoundException(id);
                if (IsFinished(instance))
                {
                    throw StoreConventions.EventToFinished(id, name, instance.Status);
                }

                return Deliver(id, name, payload);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id) ?? throw new WorkflowNotFoundException(id);
                if (IsFinished(instance))
                {
                    return false;
                }

                RequestCancellation(instance);
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<string>>(
            () => Instances.Values
                .Where(i => i.ParentId == parentId && !IsFinished(i) && i.Cancellation == CancellationState.None)
                .ToList()
                .Select(child =>
                {
                    RequestCancellation(child);
                    return child.Id;
                })
                .ToList(),
            cancellationToken);

    /// <inheritdoc />
    public Task FinishAsync(string id, WorkflowOutcome outcome, CancellationToken cancellationToken)
    {
        StoreConventions.ThrowIfNotEnding(outcome);
        return _database.RunAsync(
            () =>
            {
                var instance = Instances.GetValueOrDefault(id);
                if (!IsRunningUnderLease(instance))
                {
                    throw StoreConventions.FinishRefused(id, WorkerId, outcome.Status);
                }

                Instances[id] = instance! with
                {
                    Status = outcome.Status,
                    Result = outcome.Result,
                    Error = outcome.Error,
                    SetAsideReason = null,
                    WakeAt = null,
                    AwaitedEvent = null,
                    UpdatedAt = Now(),
                    LeaseOwner = null,
                    LeaseExpiresAt = null,
                };

                // A child's outcome reaches its parent's inbox in the same transaction, so it can never be lost between the two.
                if (instance!.ParentId is { } parent && Instances.ContainsKey(parent))
                {
                    Deliver(parent, WorkflowOutcome.EventName(id), JsonSerializer.Serialize(outcome, MemoryJsonContext.Default.WorkflowOutcome));
                }

                // A wait that ended without a commit (a timeout the workflow caught before it returned) is not needed any more.
                return _database.Waits.Remove(id);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowInstance>> ListAsync(
        InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _database.RunAsync<IReadOnlyList<WorkflowInstance>>(
            () => Ordered(Instances.Values.Where(i =>
                    (filter.Name is null || i.Name == filter.Name)
                    && (filter.Status is null || i.Status == filter.Status)
                    && (filter.CreatedFrom is null || i.CreatedAt >= filter.CreatedFrom)
                    && (filter.CreatedBefore is null || i.CreatedAt < filter.CreatedBefore)
                    && (after is not { } last || i.CreatedAt > last.CreatedAt || (i.CreatedAt == last.CreatedAt && string.CompareOrdinal(i.Id, last.Id) > 0))))
                .Take(limit)
                .ToList(),
            cancellationToken);
    }

    /// <summary>Adds an event to an instance's inbox, and wakes the instance when it waits for that name; returns its sequence.</summary>
    private long Deliver(string id, string name, string payload)
    {
        var sequence = ++_database.LastEventSequence;
        MemoryDatabase.RowsOf(_database.Events, id).Add(new EventRecord(sequence, name, payload, Now(), null, null));
        if (Instances[id] is { Status: WorkflowStatus.WaitingForEvent } waiting && (waiting.AwaitedEvent == name || waiting.AwaitedEvent == StoreConventions.AnyEvent))
        {
            Instances[id] = Woken(waiting);
        }

        return sequence;
    }

    /// <summary>Records the first cancellation request of an unfinished instance; a sleeping or waiting one is woken to receive it.</summary>
    private void RequestCancellation(WorkflowInstance instance)
    {
        if (instance.Cancellation == CancellationState.None)
        {
            Instances[instance.Id] = (IsSuspended(instance) ? Woken(instance) : instance with { UpdatedAt = Now() }) with
            {
                Cancellation = CancellationState.Requested,
            };
        }
    }

    /// <summary>A sleeping or waiting instance made running, so that a worker takes it.</summary>
    private WorkflowInstance Woken(WorkflowInstance instance) =>
        instance with { Status = WorkflowStatus.Running, WakeAt = null, AwaitedEvent = null, UpdatedAt = Now() };

    /// <summary>Whether this worker holds <paramref name="instance"/>'s lease.</summary>
    private bool IsUnderLease(WorkflowInstance? instance) => instance is not null && instance.LeaseOwner == WorkerId;

    /// <summary>As <see cref="IsUnderLease"/>, and it is running: the end of a run.</summary>
    private bool IsRunningUnderLease(WorkflowInstance? instance) => IsUnderLease(instance) && instance!.Status == WorkflowStatus.Running;

    /// <summary>As <see cref="IsRunningUnderLease"/>, and its last commit is the one before <paramref name="commit"/>: every write made between two commits holds only then.</summary>
    private bool IsRunningAt(WorkflowInstance? instance, int commit) => IsRunningUnderLease(instance) && instance!.Commits == commit - 1;

    private static bool IsSuspended(WorkflowInstance instance) => instance.Status is WorkflowStatus.Sleeping or WorkflowStatus.WaitingForEvent;

    private static bool IsFinished(WorkflowInstance instance) => instance.Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled;

    /// <summary>Instances in the order listings and resumption use: by creation time, then id.</summary>
    private static IEnumerable<WorkflowInstance> Ordered(IEnumerable<WorkflowInstance> instances) =>
        instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal);

    private DateTimeOffset Now() => Stored(_timeProvider.GetUtcNow());

    private static DateTimeOffset Stored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private static DateTimeOffset? Stored(DateTimeOffset? at) => at is { } value ? Stored(value) : null;
}

/// <summary>A child's outcome, as its parent's inbox carries it.</summary>
[JsonSerializable(typeof(WorkflowOutcome))]
internal sealed partial class MemoryJsonContext : JsonSerializerContext;
