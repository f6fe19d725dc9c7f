using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SourceGenDurable.Client;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Testing;

/// <summary>
/// The durable runtime for your own tests: a temporary SQLite file, the worker, the client, and a clock that moves
/// only when the test says so. <see cref="AdvanceTimeAsync"/> fires every durable timer due by then and returns when
/// the workflows it woke have run to their next wait or to their end, so a month-long sleep is tested in milliseconds.
/// </summary>
/// <example>
/// <code>
/// await using var host = await DurableTestHost.StartAsync(services => services.AddSingleton&lt;IMailer, FakeMailer&gt;());
/// var handle = await host.Client.StartRenewalAsync("ada", workflowId: "renewal-ada");
/// await host.WaitUntilIdleAsync();                       // the workflow sleeps for 30 days
/// await host.AdvanceTimeAsync(TimeSpan.FromDays(30));    // it wakes and finishes
/// Assert.Equal("renewed", await handle.GetResultAsync());
/// </code>
/// </example>
public sealed class DurableTestHost : IAsyncDisposable
{
    /// <summary>Where the clock starts unless the test says otherwise: a fixed instant, so tests are repeatable.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly ManualClock _clock;
    private readonly IReadOnlyList<IHostedService> _hostedServices;
    private readonly DurableWorkflowWorker _worker;
    private readonly IWorkflowStore _store;
    private readonly WorkflowSignals _signals;
    private readonly string? _folder;

    private DurableTestHost(ServiceProvider services, ManualClock clock, string? folder, string databasePath)
    {
        _services = services;
        _clock = clock;
        _folder = folder;
        DatabasePath = databasePath;
        _hostedServices = services.GetServices<IHostedService>().ToList();
        _worker = _hostedServices.OfType<DurableWorkflowWorker>().Single();
        _store = services.GetRequiredService<IWorkflowStore>();
        _signals = services.GetRequiredService<WorkflowSignals>();
    }

    /// <summary>The client, to start workflows, raise events, cancel and read results.</summary>
    public IWorkflowClient Client => _services.GetRequiredService<IWorkflowClient>();

    /// <summary>The host's services, including your own.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The store, to read an instance's steps and events.</summary>
    public IWorkflowStore Store => _store;

    /// <summary>The host's clock: workflows, the worker and your services (if they take <see cref="TimeProvider"/>) read it.</summary>
    public TimeProvider TimeProvider => _clock;

    /// <summary>The host's current time.</summary>
    public DateTimeOffset UtcNow => _clock.GetUtcNow();

    /// <summary>The database file: a temporary one, deleted when the host is disposed, or the one the host was started on.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts a host on a new temporary database, its clock at <paramref name="start"/> (<see cref="DefaultStart"/> by default).</summary>
    /// <param name="configureServices">Adds the services your workflows need (and, if you want its output, logging).</param>
    /// <param name="configureOptions">Changes runtime options, such as the event limits.</param>
    /// <param name="start">The clock's first reading.</param>
    /// <param name="databasePath">
    /// An existing database file to start on, kept when the host is disposed: a second host on the first one's file
    /// is a restart (give it a <paramref name="start"/> at or after the first host's time). Null for a new temporary one.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<DurableTestHost> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<DurableWorkflowOptions>? configureOptions = null,
        DateTimeOffset? start = null,
        string? databasePath = null,
        CancellationToken cancellationToken = default)
    {
        var folder = databasePath is null ? Directory.CreateTempSubdirectory("sourcegendurable-test-").FullName : null;
        var path = databasePath ?? Path.Combine(folder!, "durable.db");
        var clock = new ManualClock(start ?? DefaultStart);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(clock);
        configureServices?.Invoke(services);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddDurableWorkflows(o =>
        {
            o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
            // The test clock does not move while the host stops, so a shutdown timeout on it would never pass:
            // disposing the host cancels running steps at once, unless the test asks otherwise.
            o.ShutdownTimeout = TimeSpan.Zero;
            configureOptions?.Invoke(o);
        });

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var host = new DurableTestHost(provider, clock, folder, path);
        try
        {
            foreach (var hosted in host._hostedServices)
            {
                await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="duration"/>. Every durable timer and event timeout due by then fires,
    /// in due order (a timer that a woken workflow sets within the span fires too), and this returns when every woken
    /// workflow has run to its next wait or to its end.
    /// </summary>
    public async Task AdvanceTimeAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var target = _clock.GetUtcNow() + duration;
        await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        while (await _store.WakeDueAsync(_clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } next && next <= target)
        {
            _clock.AdvanceTo(next);
            await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        }

        _clock.AdvanceTo(target);
        await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns when no workflow is left to run now: every instance is sleeping, waiting for an event, finished, or set
    /// aside. Call it after starting a workflow or raising an event to let the workflow get to its next wait.
    /// </summary>
    /// <exception cref="TimeoutException">Workflows were still running after 30 seconds of real time; the message names them.</exception>
    public async Task WaitUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            // Due timers are woken here too, so an instance whose wake time has come counts as work to do.
            await _store.WakeDueAsync(_clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var runnable = (await _store.GetRunningIdsAsync(cancellationToken).ConfigureAwait(false)).Where(id => !_worker.Declined(id)).ToList();
            if (runnable.Count == 0 && _worker.RunningCount == 0 && !_signals.HasLeasedStartsWaiting)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(started) > IdleTimeout)
            {
                throw new TimeoutException(
                    $"Workflows were still running after {IdleTimeout.TotalSeconds} seconds: {string.Join(", ", runnable)}. " +
                    "A step that never returns, or a workflow that loops without a durable wait, keeps the host busy.");
            }

            // The worker sleeps on the test clock, which does not move here: wake it, then look again shortly (real time).
            _signals.NotifyWork();
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the worker (running workflows keep their last checkpoint), and deletes a temporary database.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hostedServices.Reverse())
        {
            await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString()))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (_folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere stays in the temp folder; the test's outcome does not depend on it.
        }
    }
}
