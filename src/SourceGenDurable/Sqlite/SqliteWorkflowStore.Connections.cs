using Microsoft.Data.Sqlite;
namespace SourceGenDurable.Sqlite;

/// <summary>The store's connections: the writer's (the schema is set up on one like it) and the read connections.</summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <summary>
    /// A connection for reads only. It skips <c>PRAGMA synchronous</c>: the setting matters only to a connection's writes,
    /// and <see cref="OpenForWriting"/> sets it again whenever a pooled connection is opened to write.
    /// </summary>
    private SqliteConnection OpenForReading()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The writer's connection. synchronous is a per-connection setting, so it is set before the first write.</summary>
    internal SqliteConnection OpenForWriting()
    {
        var connection = OpenForReading();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={_synchronous};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
