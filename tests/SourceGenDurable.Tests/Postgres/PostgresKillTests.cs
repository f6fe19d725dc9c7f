using Microsoft.Extensions.Logging.Abstractions;
using SourceGenDurable.Hosting;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Tests.Kill;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// SIGKILLs real host processes that share a PostgreSQL schema: every instance finishes, every step is recorded once,
/// no committed step runs again, two processes never run one instance at once, and a killed process's instances are
/// taken over as soon as its death is seen (its session's advisory lock is gone), not when its lease expires.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PostgresKillTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-pgkill-").FullName;
    private readonly CrashHostRunner _runner;
    private readonly ITestOutputHelper _output;

    public PostgresKillTests(ITestOutputHelper output)
    {
        _output = output;
        _runner = new CrashHostRunner(["--postgres", _schema.ConnectionString, _schema.Schema], Path.Combine(_folder, "effects.log"), KillScenarios.ChurnLease);
    }

    public void Dispose()
    {
        _schema.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [PostgresFact]
    public async Task Three_processes_one_of_them_killed_again_and_again_finish_every_instance_and_no_committed_step_runs_twice()
    {
        var report = await KillScenarios.ThreeProcessesOneKilledAgainAndAgainAsync(_runner, UseSchema);
        _output.WriteLine(report.ToString());
    }

    [PostgresFact]
    public async Task The_instances_of_a_killed_process_are_taken_over_by_the_live_ones_long_before_its_30_s_lease_expires()
    {
        var report = await KillScenarios.SurvivorsTakeOverFromAKilledProcessAsync(_runner, UseSchema, bound: TimeSpan.FromSeconds(5));
        _output.WriteLine(report.ToString());
    }

    [PostgresFact]
    public async Task A_host_restarted_after_a_kill_resumes_the_instance_its_dead_predecessor_held_at_once_not_when_the_30_s_lease_expires()
    {
        var timing = await KillScenarios.RestartedHostResumesAtOnceAsync(_runner, whileDead: async killed =>
        {
            // The dead process's lease is still stored, and runs for most of its 30 s: the new host must not wait for it.
            await using var store = new PostgresWorkflowStore(
                new PostgresStoreOptions { ConnectionString = _schema.ConnectionString, Schema = _schema.Schema },
                TimeProvider.System,
                "kill-test-reader",
                NullLogger<PostgresWorkflowStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);
            var instance = (await store.GetAsync("chain-1", CancellationToken.None))!;
            Assert.Contains($"-{killed}-", instance.LeaseOwner);
            Assert.True(instance.LeaseExpiresAt - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(25), $"The dead process's lease ends at {instance.LeaseExpiresAt:O}.");
        });
        _output.WriteLine($"Step 3 ran again {timing.FromStart.TotalMilliseconds:0} ms after the new host started, {timing.FromKill.TotalMilliseconds:0} ms after the kill.");
    }

    private void UseSchema(DurableWorkflowOptions options) => options.UsePostgres(_schema.ConnectionString, s => s.Schema = _schema.Schema);
}
