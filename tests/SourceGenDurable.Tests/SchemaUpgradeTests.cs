using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// A database written by an earlier build opens in this one: the instances get a key, and the step history, which was
/// keyed by the instance's id text, is keyed by it instead, with nothing lost.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    // The layout of the two tables before instances had a key: the id was the primary key, and the step history was
    // keyed by it.
    private const string LayoutBeforeInstanceKeys = """
        CREATE TABLE instances_by_id (
            id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, status INTEGER NOT NULL, state INTEGER NOT NULL, commits INTEGER NOT NULL,
            layout_fingerprint TEXT NOT NULL, slots TEXT NOT NULL, result TEXT NULL, error TEXT NULL, set_aside_reason TEXT NULL,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, wake_at INTEGER NULL, awaited_event TEXT NULL,
            cancellation INTEGER NOT NULL DEFAULT 0, lease_owner TEXT NULL, lease_expires_at INTEGER NULL,
            starts INTEGER NOT NULL DEFAULT 0, poisoned INTEGER NOT NULL DEFAULT 0, parent_id TEXT NULL);
        INSERT INTO instances_by_id SELECT id, name, status, state, commits, layout_fingerprint, slots, result, error, set_aside_reason,
            created_at, updated_at, wake_at, awaited_event, cancellation, lease_owner, lease_expires_at, starts, poisoned, parent_id
            FROM workflow_instances ORDER BY key DESC;
        CREATE TABLE steps_by_id (
            instance_id TEXT NOT NULL, sequence INTEGER NOT NULL, checkpoint INTEGER NOT NULL, name TEXT NOT NULL, result TEXT NULL,
            attempts INTEGER NOT NULL, completed_at INTEGER NOT NULL, started_at INTEGER NULL, PRIMARY KEY (instance_id, sequence));
        INSERT INTO steps_by_id SELECT i.id, s.sequence, s.checkpoint, s.name, s.result, s.attempts, s.completed_at, s.started_at
            FROM workflow_steps s JOIN workflow_instances i ON i.key = s.instance_key;
        DROP TABLE workflow_steps;
        DROP TABLE workflow_instances;
        ALTER TABLE instances_by_id RENAME TO workflow_instances;
        ALTER TABLE steps_by_id RENAME TO workflow_steps;
        CREATE INDEX ix_workflow_instances_status ON workflow_instances (status);
        CREATE INDEX ix_workflow_instances_created ON workflow_instances (created_at, id);
        """;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_database_from_before_instance_keys_keeps_every_step_and_its_sleeping_instance_goes_on()
    {
        var services = new FakeServices();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using (var earlier = await StartAsync(services, clock))
        {
            await earlier.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "done");
            await earlier.Client.GetResultAsync<Receipt>("done");
            await earlier.Client.StartRenewalAsync("bob", workflowId: "asleep");
            await TestHost.WaitForStatusAsync(earlier, "asleep", WorkflowStatus.Sleeping);
        }

        var stepsBefore = Rows("SELECT i.id, s.sequence, s.name, s.result FROM workflow_steps s JOIN workflow_instances i ON i.key = s.instance_key ORDER BY i.id, s.sequence");
        _database.Execute(LayoutBeforeInstanceKeys);
        Assert.Empty(Rows("SELECT name FROM pragma_table_info('workflow_instances') WHERE name = 'key'"));

        clock.Advance(TimeSpan.FromDays(30));
        await using var upgraded = await StartAsync(services, clock);

        Assert.Equal("renewed bob", await upgraded.Client.GetResultAsync<string>("asleep"));
        Assert.Equal(
            stepsBefore.Append("asleep|3|renew|\"renewed bob\"").Order(StringComparer.Ordinal),
            Rows("SELECT i.id, s.sequence, s.name, s.result FROM workflow_steps s JOIN workflow_instances i ON i.key = s.instance_key ORDER BY i.id, s.sequence"));
        Assert.Equal(["reserve", "charge", "email"], (await upgraded.Client.GetHistoryAsync("done")).Select(step => step.Name));
        Assert.Equal(["notice", "renew"], (await upgraded.Client.GetHistoryAsync("asleep")).Select(step => step.Name));
        Assert.Equal(1, services.CountOf("notice"));
        // The keys follow the order in which the earlier build stored the instances (it inserted them newest first here).
        Assert.Equal(["asleep|1", "done|2"], Rows("SELECT id, key FROM workflow_instances ORDER BY key"));
        Assert.Equal(
            ["ix_workflow_instances_created", "ix_workflow_instances_status", "ix_workflow_instances_wake", "sqlite_autoindex_workflow_instances_1"],
            Rows("SELECT name FROM pragma_index_list('workflow_instances') ORDER BY name"));
    }

    [Fact]
    public async Task A_step_row_whose_instance_is_missing_stops_the_upgrade_with_the_count_and_changes_nothing()
    {
        await using (var earlier = await TestHost.StartAsync(_database.ConnectionString))
        {
            await earlier.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "done");
            await earlier.Client.GetResultAsync<Receipt>("done");
        }

        _database.Execute(LayoutBeforeInstanceKeys);
        _database.Execute("INSERT INTO workflow_steps VALUES ('gone', 1, 0, 'lost', NULL, 1, 0, NULL), ('gone', 2, 1, 'lost', NULL, 1, 0, NULL)");
        var before = Rows("SELECT name, sql FROM sqlite_schema ORDER BY name");

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => TestHost.StartAsync(_database.ConnectionString));

        Assert.Contains("2 rows of workflow_steps name an instance that workflow_instances does not hold", error.Message);
        Assert.Equal(before, Rows("SELECT name, sql FROM sqlite_schema ORDER BY name"));
        Assert.Equal(["done|3", "gone|2"], Rows("SELECT instance_id, COUNT(*) FROM workflow_steps GROUP BY instance_id ORDER BY instance_id"));
    }

    private Task<TestHost> StartAsync(FakeServices services, TimeProvider clock) =>
        TestHost.StartAsync(_database.ConnectionString, services, s => s.AddSingleton(clock));

    [Fact]
    public async Task A_database_of_a_newer_schema_version_is_refused_with_both_versions_named_and_left_as_it_is()
    {
        await using (await TestHost.StartAsync(_database.ConnectionString))
        {
        }

        Assert.Equal(["1"], Rows("PRAGMA user_version"));
        _database.Execute("PRAGMA user_version = 7;");

        var error = await Assert.ThrowsAsync<DurableStoreException>(() => TestHost.StartAsync(_database.ConnectionString));

        Assert.Contains("schema version 7, newer than this host knows (version 1)", error.Message);
        Assert.Equal(["7"], Rows("PRAGMA user_version"));
    }

    private string[] Rows(string sql)
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }

        return [.. rows];
    }
}
