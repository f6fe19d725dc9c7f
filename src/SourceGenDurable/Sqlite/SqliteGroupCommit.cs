using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SourceGenDurable.Diagnostics;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The one writer of a SQLite store. Writes from every instance queue here; the writer takes whatever has queued while
/// the previous transaction was committing and commits it as one transaction, so many checkpoints share one disk sync.
/// A write's task completes only after the transaction holding it is durable at the store's <c>synchronous</c> level,
/// so grouping never weakens what a completed commit means.
/// </summary>
/// <remarks>
/// A batch runs first with no savepoints. When a write throws, the transaction is rolled back and the batch runs again
/// with each write inside its own savepoint: the one that throws is rolled back alone and fails alone, and the others in
/// the batch still commit (a write alone in its batch is not run again: it simply fails). A failure of the transaction
/// itself fails every write in it, and the next batch opens a new connection.
/// </remarks>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>Large enough to amortize a sync over many instances; small enough to keep a batch's latency low.</summary>
    private const int MaxBatch = 1_000;

    /// <summary>How long the writer's thread waits for a write before it ends; the next write starts another.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);

    private readonly Channel<IPendingWrite> _queue = Channel.CreateUnbounded<IPendingWrite>(new UnboundedChannelOptions { SingleReader = true });
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
    public Task<T> WriteAsync<T>(Func<SqliteStatements, T> write, CancellationToken cancellationToken) =>
        WriteAsync(static (statements, write) => write(statements), write, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{SqliteStatements, T}, CancellationToken)"/>, with what the write needs passed as
    /// <paramref name="state"/>, so that a write made at every checkpoint needs no closure.
    /// </summary>
    public Task<T> WriteAsync<TState, T>(Func<SqliteStatements, TState, T> write, TState state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var pending = new PendingWrite<TState, T>(write, state);
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
        if (Volatile.Read(ref _writer) is { } writer)
        {
            await writer.ConfigureAwait(false);
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
            // A thread of its own while writes keep coming: as a thread-pool work item, the writer's next batch waited
            // in the queue behind the continuations of every instance its last commit released, so batches were many
            // and small. An idle writer ends its thread, so an idle or forgotten store holds none.
            _writer ??= Task.Factory.StartNew(WriteBatches, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Blocks the writer's thread until a write is queued (true), the queue is completed (false), or it stays empty for
    /// <see cref="IdleTimeout"/> (false, and the writer is no longer running: the next write starts another).
    /// </summary>
    private bool WaitForWrites()
    {
        while (!_queue.Reader.TryPeek(out _))
        {
            using var idle = new CancellationTokenSource(IdleTimeout);
            try
            {
                return _queue.Reader.WaitToReadAsync(idle.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested)
            {
                // Under the lock a write that is queued now either is seen here or starts a new writer.
                lock (_startLock)
                {
                    if (!_queue.Reader.TryPeek(out _))
                    {
                        _writer = null;
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private void WriteBatches()
    {
        var batch = new List<IPendingWrite>(MaxBatch);
        SqliteStatements? statements = null;
        try
        {
            while (WaitForWrites())
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

    private static void Commit(SqliteStatements statements, List<IPendingWrite> batch)
    {
        try
        {
            CommitOrRetry(statements, batch);
        }
        catch
        {
            // The transaction was begun as a statement, so the connection object does not know of it: roll it back here,
            // before the caller closes the connection (a pooled connection must not go back to the pool inside it).
            RollBackIfOpen(statements);
            throw;
        }
    }

    private static void RollBackIfOpen(SqliteStatements statements)
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(statements.Connection.Handle) == 0)
            {
                statements.For("ROLLBACK;").ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // The connection is closed next; closing it rolls back what is open.
        }
    }

    private static void CommitOrRetry(SqliteStatements statements, List<IPendingWrite> batch)
    {
        // First every write straight in the one transaction, with no savepoints: a write almost never throws, and a
        // savepoint around each would add two statements to every write. When one throws, the whole transaction is
        // rolled back (nothing of it was committed, and no write's task has completed), and the batch runs again with a
        // savepoint around each write, so that the one that throws fails alone. The writes only read and write the
        // database, so running them again in a rolled-back transaction sees what the first run saw.
        Exception? failure = null;
        Begin(statements);
        foreach (var write in batch)
        {
            try
            {
                write.Run(statements);
            }
            catch (Exception e)
            {
                failure = e;
                break;
            }
        }

        if (failure is null)
        {
            End(statements, "COMMIT;");
            DurableTelemetry.WritesPerTransaction.Record(batch.Count);
            foreach (var write in batch)
            {
                write.Succeed();
            }

            return;
        }

        End(statements, "ROLLBACK;");
        if (batch.Count == 1)
        {
            batch[0].Fail(failure);
            return;
        }

        CommitInSavepoints(statements, batch);
    }

    /// <summary>The batch again, each write in its own savepoint: one that throws is rolled back and fails alone.</summary>
    private static void CommitInSavepoints(SqliteStatements statements, List<IPendingWrite> batch)
    {
        Begin(statements);
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

        End(statements, "COMMIT;");
        DurableTelemetry.WritesPerTransaction.Record(batch.Count);
        foreach (var write in batch)
        {
            // Ignored by a write that failed in its savepoint.
            write.Succeed();
        }
    }

    /// <summary>
    /// BEGIN IMMEDIATE as a prepared statement of the writer's connection (BeginTransaction would prepare a new command
    /// for each batch). The writes' commands run with no <see cref="SqliteTransaction"/> object: the connection is in
    /// the transaction all the same.
    /// </summary>
    private static void Begin(SqliteStatements statements)
    {
        statements.Transaction = null;
        statements.For("BEGIN IMMEDIATE;").ExecuteNonQuery();
    }

    /// <summary>COMMIT or ROLLBACK. When it throws, the caller fails the batch and closes the connection, which rolls back whatever is open.</summary>
    private static void End(SqliteStatements statements, string sql) => statements.For(sql).ExecuteNonQuery();

    private interface IPendingWrite
    {
        /// <summary>Runs the write on the writer's connection, inside the open transaction.</summary>
        void Run(SqliteStatements statements);

        /// <summary>Reports the write durable: called after the transaction committed, ignored if it failed on its own.</summary>
        void Succeed();

        void Fail(Exception exception);
    }

    /// <summary>A queued write, and the source of the task its caller awaits: one object per write, not two.</summary>
    private sealed class PendingWrite<TState, T>(Func<SqliteStatements, TState, T> write, TState state)
        : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingWrite
    {
        private T _result = default!;

        public void Run(SqliteStatements statements) => _result = write(statements, state);

        public void Succeed() => TrySetResult(_result);

        public void Fail(Exception exception) => TrySetException(exception);
    }
}
