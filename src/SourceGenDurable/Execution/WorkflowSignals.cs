using System.Collections.Concurrent;

namespace SourceGenDurable.Execution;

/// <summary>
/// In-process wake-ups: the client pokes the worker when it starts an instance, raises an event or cancels one; a
/// cancellation reaches the run of that instance in this process; and the executor wakes whoever waits for an
/// instance to finish. Polling the store covers other processes.
/// </summary>
internal sealed class WorkflowSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _cancellationHandlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _runningHere = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _started = new();
    private TaskCompletionSource _work = NewSource();
    private int _lookRequested = 1;

    /// <summary>At most this many started instances wait to be handed to the worker; beyond, it finds them in the store.</summary>
    private const int MaxStartedWaiting = 10_000;

    /// <summary>Something may have become runnable or due (woken, cancelled, or a run ended): the worker looks through the store.</summary>
    public void NotifyWork()
    {
        Volatile.Write(ref _lookRequested, 1);
        Wake();
    }

    /// <summary>
    /// <paramref name="id"/> was started in this process: the worker runs it without looking through the store (which
    /// it still does at its poll interval, for instances started elsewhere).
    /// </summary>
    public void NotifyStarted(string id)
    {
        if (_started.Count >= MaxStartedWaiting)
        {
            // No worker is taking them (its host is not started): the store keeps them for when one is.
            NotifyWork();
            return;
        }

        _started.Enqueue(id);
        Wake();
    }

    /// <summary>Completes at the next <see cref="NotifyWork"/> or <see cref="NotifyStarted"/>. Take it before reading the store.</summary>
    public Task WhenWork => Volatile.Read(ref _work).Task;

    /// <summary>Whether a look through the store was asked for since the last call; the request is taken.</summary>
    public bool TakeLookRequest() => Interlocked.Exchange(ref _lookRequested, 0) == 1;

    /// <summary>The next instance started in this process and not yet handed to the worker.</summary>
    public bool TryTakeStarted([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? id) => _started.TryDequeue(out id);

    private void Wake() => Interlocked.Exchange(ref _work, NewSource()).TrySetResult();

    /// <summary>
    /// A task that completes when <paramref name="id"/> finishes in this process, or a run of it here ends in any other
    /// way (it suspends, stops or loses its lease). Take it before reading the store.
    /// </summary>
    public Task WhenFinished(string id) => _finished.GetOrAdd(id, _ => NewSource()).Task;

    /// <summary>Whether this process holds <paramref name="id"/>'s lease and runs it: its end is signalled here, with no need to poll.</summary>
    public bool IsRunningHere(string id) => _runningHere.ContainsKey(id);

    /// <summary>This process took <paramref name="id"/>'s lease and runs it.</summary>
    public void NotifyRunStarted(string id) => _runningHere[id] = true;

    /// <summary>The run of <paramref name="id"/> in this process ended: whoever waits for the instance reads the store again.</summary>
    public void NotifyRunEnded(string id)
    {
        _runningHere.TryRemove(id, out _);
        NotifyFinished(id);
    }

    public void NotifyFinished(string id)
    {
        if (_finished.TryRemove(id, out var source))
        {
            source.TrySetResult();
        }
    }

    /// <summary>Calls <paramref name="handler"/> when cancellation of <paramref name="id"/> is requested in this process, until disposed.</summary>
    public IDisposable OnCancelRequested(string id, Action handler)
    {
        _cancellationHandlers[id] = handler;
        return new Registration(() => _cancellationHandlers.TryRemove(new KeyValuePair<string, Action>(id, handler)));
    }

    public void NotifyCancelRequested(string id)
    {
        if (_cancellationHandlers.TryGetValue(id, out var handler))
        {
            handler();
        }

        NotifyWork();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
