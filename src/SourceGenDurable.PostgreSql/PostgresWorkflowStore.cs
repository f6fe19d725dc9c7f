using Microsoft.Extensions.Logging;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>The PostgreSQL store (being written).</summary>
internal sealed partial class PostgresWorkflowStore : IWorkflowStore, IWorkflowStoreWakeups, IAsyncDisposable
{
    public PostgresWorkflowStore(PostgresStoreOptions settings, TimeProvider timeProvider, string workerId, ILogger<PostgresWorkflowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WorkerId = workerId;
        throw new NotImplementedException();
    }

    public string WorkerId { get; }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public IDisposable SubscribeToWork(Action onWork) => throw new NotImplementedException();
    public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<(WorkflowInstance Instance, bool Created)> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<string>> GetRunningIdsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<DateTimeOffset?> WakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> CommitCheckpointAsync(string id, CheckpointCommit commit, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<WaitOutcome> AwaitAsync(string id, WaitRequest wait, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RejectEventAsync(string id, WaitRequest wait, long eventSequence, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> RequestCancellationAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task CompleteAsync(string id, string? result, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task FailAsync(string id, WorkflowError error, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task CancelAsync(string id, WorkflowError error, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task SetAsideAsync(string id, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<LeaseAttempt> AcquireLeaseAsync(string id, TimeSpan duration, int maxStartsWithoutProgress, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> RenewLeaseAsync(string id, TimeSpan duration, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task ReleaseLeaseAsync(string id, bool failed, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<WorkflowInstance>> GetSetAsideAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> ResumeSetAsideAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<WorkflowInstance>> ListAsync(InstanceFilter filter, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<WaitResolution> SuspendAsync(string id, IReadOnlyList<WaitRequest> waits, DateTimeOffset now, bool cancellationDelivered, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<string>> RequestChildrenCancellationAsync(string parentId, CancellationToken cancellationToken) => throw new NotImplementedException();
}
