using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>The writes the group commit queues: a statement, a row of a set-based statement, or a conversation.</summary>
internal sealed partial class PostgresGroupCommit
{
    /// <summary>A write that is one row of a <see cref="PostgresRowStatement{TRow, TResult}"/>.</summary>
    private interface IRowWrite
    {
        object Statement { get; }

        /// <summary>The statement over the rows of <paramref name="writes"/>, all row writes of this statement.</summary>
        NpgsqlBatchCommand CreateCommand(List<PendingWrite> writes);

        /// <summary>Reads this write's result from the row <paramref name="reader"/> stands at; null: the statement did not write it.</summary>
        void ReadRow(NpgsqlDataReader? reader, PostgresWriteContext context);
    }

    /// <summary>What one writer works with: its batch, and its connection (opened when first needed, closed when it failed).</summary>
    private sealed class WriterLane
    {
        public List<PendingWrite> Batch { get; } = new(MaxBatch);

        public NpgsqlConnection? Connection { get; set; }

        public async ValueTask CloseAsync()
        {
            if (Connection is not null)
            {
                await Connection.DisposeAsync().ConfigureAwait(false);
                Connection = null;
            }
        }
    }

    private abstract class PendingWrite(string? key)
    {
        public string? Key { get; } = key;

        public abstract bool IsStatement { get; }

        /// <summary>Why the write failed on its own (a guard that did not hold, a refused statement), or null.</summary>
        public Exception? Failure { get; private set; }

        public bool Failed => Failure is not null;

        /// <summary>The statement of a statement write, with its arguments bound.</summary>
        public virtual NpgsqlBatchCommand CreateCommand() => throw new NotSupportedException();

        /// <summary>Reads a statement write's result set, at which <paramref name="reader"/> stands.</summary>
        public virtual ValueTask ReadAsync(NpgsqlDataReader reader, PostgresWriteContext context) => throw new NotSupportedException();

        /// <summary>
        /// Runs the write by itself in the open transaction. A failure of its own is recorded; a database error is
        /// thrown (the transaction, or the write's savepoint, must be rolled back).
        /// </summary>
        public abstract ValueTask RunAloneAsync(PostgresWriteContext context);

        /// <summary>Runs a statement write by itself: its command alone in a batch, its result set read as in a batch of many.</summary>
        protected async ValueTask RunStatementAloneAsync(PostgresWriteContext context)
        {
            await using var batch = new NpgsqlBatch(context.Connection, context.Transaction) { BatchCommands = { CreateCommand() } };
            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            await ReadAsync(reader, context).ConfigureAwait(false);
        }

        public void RecordFailure(Exception exception) => Failure = exception;

        /// <summary>Forgets the outcome of a run that was rolled back, before the write runs again.</summary>
        public void Reset() => Failure = null;

        /// <summary>Completes the caller's task once the transaction holding the write has committed.</summary>
        public abstract void Complete();

        /// <summary>Fails the caller's task: the transaction did not commit.</summary>
        public abstract void Abort(Exception exception);
    }

    private abstract class PendingWrite<T>(string? key) : PendingWrite(key)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        protected void Set(T result) => _result = result;

        public override void Complete()
        {
            if (Failure is { } failure)
            {
                _completion.TrySetException(failure);
            }
            else
            {
                _completion.TrySetResult(_result);
            }
        }

        public override void Abort(Exception exception) => _completion.TrySetException(Failure ?? exception);
    }

    private sealed class Statement<T>(string? key, string sql, object?[] arguments, Func<NpgsqlDataReader, T> read, Func<T, bool>? madeWork) : PendingWrite<T>(key)
    {
        public override bool IsStatement => true;

        public override NpgsqlBatchCommand CreateCommand()
        {
            var command = new NpgsqlBatchCommand(sql);
            PostgresCommands.AddArguments(command.Parameters, arguments);
            return command;
        }

        public override async ValueTask ReadAsync(NpgsqlDataReader reader, PostgresWriteContext context)
        {
            if (!await reader.ReadAsync().ConfigureAwait(false))
            {
                throw new InvalidOperationException("A write's statement returned no row.");
            }

            try
            {
                var result = read(reader);
                Set(result);
                if (madeWork?.Invoke(result) == true)
                {
                    context.WorkMade = true;
                }
            }
            catch (Exception e) when (e is not NpgsqlException)
            {
                RecordFailure(e);
            }
        }

        public override ValueTask RunAloneAsync(PostgresWriteContext context) => RunStatementAloneAsync(context);
    }

    private sealed class Row<TRow, TResult>(string key, PostgresRowStatement<TRow, TResult> statement, TRow row) : PendingWrite<TResult>(key), IRowWrite
    {
        public override bool IsStatement => true;

        public object Statement => statement;

        public override NpgsqlBatchCommand CreateCommand() => statement.CreateCommand([row]);

        public NpgsqlBatchCommand CreateCommand(List<PendingWrite> writes) => statement.CreateCommand(writes.ConvertAll(write => ((Row<TRow, TResult>)write).Value));

        private TRow Value => row;

        public override ValueTask ReadAsync(NpgsqlDataReader reader, PostgresWriteContext context) => ReadRowsAsync(reader, [this], context);

        public void ReadRow(NpgsqlDataReader? reader, PostgresWriteContext context)
        {
            try
            {
                var result = statement.Read(reader, row);
                Set(result);
                if (statement.MadeWork(row, result))
                {
                    context.WorkMade = true;
                }
            }
            catch (Exception e) when (e is not NpgsqlException)
            {
                RecordFailure(e);
            }
        }

        public override ValueTask RunAloneAsync(PostgresWriteContext context) => RunStatementAloneAsync(context);
    }

    private sealed class Conversation<TState, T>(string? key, Func<PostgresWriteContext, TState, ValueTask<T>> write, TState state) : PendingWrite<T>(key)
    {
        public override bool IsStatement => false;

        public override async ValueTask RunAloneAsync(PostgresWriteContext context)
        {
            try
            {
                Set(await write(context, state).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not NpgsqlException)
            {
                RecordFailure(e);
            }
        }
    }
}

/// <summary>What a write of the group commit runs with: the writer's connection in its open transaction.</summary>
internal sealed class PostgresWriteContext(NpgsqlConnection connection)
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction? Transaction { get; set; }

    public PostgresCommands Commands => new(connection, Transaction);

    /// <summary>Whether a write of the transaction made work for other hosts: they are told when it commits.</summary>
    public bool WorkMade { get; set; }
}
