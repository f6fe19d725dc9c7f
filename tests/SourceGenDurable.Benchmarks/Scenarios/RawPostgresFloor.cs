using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// The floor every PostgreSQL-backed engine stands on, on the same server and with its durability as it is
/// (synchronous_commit on): Npgsql on one open connection, a checkpoint-sized row (200 bytes of text) into a table keyed
/// by an identity column, with prepared statements.
/// <list type="bullet">
/// <item>A single-row commit: one prepared <c>INSERT</c> in autocommit, that is one round trip and one commit each, as a
/// chain of commits one after another. Run with Npgsql's synchronous and asynchronous calls (the asynchronous one pays
/// the thread pool's hand-off when the answer comes); the floor is the faster of the two.</item>
/// <item>Goal 3's ceiling, 1,000 rows per transaction, written the two fastest ways PostgreSQL offers: one prepared
/// <c>INSERT ... SELECT unnest($1::text[])</c> of 1,000 rows in autocommit (one round trip, one commit), and a binary
/// <c>COPY</c> of 1,000 rows (its own transaction). The ceiling is the faster of the two.</item>
/// </list>
/// </summary>
internal static class RawPostgresFloor
{
    public const string System = "raw PostgreSQL (synchronous_commit=on)";

    private const int RowBytes = 200;

    private const int CeilingRowsPerTransaction = 1_000;

    private static readonly string s_payload = new('x', RowBytes);

    /// <summary>
    /// Single-row commits on one open connection, repeat by repeat (a new table each, its creation untimed), the
    /// synchronous and the asynchronous calls in turns. The lone chain's repeats run between these, so that both see the
    /// machine as it is at the time. The caller disposes it.
    /// </summary>
    public sealed class SingleRowCommits : IAsyncDisposable
    {
        private readonly PostgresSchema _schema;
        private readonly NpgsqlConnection _connection;
        private readonly Sizes _sizes;
        private readonly Dictionary<bool, List<double>> _times = new() { [false] = [], [true] = [] };
        private int _repeats;

        private SingleRowCommits(PostgresSchema schema, NpgsqlConnection connection, Sizes sizes) =>
            (_schema, _connection, _sizes) = (schema, connection, sizes);

        public static async Task<SingleRowCommits> OpenAsync(string connectionString, Sizes sizes)
        {
            var schema = new PostgresSchema(connectionString);
            return new SingleRowCommits(schema, await schema.OpenAsync(), sizes);
        }

        /// <summary>One repeat: a block of commits with each kind of call, the kind that goes first alternating.</summary>
        public async Task RepeatAsync()
        {
            foreach (var asynchronous in _repeats++ % 2 == 0 ? new[] { false, true } : [true, false])
            {
                await NewTableAsync(_connection);
                await using var insert = await PrepareInsertAsync(_connection);
                for (var i = 0; i < _sizes.RawSingleRowCommits; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    if (asynchronous)
                    {
                        await insert.ExecuteNonQueryAsync();
                    }
                    else
                    {
                        insert.ExecuteNonQuery();
                    }

                    _times[asynchronous].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        /// <summary>Reports both kinds of call; returns the samples of the one with the lower median.</summary>
        public Samples Report(Report report)
        {
            var scenario = $"{_sizes.RawSingleRowCommits:N0} transactions of one row (autocommit INSERT)";
            var synchronousCalls = report.Add($"{scenario}, synchronous calls", System, "ms per commit", new Samples(_times[false])).Values;
            var asynchronousCalls = report.Add($"{scenario}, asynchronous calls", System, "ms per commit", new Samples(_times[true])).Values;
            return synchronousCalls.Median <= asynchronousCalls.Median ? synchronousCalls : asynchronousCalls;
        }

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
            _schema.Dispose();
        }
    }

    /// <summary>
    /// Goal 3's ceiling, both ways (see the class); each repeat starts on an emptied table (untimed). Measured in turns
    /// with the throughput it is the ceiling of (see <see cref="ThroughputRuns"/>).
    /// </summary>
    public static IThroughputRun[] Ceilings(string connectionString, Sizes sizes) =>
        [new CeilingRun(connectionString, sizes, copy: false), new CeilingRun(connectionString, sizes, copy: true)];

    private sealed class CeilingRun(string connectionString, Sizes sizes, bool copy) : IThroughputRun
    {
        private readonly PostgresSchema _schema = new(connectionString);
        private NpgsqlConnection? _connection;
        private NpgsqlCommand? _insert;

        public (string Scenario, string System, string Unit) Row =>
            ($"{sizes.RawBatchedRows:N0} rows, {CeilingRowsPerTransaction:N0} per transaction ({(copy ? "binary COPY" : "INSERT ... SELECT unnest(array)")})", System, "rows/s");

        public int WarmUps => 1;

        public async Task<double> RunOnceAsync()
        {
            if (_connection is null)
            {
                _connection = await _schema.OpenAsync();
                await NewTableAsync(_connection);
            }
            else
            {
                await using var empty = new NpgsqlCommand("TRUNCATE rows RESTART IDENTITY;", _connection);
                await empty.ExecuteNonQueryAsync();
            }

            if (!copy && _insert is null)
            {
                _insert = new NpgsqlCommand("INSERT INTO rows (payload) SELECT unnest($1::text[]);", _connection);
                _insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat(s_payload, CeilingRowsPerTransaction).ToArray() });
                await _insert.PrepareAsync();
            }

            var start = Stopwatch.GetTimestamp();
            for (var written = 0; written < sizes.RawBatchedRows; written += CeilingRowsPerTransaction)
            {
                if (_insert is not null)
                {
                    await _insert.ExecuteNonQueryAsync();
                    continue;
                }

                await using var import = await _connection.BeginBinaryImportAsync("COPY rows (payload) FROM STDIN (FORMAT BINARY);");
                for (var i = 0; i < CeilingRowsPerTransaction; i++)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(s_payload, NpgsqlDbType.Text);
                }

                await import.CompleteAsync();
            }

            return sizes.RawBatchedRows / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        public async ValueTask DisposeAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _schema.Dispose();
        }
    }

    private static async Task NewTableAsync(NpgsqlConnection connection)
    {
        await using var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS rows; CREATE TABLE rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL);",
            connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlCommand> PrepareInsertAsync(NpgsqlConnection connection)
    {
        var insert = new NpgsqlCommand("INSERT INTO rows (payload) VALUES ($1);", connection);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = s_payload });
        await insert.PrepareAsync();
        return insert;
    }
}
