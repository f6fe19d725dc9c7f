using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Connections for the store's reads, kept open with their compiled statements between reads, so that a query's SQL
/// is compiled once per connection rather than on every read (as a new command on a pooled connection would be).
/// A read takes an idle connection or opens one; at most <see cref="MaxIdle"/> wait idle for the next read.
/// </summary>
internal sealed class SqliteReadConnections(Func<SqliteConnection> open) : IDisposable
{
    private const int MaxIdle = 8;

    private readonly ConcurrentQueue<SqliteStatements> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on a connection of its own; a connection on which a read failed is closed.</summary>
    public T Read<T>(Func<SqliteStatements, T> read)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SqliteWorkflowStore), "The store is disposed (its host stopped): it no longer reads. Use the client of a running host.");
        }

        var statements = Take() ?? new SqliteStatements(open());
        T result;
        try
        {
            result = read(statements);
        }
        catch
        {
            statements.Dispose();
            throw;
        }

        Return(statements);
        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (Take() is { } statements)
        {
            statements.Dispose();
        }
    }

    private SqliteStatements? Take()
    {
        if (!_idle.TryDequeue(out var statements))
        {
            return null;
        }

        Interlocked.Decrement(ref _idleCount);
        return statements;
    }

    private void Return(SqliteStatements statements)
    {
        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            statements.Dispose();
            return;
        }

        _idle.Enqueue(statements);
        if (_disposed)
        {
            // Disposed while this read ran: whatever is idle now is closed, this connection with it.
            Dispose();
        }
    }
}
