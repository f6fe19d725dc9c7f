using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Storage;

/// <summary>
/// The writer's connection and its statements: each SQL text is compiled once per connection and reused for every
/// later write, rather than parsed again for each checkpoint.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The transaction the writer has open; every command runs in it.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public SqliteConnection Connection => connection;

    /// <summary>The command for <paramref name="sql"/>, in the open transaction, with no parameters set.</summary>
    public SqliteCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }
}
