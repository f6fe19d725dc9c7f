using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SourceGenDurable.Storage;

/// <summary>
/// A statement of the writer's connection, compiled once and run through SQLite's own API: parameters are bound by
/// index and the statement is stepped and reset in place. A <see cref="SqliteCommand"/> run creates a reader, looks
/// each parameter's index up by name and binds every parameter again on every execution, which cost the single writer
/// more than SQLite's own work on a checkpoint (docs/benchmarks.md, change 3).
/// </summary>
/// <remarks>
/// Only for statements inside the writer's open transaction: it takes no lock of its own, so SQLite's busy handling
/// (which <c>BEGIN IMMEDIATE</c>, run as a command, still has) never applies to it.
/// </remarks>
internal sealed class SqlitePreparedStatement : ISqliteRow, IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _parameterNames;

    private SqlitePreparedStatement(sqlite3 database, sqlite3_stmt statement)
    {
        _database = database;
        _statement = statement;
        _parameterNames = new string[raw.sqlite3_bind_parameter_count(statement)];
        for (var i = 0; i < _parameterNames.Length; i++)
        {
            _parameterNames[i] = raw.sqlite3_bind_parameter_name(statement, i + 1).utf8_to_string();
        }
    }

    /// <summary>Compiles <paramref name="sql"/> (one statement) on <paramref name="connection"/>, to be kept and run many times.</summary>
    public static SqlitePreparedStatement Prepare(SqliteConnection connection, string sql)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The writer's connection is not open.");
        var rc = raw.sqlite3_prepare_v3(database, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out var tail);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
            throw new InvalidOperationException($"SQLite compiled no statement from '{sql}'.");
        }

        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            throw new ArgumentException($"A prepared statement holds one SQL statement; this text continues after it: '{tail.Trim()}'.", nameof(sql));
        }

        return new SqlitePreparedStatement(database, statement);
    }

    /// <summary>Binds <paramref name="value"/> to the parameter named <paramref name="name"/> (with its <c>$</c>).</summary>
    public SqlitePreparedStatement Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, IndexOf(name), value));

    /// <inheritdoc cref="Bind(string, long)" />
    /// <remarks>Bound as UTF-16, which SQLite copies and converts itself: binding UTF-8 would first encode the string into a new array.</remarks>
    public SqlitePreparedStatement Bind(string name, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, IndexOf(name)) : raw.sqlite3_bind_text16(_statement, IndexOf(name), value.AsSpan()));

    /// <inheritdoc cref="Bind(string, long)" />
    public SqlitePreparedStatement Bind(string name, object? value) => value switch
    {
        null or DBNull => Check(raw.sqlite3_bind_null(_statement, IndexOf(name))),
        string text => Bind(name, text),
        long number => Bind(name, number),
        int number => Bind(name, number),
        bool flag => Bind(name, flag ? 1 : 0),
        double number => Check(raw.sqlite3_bind_double(_statement, IndexOf(name), number)),
        _ => throw new ArgumentException($"Parameter '{name}' has a value of type {value.GetType()}, which the writer's statements do not bind: pass a long, int, bool, double, string or null.", nameof(value)),
    };

    /// <summary>Runs the statement to its end and returns how many rows it changed.</summary>
    public int ExecuteNonQuery()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            ThrowUnlessDone(rc);
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row as a long or a string; null when there is no row or the value is NULL.</summary>
    public object? ExecuteScalar()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_type(_statement, 0) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
                    raw.SQLITE_NULL => null,
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, 0),
                    _ => raw.sqlite3_column_text(_statement, 0).utf8_to_string(),
                };
            }

            ThrowUnlessDone(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and maps its first row, or returns null when it returns none.</summary>
    public T? ReadFirst<T>(Func<SqlitePreparedStatement, T> map)
        where T : class
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return map(this);
            }

            ThrowUnlessDone(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <inheritdoc />
    public bool IsDBNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <inheritdoc />
    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <inheritdoc />
    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private int IndexOf(string name)
    {
        // A handful of names per statement: a scan of ordinal comparisons beats hashing the name.
        var names = _parameterNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"The statement has no parameter named '{name}'. Its parameters: {string.Join(", ", names)}.", nameof(name));
    }

    private SqlitePreparedStatement Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return this;
    }

    private void ThrowUnlessDone(int rc)
    {
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
