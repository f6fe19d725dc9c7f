namespace SourceGenDurable;

/// <summary>Where an instance is among its steps.</summary>
/// <param name="LastCompletedStep">The step whose result the last commit recorded; null before the first.</param>
/// <param name="LastCompletedAt">When it completed.</param>
/// <param name="RetryingStep">
/// The step that has failed since the last commit and is being retried (or waits for its retry delay); null when none
/// has failed. A first attempt in progress is not recorded anywhere (that would cost a write per step), so it is not shown.
/// </param>
/// <param name="Attempt">The attempt <see cref="RetryingStep"/> is on: its failed attempts plus one; 0 when none failed.</param>
public sealed record StepProgress(string? LastCompletedStep, DateTimeOffset? LastCompletedAt, string? RetryingStep, int Attempt);
