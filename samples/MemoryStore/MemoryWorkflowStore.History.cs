using SourceGenDurable;
using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>
/// What a run records besides its checkpoints (failed step attempts, fan-out branches as they complete) and the history
/// read back: steps, attempts, branches, events, progress.
/// </summary>
public sealed partial class MemoryWorkflowStore
{
    /// <inheritdoc />
    public Task RecordStepAttemptAsync(string id, StepAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RecordAtCommitAsync(
            id,
            attempt.Sequence,
            $"attempt {attempt.Attempt} of step '{attempt.StepName}'",
            () =>
            {
                var attempts = MemoryDatabase.RowsOf(_database.Attempts, id);
                if (attempts.Exists(a => (a.Sequence, a.Ordinal, a.Attempt) == (attempt.Sequence, attempt.Ordinal, attempt.Attempt)))
                {
                    throw new InvalidOperationException($"Attempt {attempt.Attempt} of step '{attempt.StepName}' of instance '{id}' is recorded already.");
                }

                attempts.Add(attempt with { StartedAt = Stored(attempt.StartedAt), EndedAt = Stored(attempt.EndedAt) });
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordBranchAsync(string id, BranchRecord branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return RecordAtCommitAsync(
            id,
            branch.Sequence,
            $"the result of step '{branch.Name}' (branch {branch.Branch})",
            () =>
            {
                // Recording a branch twice (a re-execution that ran it again before its record was read) keeps the first.
                var branches = MemoryDatabase.RowsOf(_database.Branches, id);
                if (!branches.Exists(b => (b.Sequence, b.FanOut, b.Branch) == (branch.Sequence, branch.FanOut, branch.Branch)))
                {
                    branches.Add(branch with { CompletedAt = Stored(branch.CompletedAt), StartedAt = Stored(branch.StartedAt) });
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<StepRecord>>(() => MemoryDatabase.CopyOf(_database.Steps, id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<EventRecord>>(() => MemoryDatabase.CopyOf(_database.Events, id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<StepAttempt>>(
            () => [.. MemoryDatabase.CopyOf(_database.Attempts, id).OrderBy(a => a.Sequence).ThenBy(a => a.Ordinal).ThenBy(a => a.Attempt)],
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StepAttempt>> GetStepAttemptsAsync(string id, int sequence, int ordinal, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<StepAttempt>>(
            () => [.. MemoryDatabase.CopyOf(_database.Attempts, id).Where(a => a.Sequence == sequence && a.Ordinal == ordinal).OrderBy(a => a.Attempt)],
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BranchRecord>> GetBranchesAsync(string id, int? sequence, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<BranchRecord>>(
            () => [.. MemoryDatabase.CopyOf(_database.Branches, id)
                .Where(b => sequence is null || b.Sequence == sequence)
                .OrderBy(b => b.Sequence).ThenBy(b => b.FanOut).ThenBy(b => b.Branch)],
            cancellationToken);

    /// <inheritdoc />
    public Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return _database.RunAsync(
            () =>
            {
                var last = MemoryDatabase.CopyOf(_database.Steps, instance.Id).LastOrDefault();

                // Failed attempts are recorded before the commit they precede; once it is made they belong to the history.
                var failing = MemoryDatabase.CopyOf(_database.Attempts, instance.Id)
                    .Where(a => a.Sequence == instance.Commits + 1)
                    .MaxBy(a => a.Attempt);
                return new StepProgress(last?.Name, last?.CompletedAt, failing?.StepName, failing is null ? 0 : failing.Attempt + 1);
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="record"/> when the instance is running at the commit it precedes under this worker's lease;
    /// otherwise throws the refusal, naming the record with <paramref name="what"/>.
    /// </summary>
    private Task<bool> RecordAtCommitAsync(string id, int commit, string what, Action record, CancellationToken cancellationToken) =>
        _database.RunAsync(
            () =>
            {
                if (!IsRunningAt(Instances.GetValueOrDefault(id), commit))
                {
                    throw StoreConventions.RefusedAtCommit(id, commit, WorkerId, what);
                }

                record();
                return true;
            },
            cancellationToken);
}
