using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SourceGenDurable.Client;
using SourceGenDurable.Execution;
using SourceGenDurable.Hosting;
using SourceGenDurable.Storage;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Corpus;
using Xunit.Abstractions;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Runs one corpus case with one input directly (the reference), then durably: once without a crash, once for
/// every k with the first process dying right after its k-th commit, once dying after every commit, and once for
/// every k with the first process dying after step k ran but before its commit. Every durable run must end as
/// the direct run did and show the recorder the same steps.
/// </summary>
public static class CrashHarnessRunner
{
    public const string InstanceId = "corpus-instance";

    private const int MaxProcesses = 500;

    private static readonly JsonSerializerOptions EngineJson = WorkflowSerializerOptions.CreateDefault().Options;

    /// <summary>
    /// A row of a harness theory: runs corpus case <paramref name="case"/> with its input <paramref name="input"/> on a
    /// new <typeparamref name="TStore"/>, fails with the report unless every durable run matched, and writes the report.
    /// </summary>
    public static async Task AssertPassesAsync<TStore>(string @case, string input, ITestOutputHelper output)
        where TStore : HarnessStore, new()
    {
        var corpusCase = CorpusCase.Get(@case);
        using var store = new TStore();
        var report = await RunAsync(corpusCase, corpusCase.GetInput(input), store);

        Assert.True(report.Passed, report.Describe());
        output.WriteLine(report.Describe());
    }

    /// <summary>
    /// Runs the case on <paramref name="store"/>, each durable run on a fresh database of its own. A case that runs
    /// longer than <see cref="RowTimeout"/> fails: a lowering that loops forever fails its row instead of holding the
    /// whole test run until CI gives up on it.
    /// </summary>
    public static async Task<HarnessReport> RunAsync(CorpusCase corpusCase, CorpusInput input, HarnessStore store)
    {
        ArgumentNullException.ThrowIfNull(store);

        // On a thread of its own: a loop that never awaits would otherwise never hand the timeout its turn.
        var run = Task.Run(() => RunAllAsync(corpusCase, input, store));
        try
        {
            return await run.WaitAsync(RowTimeout);
        }
        catch (TimeoutException)
        {
            var report = new HarnessReport(corpusCase, input);
            report.Fail("the whole case", $"The direct run and the durable runs did not end within {RowTimeout.TotalMinutes} minutes: one of them loops forever or hangs.", null, null);
            return report;
        }
    }

    /// <summary>How long one case with one input may run: ten times the longest seen, a random case on PostgreSQL.</summary>
    public static TimeSpan RowTimeout { get; } = TimeSpan.FromMinutes(10);

