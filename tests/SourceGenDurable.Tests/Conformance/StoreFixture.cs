using MemoryStore;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Postgres;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// One fresh database for one contract test, and the stores opened on it: several workers (each store has its own
/// worker id) on the same database, all on one manual clock. Disposing it disposes every store, then the database.
/// </summary>
internal abstract class StoreFixture : IAsyncDisposable
{
    /// <summary>Whole seconds: both stores keep times to the millisecond, so every time a test compares is exact.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<IWorkflowStore> _stores = [];

    public ManualClock Clock { get; } = new(Start);

    /// <summary>A store on this fixture's database for <paramref name="workerId"/>, not initialized yet.</summary>
    public IWorkflowStore Open(string workerId)
    {
        var store = Create(workerId);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    /// <summary>A store on this fixture's database for <paramref name="workerId"/>, initialized.</summary>
    public async Task<IWorkflowStore> OpenAsync(string workerId)
    {
        var store = Open(workerId);
        await store.InitializeAsync(default);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        DeleteDatabase();
        GC.SuppressFinalize(this);
    }

    protected abstract IWorkflowStore Create(string workerId);

    protected abstract void DeleteDatabase();
}

/// <summary>The SQLite store on a temporary file.</summary>
internal sealed class SqliteStoreFixture : StoreFixture
{
    private readonly TempDatabase _database = new();

    protected override IWorkflowStore Create(string workerId) =>
        new SqliteWorkflowStore(_database.ConnectionString, Clock, SqliteSynchronousMode.Normal, workerId);

    protected override void DeleteDatabase() => _database.Dispose();
}

/// <summary>
/// The PostgreSQL store in a schema of its own on the test server. Creating it when CI requires a server and none is
/// set fails with <see cref="PostgresServer.RequireConnectionString"/>'s message.
/// </summary>
internal sealed class PostgresStoreFixture : StoreFixture
{
    private readonly PostgresTestSchema _schema = new();

    protected override IWorkflowStore Create(string workerId) =>
        new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = _schema.ConnectionString, Schema = _schema.Schema }, Clock, workerId);

    protected override void DeleteDatabase() => _schema.Dispose();
}

/// <summary>The sample memory store (samples/MemoryStore): a database of its own, shared by the test's stores.</summary>
internal sealed class MemoryStoreFixture : StoreFixture
{
    private readonly MemoryDatabase _database = new();

    protected override IWorkflowStore Create(string workerId) => new MemoryWorkflowStore(_database, Clock, workerId);

    protected override void DeleteDatabase()
    {
    }
}
