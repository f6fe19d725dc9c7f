using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Storage;

/// <summary>
/// The one writer of a SQLite store. Writes from every instance queue here; the writer takes whatever has queued while
/// the previous transaction was committing and commits it as one transaction, so many checkpoints share one disk sync.
/// A write's task completes only after the transaction holding it is durable at the store's <c>synchronous</c> level,
/// so grouping never weakens what a completed commit means.
/// </summary>
/// <remarks>
/// Each write runs inside its own savepoint: one that throws is rolled back alone and fails alone, and the others in the
/// batch still commit (a write alone in its batch needs none: its failure rolls the transaction back). A failure of the transaction itself fails every write in it, and the next batch opens a new
/// connection.
/// </remarks>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>Large enough to amortize a sync over many instances; small enough to keep a batch's latency low.</summary>
    private const int MaxBatch = 1_000;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SqliteConnection> _open;
    private readonly Lock _startLock = new();
    private Task? _writer;

    /// <param name="open">Opens a connection configured for writing (its synchronous level set).</param>
    public SqliteGroupCommit(Func<SqliteConnection> open) => _open = open;

    /// <summary>
    /// Runs <paramref name="write"/> in the next group transaction and returns its result once that transaction has
    /// committed. A write that was queued runs and commits even if <paramref name="cancellationToken"/> is cancelled
    /// later: it is cancelled only before it is queued.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteStatements, T> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var pending = new PendingWrite<T>(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWorkflowStore), "The store is disposed: its writer no longer takes writes.");
        }

        EnsureWriterStarted();
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }
    }

    private void EnsureWriterStarted()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writer ??= Task.Run(WriteBatchesAsync);
        }
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        SqliteStatements? statements = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                try
                {
                    statements ??= new SqliteStatements(_open());
                    Commit(statements, batch);
                }
                catch (Exception e)
                {
                    foreach (var write in batch)
                    {
                        write.Fail(e);
                    }

                    statements?.Dispose();
                    statements = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
        }
    }

    private static void Commit(SqliteStatements statements, List<PendingWrite> batch)
    {
        using (var transaction = statements.Connection.BeginTransaction(deferred: false))
        {
            statements.Transaction = transaction;
            if (batch.Count == 1)
            {
                // A write alone needs no savepoint: when it throws, the whole transaction is rolled back with it.
                try
                {
                    batch[0].Run(statements);
                }
                catch (Exception e)
                {
                    transaction.Rollback();
                    statements.Transaction = null;
                    batch[0].Fail(e);
                    return;
                }
            }
            else
            {
                foreach (var write in batch)
                {
                    // The savepoint statements are prepared once, like the writes' own.
                    statements.For("SAVEPOINT write;").ExecuteNonQuery();
                    try
                    {
                        write.Run(statements);
                        statements.For("RELEASE write;").ExecuteNonQuery();
                    }
                    catch (Exception e)
                    {
                        statements.For("ROLLBACK TO write;").ExecuteNonQuery();
                        statements.For("RELEASE write;").ExecuteNonQuery();
                        write.Fail(e);
                    }
                }
            }

            transaction.Commit();
            statements.Transaction = null;
        }

        foreach (var write in batch)
        {
            write.Succeed();
        }
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs the write on the writer's connection, inside the open transaction.</summary>
        public abstract void Run(SqliteStatements statements);

        /// <summary>Reports the write durable: called after the transaction committed, ignored if it failed on its own.</summary>
        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteStatements, T> write) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteStatements statements) => _result = write(statements);

        public override void Succeed() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