    private static async Task<HarnessReport> RunAllAsync(CorpusCase corpusCase, CorpusInput input, HarnessStore store)
    {
        var clock = Stopwatch.StartNew();
        var report = new HarnessReport(corpusCase, input);
        var direct = await RunDirectAsync(corpusCase, input);
        report.Direct = direct;
        if (direct.ConventionErrors.Count > 0)
        {
            report.Fail("the direct run", "The case breaks the recorder convention:\n  " + string.Join("\n  ", direct.ConventionErrors), null, null);
            return report;
        }

        var baseline = await RunDurableAsync(corpusCase, input, CrashScenario.NoCrash, store);
        report.Check(baseline, null);
        var commits = baseline.Commits.Count;
        report.CommitsWithoutCrash = commits;
        for (var k = 1; k <= commits; k++)
        {
            report.Check(await RunDurableAsync(corpusCase, input, CrashScenario.AfterCommit(k, commits), store), baseline);
        }

        report.Check(await RunDurableAsync(corpusCase, input, CrashScenario.AfterEveryCommit, store), baseline);
        for (var k = 1; k <= commits; k++)
        {
            report.Check(await RunDurableAsync(corpusCase, input, CrashScenario.BeforeCommit(k, commits), store), baseline);
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>Calls the user's original method on a fresh instance with an inline context.</summary>
    public static async Task<DirectRun> RunDirectAsync(CorpusCase corpusCase, CorpusInput input)
    {
        var log = new StepLog(corpusCase.StepAttempts);
        var services = new ServiceCollection();
        services.AddSingleton(log);
        CorpusServices.AddTo(services);
        await using var provider = services.BuildServiceProvider();
        var workflow = ActivatorUtilities.CreateInstance(provider, corpusCase.Type);
        using var inputs = JsonDocument.Parse(input.Json);
        var arguments = new object?[corpusCase.Parameters.Count + 1];
        arguments[0] = new InlineWorkflowContext(InstanceId, ScriptedEvents.For(corpusCase.Method), log);
        for (var i = 0; i < corpusCase.Parameters.Count; i++)
        {
            var parameter = corpusCase.Parameters[i];
            arguments[i + 1] = inputs.RootElement.GetProperty(parameter.Name!).Deserialize(parameter.ParameterType, EngineJson);
        }

        // An async method puts its exceptions in its task, so Invoke itself only fails on a harness mistake.
        var task = (Task)corpusCase.Method.Invoke(workflow, arguments)!;
        string outcome;
        try
        {
            await task;
            if (corpusCase.ResultType is null)
            {
                outcome = Outcome.Completed(null);
            }
            else
            {
                var result = typeof(Task<>).MakeGenericType(corpusCase.ResultType).GetProperty(nameof(Task<int>.Result))!.GetValue(task);
                outcome = Outcome.Completed(JsonSerializer.Serialize(result, corpusCase.ResultType, StepLog.Json));
            }
        }
        catch (Exception e)
        {
            outcome = Outcome.Failed(e.GetType().FullName ?? e.GetType().Name, e.Message);
        }

        return new DirectRun(outcome, log.Entries, log.ConventionErrors);
    }

    /// <summary>
    /// Starts the workflow through the client, untyped, then runs it without the hosted worker, one simulated
    /// process after another (a new service provider and store on the same fresh database each time) until it is
    /// completed or failed.
    /// </summary>
    public static async Task<DurableRun> RunDurableAsync(CorpusCase corpusCase, CorpusInput input, CrashScenario scenario, HarnessStore harnessStore)
    {
        using var database = harnessStore.CreateDatabase(scenario);
        var log = new StepLog();
        var commits = new List<CommitRecord>();
        var anomalies = new List<string>();
        var processes = 0;
        var crashed = false;
        var clock = new ManualClock(InlineWorkflowContext.Start);
        var leaseDuration = new DurableWorkflowOptions().LeaseDuration;
        var events = ScriptedEvents.For(corpusCase.Method);
        while (true)
        {
            processes++;
            if (processes > MaxProcesses)
            {
                anomalies.Add($"The instance did not finish within {MaxProcesses} processes.");
                break;
            }

            var plan = scenario.PlanFor(commits.Count, crashed);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddLogging();
            services.AddSingleton(log);
            CorpusServices.AddTo(services);
            services.AddDurableWorkflows(database.Configure);
            services.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(sp => new CrashingWorkflowStore(
                database.Open(sp),
                plan,
                (state, checkpoint) => commits.Add(new CommitRecord(state, checkpoint, log.Count)))));

            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            var store = (CrashingWorkflowStore)provider.GetRequiredService<IWorkflowStore>();
            log.IsProcessDead = () => store.IsDead;
            await store.InitializeAsync(CancellationToken.None);
            if (processes == 1)
            {
                using var inputs = JsonDocument.Parse(input.Json);
                var handle = await provider.GetRequiredService<IWorkflowClient>().StartWorkflowAsync(corpusCase.WorkflowName, inputs.RootElement, InstanceId);
                if (!handle.Created)
                {
                    anomalies.Add($"Starting '{InstanceId}' found an existing instance in a fresh database.");
                    break;
                }
            }

            Exception? escaped = null;
            try
            {
                await provider.GetRequiredService<WorkflowExecutor>().RunAsync(InstanceId, CancellationToken.None);
            }
            catch (Exception e)
            {
                escaped = e;
            }

            if (store.IsDead)
            {
                if (escaped is not SimulatedCrashException)
                {
                    anomalies.Add($"Process {processes} crashed, but RunAsync ended with {(escaped is null ? "a normal return" : escaped.GetType().FullName + ": " + escaped.Message)}: something swallowed the crash.");
                }

                // The process is gone: its provider is disposed (and its store with it), and the next one starts on
                // the same database once the dead process's lease has expired.
                crashed = true;
                clock.AdvanceTo(clock.GetUtcNow() + leaseDuration);
                continue;
            }

            if (escaped is not null)
            {
                anomalies.Add($"Process {processes}: RunAsync threw {escaped}");
                break;
            }

            var instance = await store.GetAsync(InstanceId, CancellationToken.None);
            if (await WakeAsync(instance, provider, store, clock, events) is { } stuck)
            {
                anomalies.Add($"Process {processes} did not crash, yet RunAsync returned with the instance {Outcome.Of(instance, corpusCase.ResultType, EngineJson)}{stuck}.");
                break;
            }

            if (instance is { Status: WorkflowStatus.Completed or WorkflowStatus.Failed })
            {
                break;
            }
        }

        // The log could not tell where a step ran (see StepLog, Fan-outs).
        anomalies.AddRange(log.ConventionErrors);
        // The observer only reads (no initialization: it takes no lease and holds no worker session).
        var observer = database.Open(null);
        WorkflowInstance? final;
        IReadOnlyList<StepRecord> steps;
        try
        {
            final = await observer.GetAsync(InstanceId, CancellationToken.None);
            steps = await observer.GetStepsAsync(InstanceId, CancellationToken.None);
        }
        finally
        {
            if (observer is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        return new DurableRun(
            scenario,
            Outcome.Of(final, corpusCase.ResultType, EngineJson),
            final?.Result,
            log.Entries,
            commits,
            steps,
            processes,
            anomalies);
    }

    /// <summary>
    /// What the world does for a suspended instance: the clock moves to a sleeping instance's due time, and a waiting
    /// instance gets the next scripted event of its name, or, when the script has none left, its timeout. Returns why
    /// the instance cannot go on, or null.
    /// </summary>
    private static async Task<string?> WakeAsync(WorkflowInstance? instance, IServiceProvider provider, IWorkflowStore store, ManualClock clock, ScriptedEvents events)
    {
        switch (instance)
        {
            case { Status: WorkflowStatus.Completed or WorkflowStatus.Failed }:
                return null;
            case { Status: WorkflowStatus.WaitingForEvent, AwaitedEvent: { } name } when events.TakeNext(name) is { } json:
                using (var payload = JsonDocument.Parse(json))
                {
                    await provider.GetRequiredService<IWorkflowClient>().RaiseEventAsync(InstanceId, name, payload.RootElement);
                }

                return null;
            case { Status: WorkflowStatus.Sleeping or WorkflowStatus.WaitingForEvent, WakeAt: { } due }:
                clock.AdvanceTo(due);
                await store.WakeDueAsync(clock.GetUtcNow(), CancellationToken.None);
                return null;
            default:
                return ", which nothing can wake (a wait with no timeout and no scripted event left)";
        }
    }
}
