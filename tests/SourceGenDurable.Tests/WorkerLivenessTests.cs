using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests;

/// <summary>
/// A lease whose owner's process is dead is ended at once; every other lease is kept until it expires. In one process,
/// with the lock file a killed process leaves behind written by hand (KillTests kill real processes).
/// </summary>
public sealed class WorkerLivenessTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<SqliteWorkflowStore> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(store => store.Dispose());
        _database.Dispose();
    }

    private string Workers => _database.Path + ".workers";

    [Fact]
    public async Task A_lease_whose_owner_died_on_this_machine_is_ended_at_once_keeping_its_start_and_its_lock_file_is_deleted()
    {
        await LeaseHeldByAGoneWorkerAsync("dead-worker", "held");
        var deadFile = LeaveLockFile("dead-worker", Environment.MachineName);

        var survivor = await StoreAsync("survivor");
        Assert.Equal(["held"], await survivor.GetRunningIdsAsync(default));
        var ended = (await survivor.GetAsync("held", default))!;
        Assert.Equal((null, null, 1), (ended.LeaseOwner, ended.LeaseExpiresAt, ended.Starts));
        Assert.False(File.Exists(deadFile));

        var taken = await survivor.AcquireLeaseAsync("held", Lease, 5, default);
        Assert.Equal((LeaseOutcome.Acquired, 2), (taken.Outcome, taken.Instance!.Starts));
    }

    [Fact]
    public async Task A_lease_whose_owner_lives_is_kept_until_it_expires_however_often_other_workers_look()
    {
        var (owner, other) = (await StoreAsync("owner"), await StoreAsync("other"));
        await owner.CreateAsync(NewInstance("held"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await owner.AcquireLeaseAsync("held", Lease, 5, default)).Outcome);

        for (var look = 0; look < 20; look++)
        {
            Assert.Empty(await other.GetRunningIdsAsync(default));
        }

        Assert.Equal(LeaseOutcome.HeldElsewhere, (await other.AcquireLeaseAsync("held", Lease, 5, default)).Outcome);
        Assert.Equal("owner", (await other.GetAsync("held", default))!.LeaseOwner);
        Assert.True(File.Exists(Path.Combine(Workers, WorkerLockFiles.FileNameOf("owner"))));

        _clock.Advance(Lease);
        Assert.Equal(["held"], await other.GetRunningIdsAsync(default));
    }

    [Fact]
    public async Task A_lease_whose_owner_left_no_lock_file_or_one_written_on_another_machine_is_kept_until_it_expires()
    {
        // An older build, or a worker on another machine sharing the file: its liveness cannot be told from here.
        await LeaseHeldByAGoneWorkerAsync("no-file", "old-build");
        await LeaseHeldByAGoneWorkerAsync("elsewhere", "other-machine");
        var foreign = LeaveLockFile("elsewhere", "another-" + Environment.MachineName);

        var looker = await StoreAsync("looker");
        Assert.Empty(await looker.GetRunningIdsAsync(default));
        Assert.Equal(LeaseOutcome.HeldElsewhere, (await looker.AcquireLeaseAsync("old-build", Lease, 5, default)).Outcome);
        Assert.Equal(LeaseOutcome.HeldElsewhere, (await looker.AcquireLeaseAsync("other-machine", Lease, 5, default)).Outcome);
        Assert.True(File.Exists(foreign));

        _clock.Advance(Lease);
        Assert.Equal(["old-build", "other-machine"], (await looker.GetRunningIdsAsync(default)).Order());
    }

    [Fact]
    public async Task A_second_live_store_with_the_same_worker_id_is_refused_naming_the_id_and_the_option()
    {
        await StoreAsync("node-1");
        var refused = await Assert.ThrowsAsync<DurableStoreException>(() => StoreAsync("node-1"));
        Assert.Contains("SourceGenDurable:WorkerId 'node-1' is in use by another live process", refused.Message);
        Assert.Contains("leave WorkerId unset", refused.Message);
    }

    [Fact]
    public async Task A_worker_restarted_with_its_configured_id_ends_the_leases_of_its_previous_process_at_once()
    {
        await LeaseHeldByAGoneWorkerAsync("node-1", "held");
        var other = await StoreAsync("other");
        Assert.Empty(await other.GetRunningIdsAsync(default));

        var restarted = await StoreAsync("node-1");
        Assert.Equal(["held"], await restarted.GetRunningIdsAsync(default));
        Assert.Equal(LeaseOutcome.Acquired, (await restarted.AcquireLeaseAsync("held", Lease, 5, default)).Outcome);
    }

    [Fact]
    public async Task A_store_without_a_file_keeps_every_lease_until_it_expires_and_writes_no_lock_files()
    {
        var connectionString = $"Data Source=liveness-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        using var keepAlive = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        keepAlive.Open();
        var gone = new SqliteWorkflowStore(connectionString, _clock, SqliteSynchronousMode.Normal, "gone");
        await gone.InitializeAsync(default);
        await gone.CreateAsync(NewInstance("held"), default);
        Assert.Equal(LeaseOutcome.Acquired, (await gone.AcquireLeaseAsync("held", Lease, 5, default)).Outcome);
        await gone.DisposeAsync();

        var looker = new SqliteWorkflowStore(connectionString, _clock, SqliteSynchronousMode.Normal, "looker");
        _stores.Add(looker);
        await looker.InitializeAsync(default);
        Assert.Empty(await looker.GetRunningIdsAsync(default));
        _clock.Advance(Lease);
        Assert.Equal(["held"], await looker.GetRunningIdsAsync(default));
        Assert.Empty(Directory.GetFileSystemEntries(Environment.CurrentDirectory, "liveness-*"));
    }

    /// <summary>A worker that took the lease of <paramref name="id"/> and is gone, leaving the lease (and no lock file).</summary>
    private async Task LeaseHeldByAGoneWorkerAsync(string workerId, string id)
    {
        var gone = new SqliteWorkflowStore(_database.ConnectionString, _clock, SqliteSynchronousMode.Normal, workerId);
        await gone.InitializeAsync(default);
        await gone.CreateAsync(NewInstance(id), default);
        Assert.Equal(LeaseOutcome.Acquired, (await gone.AcquireLeaseAsync(id, Lease, 5, default)).Outcome);
        await gone.DisposeAsync();
    }

    /// <summary>The lock file a killed worker leaves: written, no longer locked by anyone.</summary>
    private string LeaveLockFile(string workerId, string host)
    {
        var path = Path.Combine(Workers, WorkerLockFiles.FileNameOf(workerId));
        File.WriteAllText(path, $"host={host}\npid=1\nworker={workerId}");
        return path;
    }

    private async Task<SqliteWorkflowStore> StoreAsync(string workerId)
    {
        var store = new SqliteWorkflowStore(_database.ConnectionString, _clock, SqliteSynchronousMode.Normal, workerId);
        try
        {
            await store.InitializeAsync(default);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        _stores.Add(store);
        return store;
    }

    private WorkflowInstance NewInstance(string id) =>
        new(id, "test", WorkflowStatus.Pending, -1, 0, "layout", "{}", null, null, null, _clock.GetUtcNow(), _clock.GetUtcNow());
}
