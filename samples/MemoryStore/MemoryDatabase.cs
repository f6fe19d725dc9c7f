using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>
/// What a <see cref="MemoryWorkflowStore"/> keeps, shared by every store (every worker) opened on it: the tables a
/// database store has, as collections, behind one gate that makes each store call one transaction.
/// </summary>
/// <remarks>
/// Nothing survives the process: this is the store contract's reference, and a store for tests, never for production.
/// </remarks>
public sealed class MemoryDatabase
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal Dictionary<string, WorkflowInstance> Instances { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<StepRecord>> Steps { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<BranchRecord>> Branches { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<StepAttempt>> Attempts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each instance's inbox, in raise order.</summary>
    internal Dictionary<string, List<EventRecord>> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Each instance's wait records, by the commit they precede and their ordinal.</summary>
    internal Dictionary<string, Dictionary<(int Commit, int Ordinal), RecordedWait>> Waits { get; } = new(StringComparer.Ordinal);

    /// <summary>The last event sequence given: events are numbered across the whole database, as a database's identity column numbers them.</summary>
    internal long LastEventSequence { get; set; }

    /// <summary>Runs <paramref name="transaction"/> alone: no other store call sees the database until it returns.</summary>
    internal async Task<T> RunAsync<T>(Func<T> transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return transaction();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{T}, CancellationToken)"/>
    internal async Task<T> RunAsync<T>(Func<ValueTask<T>> transaction, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await transaction().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The rows of <paramref name="table"/> for <paramref name="id"/>, made when it has none.</summary>
    internal static TRows RowsOf<TRows>(Dictionary<string, TRows> table, string id)
        where TRows : new()
    {
        if (!table.TryGetValue(id, out var rows))
        {
            table[id] = rows = new();
        }

        return rows;
    }

    /// <summary>A copy of the rows of <paramref name="table"/> for <paramref name="id"/>, for a caller to keep.</summary>
    internal static List<T> CopyOf<T>(Dictionary<string, List<T>> table, string id) => table.TryGetValue(id, out var rows) ? [.. rows] : [];
}
