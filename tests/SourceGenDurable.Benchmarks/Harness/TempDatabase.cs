namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>A SQLite file in a fresh temporary folder, deleted with its WAL files on dispose.</summary>
internal sealed class TempDatabase : IStoreLocation
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-bench-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "bench.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Configure(DurableWorkflowOptions options) => options.ConnectionString = ConnectionString;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
