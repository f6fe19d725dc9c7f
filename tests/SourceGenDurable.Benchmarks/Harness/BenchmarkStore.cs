using MemoryStore;
using SourceGenDurable.PostgreSql;

namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>A place for one scenario's instances, new and empty: a SQLite file or a PostgreSQL schema, gone on dispose.</summary>
internal interface IStoreLocation : IDisposable
{
    /// <summary>Points a host's options at this place.</summary>
    void Configure(DurableWorkflowOptions options);
}

/// <summary>
/// Which store SourceGenDurable's scenarios run on: the same scenario code measures SQLite (a new file each time) and
/// PostgreSQL (a new schema on one server each time).
/// </summary>
internal abstract class BenchmarkStore
{
    public static BenchmarkStore Sqlite { get; } = new SqliteStore();

    public static BenchmarkStore Postgres(string connectionString) => new PostgresStore(connectionString);

    /// <summary>
    /// The sample memory store (samples/MemoryStore): no disk, no server, nothing durable. Not a peer of the others: it
    /// bounds what the engine itself costs a step, beside a store that costs almost nothing.
    /// </summary>
    public static BenchmarkStore Memory { get; } = new InMemory();

    /// <summary>The report's system column for the scenarios that run at the store's default settings.</summary>
    public abstract string System { get; }

    /// <summary>The report's system column for a scenario that names SQLite's synchronous mode (it does not apply to PostgreSQL).</summary>
    public abstract string SystemAt(SqliteSynchronousMode synchronous);

    public abstract IStoreLocation CreateLocation();

    private sealed class SqliteStore : BenchmarkStore
    {
        public override string System => "SourceGenDurable";

        public override string SystemAt(SqliteSynchronousMode synchronous) => $"{System} ({synchronous.ToString().ToUpperInvariant()})";

        public override IStoreLocation CreateLocation() => new TempDatabase();
    }

    private sealed class PostgresStore(string connectionString) : BenchmarkStore
    {
        public override string System => "SourceGenDurable (PostgreSQL)";

        public override string SystemAt(SqliteSynchronousMode synchronous) => System;

        public override IStoreLocation CreateLocation() => new PostgresSchema(connectionString);
    }

    private sealed class InMemory : BenchmarkStore
    {
        public override string System => "SourceGenDurable (memory store, not durable)";

        public override string SystemAt(SqliteSynchronousMode synchronous) => System;

        public override IStoreLocation CreateLocation() => new MemoryLocation();

        private sealed class MemoryLocation : IStoreLocation
        {
            private readonly MemoryDatabase _database = new();

            public void Configure(DurableWorkflowOptions options) => options.UseMemoryStore(_database);

            public void Dispose()
            {
            }
        }
    }
}
