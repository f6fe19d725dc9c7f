namespace SourceGenDurable.Storage;

/// <summary>
/// A failed attempt of a step, recorded before the step is retried or its exception reaches the workflow. The attempt
/// that succeeds is the step's <see cref="StepRecord"/> (its <see cref="StepRecord.Attempts"/> counts all of them); an
/// attempt cut short by a crash or a host stop is not recorded, and runs again under the same number.
/// </summary>
/// <param name="Sequence">The commit the step precedes (commits so far + 1), as <see cref="StepRecord.Sequence"/> once it succeeds.</param>
/// <param name="Ordinal">How many steps the run reached since its last commit before this one: a step whose exception
/// the workflow catches may be followed by another before any commit.</param>
/// <param name="Checkpoint">The step's checkpoint, checked on re-execution to catch non-deterministic code.</param>
/// <param name="StepName">The step name.</param>
/// <param name="Attempt">Which attempt, from 1.</param>
/// <param name="Error">The exception it ended with.</param>
/// <param name="StartedAt">When the attempt began.</param>
/// <param name="EndedAt">When it failed; the next attempt is due a retry delay after this.</param>
/// <param name="Final">No attempt follows: the attempts are used up or the exception is not retried, so it went to the workflow.</param>
public sealed record StepAttempt(
    int Sequence, int Ordinal, int Checkpoint, string StepName, int Attempt, WorkflowError Error, DateTimeOffset StartedAt, DateTimeOffset EndedAt, bool Final);

/// <summary>The result of a step run as a branch of a fan-out, recorded as soon as the step completed.</summary>
/// <param name="Sequence">The commit the fan-out precedes.</param>
/// <param name="FanOut">The fan-out's ordinal among those started since the last commit (one that failed and was caught makes none).</param>
/// <param name="Branch">The step's position in the fan-out.</param>
/// <param name="Checkpoint">The fan-out's checkpoint.</param>
/// <param name="Name">The step name.</param>
/// <param name="Result">The step's result as JSON; null for a step without one.</param>
/// <param name="Attempts">How many attempts it took.</param>
/// <param name="CompletedAt">When it completed.</param>
/// <param name="StartedAt">When the attempt that succeeded started.</param>
public sealed record BranchRecord(int Sequence, int FanOut, int Branch, int Checkpoint, string Name, string? Result, int Attempts, DateTimeOffset CompletedAt, DateTimeOffset? StartedAt = null);
