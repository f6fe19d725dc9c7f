using MemoryStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SourceGenDurable.Hosting;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Postgres;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The store the harness runs a corpus case on: a fresh database for each durable run (<see cref="CreateDatabase"/>),
/// which the runner disposes when the run has been read. Disposing the harness store removes what is left.
/// </summary>
public abstract class HarnessStore : IDisposable
{
    /// <summary>A fresh, empty database for the durable run of <paramref name="scenario"/>.</summary>
    public abstract HarnessDatabase CreateDatabase(CrashScenario scenario);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>The database of one durable run, which every simulated process of the run opens in turn.</summary>
public abstract class HarnessDatabase : IDisposable
{
    /// <summary>Chooses this store in a simulated process's options.</summary>
    public abstract void Configure(DurableWorkflowOptions options);

    /// <summary>
    /// The store of a new simulated process (<paramref name="services"/> are its services: its clock and its options,
    /// whose worker id is its own), or of the observer that reads the end of the run when <paramref name="services"/> is null.
    /// </summary>
    public abstract IWorkflowStore Open(IServiceProvider? services);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected static TimeProvider ClockOf(IServiceProvider? services) => services?.GetRequiredService<TimeProvider>() ?? TimeProvider.System;
}

/// <summary>SQLite: a file per durable run in a temporary folder of the harness run, deleted with the folder.</summary>
public sealed class SqliteHarnessStore : HarnessStore
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-crash-").FullName;

    public override HarnessDatabase CreateDatabase(CrashScenario scenario) =>
        new Database(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, scenario.FileName + ".db"),
            Pooling = false, // a new process has no open connections
        }.ToString());

    protected override void Dispose(bool disposing)
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Database(string connectionString) : HarnessDatabase
    {
        public override void Configure(DurableWorkflowOptions options)
        {
            options.UseSqlite(connectionString);
            // The crashes are simulated in the process, not the disk: skip the fsync per commit.
            options.Synchronous = SqliteSynchronousMode.Normal;
        }

        public override IWorkflowStore Open(IServiceProvider? services) =>
            new SqliteWorkflowStore(connectionString, ClockOf(services), SqliteSynchronousMode.Normal);
    }
}

/// <summary>PostgreSQL: a schema per durable run on the test server, dropped once the run has been read.</summary>
public sealed class PostgresHarnessStore : HarnessStore
{
    public override HarnessDatabase CreateDatabase(CrashScenario scenario) => new Database(new PostgresTestSchema());

    private sealed class Database(PostgresTestSchema schema) : HarnessDatabase
    {
        private readonly PostgresStoreOptions _settings = new() { ConnectionString = schema.ConnectionString, Schema = schema.Schema };

        public override void Configure(DurableWorkflowOptions options) =>
            options.UsePostgres(_settings.ConnectionString!, s => s.Schema = _settings.Schema);

        public override IWorkflowStore Open(IServiceProvider? services) =>
            new PostgresWorkflowStore(
                _settings,
                ClockOf(services),
                services?.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value.WorkerId ?? DurableWorkflowOptions.CreateWorkerId());

        protected override void Dispose(bool disposing) => schema.Dispose();
    }
}

/// <summary>The sample memory store: a database per durable run, which every simulated process of the run shares.</summary>
public sealed class MemoryHarnessStore : HarnessStore
{
    public override HarnessDatabase CreateDatabase(CrashScenario scenario) => new Database();

    private sealed class Database : HarnessDatabase
    {
        private readonly MemoryDatabase _database = new();

        public override void Configure(DurableWorkflowOptions options) => options.UseMemoryStore(_database);

        public override IWorkflowStore Open(IServiceProvider? services) =>
            new MemoryWorkflowStore(
                _database,
                ClockOf(services),
                services?.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value.WorkerId ?? DurableWorkflowOptions.CreateWorkerId());
    }
}
