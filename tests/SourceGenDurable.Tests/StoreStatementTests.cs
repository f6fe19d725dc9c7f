using System.Text;
using Microsoft.Data.Sqlite;
using SourceGenDurable.Sqlite;

namespace SourceGenDurable.Tests;

/// <summary>The store's compiled statements: the writer's prepared statements and the kept-open read connections.</summary>
public sealed class StoreStatementTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SqliteConnection _connection;

    public StoreStatementTests()
    {
        _connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE items (id TEXT NOT NULL PRIMARY KEY, count INTEGER NULL, weight REAL NULL);";
        create.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Under_the_default_provider_the_writer_calls_e_sqlite3_directly()
    {
        Assert.Equal("e_sqlite3", SQLitePCL.raw.GetNativeLibraryName());
        Assert.True(SqliteDirect.IsAvailable);
    }

    // Each test runs both ways: straight into e_sqlite3, and through SQLitePCL as under another provider.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_prepared_statement_runs_again_with_new_values_and_reports_the_rows_it_changed(bool callDirectly)
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count, weight) VALUES ($id, $count, $weight);", callDirectly);
        Assert.Equal(1, insert.Bind("$id", "a").Bind("$count", 1).Bind("$weight", 0.5).ExecuteNonQuery());
        Assert.Equal(1, insert.Bind("$id", "b").Bind("$count", (object?)null).Bind("$weight", DBNull.Value).ExecuteNonQuery());
        Assert.Equal(1, insert.Bind("$id", "c").Bind("$count", (long?)null).Bind("$weight", (long?)2).ExecuteNonQuery());

        using var update = SqlitePreparedStatement.Prepare(_connection, "UPDATE items SET count = coalesce(count, 0) + $by;", callDirectly);
        Assert.Equal(3, update.Bind("$by", 10L).ExecuteNonQuery());
        using var weighed = SqlitePreparedStatement.Prepare(_connection, "SELECT count(*) FROM items WHERE weight IS NULL OR count = 10 AND weight = 2;", callDirectly);
        Assert.Equal(2L, weighed.ExecuteScalar());

        using var select = SqlitePreparedStatement.Prepare(_connection, "SELECT count FROM items WHERE id = $id;", callDirectly);
        Assert.Equal(11L, select.Bind("$id", "a").ExecuteScalar());
        Assert.Equal(10L, select.Bind("$id", "b").ExecuteScalar());
        Assert.Null(select.Bind("$id", "missing").ExecuteScalar());
        using var text = SqlitePreparedStatement.Prepare(_connection, "SELECT id || '✓' FROM items WHERE count = $count;", callDirectly);
        Assert.Equal("a✓", text.Bind("$count", 11).ExecuteScalar());

        // A name built at run time is found by its characters, as a literal is by reference.
        Assert.Equal(11L, select.Bind(new string("$id".AsSpan()), "a").ExecuteScalar());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Texts_are_stored_as_given_whatever_their_characters_and_length(bool callDirectly)
    {
        string[] texts = ["", "plain", "zoë ✓ 日本 🙂", new string('x', 512), new string('é', 513) + "🙂"];
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count) VALUES ($id, $count);", callDirectly);
        for (var i = 0; i < texts.Length; i++)
        {
            insert.Bind("$id", texts[i]).Bind("$count", i).ExecuteNonQuery();
        }

        using var select = SqlitePreparedStatement.Prepare(_connection, "SELECT id FROM items WHERE count = $count;", callDirectly);
        Assert.Equal(texts, texts.Select((_, i) => (string?)select.Bind("$count", i).ExecuteScalar()));
        using var length = SqlitePreparedStatement.Prepare(_connection, "SELECT length(CAST(id AS BLOB)) FROM items WHERE count = $count;", callDirectly);
        Assert.Equal(texts.Select(t => (long)Encoding.UTF8.GetByteCount(t)), texts.Select((_, i) => (long)length.Bind("$count", i).ExecuteScalar()!));
    }

    [Fact]
    public void The_writers_statements_are_compiled_once_per_text_and_their_constants_bound_once()
    {
        using var statements = new SqliteStatements(_connection);
        var constantBindings = 0;
        void Constants(SqlitePreparedStatement statement)
        {
            constantBindings++;
            statement.Bind("$weight", 2.5);
        }

        var insert = statements.Prepared("INSERT INTO items (id, weight) VALUES ($id, $weight);", Constants);
        insert.Bind("$id", "a").ExecuteNonQuery();
        Assert.Same(insert, statements.Prepared("INSERT INTO items (id, weight) VALUES ($id, $weight);", Constants));
        insert.Bind("$id", "b").ExecuteNonQuery();

        Assert.Equal(1, constantBindings);
        var weights = statements.Prepared("SELECT sum(weight) FROM items;");
        Assert.Equal(5.0, weights.ExecuteScalar());

        // A text built at run time (a new object at each call) is found by its characters.
        var built = "SELECT count(*) FROM items WHERE id = " + "$id;";
        Assert.Same(statements.Prepared(built), statements.Prepared(string.Concat("SELECT count(*) FROM items ", "WHERE id = $id;")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_prepared_query_maps_its_first_row_or_returns_null_when_there_is_none(bool callDirectly)
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count) VALUES ($id, $count);", callDirectly);
        insert.Bind("$id", "b").Bind("$count", 2).ExecuteNonQuery();
        insert.Bind("$id", "a").Bind("$count", (object?)null).ExecuteNonQuery();
        using var select = SqlitePreparedStatement.Prepare(_connection, "SELECT id || '✓', count FROM items WHERE id >= $from ORDER BY id;", callDirectly);

        var first = select.Bind("$from", "a").ReadFirst(row => (Id: row.GetString(0), Count: row.IsDBNull(1) ? (long?)null : row.GetInt64(1)).ToString());
        var second = select.Bind("$from", "b").ReadFirst(row => (Id: row.GetString(0), Count: row.IsDBNull(1) ? (long?)null : row.GetInt64(1)).ToString());
        var none = select.Bind("$from", "c").ReadFirst(row => row.GetString(0));

        Assert.Equal("(a✓, )", first);
        Assert.Equal("(b✓, 2)", second);
        Assert.Null(none);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_prepared_write_returns_every_row_of_its_returning_clause_and_runs_again(bool callDirectly)
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count) VALUES ($id, $count);", callDirectly);
        insert.Bind("$id", "a").Bind("$count", 1).ExecuteNonQuery();
        insert.Bind("$id", "b").Bind("$count", 1).ExecuteNonQuery();
        insert.Bind("$id", "c").Bind("$count", 5).ExecuteNonQuery();
        using var bump = SqlitePreparedStatement.Prepare(_connection, "UPDATE items SET count = count + 1 WHERE count = $count RETURNING id;", callDirectly);

        var bumped = bump.Bind("$count", 1).ReadAll(row => row.GetString(0));
        var none = bump.Bind("$count", 1).ReadAll(row => row.GetString(0));
        var again = bump.Bind("$count", 2).ReadAll(row => row.GetString(0));

        Assert.Equal(["a", "b"], bumped.Order());
        Assert.Empty(none);
        Assert.Equal(["a", "b"], again.Order());
        using var count = SqlitePreparedStatement.Prepare(_connection, "SELECT count(*) FROM items WHERE count = 3;", callDirectly);
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public void A_prepared_statement_tells_which_parameters_it_names()
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count) VALUES ($id, $count);");

        Assert.True(insert.HasParameter("$id"));
        Assert.True(insert.HasParameter(string.Concat("$co", "unt")));
        Assert.False(insert.HasParameter("$weight"));
        Assert.False(insert.HasParameter("count"));
    }

    [Fact]
    public async Task The_writer_reports_how_many_writes_each_transaction_grouped()
    {
        var recorded = new List<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SourceGenDurable" && instrument.Name == "sourcegendurable.store.transaction.writes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        await using var writer = new SqliteGroupCommit(() =>
        {
            var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
            connection.Open();
            return connection;
        });
        listener.SetMeasurementEventCallback<int>((_, writes, _, _) =>
        {
            lock (recorded)
            {
                recorded.Add(writes);
            }
        });
        listener.Start();

        // Twenty writes queued before the writer's first transaction opens: it has to group all of them.
        var gate = new TaskCompletionSource();
        var held = writer.WriteAsync(
            _ =>
            {
                gate.Task.Wait();
                return 0;
            },
            default);
        await Task.Delay(100);
        var writes = Enumerable.Range(0, 20)
            .Select(i => writer.WriteAsync(statements => statements.Prepared("INSERT INTO items (id) VALUES ($id);").Bind("$id", $"item-{i}").ExecuteNonQuery(), default))
            .ToList();
        gate.SetResult();
        await held;
        await Task.WhenAll(writes);

        // Other tests' writers run in parallel and share the meter, so this writer's transaction is one among theirs.
        lock (recorded)
        {
            Assert.Contains(20, recorded);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_statement_that_fails_throws_SQLites_error_and_can_run_again(bool callDirectly)
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id) VALUES ($id);", callDirectly);
        insert.Bind("$id", "same").ExecuteNonQuery();

        var duplicate = Assert.Throws<SqliteException>(() => insert.Bind("$id", "same").ExecuteNonQuery());
        Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);

        Assert.Equal(1, insert.Bind("$id", "other").ExecuteNonQuery());
    }

    [Fact]
    public void Binding_a_name_the_statement_lacks_or_a_type_it_cannot_store_is_a_clear_error()
    {
        using var insert = SqlitePreparedStatement.Prepare(_connection, "INSERT INTO items (id, count) VALUES ($id, $count);");

        var unknown = Assert.Throws<ArgumentException>(() => insert.Bind("$name", "a"));
        Assert.Contains("no parameter named '$name'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("$id, $count", unknown.Message, StringComparison.Ordinal);

        var unsupported = Assert.Throws<ArgumentException>(() => insert.Bind("$count", (object)DateTimeOffset.UnixEpoch));
        Assert.Contains(typeof(DateTimeOffset).FullName!, unsupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prepared_statement_holds_one_statement_and_invalid_SQL_fails_as_SQLite_reports_it()
    {
        var two = Assert.Throws<ArgumentException>(() => SqlitePreparedStatement.Prepare(_connection, "DELETE FROM items; DELETE FROM items;"));
        Assert.Contains("one SQL statement", two.Message, StringComparison.Ordinal);

        var invalid = Assert.Throws<SqliteException>(() => SqlitePreparedStatement.Prepare(_connection, "SELECT x FROM nowhere;"));
        Assert.Contains("no such table", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_writer_ends_its_thread_and_the_next_write_starts_another_that_still_commits()
    {
        var opened = 0;
        await using var writer = new SqliteGroupCommit(() =>
        {
            Interlocked.Increment(ref opened);
            var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
            connection.Open();
            return connection;
        });
        int Insert(SqliteStatements statements, string id) => statements.Prepared("INSERT INTO items (id) VALUES ($id);").Bind("$id", id).ExecuteNonQuery();

        Assert.Equal(1, await writer.WriteAsync(statements => Insert(statements, "before"), default));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await writer.WriteAsync(statements => Insert(statements, "after"), default));

        // The first writer closed its connection when it ended; the second opened its own.
        Assert.Equal(2, opened);
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM items;";
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public void A_read_connection_is_kept_for_the_next_read_unless_a_read_failed_on_it()
    {
        var opened = 0;
        using var readers = new SqliteReadConnections(() =>
        {
            opened++;
            var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
            connection.Open();
            return connection;
        });
        long Count(SqliteStatements statements) => (long)statements.For("SELECT count(*) FROM items;").ExecuteScalar()!;

        Assert.Equal(0, readers.Read(Count));
        Assert.Equal(0, readers.Read(Count));
        Assert.Equal(1, opened);

        Assert.Throws<SqliteException>(() => readers.Read(statements => statements.For("SELECT x FROM nowhere;").ExecuteScalar()));
        Assert.Equal(0, readers.Read(Count));
        Assert.Equal(2, opened);

        readers.Dispose();
        Assert.Throws<ObjectDisposedException>(() => readers.Read(Count));
    }
}
