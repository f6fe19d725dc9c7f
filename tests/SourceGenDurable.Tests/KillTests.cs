using System.Diagnostics;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Tests;

/// <summary>Kills a real host process with SIGKILL between checkpoints and checks that a new process finishes the work.</summary>
public sealed class KillTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _effects;

    public KillTests()
    {
        _effects = Path.Combine(_database.Folder, "effects.log");
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
        Assert.Equal(4L, QueryScalar("SELECT COUNT(*) FROM workflow_steps WHERE instance_id = 'chain-1'"));
        Assert.Equal(4L, QueryScalar("SELECT COUNT(DISTINCT sequence) FROM workflow_steps WHERE instance_id = 'chain-1'"));
        Assert.Equal(4L, QueryScalar("SELECT COUNT(DISTINCT checkpoint) FROM workflow_steps WHERE instance_id = 'chain-1'"));
        Assert.Equal(1L, QueryScalar("SELECT COUNT(*) FROM workflow_instances"));
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

    private Process StartCrashHost(int hangBeforeStep, string workflow = "chain")
    {
        var hostPath = typeof(KillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHostPath").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostPath));
        start.ArgumentList.Add(_database.Path);
        start.ArgumentList.Add(_effects);
        start.ArgumentList.Add(hangBeforeStep.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(workflow);
        return Process.Start(start)!;
    }

    private string[] ReadEffects() => File.Exists(_effects) ? File.ReadAllLines(_effects) : [];

    private object? QueryScalar(string sql)
    {
        using var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
