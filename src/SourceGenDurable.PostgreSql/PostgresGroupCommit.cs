using System.Data;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The writer of a PostgreSQL store. Writes from every instance queue here; a writer takes whatever has queued while
/// the transactions before it were committing and commits it as one transaction, so many checkpoints share one WAL
/// flush (<c>synchronous_commit</c> stays on: a write's task completes only once its transaction is durable).
/// </summary>
/// <remarks>
/// <para>
/// A write is either one statement (<see cref="StatementAsync{T}"/>) that changes nothing when its guard does not hold,
/// or a conversation with the database (<see cref="WriteAsync{TState, T}"/>). Consecutive statements are sent as one
/// <see cref="NpgsqlBatch"/>, one round trip for all of them: the checkpoint commit of every instance in it is one.
/// </para>
/// <para>
/// There is no writer thread. A write that finds a writer's place free becomes a writer: it commits the batch it is in
/// itself and hands what queued meanwhile to the thread pool, which writes batch after batch until none is left that it
/// may take. A lone workflow's checkpoint thus goes from its step to the server and back with no hand-off between
/// threads. Up to <see cref="PostgresStoreOptions.WriteConnections"/> writers work at once, each with a connection of
/// its own, so that under load the server runs one batch while another commits; a writer never takes a write of an
/// instance that another writer's batch holds, so one instance's writes still commit one after the other, in order.
/// </para>
/// <para>
/// Writes run in the order of the instances they touch, so that two batches take row locks in one order and do not
/// deadlock; the writes of one instance keep their queue order. When a write throws, or the database refuses a
/// statement, the transaction is rolled back and the batch runs again with each write in its own savepoint: the one
/// that fails is rolled back and fails alone. A failure of the transaction itself (a lost connection) fails every
/// write in it, and the writer's next batch opens a new connection.
/// </para>
/// </remarks>
internal sealed partial class PostgresGroupCommit : IAsyncDisposable
{
    /// <summary>
    /// Large enough to amortize a WAL flush over many instances; small enough that under load the writers take turns
    /// (one batch runs on the server while another commits and the host works on the last one's instances), rather
    /// than one large batch at a time with the server and the host each waiting for the other.
    /// </summary>
    private const int MaxBatch = 250;

    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<PostgresCommands, CancellationToken, ValueTask> _notifyWork;
    private readonly Func<NpgsqlException, Exception> _unavailable;

    // Guarded by _gate. Each active writer owns a lane (its batch and connection); the instances in its batch are in
    // _inFlight until it has committed, so that no other writer takes a later write of one of them meanwhile. A queued
    // write implies an active writer: the one holding its instance, or one that will take it when its batch is done.
    private readonly Stack<WriterLane> _idle = new();
    private readonly List<WriterLane> _lanes = [];
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly int _maxWriters;
    private int _writers;
    private bool _disposed;

