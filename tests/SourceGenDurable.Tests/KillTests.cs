using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SourceGenDurable.Hosting;
using SourceGenDurable.Tests.Kill;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests;

/// <summary>Kills a real host process with SIGKILL between checkpoints and checks that a new process finishes the work.</summary>
/// <remarks>Most tests use a short lease; the ones that show a dead process's leases are not waited out use the default 30 s.</remarks>
[Collection(ChildProcessCollection.Name)]
public sealed class KillTests : IDisposable
{
    /// <summary>Short, so that a process started after a kill does not wait long for the dead one's lease.</summary>
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    /// <summary>The default lease, which a restarted process must not wait out.</summary>
    private static readonly (string, string) DefaultLease = CrashHostRunner.DefaultLease;

    private readonly TempDatabase _database;
    private readonly string _effects;
    private readonly CrashHostRunner _runner;
    private readonly ITestOutputHelper _output;

    public KillTests(ITestOutputHelper output)
    {
        _database = new TempDatabase();
        _effects = Path.Combine(_database.Folder, "effects.log");
        _runner = new CrashHostRunner([_database.Path], _effects, ShortLease);
        _output = output;
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_host_killed_after_the_second_step_committed_resumes_there_without_running_a_committed_step_again()
    {
        // First run: step 3 announces itself and hangs. Steps 1 and 2 have committed by then.
        using (var first = StartCrashHost(hangBeforeStep: 3))
        {
            await TestHost.EventuallyAsync(() => Task.FromResult(ReadEffects().Contains("step3-started")), "step 3 starts in the child process");
            Assert.Equal(1L, QueryScalar("SELECT state FROM workflow_instances WHERE id = 'chain-1'"));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.Equal(0L, QueryScalar("SELECT status FROM workflow_instances WHERE id = 'chain-1'"));

        // Second run: the worker resumes the instance at checkpoint 1, and starting the same id starts nothing new.
        using var second = StartCrashHost(hangBeforeStep: 0);
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.True(second.ExitCode == 0, $"The second run failed: {output}{await second.StandardError.ReadToEndAsync()}");

        // seed 10: a = 11, b = 22, c = 25, d = 250, result = 261.
        Assert.Contains("result=261", output);
        Assert.Equal(["step1", "step2", "step3-started", "step3", "step4"], ReadEffects());
        Assert.Equal(1L, QueryScalar("SELECT status FROM workflow_instances WHERE id = 'chain-1'"));
        Assert.Equal("261", QueryScalar("SELECT result FROM workflow_instances WHERE id = 'chain-1'"));
        Assert.Equal(4L, QueryScalar("SELECT COUNT(*) FROM workflow_steps JOIN workflow_instances ON key = instance_key WHERE id = 'chain-1'"));
        Assert.Equal(4L, QueryScalar("SELECT COUNT(DISTINCT sequence) FROM workflow_steps JOIN workflow_instances ON key = instance_key WHERE id = 'chain-1'"));
        Assert.Equal(4L, QueryScalar("SELECT COUNT(DISTINCT checkpoint) FROM workflow_steps JOIN workflow_instances ON key = instance_key WHERE id = 'chain-1'"));
        Assert.Equal(1L, QueryScalar("SELECT COUNT(*) FROM workflow_instances"));
    }

    [Fact]
    public async Task A_host_restarted_after_a_kill_resumes_the_instance_its_dead_predecessor_held_at_once_not_when_the_30_s_lease_expires()
    {
        var timing = await KillScenarios.RestartedHostResumesAtOnceAsync(_runner, whileDead: killed =>
        {
            Assert.Contains($"-{killed}-", (string)QueryScalar("SELECT lease_owner FROM workflow_instances WHERE id = 'chain-1'")!);
            var held = (long)QueryScalar("SELECT lease_expires_at FROM workflow_instances WHERE id = 'chain-1'")!;
            Assert.True(DateTimeOffset.FromUnixTimeMilliseconds(held) - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(25), "The dead process's lease runs for most of its 30 s.");
            return Task.CompletedTask;
        });
        _output.WriteLine($"Step 3 ran again {timing.FromStart.TotalMilliseconds:0} ms after the new host started, {timing.FromKill.TotalMilliseconds:0} ms after the kill.");

        // The dead process's lock file is gone; the second's was deleted when it stopped.
        Assert.Empty(Directory.GetFiles(_database.Path + ".workers", "*.lock"));
    }

    [Fact]
    public async Task Two_live_processes_on_one_database_never_run_one_instance_and_each_step_runs_once()
    {
        // Four slots each, so that each process leaves most of its starts to whoever is free. The poll is fast (each
        // process looks for dead owners many times while the other holds leases), the lease the default: one that
        // expired under load could move an instance legitimately, so none may move at all here.
        (string, string)[] settings = [("SourceGenDurable__MaxConcurrentWorkflows", "4"), DefaultLease];
        using var a = StartCrashHost(hangBeforeStep: 0, "tally", settings);
        using var b = StartCrashHost(hangBeforeStep: 0, "tally", settings);
        var firstLines = await Task.WhenAll(a.StandardOutput.ReadLineAsync(), b.StandardOutput.ReadLineAsync());
        Assert.All(firstLines, line => Assert.StartsWith("started=", line));
        await File.WriteAllTextAsync(_effects + ".go", "");
        var outputs = await Task.WhenAll(a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync());
        await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, $"A process failed: {string.Join("\n", outputs)}");
        Assert.All(outputs, output => Assert.Contains("finished=40", output));

        var marks = ReadEffects().Select(line => line.Split(' ')).ToList();
        Assert.Equal(200, marks.Count);
        Assert.All(marks.GroupBy(mark => (mark[0], mark[1])), step => Assert.Single(step));
        var pids = new[] { $"pid{a.Id}", $"pid{b.Id}" };
        Assert.All(marks, mark => Assert.Contains(mark[2], pids));
        Assert.Equal(2, marks.Select(mark => mark[2]).Distinct().Count());

        // An instance moves to another process only when its owner's lease expires, or its owner dies: neither happened.
        Assert.All(marks.GroupBy(mark => mark[0]), instance => Assert.Single(instance.Select(mark => mark[2]).Distinct()));
    }

    [Fact]
    public async Task Three_processes_one_of_them_killed_again_and_again_finish_every_instance_and_no_committed_step_runs_twice()
    {
        // Three processes on one SQLite file run fewer steps a second than on PostgreSQL: fewer instances last through the kills.
        var report = await KillScenarios.ThreeProcessesOneKilledAgainAndAgainAsync(_runner, o => o.UseSqlite(_database.ConnectionString), instances: 60);
        _output.WriteLine(report.ToString());
    }

    [Fact]
    public async Task The_instances_of_a_killed_process_are_taken_over_by_the_live_ones_long_before_its_30_s_lease_expires()
    {
        var report = await KillScenarios.SurvivorsTakeOverFromAKilledProcessAsync(_runner, o => o.UseSqlite(_database.ConnectionString), bound: TimeSpan.FromSeconds(5));
        _output.WriteLine(report.ToString());
    }

    [Fact]
    public async Task A_host_killed_in_the_middle_of_a_fan_out_runs_only_the_step_that_had_not_completed_again()
    {
        // Steps 1 to 3 run concurrently; step 2 announces itself and hangs, while steps 1 and 3 complete and are recorded.
        using (var first = StartCrashHost(hangBeforeStep: 2, workflow: "fan"))
        {
            await TestHost.EventuallyAsync(
                () => Task.FromResult(ReadEffects().Contains("step2-started") && (long)QueryScalar("SELECT COUNT(*) FROM workflow_branches WHERE instance_id = 'fan-1'")! == 2),
                "steps 1 and 3 are recorded while step 2 hangs in the child process");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.Equal(0L, QueryScalar("SELECT commits FROM workflow_instances WHERE id = 'fan-1'"));

        using var second = StartCrashHost(hangBeforeStep: 0, workflow: "fan");
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.True(second.ExitCode == 0, $"The second run failed: {output}{await second.StandardError.ReadToEndAsync()}");

        // seed 10: 11 + 12 + 13 = 36.
        Assert.Contains("result=36", output);
        var effects = ReadEffects();
        Assert.Equal(1, effects.Count(e => e == "step1"));
        Assert.Equal(1, effects.Count(e => e == "step3"));
        Assert.Equal(["step2-started", "step2", "step4"], effects.Where(e => e.StartsWith("step2", StringComparison.Ordinal) || e == "step4"));
        Assert.Equal(3L, QueryScalar("SELECT COUNT(*) FROM workflow_branches WHERE instance_id = 'fan-1'"));
    }

    [Fact]
    public async Task A_host_killed_while_a_workflow_sleeps_leaves_it_sleeping_and_a_new_process_wakes_it_when_due()
    {
        using (var first = StartCrashHost(hangBeforeStep: 0, "nap"))
        {
            await TestHost.EventuallyAsync(() => Task.FromResult(ReadEffects().Length == 1 && QueryScalar("SELECT status FROM workflow_instances WHERE id = 'nap-1'") is 4L), "the instance sleeps in the child process");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.NotNull(QueryScalar("SELECT wake_at FROM workflow_instances WHERE id = 'nap-1'"));
        Assert.Equal(["step1"], ReadEffects());

        using var second = StartCrashHost(hangBeforeStep: 0, "nap");
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.True(second.ExitCode == 0, $"The second run failed: {output}{await second.StandardError.ReadToEndAsync()}");

        // seconds 3: a = 4, result = 5; the sleep ended no earlier than 3 seconds after it began.
        Assert.Contains("result=5", output);
        Assert.Equal(["step1", "step2"], ReadEffects());
        Assert.Equal(1L, QueryScalar("SELECT status FROM workflow_instances WHERE id = 'nap-1'"));
        Assert.Equal(0L, QueryScalar("SELECT COUNT(*) FROM workflow_waits"));
    }

    [Fact]
    public async Task Two_processes_share_a_database_the_lease_holder_alone_runs_the_instance_and_when_killed_the_other_resumes_it()
    {
        using var holder = StartCrashHost(hangBeforeStep: 3);
        await TestHost.EventuallyAsync(() => Task.FromResult(ReadEffects().Contains("step3-started")), "step 3 starts in the first process");
        using var other = StartCrashHost(hangBeforeStep: 0, "join");
        try
        {
            await BothLiveThenKillTheHolderAsync(holder, other);
        }
        finally
        {
            // A failed assertion must not leave hosts running on the database.
            foreach (var process in new[] { holder, other }.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private async Task BothLiveThenKillTheHolderAsync(Process holder, Process other)
    {
        // Both live for three lease durations: the holder renews its lease, and the other process leaves the instance alone.
        await Task.Delay(3 * ShortLease);
        Assert.False(other.HasExited, "The second process ended while the first one held the lease.");
        Assert.Equal(["step1", "step2", "step3-started"], ReadEffects());
        Assert.Contains($"-{holder.Id}-", (string)QueryScalar("SELECT lease_owner FROM workflow_instances WHERE id = 'chain-1'")!);

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        var killedAt = Stopwatch.StartNew();

        var output = await other.StandardOutput.ReadToEndAsync();
        await other.WaitForExitAsync();
        Assert.True(other.ExitCode == 0, $"The second process failed: {output}{await other.StandardError.ReadToEndAsync()}");
        Assert.Contains("result=261", output);
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(20), $"The instance was resumed {killedAt.Elapsed} after the kill; the lease lasts {ShortLease}.");

        // Step 3 ran again (it never committed); steps 1 and 2 did not.
        Assert.Equal(["step1", "step2", "step3-started", "step3", "step4"], ReadEffects());
        Assert.Equal(4L, QueryScalar("SELECT COUNT(DISTINCT sequence) FROM workflow_steps JOIN workflow_instances ON key = instance_key WHERE id = 'chain-1'"));
        Assert.Equal(DBNull.Value, QueryScalar("SELECT lease_owner FROM workflow_instances WHERE id = 'chain-1'"));
    }

    [Fact]
    public async Task A_step_that_kills_its_process_is_set_aside_after_the_allowed_starts_and_runs_again_once_resumed()
    {
        // Each process takes the instance once its predecessor's lease expired, and dies in the fatal step; until a
        // process finds it started twice without a new checkpoint and sets it aside instead of dying too.
        var processes = new List<(int ExitCode, string Output)>();
        while (processes.Count < 8 && !processes.Any(p => p.Output.Contains("setaside=", StringComparison.Ordinal)))
        {
            using var process = StartCrashHost(hangBeforeStep: 0, "doom", ("SourceGenDurable__MaxStartsWithoutProgress", "2"));
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            processes.Add((process.ExitCode, output));
        }

        // The first run commits step 1 and dies in step 2; two more die in step 2; the fourth sets it aside.
        Assert.Equal([137, 137, 137, 0], processes.Select(p => p.ExitCode));
        Assert.Contains("status=Running", processes[^1].Output);
        Assert.Contains("was started 2 times at checkpoint 0 and no run reached a new checkpoint", processes[^1].Output);
        Assert.Equal(["step1"], ReadEffects());
        Assert.Equal(1L, QueryScalar("SELECT poisoned FROM workflow_instances WHERE id = 'doom-1'"));

        // Fixed, resumed: it runs from checkpoint 0, and step 1 does not run again.
        await File.WriteAllTextAsync(_effects + ".fixed", "");
        using var resumed = StartCrashHost(hangBeforeStep: 0, "resume-doom");
        var result = await resumed.StandardOutput.ReadToEndAsync();
        await resumed.WaitForExitAsync();
        Assert.True(resumed.ExitCode == 0, $"The resuming process failed: {result}{await resumed.StandardError.ReadToEndAsync()}");
        Assert.Contains("setaside=doom-1", result);
        Assert.Contains("resumed=True", result);
        Assert.Contains("result=22", result);
        Assert.Equal(["step1", "step2"], ReadEffects());
    }

    private Process StartCrashHost(int hangBeforeStep, string workflow = "chain", params (string Name, string Value)[] environment) =>
        _runner.Start(hangBeforeStep, workflow, environment);

    private string[] ReadEffects() => _runner.ReadEffects();

    private object? QueryScalar(string sql)
    {
        using var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
