using Npgsql;
using SourceGenDurable.PostgreSql;

namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>
/// A schema of its own on the PostgreSQL server, for one scenario: whoever uses it (the store, Hangfire, the raw floor)
/// creates its tables there, and it is dropped with everything in it on dispose.
/// </summary>
internal sealed class PostgresSchema(string connectionString) : IStoreLocation
{
    public string ConnectionString { get; } = connectionString;

    public string Name { get; } = "sgd_bench_" + Guid.NewGuid().ToString("N")[..12];

    public void Configure(DurableWorkflowOptions options) => options.UsePostgres(ConnectionString, s => s.Schema = Name);

    /// <summary>A connection of its own (outside any pool) whose search path is this schema, which it creates if missing.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{Name}\"; SET search_path TO \"{Name}\";", connection);
        await setup.ExecuteNonQueryAsync();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections of the store or of Hangfire may still hold the schema's objects open.
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE;", connection);
        drop.ExecuteNonQuery();
    }
}
