using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// The floor every SQLite-backed engine stands on: Microsoft.Data.Sqlite, WAL, synchronous=FULL, one prepared insert
/// of a checkpoint-sized row per transaction, and the same rows batched 100 and 1,000 to a transaction (the latter as a
/// throughput run, measured in turns with the throughput it is the ceiling of; see <see cref="ThroughputRuns"/>).
/// </summary>
internal static class RawSqliteFloor
{
    private const int RowBytes = 200;

    private const int CeilingRowsPerTransaction = 1_000;

    public sealed record Result(Samples CommitMilliseconds, Samples RowsPerSecondBatch100);

    public static async Task<Result> RunAsync(Sizes sizes, Report report)
    {
        var commits = new List<double>();
        var batch100 = new List<double>();
        for (var repeat = 0; repeat < sizes.Repeats; repeat++)
        {
            using var database = new TempDatabase();
            await using var connection = await OpenAsync(database);
            commits.AddRange(await SingleRowCommitsAsync(connection, sizes.RawSingleRowCommits));
            batch100.Add(await BatchedRowsPerSecondAsync(connection, sizes.RawBatchedRows, 100));
        }

        var result = new Result(new Samples(commits), new Samples(batch100));
        report.Add($"{sizes.RawSingleRowCommits:N0} transactions of one row", "raw SQLite (FULL)", "ms per commit", result.CommitMilliseconds);
        report.Add($"{sizes.RawBatchedRows:N0} rows, 100 per transaction", "raw SQLite (FULL)", "rows/s", result.RowsPerSecondBatch100);
        return result;
    }

    /// <summary>Goal 3's ceiling: rows per second at 1,000 rows per transaction, each repeat on a new database (set up untimed).</summary>
    public static IThroughputRun Ceiling(Sizes sizes) => new CeilingRun(sizes);

    private sealed class CeilingRun(Sizes sizes) : IThroughputRun
    {
        public (string Scenario, string System, string Unit) Row => ($"{sizes.RawBatchedRows:N0} rows, {CeilingRowsPerTransaction:N0} per transaction", "raw SQLite (FULL)", "rows/s");

        public int WarmUps => 1;

        public async Task<double> RunOnceAsync()
        {
            using var database = new TempDatabase();
            await using var connection = await OpenAsync(database);
            return await BatchedRowsPerSecondAsync(connection, sizes.RawBatchedRows, CeilingRowsPerTransaction);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static async Task<SqliteConnection> OpenAsync(TempDatabase database)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var setup = connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
            """;
        await setup.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<List<double>> SingleRowCommitsAsync(SqliteConnection connection, int count)
    {
        await using var insert = Insert(connection);
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<double> BatchedRowsPerSecondAsync(SqliteConnection connection, int rows, int perTransaction)
    {
        await using var insert = Insert(connection);
        var start = Stopwatch.GetTimestamp();
        for (var written = 0; written < rows; written += perTransaction)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            for (var i = 0; i < perTransaction; i++)
            {
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return rows / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static SqliteCommand Insert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (payload) VALUES ($payload);";
        insert.Parameters.AddWithValue("$payload", new string('x', RowBytes));
        insert.Prepare();
        return insert;
    }
}
