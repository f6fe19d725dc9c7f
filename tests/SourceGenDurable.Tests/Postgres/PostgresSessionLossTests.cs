using SourceGenDurable.PostgreSql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// The server ends the store's sessions under it, as a restart or an operator's pg_terminate_backend does: the writes
/// that meet a dead session fail as the store being unavailable (which callers retry), nothing they did not commit is
/// stored, and the next writes reconnect by themselves.
/// </summary>
public sealed class PostgresSessionLossTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    [PostgresFact]
    public async Task A_start_on_a_session_the_server_ended_fails_as_unavailable_and_the_next_start_reconnects()
    {
        var application = Application();
        await using var store = await StoreAsync(application);
        await store.CreateAsync(Instance("first"), default);

        Assert.True(PostgresServer.EndSessions(application, waitUntilGone: true) > 0, $"No session of {application} was open to end.");
        var error = await Record.ExceptionAsync(() => store.CreateAsync(Instance("lost"), default));

        Assert.IsType<DurableStoreException>(error);
        Assert.Contains("could not commit a write", error.Message);
        var (_, created) = await store.CreateAsync(Instance("lost"), default);
        Assert.True(created, "The failed start was stored after all.");
        await using var other = await StoreAsync(Application());
        Assert.NotNull(await other.GetAsync("first", default));
    }

    [PostgresFact]
    public async Task An_event_raised_on_a_session_the_server_ended_fails_as_unavailable_is_not_stored_and_the_next_is()
    {
        var application = Application();
        await using var store = await StoreAsync(application);
        await store.CreateAsync(Instance("waiting"), default);

        Assert.True(PostgresServer.EndSessions(application, waitUntilGone: true) > 0, $"No session of {application} was open to end.");
        var error = await Record.ExceptionAsync(() => store.RaiseEventAsync("waiting", "paid", "1", default));

        Assert.IsType<DurableStoreException>(error);
        await store.RaiseEventAsync("waiting", "paid", "2", default);
        await using var other = await StoreAsync(Application());
        Assert.Equal(["2"], (await other.GetEventsAsync("waiting", default)).Select(e => e.Payload));
    }

    private static string Application() => "sgd-loss-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<PostgresWorkflowStore> StoreAsync(string application)
    {
        var store = new PostgresWorkflowStore(
            new PostgresStoreOptions { ConnectionString = PostgresServer.WithApplicationName(_schema.ConnectionString, application), Schema = _schema.Schema },
            TimeProvider.System,
            application);
        await store.InitializeAsync(default);
        return store;
    }

    private static WorkflowInstance Instance(string id) =>
        new(id, "test", WorkflowStatus.Pending, -1, 0, "layout", "{}", null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
