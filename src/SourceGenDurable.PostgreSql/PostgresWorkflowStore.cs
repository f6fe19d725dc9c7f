using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The store for many hosts: one PostgreSQL schema that every host of an application shares. Writes go through one
/// group commit per host (<see cref="PostgresGroupCommit"/>) with <c>synchronous_commit</c> on; every write a run makes
/// is guarded by this worker's lease; each host holds a session of its own (<see cref="PostgresWorkerSession"/>) whose
/// advisory lock tells the others it is alive and on which it hears their wake-ups. One partial file per concern: the
/// checkpoint commit is in PostgresWorkflowStore.Checkpoints.cs, the lease guard in PostgresWorkflowStore.LeaseGuard.cs.
/// </summary>
internal sealed partial class PostgresWorkflowStore : IWorkflowStore, IWorkflowStoreWakeups, IWorkflowStoreLiveness, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _server;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly PostgresGroupCommit _writer;
    private readonly PostgresWorkerSession _session;

    /// <summary>Creates a store over the schema <paramref name="settings"/> names; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="settings">The connection string and the schema.</param>
    /// <param name="timeProvider">The clock for the stored timestamps, leases and timers.</param>
    /// <param name="workerId">The owner of the leases this store takes; unique among live hosts.</param>
    /// <param name="logger">Where the store reports taking over dead workers' instances and losing its session.</param>
    public PostgresWorkflowStore(PostgresStoreOptions settings, TimeProvider timeProvider, string workerId, ILogger<PostgresWorkflowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new DurableStoreException(
                $"No PostgreSQL connection string: set {PostgresStoreOptions.SectionName}:ConnectionString, or pass one to UsePostgres " +
                "(for example \"Host=db;Database=orders;Username=app;Password=...\").");
        }

        _schema = ValidSchema(settings.Schema);
        if (settings.WriteConnections is < 1 or > MaxWriteConnections)
        {
            throw new DurableStoreException(
                $"{PostgresStoreOptions.SectionName}:WriteConnections is {settings.WriteConnections}; it must be from 1 to {MaxWriteConnections} " +
                $"(the default is {PostgresStoreOptions.DefaultWriteConnections}).");
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new DurableStoreException(
                $"The PostgreSQL connection string in {PostgresStoreOptions.SectionName}:ConnectionString does not read: {e.Message}", e);
        }

        // Every statement names its tables unqualified: the search path is the store's schema.
        connection.SearchPath = _schema;
        if (connection.MaxAutoPrepare == 0)
        {
            // The same few dozen statements run over and over: prepared once per connection, they skip planning.
            connection.MaxAutoPrepare = 64;
        }

        // The store leaves no session state on a pooled connection (its LISTEN and session lock live on the worker
        // session's own), so a connection going back to the pool needs no reset: three statements fewer per reuse.
        connection.NoResetOnClose = true;
        _server = $"{connection.Host}:{connection.Port}/{connection.Database}";
        _dataSource = CreateDataSource(connection.ToString());
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        WorkerId = workerId;
        Channel = "sgd_work_" + SchemaLockKey(_schema).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        _checkpoints = new(CheckpointInput, CheckpointSql, CheckpointColumns, (reader, row) => Committed(row, reader.GetInt32(1)), refused: row => Committed(row, null));
        _finishes = CreateFinishStatement();
        _starts = CreateStartStatement();
        _writer = new PostgresGroupCommit(_dataSource, settings.WriteConnections, NotifyWorkAsync, error => Unavailable(error, "commit a write"));
        _session = new PostgresWorkerSession(connection.ToString(), this, _logger);
    }

    /// <summary>The most group-commit transactions a host may keep in flight: each holds a connection of the pool.</summary>
    private const int MaxWriteConnections = 64;

    /// <inheritdoc />
    public string WorkerId { get; }

    /// <summary>The schema that holds the store's tables.</summary>
    internal string SchemaName => _schema;

    /// <summary>The channel on which the hosts sharing the schema tell each other of work.</summary>
    internal string Channel { get; }

    /// <inheritdoc />
    public IDisposable SubscribeToWork(Action onWork) => _session.Subscribe(onWork);

    /// <inheritdoc />
    public bool IsAlive => _session.IsAlive;

    /// <inheritdoc />
    public IDisposable SubscribeToLiveness(Action<bool> onChange) => _session.SubscribeToLiveness(onChange);

    /// <summary>Lets queued writes commit, then ends the worker's session (its advisory lock goes with it) and the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private DateTimeOffset Now() => PostgresTime.Stored(_timeProvider.GetUtcNow());

    /// <summary>Runs <paramref name="read"/> on a pooled connection, outside any transaction.</summary>
    private async Task<T> ReadAsync<T>(Func<PostgresCommands, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await read(new PostgresCommands(connection, null), cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Unavailable(e, "read");
        }
    }

    /// <summary>
    /// A server error as the runtime's <see cref="DurableStoreException"/>, naming the server: callers catch one type
    /// whichever store they run on. Nothing committed is lost by it; a write it failed was not made.
    /// </summary>
    internal DurableStoreException Unavailable(NpgsqlException error, string operation) =>
        new($"The PostgreSQL store at {_server} (schema '{_schema}') could not {operation}: {error.Message} Instances stay at their last committed checkpoints; " +
            "the host reconnects by itself and tries again.", error);

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Tells the other hosts, in the transaction that made it, that there is work: they hear it when it commits.</summary>
    private async ValueTask NotifyWorkAsync(PostgresCommands commands, CancellationToken cancellationToken) =>
        await commands.ExecuteAsync("SELECT pg_notify($1, $2);", cancellationToken, Channel, WorkerId).ConfigureAwait(false);

    /// <summary>
    /// A data source for <paramref name="connectionString"/>. The store uses only built-in types, which Npgsql knows
    /// without asking: a new host (and every restart) skips reading the server's type catalogue on its first connection.
    /// </summary>
    internal static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).ConfigureTypeLoading(types => types.EnableTypeLoading(false)).Build();

    private static string ValidSchema(string? schema)
    {
        if (string.IsNullOrWhiteSpace(schema) || schema.Length > 63 || !schema.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') || char.IsDigit(schema[0]))
        {
            throw new DurableStoreException(
                $"'{schema}' is not a schema name the PostgreSQL store accepts in {PostgresStoreOptions.SectionName}:Schema: use lower-case letters, digits " +
                $"and underscores, starting with a letter or underscore, at most 63 characters (the default is '{PostgresStoreOptions.DefaultSchema}').");
        }

        return schema;
    }

    /// <summary>A stable, non-negative 32-bit number for a text (FNV-1a): the advisory lock keys and the channel name.</summary>
    internal static int SchemaLockKey(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFF_FFFF);
    }
}

/// <summary>Times as the store keeps them: UTC, to the millisecond (as SQLite does, so both stores return the same values).</summary>
internal static class PostgresTime
{
    public static DateTimeOffset Stored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    public static DateTimeOffset? Stored(DateTimeOffset? at) => at is { } value ? Stored(value) : null;
}
