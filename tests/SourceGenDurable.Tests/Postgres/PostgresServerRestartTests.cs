using System.Diagnostics;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Tests.Kill;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>The PostgreSQL server restarts under running hosts: they reconnect by themselves, and nothing is lost or recorded twice.</summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PostgresServerRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-pgrestart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [OwnPostgresFact]
    public async Task Hosts_whose_server_restarts_in_the_middle_of_a_run_reconnect_and_finish_every_instance_recording_each_step_once()
    {
        const int instances = 20, steps = 150;
        const string schema = "sgd_restart";
        await using var server = await OwnPostgresServer.StartAsync();
        output.WriteLine($"The test's own server: {server.ConnectionString}");
        var runner = new CrashHostRunner(["--postgres", server.ConnectionString, schema], Path.Combine(_folder, "effects.log"), KillScenarios.ChurnLease);
        await File.WriteAllTextAsync(runner.EffectsPath + ".go", "");
        var processes = Enumerable.Range(0, 2).Select(_ => runner.Start(hangBeforeStep: 0, $"tally:{instances}x{steps}")).ToList();
        try
        {
            await TestHost.EventuallyAsync(
                () => Task.FromResult(processes.Any(p => p.HasExited) || runner.ReadMarks().Select(m => m.Instance).Distinct().Count() == instances),
                "the two hosts run every instance");
            foreach (var ended in processes.Where(p => p.HasExited))
            {
                await CrashHostRunner.SucceedsAsync(ended, "A host");
                Assert.Fail($"A host (pid {ended.Id}) finished before the server restarted: the work is too short for the test.");
            }

            // A fast shutdown ends every session at once, in the middle of commits; the hosts see the server gone for a second.
            var stopping = Stopwatch.StartNew();
            await server.StopAsync();
            var stoppedAt = DateTimeOffset.UtcNow;
            var doneBefore = runner.ReadMarks().Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
            await server.StartAgainAsync();
            var restartedAt = DateTimeOffset.UtcNow;
            output.WriteLine($"The server was stopped {stopping.Elapsed.TotalSeconds:0.0} s after the stop began, with {doneBefore} of {instances * steps} steps run; it was up again {(restartedAt - stoppedAt).TotalSeconds:0.0} s later.");
            Assert.True(doneBefore < instances * steps, "Every step had run before the server stopped: the work is too short for the test.");

            var outputs = await Task.WhenAll(processes.Select(p => CrashHostRunner.SucceedsAsync(p, "A host"))).WaitAsync(TimeSpan.FromMinutes(3));
            Assert.All(outputs, o => Assert.Contains($"finished={instances}", o));
            output.WriteLine(string.Join("; ", outputs.Select(o => o.Split('\n').Single(line => line.StartsWith("storeerrors=", StringComparison.Ordinal)).Trim())));

            var marks = runner.ReadMarks();
            var resumed = marks.Where(m => m.At >= restartedAt.ToUnixTimeMilliseconds()).Select(m => m.At).DefaultIfEmpty().Min();
            Assert.True(resumed > 0, "No step ran after the server came back.");
            output.WriteLine($"The first step after the restart ran {resumed - restartedAt.ToUnixTimeMilliseconds()} ms after the server was up again.");

            // A host's session reconnects with a backoff of at most 5 s (docs/postgres.md), then its worker resumes at once.
            Assert.True(resumed - restartedAt.ToUnixTimeMilliseconds() < 15_000, $"The hosts resumed {resumed - restartedAt.ToUnixTimeMilliseconds()} ms after the server was up again.");

            // Live processes may lose their runs here (a commit cut off by the shutdown), so an instance may move between them.
            var run = new TallyRun(instances, steps, marks, new Dictionary<int, DateTimeOffset>());
            output.WriteLine((await KillScenarios.VerifyAsync(run, o => o.UsePostgres(server.ConnectionString, s => s.Schema = schema), strict: false)).ToString());
        }
        finally
        {
            CrashHostRunner.KillRemaining(processes);
            processes.ForEach(p => p.Dispose());
        }
    }
}
