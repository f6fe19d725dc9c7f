using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// How the store runs SQL, one way per kind of connection. A write runs every statement as a prepared statement of the
/// writer's connection, inside the group commit's transaction (<c>Execute</c>,
/// <c>Scalar</c>, or the statement's own <c>ReadFirst</c>/<c>ReadAll</c>); a guarded write compiles it through
/// <see cref="Guarded"/>. A read runs cached commands on a read connection (<c>ReadAsync</c>, <c>ReadAll</c>),
/// which keep SQLite's busy handling. The schema is set up before either starts (<see cref="InitializeAsync"/>).
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <summary>Runs <paramref name="sql"/> on the writer's connection, in its open transaction.</summary>
    private static int Execute(SqliteStatements statements, string sql, params (string Name, object Value)[] parameters) =>
        Execute(statements.Prepared(sql), parameters);

    /// <summary>Runs the writer's <paramref name="statement"/> with <paramref name="parameters"/> bound.</summary>
    private static int Execute(SqlitePreparedStatement statement, params (string Name, object Value)[] parameters) =>
        Bind(statement, parameters).ExecuteNonQuery();

    /// <summary>The first column of the first row, or null, on the writer's connection in its open transaction.</summary>
    private static object? Scalar(SqliteStatements statements, string sql, params (string Name, object Value)[] parameters) =>
        Bind(statements.Prepared(sql), parameters).ExecuteScalar();

    private static SqlitePreparedStatement Bind(SqlitePreparedStatement statement, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            statement.Bind(name, value);
        }

        return statement;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a read connection, whose statements stay compiled for the next read. SQLite reads
    /// synchronously whatever the API, so the read runs on the caller's thread.
    /// </summary>
    private Task<T> ReadAsync<T>(Func<SqliteStatements, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(_readers.Read(read));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>Runs <paramref name="select"/> and maps every row it returns.</summary>
    private static List<T> ReadAll<T>(SqliteCommand select, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
