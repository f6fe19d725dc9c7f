using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>A temporary SQLite file that every host of one test shares, deleted at the end of the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("sgd-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "durable.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>Runs a SQL statement against the database directly, as an operator (or a bug) would.</summary>
    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A generic host running the durable runtime against a database, as an application would.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(IHost host)
    {
        Host = host;
    }

    public IHost Host { get; }

    public IWorkflowClient Client => Host.Services.GetRequiredService<IWorkflowClient>();

    public IWorkflowStore Store => Host.Services.GetRequiredService<IWorkflowStore>();

    public static async Task<TestHost> StartAsync(string connectionString, FakeServices? services = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services ?? new FakeServices());
        builder.Services.AddDurableWorkflows(o =>
        {
            o.UseSqlite(connectionString);
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            // Most tests stop a host to simulate a process leaving mid-step, some on a fake clock on which a shutdown
            // timeout never passes: running steps are cancelled at once unless a test asks for a graceful stop.
            o.ShutdownTimeout = TimeSpan.Zero;
        });
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestHost(host);
    }

    /// <summary>Waits, with a generous bound, until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until instance <paramref name="id"/> has <paramref name="status"/>.</summary>
    public static Task WaitForStatusAsync(TestHost host, string id, WorkflowStatus status) =>
        EventuallyAsync(async () => (await host.Client.GetWorkflowAsync(id))?.Status == status, $"'{id}' is {status}");

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
