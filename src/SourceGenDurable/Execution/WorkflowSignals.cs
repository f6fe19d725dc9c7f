using System.Collections.Concurrent;

namespace SourceGenDurable.Execution;

/// <summary>
/// In-process wake-ups: the client pokes the worker when it starts an instance, and the executor wakes whoever
/// waits for an instance to finish. Polling the store covers other processes.
/// </summary>
internal sealed class WorkflowSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finished = new(StringComparer.Ordinal);
    private TaskCompletionSource _started = NewSource();

    public void NotifyStarted() => Interlocked.Exchange(ref _started, NewSource()).TrySetResult();

    public Task WhenStarted => Volatile.Read(ref _started).Task;

    /// <summary>A task that completes when <paramref name="id"/> finishes in this process. Take it before reading the store.</summary>
    public Task WhenFinished(string id) => _finished.GetOrAdd(id, _ => NewSource()).Task;

    public void NotifyFinished(string id)
    {
        if (_finished.TryRemove(id, out var source))
        {
            source.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
