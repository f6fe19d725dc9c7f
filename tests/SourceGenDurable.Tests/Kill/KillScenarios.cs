using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Client;
using SourceGenDurable.Hosting;

namespace SourceGenDurable.Tests.Kill;

/// <summary>
/// Kill scenarios that every store must pass the same way, run on CrashHost processes: each store's test class supplies
/// the runner (which names the store) and adds its own look at the stored rows.
/// </summary>
public static class KillScenarios
{
    /// <summary>
    /// The lease of the three processes of which one is killed again and again: short enough that a takeover would not
    /// wait long even if a store did not notice the death, long enough that no live process loses one under load (it is
    /// renewed every 3.3 s), so that an instance moves only from a killed process.
    /// </summary>
    public static readonly TimeSpan ChurnLease = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A host killed while it holds chain-1 in step 3, with the default 30 s lease; a new host started on the same store
    /// must run step 3 again at once, not when the dead host's lease expires. <paramref name="whileDead"/> runs between
    /// the kill and the new start, with the killed process's id.
    /// </summary>
    public static async Task<RestartTiming> RestartedHostResumesAtOnceAsync(CrashHostRunner runner, Func<int, Task>? whileDead = null)
    {
        int killed;
        using (var first = runner.Start(hangBeforeStep: 3, "chain", CrashHostRunner.DefaultLease))
        {
            await TestHost.EventuallyAsync(() => Task.FromResult(runner.ReadEffects().Contains("step3-started")), "step 3 starts in the child process");
            killed = first.Id;
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var killedAt = DateTimeOffset.UtcNow;
        if (whileDead is not null)
        {
            await whileDead(killed);
        }


        using var second = runner.Start(hangBeforeStep: 0, "chain", CrashHostRunner.DefaultLease);
        var resumedAt = await runner.WhenEffectAsync("step3");
        var output = await CrashHostRunner.SucceedsAsync(second, "The second run");
        Assert.Contains("result=261", output);

        // From the new host's start to the step that the dead process had begun: no wait for its lease.
        var timing = new RestartTiming(resumedAt - CrashHostRunner.StartedAt(output), resumedAt - killedAt);
        Assert.True(timing.FromStart < TimeSpan.FromSeconds(2), $"Step 3 ran again {timing.FromStart.TotalMilliseconds:0} ms after the new host started.");
        Assert.True(timing.FromKill < TimeSpan.FromSeconds(15), $"Step 3 ran again {timing.FromKill.TotalSeconds:0.0} s after the kill, with a 30 s lease.");
        Assert.Equal(["step1", "step2", "step3-started", "step3", "step4"], runner.ReadEffects());
        return timing;
    }

    /// <summary>
    /// Three processes share <paramref name="instances"/> tally instances of 25 steps, at most two at a time each (so
    /// that the work, 20 ms a step, lasts through the kills); the third is SIGKILLed <paramref name="kills"/> times,
    /// each time once it has recorded ten steps since it started, and started again at once.
    /// </summary>
    /// <remarks>Then checks the run against the store's histories (<see cref="TallyChecks"/>), strictly: an instance moves only from a killed process.</remarks>
    public static async Task<TallyReport> ThreeProcessesOneKilledAgainAndAgainAsync(CrashHostRunner runner, Action<DurableWorkflowOptions> useStore, int instances = 90, int kills = 3)
    {
        var run = await RunThreeProcessesOneKilledAgainAndAgainAsync(runner, instances, kills);
        var report = await VerifyAsync(run, useStore);
        Assert.Equal(kills, run.Killed.Count);
        return report;
    }

    private static async Task<TallyRun> RunThreeProcessesOneKilledAgainAndAgainAsync(CrashHostRunner runner, int instances, int kills)
    {
        const int steps = 25;
        var workflow = $"tally:{instances}x{steps}";
        (string, string)[] settings = [("SourceGenDurable__MaxConcurrentWorkflows", "2"), ("SourceGenDurable__LeaseDuration", ChurnLease.ToString())];
        var processes = new List<Process>();
        try
        {
            processes.AddRange(Enumerable.Range(0, 3).Select(_ => runner.Start(hangBeforeStep: 0, workflow, settings)));
            var firstLines = await Task.WhenAll(processes.Select(p => p.StandardOutput.ReadLineAsync()));
            Assert.All(firstLines, line => Assert.StartsWith("started=", line));
            await File.WriteAllTextAsync(runner.EffectsPath + ".go", "");

            var killed = new Dictionary<int, DateTimeOffset>();
            for (var kill = 1; kill <= kills; kill++)
            {
                var victim = processes[^1];
                await TestHost.EventuallyAsync(
                    () => Task.FromResult(victim.HasExited || runner.ReadMarks().Count(m => m.Pid == victim.Id) >= 10),
                    $"the process to kill (the {kill}. time) records ten steps");
                if (victim.HasExited)
                {
                    Assert.Fail($"The process to kill the {kill}. time ended first (exit code {victim.ExitCode}): the work is too short for {kills} kills.");
                }

                killed[victim.Id] = DateTimeOffset.UtcNow;
                victim.Kill(entireProcessTree: true);
                await victim.WaitForExitAsync();
                processes.Add(runner.Start(hangBeforeStep: 0, workflow, settings));
            }

            var live = new[] { processes[0], processes[1], processes[^1] };
            var outputs = await Task.WhenAll(live.Select(p => CrashHostRunner.SucceedsAsync(p, "A live process")));
            Assert.All(outputs, output => Assert.Contains($"finished={instances}", output));
            return new TallyRun(instances, steps, runner.ReadMarks(), killed);
        }
        finally
        {
            CrashHostRunner.KillRemaining(processes);
            processes.ForEach(p => p.Dispose());
        }
    }

    /// <summary>
    /// One process runs six tally instances of 1,000 steps alone (enough that it is still in the middle of each when the
    /// others have started, however fast the store is); two more join with the default 30 s lease and, once they have
    /// started, the first is SIGKILLed with every instance in flight. The two must take the instances over and finish
    /// them. Returns when both have printed that all instances finished.
    /// </summary>
    /// <remarks>
    /// Then checks the run against the store's histories (<see cref="TallyChecks"/>), strictly, and that a step of each
    /// instance ran in a survivor within <paramref name="bound"/> of the kill.
    /// </remarks>
    public static async Task<TallyReport> SurvivorsTakeOverFromAKilledProcessAsync(CrashHostRunner runner, Action<DurableWorkflowOptions> useStore, TimeSpan bound)
    {
        var run = await RunSurvivorsTakeOverFromAKilledProcessAsync(runner);
        var report = await VerifyAsync(run, useStore);
        Assert.Equal(run.Instances, report.Takeovers.Count);
        Assert.True(report.SlowestTakeover < bound, $"An instance of the killed process ran elsewhere {report.SlowestTakeover.TotalSeconds:0.0} s after the kill.");
        return report;
    }

    private static async Task<TallyRun> RunSurvivorsTakeOverFromAKilledProcessAsync(CrashHostRunner runner)
    {
        const int instances = 6, steps = 1_000;
        var workflow = $"tally:{instances}x{steps}";
        var processes = new List<Process>();
        try
        {
            await File.WriteAllTextAsync(runner.EffectsPath + ".go", "");
            var victim = runner.Start(hangBeforeStep: 0, workflow, CrashHostRunner.DefaultLease);
            processes.Add(victim);
            await TestHost.EventuallyAsync(
                () => Task.FromResult(victim.HasExited || runner.ReadMarks().Select(m => m.Instance).Distinct().Count() == instances),
                "the first process runs every instance");

            processes.AddRange(Enumerable.Range(0, 2).Select(_ => runner.Start(hangBeforeStep: 0, workflow, CrashHostRunner.DefaultLease)));
            var firstLines = await Task.WhenAll(processes.Skip(1).Select(p => p.StandardOutput.ReadLineAsync()));
            Assert.All(firstLines, line => Assert.StartsWith("started=", line));

            var killedAt = DateTimeOffset.UtcNow;
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync();
            var held = runner.ReadMarks().Where(m => m.Pid == victim.Id).GroupBy(m => m.Instance).Where(i => i.Max(m => m.Step) < steps).Count();
            Assert.True(held == instances, $"The killed process had finished {instances - held} of the {instances} instances: the work is too short for the test.");

            var outputs = await Task.WhenAll(processes.Skip(1).Select(p => CrashHostRunner.SucceedsAsync(p, "A surviving process")));
            Assert.All(outputs, output => Assert.Contains($"finished={instances}", output));
            return new TallyRun(instances, steps, runner.ReadMarks(), new Dictionary<int, DateTimeOffset> { [victim.Id] = killedAt });
        }
        finally
        {
            CrashHostRunner.KillRemaining(processes);
            processes.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Reads the run's step histories through the client of a host on the store, and checks the run against them (see <see cref="TallyChecks"/>).</summary>
    public static async Task<TallyReport> VerifyAsync(TallyRun run, Action<DurableWorkflowOptions> useStore, bool strict = true) =>
        TallyChecks.Verify(run, await ReadHistoriesAsync(useStore, run.Instances), strict);

    /// <summary>The committed steps of tally-0 to tally-(<paramref name="instances"/> - 1), read through the client of a host on the store.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<StepHistoryEntry>>> ReadHistoriesAsync(Action<DurableWorkflowOptions> useStore, int instances)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableWorkflows(useStore);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<IWorkflowClient>();
            var histories = new Dictionary<string, IReadOnlyList<StepHistoryEntry>>();
            foreach (var id in Enumerable.Range(0, instances).Select(i => $"tally-{i}"))
            {
                histories[id] = await client.GetHistoryAsync(id);
            }

            return histories;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}

/// <summary>How long after the new host's start, and after the kill, the killed host's step ran again.</summary>
public sealed record RestartTiming(TimeSpan FromStart, TimeSpan FromKill);

/// <summary>A tally run of <see cref="Instances"/> instances of <see cref="Steps"/> steps: what its processes wrote, and which of them were killed when.</summary>
public sealed record TallyRun(int Instances, int Steps, IReadOnlyList<Mark> Marks, IReadOnlyDictionary<int, DateTimeOffset> Killed);
