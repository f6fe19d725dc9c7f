using SourceGenDurable.PostgreSql;
using SourceGenDurable.Tests.Kill;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// The server ends the sessions of two running hosts again and again (a flaky network, a pooler, an operator's
/// pg_terminate_backend): every cut fails the commits in flight, and ends the hosts' liveness locks, so each takes the
/// other for dead and takes its instances. The hosts reconnect by themselves and finish every instance, and no step that
/// committed runs again.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PostgresCutSessionsTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-pgcut-").FullName;
    private readonly PostgresTestSchema _schema = new();

    public void Dispose()
    {
        _schema.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [PostgresFact]
    public async Task Hosts_whose_sessions_are_cut_again_and_again_finish_every_instance_recording_each_step_once()
    {
        const int instances = 20, steps = 300, cuts = 25;
        // The hosts' sessions, and only theirs, are found by their application name: other tests share the server.
        var application = "sgd-cut-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = PostgresServer.WithApplicationName(_schema.ConnectionString, application);
        var runner = new CrashHostRunner(["--postgres", connectionString, _schema.Schema], Path.Combine(_folder, "effects.log"), KillScenarios.ChurnLease);
        var processes = Enumerable.Range(0, 2).Select(_ => runner.Start(hangBeforeStep: 0, $"tally:{instances}x{steps}")).ToList();
        try
        {
            // The cuts begin as the hosts start their instances: a start is a write like any other.
            var firstLines = await Task.WhenAll(processes.Select(p => p.StandardOutput.ReadLineAsync()));
            Assert.All(firstLines, line => Assert.StartsWith("started=", line));
            await File.WriteAllTextAsync(runner.EffectsPath + ".go", "");

            var ended = 0L;
            for (var cut = 0; cut < cuts; cut++)
            {
                ended += PostgresServer.EndSessions(application, waitUntilGone: false);
                await Task.Delay(Random.Shared.Next(100, 400));
            }

            foreach (var exited in processes.Where(p => p.HasExited))
            {
                await CrashHostRunner.SucceedsAsync(exited, "A host");
                Assert.Fail($"A host (pid {exited.Id}) finished before the cuts ended: the work is too short for the test.");
            }

            var doneBefore = runner.ReadMarks().Count;
            output.WriteLine($"{cuts} cuts ended {ended} sessions; {doneBefore} of {instances * steps} steps had run by the last.");
            Assert.True(doneBefore < instances * steps, "Every step had run before the cuts ended: the work is too short for the test.");
            Assert.True(ended >= cuts * 2, $"The cuts ended only {ended} sessions: the hosts' sessions were not found by their application name.");

            var outputs = await Task.WhenAll(processes.Select(p => CrashHostRunner.SucceedsAsync(p, "A host"))).WaitAsync(TimeSpan.FromMinutes(3));
            Assert.All(outputs, o => Assert.Contains($"finished={instances}", o));
            output.WriteLine(string.Join("; ", outputs.Select(o => o.Split('\n').Single(line => line.StartsWith("storeerrors=", StringComparison.Ordinal)).Trim())));

            // Each cut loses the runs whose commits it failed, and instances move between the hosts and back.
            var run = new TallyRun(instances, steps, runner.ReadMarks(), new Dictionary<int, DateTimeOffset>());
            output.WriteLine((await KillScenarios.VerifyAsync(run, o => o.UsePostgres(_schema.ConnectionString, s => s.Schema = _schema.Schema), strict: false)).ToString());
        }
        finally
        {
            CrashHostRunner.KillRemaining(processes);
            processes.ForEach(p => p.Dispose());
        }
    }
}
