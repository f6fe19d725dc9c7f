using System.Runtime.Versioning;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests;

/// <summary>The database and the files beside it hold every workflow's inputs: a new one is readable by its owner only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [UnixFact]
    public async Task A_new_database_its_wal_and_shm_files_and_the_worker_lock_files_are_readable_by_their_owner_only()
    {
        await using var store = await StoreWithOneInstanceAsync();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_database.Path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_database.Path + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_database.Path + "-shm"));
        var workers = _database.Path + ".workers";
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(workers));
        var locks = Directory.GetFiles(workers);
        Assert.Equal(2, locks.Length); // this worker's and the sweep lock
        Assert.All(locks, file => Assert.Equal(OwnerOnly, File.GetUnixFileMode(file)));
    }

    [UnixFact]
    public async Task An_existing_database_keeps_its_mode_and_sqlite_gives_its_wal_and_shm_files_the_same()
    {
        File.Create(_database.Path).Dispose();
        File.SetUnixFileMode(_database.Path, WorldReadable);

        await using var store = await StoreWithOneInstanceAsync();

        Assert.Equal(WorldReadable, File.GetUnixFileMode(_database.Path));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(_database.Path + "-wal"));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(_database.Path + "-shm"));
    }

    /// <summary>A store that has written, so that SQLite has made its -wal and -shm files.</summary>
    private async Task<SqliteWorkflowStore> StoreWithOneInstanceAsync()
    {
        var store = new SqliteWorkflowStore(_database.ConnectionString, _clock, SqliteSynchronousMode.Normal, "owner");
        await store.InitializeAsync(default);
        await store.CreateAsync(new WorkflowInstance("one", "test", WorkflowStatus.Pending, -1, 0, "layout", "{}", null, null, null, _clock.GetUtcNow(), _clock.GetUtcNow()), default);
        Assert.NotNull(await store.GetAsync("one", default));
        return store;
    }
}
