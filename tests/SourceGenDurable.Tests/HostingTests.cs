using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SourceGenDurable.Client;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_database_in_a_missing_folder_fails_the_host_start_with_the_path_and_the_reason()
    {
        var path = Path.Combine(_database.Folder, "no-such-folder", "durable.db");

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => TestHost.StartAsync($"Data Source={path}"));

        Assert.Contains($"Cannot open the SQLite database '{path}'", error.Message);
        Assert.Contains("unable to open database file", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_the_host_start_with_the_path_and_the_reason()
    {
        await File.WriteAllTextAsync(_database.Path, new string('x', 4096));

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => TestHost.StartAsync(_database.ConnectionString));

        Assert.Contains($"Cannot open the SQLite database '{_database.Path}'", error.Message);
        Assert.Contains("file is not a database", error.Message);
    }

    [Fact]
    public async Task Options_are_bound_from_the_SourceGenDurable_configuration_section()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SourceGenDurable:ConnectionString"] = _database.ConnectionString,
            ["SourceGenDurable:PollInterval"] = "00:00:00.250",
            ["SourceGenDurable:MaxConcurrentWorkflows"] = "7",
            ["SourceGenDurable:Synchronous"] = "Normal",
            ["SourceGenDurable:MaxEventNameLength"] = "64",
            ["SourceGenDurable:MaxEventPayloadBytes"] = "4096",
            ["SourceGenDurable:MaxWorkflowIdLength"] = "100",
            ["SourceGenDurable:MaxInputBytes"] = "2048",
            ["SourceGenDurable:MaxResultBytes"] = "3072",
            ["SourceGenDurable:MaxCheckpointBytes"] = "8192",
        });
        builder.Services.AddSingleton(new FakeServices());
        builder.Services.AddDurableWorkflows();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value;
        Assert.Equal(_database.ConnectionString, options.ConnectionString);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PollInterval);
        Assert.Equal(7, options.MaxConcurrentWorkflows);
        Assert.Equal(SqliteSynchronousMode.Normal, options.Synchronous);
        Assert.Equal(64, options.MaxEventNameLength);
        Assert.Equal(4096, options.MaxEventPayloadBytes);
        Assert.Equal(100, options.MaxWorkflowIdLength);
        Assert.Equal(2048, options.MaxInputBytes);
        Assert.Equal(3072, options.MaxResultBytes);
        Assert.Equal(8192, options.MaxCheckpointBytes);

        await host.StartAsync();
        Assert.True(File.Exists(_database.Path));
        await host.StopAsync();
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_that_is_wrong()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDurableWorkflows(o => o.MaxConcurrentWorkflows = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value);

        Assert.Contains("SourceGenDurable:MaxConcurrentWorkflows must be at least 1", error.Message);
    }

    [Fact]
    public void Event_limits_that_are_not_positive_are_refused_with_the_setting_that_is_wrong()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDurableWorkflows(o => (o.MaxEventNameLength, o.MaxEventPayloadBytes) = (0, -1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value);

        Assert.Contains("SourceGenDurable:MaxEventNameLength must be at least 1", error.Message);
        Assert.Contains("SourceGenDurable:MaxEventPayloadBytes must be at least 1", error.Message);
    }

    [Fact]
    public void Size_limits_that_are_not_positive_are_refused_with_the_setting_that_is_wrong()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDurableWorkflows(o => (o.MaxWorkflowIdLength, o.MaxInputBytes, o.MaxResultBytes, o.MaxCheckpointBytes) = (0, -1, 0, -5));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value);

        Assert.Contains("SourceGenDurable:MaxWorkflowIdLength must be at least 1", error.Message);
        Assert.Contains("SourceGenDurable:MaxInputBytes must be at least 1", error.Message);
        Assert.Contains("SourceGenDurable:MaxResultBytes must be at least 1", error.Message);
        Assert.Contains("SourceGenDurable:MaxCheckpointBytes must be at least 1", error.Message);
    }

    [Fact]
    public void The_size_limits_have_defaults_that_fit_ordinary_workflows()
    {
        var options = new DurableWorkflowOptions();

        Assert.Equal(256, options.MaxWorkflowIdLength);
        Assert.Equal(1024 * 1024, options.MaxInputBytes);
        Assert.Equal(1024 * 1024, options.MaxResultBytes);
        Assert.Equal(4 * 1024 * 1024, options.MaxCheckpointBytes);
    }

    [Fact]
    public async Task An_instance_no_worker_has_picked_up_yet_is_pending()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(new FakeServices());
        services.AddDurableWorkflows(o => o.UseSqlite(_database.ConnectionString));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IWorkflowStore>().InitializeAsync(default);
        var client = provider.GetRequiredService<SourceGenDurable.Client.IWorkflowClient>();

        await client.StartProcessOrderAsync(new Order("o-1", "ada", 1m, 1m), workflowId: "pending");

        Assert.Equal(WorkflowStatus.Pending, (await client.GetWorkflowAsync("pending"))!.Status);
        await provider.GetRequiredService<SourceGenDurable.Execution.WorkflowExecutor>().RunAsync("pending", default);
        Assert.Equal(WorkflowStatus.Completed, (await client.GetWorkflowAsync("pending"))!.Status);
    }

    [Fact]
    public void The_default_database_is_a_file_in_the_working_folder_with_full_durability()
    {
        var options = new DurableWorkflowOptions();

        Assert.Equal("Data Source=durable.db", options.ConnectionString);
        Assert.Equal(SqliteSynchronousMode.Full, options.Synchronous);
    }

    [Fact]
    public async Task The_store_runs_in_WAL_mode_with_synchronous_FULL()
    {
        var store = new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(default);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());

        // synchronous is a per-connection setting: the connection every write goes through gets FULL (2).
        using var storeConnection = store.OpenForWriting();
        using var synchronous = storeConnection.CreateCommand();
        synchronous.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, synchronous.ExecuteScalar());
    }
}
