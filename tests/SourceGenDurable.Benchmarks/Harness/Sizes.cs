namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>
/// How big each scenario is. The full sizes are the ones the performance goals name; quick mode shrinks them so that
/// the whole suite finishes in under two minutes, to show in CI that every scenario still runs.
/// </summary>
internal sealed record Sizes(
    int Repeats,
    int RawSingleRowCommits,
    int RawBatchedRows,
    int SequentialSteps,
    int LongChainSteps,
    int[] PerStepWindows,
    int[] ResumeHistories,
    int ResumeRepeats,
    int ConcurrentWorkflows,
    int ThroughputWarmUps,
    int ThroughputRepeats,
    int StartLatencySamples,
    int[] DurableTaskChains,
    int DurableTaskOrchestrations,
    int DurableTaskOrchestrationsCapLifted,
    int HangfireChains,
    int HangfirePostgresChains,
    int IdleInstances,
    int SameSecondTimers,
    TimeSpan TimerLead,
    int CompilerRepeats,
    int RecoveryInstances,
    int RecoveryRepeats,
    int StartupRuns)
{
    public const int StepsPerConcurrentWorkflow = 10;

    public static Sizes Full { get; } = new(
        Repeats: 5,
        RawSingleRowCommits: 2_000,
        RawBatchedRows: 100_000,
        SequentialSteps: 1_000,
        LongChainSteps: 100_000,
        PerStepWindows: [10, 1_000, 10_000, 100_000],
        ResumeHistories: [10, 100_000],
        ResumeRepeats: 15,
        ConcurrentWorkflows: 1_000,
        // 200,000 steps: a process of the throwaway profiling harness reached its steady rate only after 10-20 repeats
        // (its tiered JIT still promotes code while each new host brings new code to compile).
        ThroughputWarmUps: 20,
        // A repeat takes well under a second, and the goals compare two of these medians: more repeats steady them.
        ThroughputRepeats: 15,
        StartLatencySamples: 200,
        DurableTaskChains: [10, 100, 1_000, 3_000],
        DurableTaskOrchestrations: 20,
        // The orientation figure for the cap-lifted host; goal 3 compares against it at ConcurrentWorkflows.
        DurableTaskOrchestrationsCapLifted: 200,
        HangfireChains: 200,
        // Hangfire on PostgreSQL completes a few jobs a second here (see the note in PostgresRuns): 300 take a minute.
        HangfirePostgresChains: 30,
        IdleInstances: 100_000,
        SameSecondTimers: 10_000,
        TimerLead: TimeSpan.FromSeconds(60),
        CompilerRepeats: 5,
        RecoveryInstances: 10_000,
        RecoveryRepeats: 3,
        StartupRuns: 11);

    public static Sizes Quick { get; } = new(
        Repeats: 3,
        RawSingleRowCommits: 300,
        RawBatchedRows: 10_000,
        SequentialSteps: 200,
        LongChainSteps: 2_000,
        PerStepWindows: [10, 1_000, 2_000],
        ResumeHistories: [10, 2_000],
        ResumeRepeats: 3,
        ConcurrentWorkflows: 100,
        ThroughputWarmUps: 1,
        ThroughputRepeats: 3,
        StartLatencySamples: 30,
        DurableTaskChains: [10, 100],
        DurableTaskOrchestrations: 2,
        DurableTaskOrchestrationsCapLifted: 20,
        HangfireChains: 5,
        HangfirePostgresChains: 5,
        IdleInstances: 1_000,
        SameSecondTimers: 500,
        TimerLead: TimeSpan.FromSeconds(5),
        CompilerRepeats: 2,
        RecoveryInstances: 1_000,
        RecoveryRepeats: 1,
        StartupRuns: 3);
}
