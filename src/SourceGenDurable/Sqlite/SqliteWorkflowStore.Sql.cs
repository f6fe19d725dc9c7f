using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>How the store runs SQL: writes on the group-commit writer's prepared statements, reads on the read connections.</summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <summary>Runs <paramref name="sql"/> on the writer's connection, in its open transaction.</summary>
    private static int Execute(SqliteStatements statements, string sql, params (string Name, object Value)[] parameters)
    {
        var statement = statements.Prepared(sql);
        foreach (var (name, value) in parameters)
        {
            statement.Bind(name, value);
        }

        return statement.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null, on the writer's connection in its open transaction.</summary>
    private static object? Scalar(SqliteStatements statements, string sql, params (string Name, object Value)[] parameters)
    {
        var statement = statements.Prepared(sql);
        foreach (var (name, value) in parameters)
        {
            statement.Bind(name, value);
        }

        return statement.ExecuteScalar();
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