    /// <param name="dataSource">Where the writers' connections come from.</param>
    /// <param name="maxWriters">How many batches may be committing at once, each on its own connection.</param>
    /// <param name="notifyWork">Tells other hosts, inside a transaction, that it made work for them.</param>
    /// <param name="unavailable">What a write's caller gets when the server failed its transaction.</param>
    public PostgresGroupCommit(
        NpgsqlDataSource dataSource, int maxWriters, Func<PostgresCommands, CancellationToken, ValueTask> notifyWork, Func<NpgsqlException, Exception> unavailable)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWriters, 1);
        _dataSource = dataSource;
        _maxWriters = maxWriters;
        _notifyWork = notifyWork;
        _unavailable = unavailable;
    }

    /// <summary>
    /// Runs one statement in the next group transaction and returns what <paramref name="read"/> makes of its one result
    /// set, once the transaction has committed. The statement must change nothing when <paramref name="read"/> throws
    /// (a guard that did not hold): it is not rolled back apart. <paramref name="key"/> is the instance it touches first.
    /// </summary>
    /// <paramref name="madeWork"/> tells from the result whether other hosts should hear of it (null: never).
    public Task<T> StatementAsync<T>(
        string? key, string sql, object?[] arguments, Func<NpgsqlDataReader, T> read, Func<T, bool>? madeWork, CancellationToken cancellationToken) =>
        Enqueue(new Statement<T>(key, sql, arguments, read, madeWork), cancellationToken);

    /// <summary>
    /// As <see cref="StatementAsync{T}"/> for a write of which many are queued at once (a checkpoint): the rows of one
    /// <paramref name="statement"/> in a batch are sent as one set-based statement over all of them.
    /// </summary>
    public Task<TResult> RowAsync<TRow, TResult>(string key, PostgresRowStatement<TRow, TResult> statement, TRow row, CancellationToken cancellationToken) =>
        Enqueue(new Row<TRow, TResult>(key, statement, row), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in the next group transaction and returns its result once that transaction has
    /// committed. A write that was queued runs and commits even if <paramref name="cancellationToken"/> is cancelled later.
    /// </summary>
    public Task<T> WriteAsync<TState, T>(string? key, Func<PostgresWriteContext, TState, ValueTask<T>> write, TState state, CancellationToken cancellationToken) =>
        Enqueue(new Conversation<TState, T>(key, write, state), cancellationToken);

    private Task<T> Enqueue<T>(PendingWrite<T> pending, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        WriterLane? lane = null;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(PostgresWorkflowStore), "The store is disposed: its writer no longer takes writes.");
            }

            _queue.Enqueue(pending);
            if (_writers < _maxWriters && !IsHeld(pending))
            {
                lane = StartWriter();
            }
        }

        return lane is null ? pending.Task : LeadAsync(lane, pending);
    }

    /// <summary>Writes a batch on the caller's own flow (the one <paramref name="pending"/> is in, mostly), then hands on the rest.</summary>
    private async Task<T> LeadAsync<T>(WriterLane lane, PendingWrite<T> pending)
    {
        // The batch is every queued instance's, not the caller's: its commands get no parent activity from the caller.
        Activity.Current = null;
        await WriteBatchAsync(lane).ConfigureAwait(false);
        if (MoreToWrite(lane))
        {
            _ = Task.Run(() => DrainAsync(lane));
        }

        return await pending.Task.ConfigureAwait(false);
    }

    /// <summary>Writes batch after batch while writes it may take keep queuing; the writer's role ends when there are none.</summary>
    private async Task DrainAsync(WriterLane lane)
    {
        do
        {
            await WriteBatchAsync(lane).ConfigureAwait(false);
        }
        while (MoreToWrite(lane));
    }

    /// <summary>Whether another writer's batch holds the instance <paramref name="write"/> touches. Under <see cref="_gate"/>.</summary>
    private bool IsHeld(PendingWrite write) => write.Key is { } key && _inFlight.Contains(key);

    /// <summary>A lane for a new writer. Under <see cref="_gate"/>.</summary>
    private WriterLane StartWriter()
    {
        _writers++;
        if (!_idle.TryPop(out var lane))
        {
            lane = new WriterLane();
            _lanes.Add(lane);
        }

        return lane;
    }

    /// <summary>
    /// Ends <paramref name="lane"/>'s batch: its instances are free again. True when queued writes remain that this
    /// writer may take (it goes on); otherwise the writer's role ends.
    /// </summary>
    private bool MoreToWrite(WriterLane lane)
    {
        lock (_gate)
        {
            foreach (var write in lane.Batch)
            {
                if (write.Key is { } key)
                {
                    _inFlight.Remove(key);
                }
            }

            lane.Batch.Clear();
            foreach (var write in _queue)
            {
                if (!IsHeld(write))
                {
                    return true;
                }
            }

            _writers--;
            _idle.Push(lane);
            if (_disposed && _writers == 0)
            {
                _stopped.TrySetResult();
            }

            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        bool writing;
        lock (_gate)
        {
            _disposed = true;
            writing = _writers > 0;
        }

        // The writers at work write every queued write before they stop (none can queue now); with none, none is queued.
        if (writing)
        {
            await _stopped.Task.ConfigureAwait(false);
        }

        foreach (var lane in _lanes)
        {
            await lane.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes up to <see cref="MaxBatch"/> queued writes that no other writer holds the instance of, and commits them as
    /// one transaction. Writes passed over go back to the queue in their order, so one instance's writes keep theirs.
    /// </summary>
    private async Task WriteBatchAsync(WriterLane lane)
    {
        var batch = lane.Batch;
        lock (_gate)
        {
            for (var queued = _queue.Count; queued > 0; queued--)
            {
                var write = _queue.Dequeue();
                if (batch.Count < MaxBatch && !IsHeld(write))
                {
                    batch.Add(write);
                }
                else
                {
                    _queue.Enqueue(write);
                }
            }

            foreach (var write in batch)
            {
                if (write.Key is { } key)
                {
                    _inFlight.Add(key);
                }
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            if (lane.Connection is { } connection && !IsUsable(connection))
            {
                // Lost after its last batch committed (while telling other hosts of it, or idle when the server ended it).
                await lane.CloseAsync().ConfigureAwait(false);
            }

            lane.Connection ??= await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await CommitAsync(lane.Connection, InLockOrder(batch)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var failure = AsUnavailable(e, lane.Connection);
            foreach (var write in batch)
            {
                write.Abort(failure);
            }

            await lane.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a write that failed with <paramref name="error"/> fails with: a server or connection error (or any error
    /// once the connection is gone, such as Npgsql refusing a closed connection) is the store being unavailable, which
    /// callers retry; anything else is the write's own failure.
    /// </summary>
    private Exception AsUnavailable(Exception error, NpgsqlConnection? connection) => error switch
    {
        NpgsqlException server => _unavailable(server),
        _ when connection is not null && !IsUsable(connection) =>
            _unavailable(new NpgsqlException("The connection to the server was lost.", error)),
        _ => error,
    };

    /// <summary>Whether <paramref name="connection"/> can still run a statement; a fatal server error or a broken socket leaves it closed.</summary>
    private static bool IsUsable(NpgsqlConnection connection) => connection.FullState == ConnectionState.Open;

    /// <summary>The batch ordered by the instance each write touches (stable: one instance's writes keep their order).</summary>
    private static List<PendingWrite> InLockOrder(List<PendingWrite> batch) =>
        batch.Count == 1 ? batch : [.. batch.OrderBy(write => write.Key, StringComparer.Ordinal)];

    private async Task CommitAsync(NpgsqlConnection connection, List<PendingWrite> batch)
    {
        // First every write straight in the one transaction: a write almost never fails, and a savepoint around each
        // would cost two round trips per write. A statement whose guard did not hold changed nothing and simply fails;
        // any other failure rolls the transaction back (no write's task has completed) and the batch runs again, each
        // write in its own savepoint, so that the one that fails is rolled back and fails alone.
        var context = new PostgresWriteContext(connection);
        if (batch.TrueForAll(write => write.IsStatement) && await TryCommitImplicitlyAsync(context, batch).ConfigureAwait(false))
        {
            return;
        }

        Exception? failure;
        await using (var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            context.Transaction = transaction;
            failure = await RunAllAsync(context, batch).ConfigureAwait(false);
            if (failure is null)
            {
                await EndAsync(context, transaction, batch).ConfigureAwait(false);
                return;
            }

            if (!IsUsable(connection))
            {
                // The connection is gone (the server ended the session): there is nothing to roll back or retry on it.
                ExceptionDispatchInfo.Throw(failure);
            }

            await transaction.RollbackAsync().ConfigureAwait(false);
        }

        if (batch.Count == 1)
        {
            // Alone in its batch, it has failed already, and its rollback is done.
            batch[0].Abort(AsUnavailable(failure, connection));
            return;
        }

        context = new PostgresWriteContext(connection);
        await using var retry = await connection.BeginTransactionAsync().ConfigureAwait(false);
        context.Transaction = retry;
        foreach (var write in batch)
        {
            write.Reset();
            var workMadeBefore = context.WorkMade;
            await retry.SaveAsync("write").ConfigureAwait(false);
            try
            {
                await write.RunAloneAsync(context).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                write.RecordFailure(AsUnavailable(e, connection));
            }

            if (write.Failed)
            {
                // When the connection itself is gone this throws, and the whole batch fails.
                await retry.RollbackAsync("write").ConfigureAwait(false);
                context.WorkMade = workMadeBefore;
            }

            await retry.ReleaseAsync("write").ConfigureAwait(false);
        }

        await EndAsync(context, retry, batch).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a batch of statements with no explicit transaction: PostgreSQL runs the statements of one batch (one
    /// <c>Sync</c>) as one implicit transaction and commits it before it answers, so the statements and the commit share
    /// one round trip. False, with nothing committed, when the server refused a statement: the batch then runs again in
    /// an explicit transaction, each write in its own savepoint.
    /// </summary>
    private async Task<bool> TryCommitImplicitlyAsync(PostgresWriteContext context, List<PendingWrite> batch)
    {
        try
        {
            await RunStatementsAsync(context, batch, 0, batch.Count).ConfigureAwait(false);
        }
        catch (PostgresException) when (IsUsable(context.Connection))
        {
            // A refused statement; a fatal error (the server shutting down) ended the session instead, and fails the batch.
            foreach (var write in batch)
            {
                write.Reset();
            }

            context.WorkMade = false;
            return false;
        }

        PostgresTelemetry.WritesPerTransaction.Record(batch.Count);
        if (context.WorkMade)
        {
            // After the commit, in a transaction of its own: a wake-up that is lost (the connection drops now) costs
            // the other hosts a poll interval, never a write, so it does not fail the writes that committed.
            try
            {
                await _notifyWork(context.Commands, CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
            }
        }

        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
    }

    /// <summary>Tells other hosts of the work the batch made, commits, and completes every write.</summary>
    private async Task EndAsync(PostgresWriteContext context, NpgsqlTransaction transaction, List<PendingWrite> batch)
    {
        if (context.WorkMade)
        {
            await _notifyWork(context.Commands, CancellationToken.None).ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        PostgresTelemetry.WritesPerTransaction.Record(batch.Count);
        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    /// <summary>Runs the batch in the open transaction; returns the first failure that needs a rollback, or null.</summary>
    private static async Task<Exception?> RunAllAsync(PostgresWriteContext context, List<PendingWrite> batch)
    {
        var start = 0;
        try
        {
            while (start < batch.Count)
            {
                if (batch[start].IsStatement)
                {
                    var end = start;
                    while (end < batch.Count && batch[end].IsStatement)
                    {
                        end++;
                    }

                    await RunStatementsAsync(context, batch, start, end).ConfigureAwait(false);
                    start = end;
                }
                else
                {
                    await batch[start].RunAloneAsync(context).ConfigureAwait(false);
                    if (batch[start].Failure is { } failure)
                    {
                        return failure;
                    }

                    start++;
                }
            }

            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>
    /// Sends statements [start, end) as one batch, one round trip, and hands each its result set. The rows of one row
    /// statement become one command at the place of the first of them, unless their instance has another write in the
    /// batch (its writes keep their order then).
    /// </summary>
    private static async Task RunStatementsAsync(PostgresWriteContext context, List<PendingWrite> batch, int start, int end)
    {
        var commands = new List<List<PendingWrite>>();
        var groups = new Dictionary<object, List<PendingWrite>>(ReferenceEqualityComparer.Instance);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            if (batch[i].Key is { } key && !keys.Add(key))
            {
                repeated.Add(key);
            }
        }

        for (var i = start; i < end; i++)
        {
            var write = batch[i];
            if (write is IRowWrite row && !repeated.Contains(write.Key!))
            {
                if (!groups.TryGetValue(row.Statement, out var group))
                {
                    groups[row.Statement] = group = [];
                    commands.Add(group);
                }

                group.Add(write);
            }
            else
            {
                commands.Add([write]);
            }
        }

        await using var statements = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var command in commands)
        {
            statements.BatchCommands.Add(command[0] is IRowWrite row ? row.CreateCommand(command) : command[0].CreateCommand());
        }

        await using var reader = await statements.ExecuteReaderAsync().ConfigureAwait(false);
        for (var i = 0; i < commands.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync().ConfigureAwait(false))
            {
                throw new InvalidOperationException("A statement of the batch returned no result set.");
            }

            await ReadAsync(reader, commands[i], context).ConfigureAwait(false);
        }
    }

    /// <summary>Hands a command's result set to its write, or to its row writes.</summary>
    private static ValueTask ReadAsync(NpgsqlDataReader reader, List<PendingWrite> command, PostgresWriteContext context) =>
        command[0] is IRowWrite ? ReadRowsAsync(reader, command, context) : command[0].ReadAsync(reader, context);

    /// <summary>
    /// Hands each row write of a row statement its row: the statement returns one for each row it wrote, by ordinal
    /// (from 1) in order, and none for a row whose guard did not hold.
    /// </summary>
    private static async ValueTask ReadRowsAsync(NpgsqlDataReader reader, List<PendingWrite> writes, PostgresWriteContext context)
    {
        var next = await NextOrdinalAsync(reader).ConfigureAwait(false);
        for (var ordinal = 1; ordinal <= writes.Count; ordinal++)
        {
            var written = next == ordinal;
            ((IRowWrite)writes[ordinal - 1]).ReadRow(written ? reader : null, context);
            if (written)
            {
                next = await NextOrdinalAsync(reader).ConfigureAwait(false);
            }
        }

        if (next != 0)
        {
            throw new InvalidOperationException($"A row statement returned ordinal {next} among {writes.Count} rows, out of order or out of range.");
        }
    }

    /// <summary>The ordinal of the next row of a row statement's result, or 0 after the last.</summary>
    private static async ValueTask<long> NextOrdinalAsync(NpgsqlDataReader reader) =>
        await reader.ReadAsync().ConfigureAwait(false) ? reader.GetInt64(0) : 0;
}
