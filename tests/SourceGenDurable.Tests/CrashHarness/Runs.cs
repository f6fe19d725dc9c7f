using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>How a run ended, as a comparable line: <c>completed: json</c>, <c>completed: no result</c> or <c>failed: Type: message</c>.</summary>
public static class Outcome
{
    public static string Completed(string? resultJson) => resultJson is null ? "completed: no result" : $"completed: {resultJson}";

    public static string Failed(string type, string message) => $"failed: {type}: {message}";

    /// <summary>
    /// The outcome of a stored instance as a caller of <c>GetResultAsync&lt;T&gt;</c> sees it: the stored result is
    /// read back into T with the engine's options and written with <see cref="StepLog.Json"/>, the same way a
    /// direct run's result is written, so a value that does not survive the store shows as a difference.
    /// </summary>
    public static string Of(WorkflowInstance? instance, Type? resultType, JsonSerializerOptions engineJson)
    {
        if (instance is null)
        {
            return "missing: the instance is not in the store";
        }

        switch (instance.Status)
        {
            case WorkflowStatus.Failed:
                return instance.Error is null ? "failed: no error recorded" : Failed(instance.Error.Type, instance.Error.Message);
            case WorkflowStatus.Completed when resultType is null:
                return instance.Result is null ? Completed(null) : $"completed: no result expected, but {instance.Result} is stored";
            case WorkflowStatus.Completed when instance.Result is null:
                return "completed: no result stored";
            case WorkflowStatus.Completed:
                try
                {
                    var value = JsonSerializer.Deserialize(instance.Result, resultType, engineJson);
                    return Completed(JsonSerializer.Serialize(value, resultType, StepLog.Json));
                }
                catch (JsonException e)
                {
                    return $"completed: the stored result {instance.Result} does not read back as {resultType}: {e.Message}";
                }

            default:
                return $"running at state {instance.State}" + (instance.SetAsideReason is null ? "" : $", set aside: {instance.SetAsideReason}");
        }
    }
}

/// <summary>The reference: the original method run with an inline context.</summary>
public sealed record DirectRun(string Outcome, IReadOnlyList<LogEntry> Log, IReadOnlyList<string> ConventionErrors);

/// <summary>
/// Which simulated processes crash, and where. A plan is made for each process from the commits the processes before
/// it made and whether one of them crashed, so that "commit k" means the run's k-th commit even when a durable wait
/// ends a process early (the next process, woken, makes the later commits).
/// </summary>
public sealed record CrashScenario(string Label, string FileName, Func<int, bool, CrashPlan> PlanFor, int? ReRunCommit)
{
    public static CrashScenario NoCrash { get; } = new("no crash", "none", (_, _) => CrashPlan.Never, null);

    /// <summary>The crash mode every commit is tested with: the process dies right after each commit, again and again.</summary>
    public static CrashScenario AfterEveryCommit { get; } = new("crash after every commit", "every", (_, _) => new CrashPlan(1, null), null);

    /// <summary>The process that makes commit <paramref name="k"/> dies right after it; the next one runs to the end.</summary>
    public static CrashScenario AfterCommit(int k, int of) =>
        new($"crash after commit k={k} of {of}", $"after-{k}", (prior, crashed) => !crashed && prior < k ? new CrashPlan(k - prior, null) : CrashPlan.Never, null);

    /// <summary>
    /// The process that would make commit <paramref name="k"/> dies after its step ran but before the commit; the next
    /// one runs that step again (a step runs at least once) and goes on.
    /// </summary>
    public static CrashScenario BeforeCommit(int k, int of) =>
        new($"crash before commit k={k} of {of}", $"before-{k}", (prior, crashed) => !crashed && prior < k ? new CrashPlan(null, k - prior) : CrashPlan.Never, k);
}

/// <summary>What one durable run did, over all its simulated processes.</summary>
public sealed record DurableRun(
    CrashScenario Scenario,
    string Outcome,
    string? StoredResult,
    IReadOnlyList<LogEntry> Log,
    IReadOnlyList<CommitRecord> Commits,
    IReadOnlyList<StepRecord> Steps,
    int Processes,
    IReadOnlyList<string> Anomalies);
