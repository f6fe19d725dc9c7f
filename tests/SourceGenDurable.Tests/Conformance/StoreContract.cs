using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// The base of the store contract's tests (<see cref="IWorkflowStore"/>): one abstract class per area derives from it,
/// and each store derives a class from that, which only says how to make a fresh database. Every test gets its own.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    protected const int MaxStarts = 5;

    private StoreFixture? _fixture;

    private protected StoreFixture Stores => _fixture ?? throw new InvalidOperationException("The fixture is created when the test starts.");

    protected DateTimeOffset Now => Stores.Clock.GetUtcNow();

    public Task InitializeAsync()
    {
        _fixture = CreateFixture();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    /// <summary>A fresh database, with nothing in it yet, for the store under test.</summary>
    private protected abstract StoreFixture CreateFixture();

    protected void Advance(TimeSpan by) => Stores.Clock.AdvanceTo(Now + by);

    /// <summary>An initialized store for <paramref name="workerId"/> on the test's database.</summary>
    protected Task<IWorkflowStore> StoreAsync(string workerId = "worker-a") => Stores.OpenAsync(workerId);

    protected WorkflowInstance NewInstance(string id, string name = "test", string? parentId = null, string slots = "{}") =>
        new(id, name, WorkflowStatus.Pending, -1, 0, "layout", slots, null, null, null, Now, Now, ParentId: parentId);

    /// <summary>Creates <paramref name="id"/> and takes its lease with <paramref name="store"/>.</summary>
    protected async Task<WorkflowInstance> StartAsync(IWorkflowStore store, string id, string? parentId = null)
    {
        await store.CreateAsync(NewInstance(id, parentId: parentId), default);
        return await LeaseAsync(store, id);
    }

    /// <summary>Takes the lease on <paramref name="id"/>, which must succeed.</summary>
    protected static async Task<WorkflowInstance> LeaseAsync(IWorkflowStore store, string id)
    {
        var attempt = await store.AcquireLeaseAsync(id, Lease, MaxStarts, default);
        Assert.Equal(LeaseOutcome.Acquired, attempt.Outcome);
        return attempt.Instance!;
    }

    protected static async Task<WorkflowInstance> GetAsync(IWorkflowStore store, string id) =>
        await store.GetAsync(id, default) ?? throw new Xunit.Sdk.XunitException($"Instance '{id}' is not in the store.");

    protected static CheckpointCommit Commit(int number, string slots = "{}", StepRecord? step = null, long[]? consumed = null, bool cancellationDelivered = false) =>
        new(State: number * 10, Commit: number, Slots: slots, Step: step, ConsumedEvents: consumed ?? [], CancellationDelivered: cancellationDelivered);

    protected StepRecord Step(int sequence, string name, string? result = "1") => new(sequence, sequence * 10, name, result, 1, Now, Now - TimeSpan.FromSeconds(1));

    /// <summary>The wait at (<paramref name="commit"/>, <paramref name="ordinal"/>) for event <paramref name="name"/>.</summary>
    protected static WaitRequest EventWait(int commit, int ordinal, string name, DateTimeOffset? deadline = null, bool inFanOut = false) =>
        new(commit, ordinal, Checkpoint: (commit * 10) + ordinal, WaitKind.Event, name, deadline, inFanOut);

    protected static WaitRequest TimerWait(int commit, int ordinal, DateTimeOffset due, bool inFanOut = false) =>
        new(commit, ordinal, Checkpoint: (commit * 10) + ordinal, WaitKind.Timer, null, due, inFanOut);

    protected StepAttempt Attempt(int sequence, int ordinal, string step, int attempt, bool final = false, string? stack = null) =>
        new(sequence, ordinal, sequence * 10, step, attempt, new WorkflowError("System.TimeoutException", $"attempt {attempt} timed out", stack), Now - TimeSpan.FromSeconds(1), Now, final);

    protected static WorkflowOutcome Completed(string? result) => new(WorkflowStatus.Completed, result, null);

    protected static WorkflowOutcome Failed(WorkflowError error) => new(WorkflowStatus.Failed, null, error);

    protected static WorkflowOutcome Cancelled(WorkflowError error) => new(WorkflowStatus.Cancelled, null, error);

    /// <summary>Ends <paramref name="id"/>, which <paramref name="store"/> holds the lease on, with <paramref name="end"/>.</summary>
    protected static Task FinishAsync(IWorkflowStore store, string id, WorkflowStatus end) => end switch
    {
        WorkflowStatus.Completed => store.FinishAsync(id, Completed("1"), default),
        WorkflowStatus.Failed => store.FinishAsync(id, Failed(new WorkflowError("System.Exception", "failed", null)), default),
        WorkflowStatus.Cancelled => store.FinishAsync(id, Cancelled(new WorkflowError("SourceGenDurable.WorkflowCancelledException", "cancelled", null)), default),
        _ => throw new ArgumentOutOfRangeException(nameof(end), end, "An instance ends completed, failed or cancelled."),
    };

    /// <summary>Asserts that <paramref name="write"/> is refused as the contract says: an InvalidOperationException naming the instance.</summary>
    protected static async Task RefusedAsync(string id, Func<Task> write)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(write);
        Assert.Contains(id, refused.Message, StringComparison.Ordinal);
    }
}
