using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>Leases, poisoned instances and graceful shutdown, in one process (the kill tests run them across real processes).</summary>
public sealed class LeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<SqliteWorkflowStore> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(store => store.Dispose());
        _database.Dispose();
    }

    // The store contract's lease rules run on every store (Conformance/LeaseContract.cs); these are SQLite's own.
    [Fact]
    public async Task Each_refusal_of_a_worker_whose_lease_was_taken_over_names_that_worker()
    {
        var (a, b) = (await StoreAsync("worker-a"), await StoreAsync("worker-b"));
        await a.CreateAsync(NewInstance("guarded"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await a.AcquireLeaseAsync("guarded", Lease, 5, default)).Outcome);
        _clock.Advance(Lease);
        Assert.Equal(LeaseOutcome.Acquired, (await b.AcquireLeaseAsync("guarded", Lease, 5, default)).Outcome);
        var sequence = await b.RaiseEventAsync("guarded", "paid", "{}", default);
        var now = _clock.GetUtcNow();
        var wait = new WaitRequest(1, 0, 0, WaitKind.Event, "paid", null);
        var error = new WorkflowError("System.Exception", "stale", null);

        Task[] stale =
        [
            a.CommitCheckpointAsync("guarded", new CheckpointCommit(0, 1, "{}", null, [], false), default),
            a.RecordStepAttemptAsync("guarded", new StepAttempt(1, 0, 0, "charge", 1, error, now, now, Final: false), default),
            a.AwaitAsync("guarded", wait, now, cancellationDelivered: false, default),
            a.SuspendAsync("guarded", [wait], now, cancellationDelivered: false, default),
            a.RejectEventAsync("guarded", wait, sequence, "bad payload", default),
            a.RecordBranchAsync("guarded", new BranchRecord(1, 0, 0, 0, "charge", "1", 1, now), default),
            a.FinishAsync("guarded", new WorkflowOutcome(WorkflowStatus.Completed, "1", null), default),
            a.FinishAsync("guarded", new WorkflowOutcome(WorkflowStatus.Failed, null, error), default),
            a.FinishAsync("guarded", new WorkflowOutcome(WorkflowStatus.Cancelled, null, error), default),
        ];
        foreach (var write in stale)
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => write);
            Assert.Contains("worker 'worker-a' no longer holds its lease", refused.Message);
        }
    }

    [Fact]
    public async Task A_lease_tells_the_run_that_no_failed_attempts_wait_at_the_commit_it_resumes_into()
    {
        // The contract lets a store that cannot tell say true; SQLite tells, so a first run skips the look-ups.
        var store = await StoreAsync("worker-a");
        await store.CreateAsync(NewInstance("fresh"), default);
        var first = await store.AcquireLeaseAsync("fresh", Lease, 5, default);

        Assert.Equal(LeaseOutcome.Acquired, first.Outcome);
        Assert.False(first.StepAttemptsRecorded);
    }

    [Fact]
    public async Task A_poisoned_instances_reason_names_its_starts_and_checkpoint()
    {
        var store = await StoreAsync("worker-a");
        await store.CreateAsync(NewInstance("poison"), default);
        for (var run = 0; run < 2; run++)
        {
            Assert.Equal(LeaseOutcome.Acquired, (await store.AcquireLeaseAsync("poison", Lease, 2, default)).Outcome);
            await store.ReleaseLeaseAsync("poison", failed: true, default);
        }

        var poisoned = await store.AcquireLeaseAsync("poison", Lease, 2, default);

        Assert.Equal(LeaseOutcome.Poisoned, poisoned.Outcome);
        Assert.Contains("Workflow 'test' was started 2 times at checkpoint -1 and no run reached a new checkpoint", poisoned.Instance!.SetAsideReason);
    }
    [Fact]
    public async Task On_a_graceful_stop_the_running_step_finishes_and_commits_and_another_host_resumes_at_once()
    {
        var services = new FakeServices();
        services.Gates["charge"] = new TaskCompletionSource();
        var first = await TestHost.StartAsync(_database.ConnectionString, services, s => s.Configure<DurableWorkflowOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20)));
        await first.Client.StartProcessOrderAsync(new Order("o-1", "ada", 10m, 1m), workflowId: "graceful");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 1), "the charge step runs");

        var stopping = first.Host.StopAsync();
        await Task.Delay(300); // the worker has stopped taking work: the step that runs is let finish
        services.Gates["charge"].SetResult();
        await stopping;
        first.Host.Dispose();

        var left = (await (await StoreAsync("observer")).GetAsync("graceful", default))!;
        Assert.Equal((1, null, 0), (left.State, left.LeaseOwner, left.Starts));
        Assert.Equal(0, services.CountOf("email")); // no new step started while stopping

        // The lease (30 s) was released: a new host does not wait for it to expire.
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        var receipt = await second.Client.GetResultAsync<Receipt>("graceful").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(11m, receipt.Total);
        Assert.Equal((1, 1), (services.CountOf("charge"), services.CountOf("email")));
    }

    [Fact]
    public async Task A_step_still_running_at_the_shutdown_timeout_is_cancelled_and_its_lease_released()
    {
        var services = new FakeServices();
        services.Gates["charge"] = new TaskCompletionSource(); // never released in the first host
        var first = await TestHost.StartAsync(_database.ConnectionString, services, s => s.Configure<DurableWorkflowOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        await first.Client.StartProcessOrderAsync(new Order("o-2", "bob", 5m, 1m), workflowId: "timed-out");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 1), "the charge step runs");

        await first.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        first.Host.Dispose();

        var left = (await (await StoreAsync("observer")).GetAsync("timed-out", default))!;
        Assert.Equal((0, WorkflowStatus.Running, null), (left.State, left.Status, left.LeaseOwner));

        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);
        await second.Client.GetResultAsync<Receipt>("timed-out").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 2, 1), (services.CountOf("reserve"), services.CountOf("charge"), services.CountOf("email")));
    }

    [Fact]
    public async Task Lease_and_shutdown_options_are_bound_from_configuration_and_validated()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SourceGenDurable:ConnectionString"] = _database.ConnectionString,
            ["SourceGenDurable:LeaseDuration"] = "00:00:05",
            ["SourceGenDurable:WorkerId"] = "node-7",
            ["SourceGenDurable:MaxStartsWithoutProgress"] = "3",
            ["SourceGenDurable:ShutdownTimeout"] = "00:00:02",
        });
        builder.Services.AddSingleton(new FakeServices());
        builder.Services.AddDurableWorkflows();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), "node-7", 3, TimeSpan.FromSeconds(2)), (options.LeaseDuration, options.WorkerId, options.MaxStartsWithoutProgress, options.ShutdownTimeout));
        Assert.Equal("node-7", host.Services.GetRequiredService<IWorkflowStore>().WorkerId);

        var defaults = new DurableWorkflowOptions();
        Assert.Equal((TimeSpan.FromSeconds(30), 5), (defaults.LeaseDuration, defaults.MaxStartsWithoutProgress));
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", defaults.WorkerId);
        Assert.NotEqual(defaults.WorkerId, new DurableWorkflowOptions().WorkerId);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDurableWorkflows(o => (o.LeaseDuration, o.WorkerId, o.MaxStartsWithoutProgress, o.ShutdownTimeout) = (TimeSpan.FromMilliseconds(10), " ", 0, TimeSpan.FromSeconds(-1)));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value);
        Assert.Contains("SourceGenDurable:LeaseDuration must be at least 1 second", error.Message);
        Assert.Contains("SourceGenDurable:WorkerId must not be empty", error.Message);
        Assert.Contains("SourceGenDurable:MaxStartsWithoutProgress must be at least 1", error.Message);
        Assert.Contains("SourceGenDurable:ShutdownTimeout must not be negative", error.Message);
    }

    [Fact]
    public async Task A_lease_keeper_renews_the_lease_every_third_of_its_duration_until_disposed()
    {
        var a = await StoreAsync("worker-a");
        await a.CreateAsync(NewInstance("kept"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await a.AcquireLeaseAsync("kept", Lease, 5, default)).Outcome);
        var keeper = new LeaseKeeper(a, "kept", Lease, _clock, NullLogger.Instance);

        for (var renewal = 0; renewal < 3; renewal++)
        {
            _clock.Advance(Lease / 3);
            var renewedTo = (_clock.GetUtcNow() + Lease).ToUnixTimeMilliseconds(); // stored to the millisecond
            await TestHost.EventuallyAsync(
                async () => (await a.GetAsync("kept", default))!.LeaseExpiresAt?.ToUnixTimeMilliseconds() == renewedTo,
                $"the lease runs to {DateTimeOffset.FromUnixTimeMilliseconds(renewedTo)}");
        }

        await keeper.DisposeAsync();
        var last = (await a.GetAsync("kept", default))!.LeaseExpiresAt;
        _clock.Advance(Lease);
        Assert.Equal(last, (await a.GetAsync("kept", default))!.LeaseExpiresAt);
        Assert.False(keeper.IsLost);
    }

    [Fact]
    public async Task A_lease_keeper_that_finds_its_lease_taken_over_tells_the_run_once_and_renews_no_more()
    {
        var a = await StoreAsync("worker-a");
        await a.CreateAsync(NewInstance("taken"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await a.AcquireLeaseAsync("taken", Lease, 5, default)).Outcome);
        await using var keeper = new LeaseKeeper(a, "taken", Lease, _clock, NullLogger.Instance);
        var told = 0;
        using var subscription = keeper.OnLost(() => Interlocked.Increment(ref told));

        // Another worker holds it now (as after this worker's lease expired unrenewed, say in a long pause).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var takeOver = connection.CreateCommand();
            takeOver.CommandText = "UPDATE workflow_instances SET lease_owner = 'worker-b' WHERE id = 'taken';";
            takeOver.ExecuteNonQuery();
        }

        _clock.Advance(Lease / 3);
        await TestHost.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref told) == 1), "the run is told its lease is lost");
        Assert.True(keeper.IsLost);

        _clock.Advance(Lease);
        Assert.Equal(1, Volatile.Read(ref told));
        Assert.Equal("worker-b", (await a.GetAsync("taken", default))!.LeaseOwner);

        // A run that asks after the loss is told at once.
        var late = 0;
        using (keeper.OnLost(() => late++))
        {
            Assert.Equal(1, late);
        }
    }

    private async Task<SqliteWorkflowStore> StoreAsync(string workerId)
    {
        var store = new SqliteWorkflowStore(_database.ConnectionString, _clock, SqliteSynchronousMode.Normal, workerId);
        _stores.Add(store);
        await store.InitializeAsync(default);
        return store;
    }

    private WorkflowInstance NewInstance(string id) =>
        new(id, "test", WorkflowStatus.Pending, -1, 0, "layout", "{}", null, null, null, _clock.GetUtcNow(), _clock.GetUtcNow());
}
