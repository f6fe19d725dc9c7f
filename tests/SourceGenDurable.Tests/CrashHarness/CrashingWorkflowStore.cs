using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>Where one simulated process dies.</summary>
/// <param name="AfterCommit">Die right after this process's n-th successful commit (the commit is durable).</param>
/// <param name="BeforeCommit">Die instead of this process's n-th commit (the step ran, its commit never happens).</param>
public sealed record CrashPlan(int? AfterCommit, int? BeforeCommit)
{
    public static readonly CrashPlan Never = new(null, null);
}

/// <summary>One commit that reached the database.</summary>
/// <param name="State">The committed state.</param>
/// <param name="StepCheckpoint">The checkpoint of the step recorded with it, if any.</param>
/// <param name="LogLength">How many entries the recorder held when the commit returned.</param>
public sealed record CommitRecord(int State, int? StepCheckpoint, int LogLength);

/// <summary>
/// A store for one simulated process. It forwards to a real store (SQLite or PostgreSQL) until its crash point, then
/// it is dead: the call that hit the crash point and every later call throw <see cref="SimulatedCrashException"/> and
/// write nothing, as a killed process writes nothing.
/// </summary>
public sealed class CrashingWorkflowStore(IWorkflowStore inner, CrashPlan plan, Action<int, int?> onCommitted) : IWorkflowStore, IAsyncDisposable
{
    private int _commits;

    /// <summary>The process has crashed.</summary>
    public bool IsDead { get; private set; }

    /// <summary>Successful commits of this process.</summary>
    public int Commits => _commits;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(InitializeAsync));
        return inner.InitializeAsync(cancellationToken);
    }

    public Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(CreateAsync));
        return inner.CreateAsync(instance, cancellationToken);
    }

    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetAsync));
        return inner.GetAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetRunningIdsAsync));
        return inner.GetRunningIdsAsync(cancellationToken);
    }

    public async Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(CommitCheckpointAsync));
        if (plan.BeforeCommit == _commits + 1)
        {
            IsDead = true;
            throw new SimulatedCrashException($"Simulated crash before commit {_commits + 1} of this process (state {commit.State}): the commit did not happen.");
        }

        var cancelRequested = await inner.CommitCheckpointAsync(id, commit, cancellationToken);
        _commits++;
        onCommitted(commit.State, commit.Step?.Checkpoint);
        if (plan.AfterCommit == _commits)
        {
            IsDead = true;
            throw new SimulatedCrashException($"Simulated crash after commit {_commits} of this process (state {commit.State}): the commit is durable.");
        }

        return cancelRequested;
    }

    public Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(WakeDueAsync));
        return inner.WakeDueAsync(now, cancellationToken);
    }

    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(AwaitAsync));
        return inner.AwaitAsync(id, wait, now, cancellationDelivered, cancellationToken);
    }

    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RejectEventAsync));
        return inner.RejectEventAsync(id, wait, eventSequence, reason, cancellationToken);
    }

    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RaiseEventAsync));
        return inner.RaiseEventAsync(id, name, payload, cancellationToken);
    }

    public Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RequestCancellationAsync));
        return inner.RequestCancellationAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetEventsAsync));
        return inner.GetEventsAsync(id, cancellationToken);
    }

    public Task FinishAsync(string id, WorkflowOutcome outcome, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(FinishAsync));
        return inner.FinishAsync(id, outcome, cancellationToken);
    }

    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(SetAsideAsync));
        return inner.SetAsideAsync(id, reason, cancellationToken);
    }

    public Task<IReadOnlyList<WorkflowInstance>> ListAsync(InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(ListAsync));
        return inner.ListAsync(filter, after, limit, cancellationToken);
    }

    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetStepsAsync));
        return inner.GetStepsAsync(id, cancellationToken);
    }

    public string WorkerId => inner.WorkerId;

    public Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(AcquireLeaseAsync));
        return inner.AcquireLeaseAsync(id, duration, maxStartsWithoutProgress, cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RenewLeaseAsync));
        return inner.RenewLeaseAsync(id, duration, cancellationToken);
    }

    public Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(ReleaseLeaseAsync));
        return inner.ReleaseLeaseAsync(id, failed, cancellationToken);
    }

    public Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetSetAsideAsync));
        return inner.GetSetAsideAsync(cancellationToken);
    }

    public Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(ResumeSetAsideAsync));
        return inner.ResumeSetAsideAsync(id, cancellationToken);
    }

    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RecordStepAttemptAsync));
        return inner.RecordStepAttemptAsync(id, attempt, cancellationToken);
    }

    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetStepAttemptsAsync));
        return inner.GetStepAttemptsAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetStepAttemptsAsync));
        return inner.GetStepAttemptsAsync(id, sequence, ordinal, cancellationToken);
    }

    /// <summary>
    /// The process ends, crashed or not: its store's connections close, as a killed process's are closed by the
    /// operating system (PostgreSQL would otherwise keep a pool of connections per simulated process).
    /// </summary>
    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    private void ThrowIfDead(string call)
    {
        if (IsDead)
        {
            throw new SimulatedCrashException($"{call} on a store whose process has crashed.");
        }
    }

    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RecordBranchAsync));
        return inner.RecordBranchAsync(id, branch, cancellationToken);
    }

    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetBranchesAsync));
        return inner.GetBranchesAsync(id, sequence, cancellationToken);
    }

    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(SuspendAsync));
        return inner.SuspendAsync(id, waits, now, cancellationDelivered, cancellationToken);
    }

    public Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(RequestChildrenCancellationAsync));
        return inner.RequestChildrenCancellationAsync(parentId, cancellationToken);
    }

    public Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ThrowIfDead(nameof(GetProgressAsync));
        return inner.GetProgressAsync(instance, cancellationToken);
    }
}
