using Npgsql;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Testing;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>Opening the PostgreSQL store: the schema's creation and versions, and the errors a misconfigured host gets.</summary>
public sealed class PostgresStoreStartTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    private PostgresWorkflowStore Store(string? workerId = null, string? connectionString = null) =>
        new(new PostgresStoreOptions { ConnectionString = connectionString ?? _schema.ConnectionString, Schema = _schema.Schema }, TimeProvider.System, workerId ?? Guid.NewGuid().ToString("N"));

    [PostgresFact]
    public async Task Ten_hosts_starting_at_once_create_the_schema_once_at_the_current_version()
    {
        var stores = Enumerable.Range(0, 10).Select(_ => Store()).ToList();
        try
        {
            await Task.WhenAll(stores.Select(store => store.InitializeAsync(default)));

            Assert.Equal([PostgresWorkflowStore.SchemaVersion.ToString()], Rows("SELECT version::text FROM schema_version"));
            Assert.Contains("workflow_instances", Rows("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task A_schema_of_a_newer_version_is_refused_with_both_versions_named_and_left_as_it_is()
    {
        await using (var first = Store())
        {
            await first.InitializeAsync(default);
        }

        _schema.Execute("UPDATE schema_version SET version = 99;");
        await using var older = Store();

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => older.InitializeAsync(default));

        Assert.Contains($"is at version 99, newer than this host knows (version {PostgresWorkflowStore.SchemaVersion})", error.Message);
        Assert.Equal(["99"], Rows("SELECT version::text FROM schema_version"));
    }

    [PostgresFact]
    public async Task A_schema_of_an_older_version_is_migrated_to_the_current_one_and_keeps_its_instances()
    {
        await using (var first = Store())
        {
            await first.InitializeAsync(default);
            await first.CreateAsync(new Storage.WorkflowInstance("kept", "test", WorkflowStatus.Pending, 0, 0, "fp", "{}", null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), default);
        }

        // Version 1 as a host of the first release left it.
        _schema.Execute("UPDATE schema_version SET version = 1; CREATE INDEX ix_workflow_instances_status ON workflow_instances (status);");
        await using var current = Store();

        await current.InitializeAsync(default);

        Assert.Equal([PostgresWorkflowStore.SchemaVersion.ToString()], Rows("SELECT version::text FROM schema_version"));
        Assert.DoesNotContain("ix_workflow_instances_status", Rows("SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()"));
        Assert.Equal(WorkflowStatus.Pending, (await current.GetAsync("kept", default))?.Status);
    }

    [PostgresFact]
    public async Task A_schema_of_version_2_gets_identifiers_compared_as_bytes_and_keeps_its_instances_and_steps()
    {
        await using (var first = Store())
        {
            await first.InitializeAsync(default);
            await first.CreateAsync(new Storage.WorkflowInstance("kept", "test", WorkflowStatus.Pending, 0, 0, "fp", "{}", null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), default);
        }

        // Version 2 as a host of that release left it: identifiers under the database's collation.
        _schema.Execute("""
            UPDATE schema_version SET version = 2;
            ALTER TABLE workflow_instances ALTER COLUMN id TYPE text COLLATE "default", ALTER COLUMN parent_id TYPE text COLLATE "default", ALTER COLUMN lease_owner TYPE text COLLATE "default";
            ALTER TABLE workflow_steps ALTER COLUMN instance_id TYPE text COLLATE "default";
            INSERT INTO workflow_steps (instance_id, sequence, checkpoint, name, result, attempts, completed_at) VALUES ('kept', 1, 0, 'first', '1', 1, now());
            """);
        Assert.Contains("default", Rows(IdentifierCollations));
        await using var current = Store();

        await current.InitializeAsync(default);

        Assert.Equal([PostgresWorkflowStore.SchemaVersion.ToString()], Rows("SELECT version::text FROM schema_version"));
        Assert.Equal(["C"], Rows(IdentifierCollations).Distinct());
        Assert.Equal(WorkflowStatus.Pending, (await current.GetAsync("kept", default))?.Status);
        Assert.Equal("first", Assert.Single(await current.GetStepsAsync("kept", default)).Name);
    }

    /// <summary>The collation of every column that holds an instance's or a worker's identifier.</summary>
    private const string IdentifierCollations = """
        SELECT c.collname::text FROM pg_attribute a
        JOIN pg_class t ON t.oid = a.attrelid AND t.relnamespace = current_schema()::regnamespace
        JOIN pg_collation c ON c.oid = a.attcollation
        WHERE a.attname IN ('id', 'parent_id', 'lease_owner', 'instance_id', 'worker_id') AND t.relkind = 'r' AND NOT a.attisdropped
        """;

    [PostgresFact]
    public async Task An_unreachable_server_fails_the_host_start_naming_the_server_and_the_cause()
    {
        // A port nothing listens on: the connection is refused at once.
        var unreachable = new NpgsqlConnectionStringBuilder(_schema.ConnectionString) { Port = 1, Timeout = 3 }.ToString();

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => DurableTestHost.StartAsync(configureOptions: o => o.UsePostgres(unreachable)));

        Assert.Contains("Cannot open the PostgreSQL store at 127.0.0.1:1/", error.Message);
        Assert.Contains("Check that the server is running", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [PostgresFact]
    public async Task Two_live_hosts_with_one_worker_id_are_refused()
    {
        await using var first = Store("worker-a");
        await first.InitializeAsync(default);
        await using var second = Store("worker-a");

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => second.InitializeAsync(default));

        Assert.Contains("Another live host holds worker id 'worker-a'", error.Message);
    }

    private string[] Rows(string sql)
    {
        using var connection = PostgresServer.Open();
        using var command = new NpgsqlCommand($"SET search_path TO \"{_schema.Schema}\"; {sql}", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        do
        {
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }
        }
        while (reader.NextResult());

        return [.. rows];
    }
}

/// <summary>The PostgreSQL store's settings are checked before anything connects.</summary>
public sealed class PostgresStoreSettingsTests
{
    [Theory]
    [InlineData("Public", "is not a schema name")]
    [InlineData("drop table x;", "is not a schema name")]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused(string schema, string expected)
    {
        var error = Assert.Throws<DurableStoreException>(() => new PostgresWorkflowStore(
            new PostgresStoreOptions { ConnectionString = "Host=localhost", Schema = schema }, TimeProvider.System, "w"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_connection_string_names_the_setting()
    {
        var error = Assert.Throws<DurableStoreException>(() => new PostgresWorkflowStore(new PostgresStoreOptions(), TimeProvider.System, "w"));

        Assert.Contains("SourceGenDurable:Postgres:ConnectionString", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_number_of_write_connections_out_of_range_is_refused_naming_the_setting_and_the_range(int connections)
    {
        var error = Assert.Throws<DurableStoreException>(() => new PostgresWorkflowStore(
            new PostgresStoreOptions { ConnectionString = "Host=localhost", WriteConnections = connections }, TimeProvider.System, "w"));

        Assert.Contains($"SourceGenDurable:Postgres:WriteConnections is {connections}", error.Message);
        Assert.Contains("from 1 to 64", error.Message);
    }
}
