using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SourceGenDurable.Sqlite;

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
internal sealed unsafe class SqlitePreparedStatement : ISqliteRow, IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _parameterNames;

    // The raw pointers behind the two handles, which this object keeps alive, for the calls SqliteDirect makes; zero
    // when SQLitePCL runs another library than e_sqlite3, and every call goes through SQLitePCL.
    private readonly nint _directDatabase;
    private readonly nint _directStatement;

    private SqlitePreparedStatement(sqlite3 database, sqlite3_stmt statement, bool callDirectly)
    {
        _database = database;
        _statement = statement;
        if (callDirectly)
        {
            _directDatabase = database.DangerousGetHandle();
            _directStatement = statement.DangerousGetHandle();
        }

        _parameterNames = new string[raw.sqlite3_bind_parameter_count(statement)];
        for (var i = 0; i < _parameterNames.Length; i++)
        {
            // Interned, so that the literal names the writes bind by are found by reference (see IndexOf).
            _parameterNames[i] = string.Intern(raw.sqlite3_bind_parameter_name(statement, i + 1).utf8_to_string());
        }
    }

    /// <summary>
    /// Compiles <paramref name="sql"/> (one statement) on <paramref name="connection"/>, to be kept and run many times.
    /// <paramref name="callDirectly"/> false makes every call go through SQLitePCL, as it does under another provider.
    /// </summary>
    public static SqlitePreparedStatement Prepare(SqliteConnection connection, string sql, bool callDirectly = true)
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

        return new SqlitePreparedStatement(database, statement, callDirectly && SqliteDirect.IsAvailable);
    }

    /// <summary>Binds <paramref name="value"/> to the parameter named <paramref name="name"/> (with its <c>$</c>).</summary>
    public SqlitePreparedStatement Bind(string name, long value) =>
        Check(_directStatement != 0 ? SqliteDirect.sqlite3_bind_int64(_directStatement, IndexOf(name), value) : raw.sqlite3_bind_int64(_statement, IndexOf(name), value));

    /// <inheritdoc cref="Bind(string, long)" />
    public SqlitePreparedStatement Bind(string name, long? value) =>
        value is { } number ? Bind(name, number) : BindNull(IndexOf(name));

    /// <inheritdoc cref="Bind(string, long)" />
    /// <remarks>
    /// Called directly, a text of up to <see cref="MaxEncodedOnStack"/> characters is bound as UTF-8 encoded on the stack,
    /// and a longer one as UTF-16. Through SQLitePCL it is bound as UTF-16, which SQLite copies and converts itself:
    /// SQLitePCL's UTF-8 bind would first encode the string into a new array.
    /// </remarks>
    [SkipLocalsInit]
    public SqlitePreparedStatement Bind(string name, string? value)
    {
        var index = IndexOf(name);
        if (value is null)
        {
            return BindNull(index);
        }

        if (_directStatement == 0)
        {
            return Check(raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
        }

        if (value.Length > MaxEncodedOnStack)
        {
            fixed (char* text = value)
            {
                return Check(SqliteDirect.sqlite3_bind_text16(_directStatement, index, text, value.Length * sizeof(char), SqliteDirect.Transient));
            }
        }

        // Encoded here, vectorized, rather than by SQLite: the database is UTF-8, and SQLite converts a UTF-16 value
        // character by character into a buffer of its own each time the statement uses it.
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        fixed (byte* text = utf8)
        {
            return Check(SqliteDirect.sqlite3_bind_text(_directStatement, index, text, length, SqliteDirect.Transient));
        }
    }

    private SqlitePreparedStatement BindNull(int index) =>
        Check(_directStatement != 0 ? SqliteDirect.sqlite3_bind_null(_directStatement, index) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Texts up to this many characters are bound as UTF-8 encoded on the stack (at most three bytes each).</summary>
    private const int MaxEncodedOnStack = 512;

    /// <inheritdoc cref="Bind(string, long)" />
    public SqlitePreparedStatement Bind(string name, object? value) => value switch
    {
        null or DBNull => BindNull(IndexOf(name)),
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
            while ((rc = Step()) == raw.SQLITE_ROW)
            {
            }

            ThrowUnlessDone(rc);
            return _directDatabase != 0 ? SqliteDirect.sqlite3_changes(_directDatabase) : raw.sqlite3_changes(_database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The first column of the first row as a long or a string; null when there is no row or the value is NULL.</summary>
    public object? ExecuteScalar()
    {
        try
        {
            var rc = Step();
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
            Reset();
        }
    }

    /// <summary>Runs the statement and maps its first row, or returns null when it returns none.</summary>
    public T? ReadFirst<T>(Func<SqlitePreparedStatement, T> map)
        where T : class
    {
        try
        {
            var rc = Step();
            if (rc == raw.SQLITE_ROW)
            {
                return map(this);
            }

            ThrowUnlessDone(rc);
            return null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement to its end and maps every row it returns (a query, or a write's <c>RETURNING</c> rows).</summary>
    public List<T> ReadAll<T>(Func<SqlitePreparedStatement, T> map)
    {
        try
        {
            var rows = new List<T>();
            int rc;
            while ((rc = Step()) == raw.SQLITE_ROW)
            {
                rows.Add(map(this));
            }

            ThrowUnlessDone(rc);
            return rows;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Whether the statement has a parameter named <paramref name="name"/> (with its <c>$</c>).</summary>
    public bool HasParameter(string name) => Array.IndexOf(_parameterNames, name) >= 0;

    /// <inheritdoc />
    public bool IsDBNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <inheritdoc />
    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <inheritdoc />
    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private int Step() => _directStatement != 0 ? SqliteDirect.sqlite3_step(_directStatement) : raw.sqlite3_step(_statement);

    private void Reset()
    {
        if (_directStatement != 0)
        {
            SqliteDirect.sqlite3_reset(_directStatement);
        }
        else
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private int IndexOf(string name)
    {
        // A handful of names per statement: a scan beats hashing the name. The writes bind by literal names, which are
        // interned like the statement's own, so comparing references finds them; a name built at run time is compared by
        // its characters.
        var names = _parameterNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return i + 1;
            }
        }

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
