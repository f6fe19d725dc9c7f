using Microsoft.Extensions.Logging;
using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// A host's own session with the server, apart from the pool: it holds a session-level advisory lock keyed by the
/// worker id while the host lives, so other hosts can tell a dead worker from a slow one (the server drops the lock
/// with the session when the process dies), and it listens on the schema's channel for other hosts' wake-ups. When
/// the session is lost (a server restart, a network cut) it reconnects with backoff, takes its lock again and wakes the
/// worker, which may have missed wake-ups meanwhile.
/// </summary>
internal sealed partial class PostgresWorkerSession : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _sessions;
    private readonly PostgresWorkflowStore _store;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Action[] _subscribers = [];
    private Action<bool>[] _livenessSubscribers = [];
    private NpgsqlConnection? _connection;
    private volatile bool _alive;
    private Task _listening = Task.CompletedTask;
    private bool _started;

    public PostgresWorkerSession(string connectionString, PostgresWorkflowStore store, ILogger logger)
    {
        // Its own connection, never pooled: the lock lives exactly as long as this session. Keepalives make a dead peer
        // (this host seen from the server, the server seen from here) noticed within seconds.
        _sessions = PostgresWorkflowStore.CreateDataSource(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5, TcpKeepAlive = true }.ToString());
        _store = store;
        _logger = logger;
    }

    /// <summary>The advisory lock key of this worker, under the schema's key.</summary>
    public int WorkerLockKey => LockKeyOf(_store.WorkerId);

    /// <summary>The advisory lock key of worker <paramref name="workerId"/> (never 0, the schema's own key's second half).</summary>
    internal static int LockKeyOf(string workerId) => Math.Max(1, PostgresWorkflowStore.SchemaLockKey(workerId));

    public IDisposable Subscribe(Action onWork)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, onWork];
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(s => s != onWork)];
            }
        });
    }

    /// <summary>Whether the session holds the worker's lock: while it does not, other hosts may end this worker's leases at any moment.</summary>
    public bool IsAlive => _alive;

    public IDisposable SubscribeToLiveness(Action<bool> onChange)
    {
        lock (_lock)
        {
            _livenessSubscribers = [.. _livenessSubscribers, onChange];
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _livenessSubscribers = [.. _livenessSubscribers.Where(s => s != onChange)];
            }
        });
    }

    /// <summary>
    /// Opens the session and takes the worker's lock; ends the leases a previous process of this worker id left (no
    /// other live process holds the id now); then listens in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A store initialized again keeps its session, its lock and its leases.
        if (_started)
        {
            return;
        }

        _connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        var ended = await _store.EndLeasesOfAsync(_store.WorkerId, cancellationToken).ConfigureAwait(false);
        if (ended > 0)
        {
            LogPreviousProcessLeases(_logger, _store.WorkerId, ended);
        }

        _alive = true;
        _listening = Task.Run(ListenAsync);
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = _sessions.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var commands = new PostgresCommands(connection, null);
            var locked = await commands.ScalarAsync(
                "SELECT pg_try_advisory_lock($1, $2);", cancellationToken, PostgresWorkflowStore.SchemaLockKey(_store.SchemaName), WorkerLockKey).ConfigureAwait(false);
            if (locked is not true)
            {
                throw new DurableStoreException(
                    $"Another live host holds worker id '{_store.WorkerId}' on schema '{_store.SchemaName}': two hosts must not share a worker id. " +
                    "Give each host its own SourceGenDurable:WorkerId, or leave it unset for a unique default.");
            }

            await commands.ExecuteAsync(
                """
                INSERT INTO workflow_workers (worker_id, lock_key, started_at) VALUES ($1, $2, now())
                ON CONFLICT (worker_id) DO UPDATE SET lock_key = excluded.lock_key, started_at = excluded.started_at;
                """,
                cancellationToken,
                _store.WorkerId,
                (long)WorkerLockKey).ConfigureAwait(false);
            connection.Notification += OnNotification;
            await commands.ExecuteAsync($"LISTEN {_store.Channel};", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ListenAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = await ConnectAsync(_stopping.Token).ConfigureAwait(false);

                    // The runs this worker had when the session was lost were stopped, and it took no lease since: a
                    // lease it still holds is a stopped run's, which no host could take before it expired.
                    var ended = await _store.EndLeasesOfAsync(_store.WorkerId, _stopping.Token).ConfigureAwait(false);
                    LogSessionRestored(_logger, _store.WorkerId, failures, ended);
                    failures = 0;
                    SetAlive(true);
                    Wake();
                }

                await _connection.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or DurableStoreException or IOException or TimeoutException)
            {
                failures++;
                if (failures == 1)
                {
                    LogSessionLost(_logger, e, _store.WorkerId);
                }

                // First of all: other hosts may end this worker's leases from now on.
                SetAlive(false);

                if (_connection is { } lost)
                {
                    _connection = null;
                    await lost.DisposeAsync().ConfigureAwait(false);
                }

                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 10))));
                try
                {
                    await Task.Delay(backoff, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private void SetAlive(bool alive)
    {
        if (_alive == alive)
        {
            return;
        }

        _alive = alive;
        foreach (var subscriber in Volatile.Read(ref _livenessSubscribers))
        {
            subscriber(alive);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        // A host's own writes wake its worker in the process already.
        if (e.Payload != _store.WorkerId)
        {
            Wake();
        }
    }

    private void Wake()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _listening.ConfigureAwait(false);
        if (_connection is { } connection)
        {
            _connection = null;

            // Closing the session releases the lock; the worker row stays for the next process of this id, and the
            // other hosts' sweep removes it once they see no lock behind it.
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        await _sessions.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A subscription: disposing it removes the subscriber.</summary>
    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    [LoggerMessage(41, LogLevel.Information, "A previous process of worker {WorkerId} held the leases of {Count} instances; they are resumed now.")]
    private static partial void LogPreviousProcessLeases(ILogger logger, string workerId, int count);

    [LoggerMessage(
        42,
        LogLevel.Warning,
        "Worker {WorkerId} lost its session with PostgreSQL; it reconnects with backoff. Its runs stop at their last checkpoints and it takes no lease until then; other hosts may resume its instances meanwhile.")]
    private static partial void LogSessionLost(ILogger logger, Exception exception, string workerId);

    [LoggerMessage(
        43,
        LogLevel.Information,
        "Worker {WorkerId} has its PostgreSQL session back after {Failures} failed attempts; the leases of the {Count} instances its stopped runs held are ended, so they are resumed now.")]
    private static partial void LogSessionRestored(ILogger logger, string workerId, int failures, int count);
}
