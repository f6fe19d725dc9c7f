using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>The store's connections: the writer's, the read connections, and the setup connection.</summary>
internal sealed partial class SqliteWorkflowStore
{
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // synchronous is a per-connection setting, so every connection gets it before its first write.
            command.CommandText = $"PRAGMA synchronous={_synchronous};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A connection for reads only. It skips <c>PRAGMA synchronous</c>: the setting matters only to a connection's writes,
    /// and <see cref="OpenAsync"/> sets it again whenever a pooled connection is opened to write.
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
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
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
