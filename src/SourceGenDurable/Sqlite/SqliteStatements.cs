using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The writer's connection and its statements: each SQL text is compiled once per connection and reused for every
/// later write, rather than parsed again for each checkpoint. Every statement of a write is a
/// <see cref="SqlitePreparedStatement"/>, run straight through SQLite's API; the transaction's own statements (which need
/// SQLite's busy handling) and the read connections' queries are commands.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqlitePreparedStatement> _prepared = new(StringComparer.Ordinal);

    // The same statements by the reference of their SQL text, for texts that are literals (interned): hashing a
    // reference costs nothing, where hashing the text costs a pass over its few hundred characters at every write.
    private readonly Dictionary<string, SqlitePreparedStatement> _preparedByLiteral = new(ReferenceEqualityComparer.Instance);

    /// <summary>The transaction the writer has open; every command runs in it.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public SqliteConnection Connection => connection;

    /// <summary>
    /// The command for <paramref name="sql"/>. Its parameters keep the values of its last run: set every one it names with
    /// <see cref="SqliteStatementParameters.Set"/>, which reuses the parameter objects rather than creating new ones.
    /// </summary>
    public SqliteCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <summary>The command for <paramref name="sql"/> with <paramref name="parameters"/> set: every one it names.</summary>
    public SqliteCommand For(string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = For(sql);
        foreach (var (name, value) in parameters)
        {
            command.Set(name, value);
        }

        return command;
    }

    /// <summary>
    /// The prepared statement for <paramref name="sql"/>, which writes, or reads one value or one row. Its parameters keep
    /// the values of its last run: bind every one it names.
    /// </summary>
    public SqlitePreparedStatement Prepared(string sql) => Prepared(sql, bindConstants: null);

    /// <summary>
    /// As <see cref="Prepared(string)"/>, with <paramref name="bindConstants"/> run once, when the statement is compiled,
    /// for the parameters whose values never change (the worker's id, status codes): SQLite keeps a value bound across runs.
    /// </summary>
    public SqlitePreparedStatement Prepared(string sql, Action<SqlitePreparedStatement>? bindConstants)
    {
        if (_preparedByLiteral.TryGetValue(sql, out var statement))
        {
            return statement;
        }

        if (!_prepared.TryGetValue(sql, out statement))
        {
            statement = SqlitePreparedStatement.Prepare(connection, sql);
            bindConstants?.Invoke(statement);
            _prepared[sql] = statement;
        }

        // Only a literal is kept by reference: a text built at each call is a new object every time.
        if (ReferenceEquals(string.IsInterned(sql), sql))
        {
            _preparedByLiteral[sql] = statement;
        }

        return statement;
    }

    public void Dispose()
    {
        // Finalized before the connection goes back to the pool, where they would hold it.
        foreach (var statement in _prepared.Values)
        {
            statement.Dispose();
        }

        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }
}

/// <summary>Parameters of the writer's cached commands, reused from one run to the next.</summary>
internal static class SqliteStatementParameters
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>, adding the parameter on the command's first run.</summary>
    public static void Set(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            parameters[index].Value = value;
        }
        else
        {
            parameters.AddWithValue(name, value);
        }
    }
}
