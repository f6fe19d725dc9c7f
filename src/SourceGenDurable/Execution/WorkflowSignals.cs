using System.Collections.Concurrent;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>
/// In-process wake-ups: the client pokes the worker when it starts an instance, raises an event or cancels one; a
/// cancellation reaches the run of that instance in this process; and the executor wakes whoever waits for an
/// instance to finish, handing over how it ended. Polling the store covers other processes.
/// </summary>
internal sealed class WorkflowSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkflowOutcome?>> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _cancellationHandlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _runningHere = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _handedOver = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StartedInstance> _started = new();
    private Action<string>? _resumedHandler;
    private TaskCompletionSource _work = NewSource();
    private int _lookRequested = 1;
    private int _runsHere; // _runningHere's count, kept apart: ConcurrentDictionary.Count takes every lock, at every start
    private int _leasedStartsWaiting;
    private int _workerCapacity;
    private CancellationTokenSource _liveness = new();
    private volatile bool _livenessLost;

    /// <summary>At most this many started instances wait to be handed to the worker; beyond, it finds them in the store.</summary>
    private const int MaxStartedWaiting = 10_000;

    /// <summary>Something may have become runnable or due (woken, cancelled, or a run ended): the worker looks through the store.</summary>
    public void NotifyWork()
    {
        Volatile.Write(ref _lookRequested, 1);
        Wake();
    }

    /// <summary>
    /// Cancelled when this host's liveness is lost (<see cref="IWorkflowStoreLiveness"/>): a run takes it before it takes
    /// its lease, and stops when it fires, since another host may run its instance from then on.
    /// </summary>
    public CancellationToken Liveness => Volatile.Read(ref _liveness).Token;

    /// <summary>Whether this host's liveness is lost: its worker starts no run until it is back.</summary>
    public bool IsLivenessLost => _livenessLost;

    /// <summary>The store reports this host's liveness lost or back: the runs under the old liveness stop, and no instance is started leased meanwhile.</summary>
    public void NotifyLiveness(bool alive)
    {
        _livenessLost = !alive;
        if (!alive)
        {
            // A run that takes the token from now on holds a lease the store gave after the loss, or none.
            Interlocked.Exchange(ref _liveness, new CancellationTokenSource()).Cancel();
        }
        else
        {
            NotifyWork();
        }
    }

    /// <summary>The worker in this process runs instances from now on, at most <paramref name="maxRuns"/> at once.</summary>
    public void NotifyWorkerRunning(int maxRuns) => Volatile.Write(ref _workerCapacity, maxRuns);

    /// <summary>The worker in this process stops: instances started from now on are left in the store.</summary>
    public void NotifyWorkerStopping() => Volatile.Write(ref _workerCapacity, 0);

    /// <summary>
    /// Whether an instance about to be started in this process may be created already leased to this process's worker
    /// (an eager start, as Temporal calls it): only while the worker runs, has a free slot for it and has not lost its
    /// liveness, so that it takes the instance at once. Saves the worker a write and a round trip to the store. When
    /// true, the caller either hands the created instance over with <see cref="NotifyStarted"/>, with
    /// <paramref name="liveness"/>, or calls <see cref="ReleaseLeasedStart"/>. <paramref name="liveness"/> is the
    /// liveness the lease is given under: when it is lost before the run takes the instance, so may be the lease.
    /// </summary>
    public bool TryReserveLeasedStart(out CancellationToken liveness)
    {
        // Read before the check: a loss after it cancels this token, and a loss before it is seen by the check.
        liveness = Liveness;
        while (true)
        {
            var waiting = Volatile.Read(ref _leasedStartsWaiting);
            if (_livenessLost || Volatile.Read(ref _runsHere) + waiting >= Volatile.Read(ref _workerCapacity))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _leasedStartsWaiting, waiting + 1, waiting) == waiting)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// A reserved leased start waits no more: the worker has its instance among its runs (or has let it go), or the
    /// start was not made (the instance existed already, or the write failed).
    /// </summary>
    public void ReleaseLeasedStart() => Interlocked.Decrement(ref _leasedStartsWaiting);

    /// <summary>
    /// Whether an instance created leased to this process's worker is not among its runs yet: it is invisible to a look
    /// through the store for runnable instances meanwhile, as any leased instance is.
    /// </summary>
    public bool HasLeasedStartsWaiting => Volatile.Read(ref _leasedStartsWaiting) > 0;

    /// <summary>
    /// <paramref name="instance"/> was started in this process: the worker runs it without looking through the store
    /// (which it still does at its poll interval, for instances started elsewhere). An instance created leased to this
    /// worker is always handed over, with the liveness its reservation was made under; the store holds others when no
    /// worker takes them.
    /// </summary>
    public void NotifyStarted(WorkflowInstance instance, CancellationToken leaseLiveness = default)
    {
        if (instance.LeaseOwner is null && _started.Count >= MaxStartedWaiting)
        {
            // No worker is taking them (its host is not started): the store keeps them for when one is.
            NotifyWork();
            return;
        }

        // Before it is queued, so that the worker's letting go of it always comes after.
        _handedOver[instance.Id] = true;
        _started.Enqueue(new StartedInstance(instance, leaseLiveness));
        Wake();
    }

    /// <summary>
    /// Whether <paramref name="id"/> was handed to this process's worker, which is running and has not let it go: it
    /// runs the instance (once a slot is free) and signals how the run ended, so a waiter need not read the store.
    /// </summary>
    public bool IsHandedOver(string id) => Volatile.Read(ref _workerCapacity) > 0 && _handedOver.ContainsKey(id);

    /// <summary>
    /// The worker is done with <paramref name="id"/>: its run here ended, or it did not run it (it ran it already, declined
    /// it, another process held it, or the worker stopped first). Whoever waits for it reads the store now.
    /// </summary>
    public void NotifyLetGo(string id)
    {
        if (_handedOver.TryRemove(id, out _))
        {
            NotifyFinished(id, null);
        }
    }

    /// <summary>Completes at the next <see cref="NotifyWork"/> or <see cref="NotifyStarted"/>. Take it before reading the store.</summary>
    public Task WhenWork => Volatile.Read(ref _work).Task;

    /// <summary>Whether a look through the store was asked for since the last call; the request is taken.</summary>
    public bool TakeLookRequest() => Interlocked.Exchange(ref _lookRequested, 0) == 1;

    /// <summary>
    /// The next instance started in this process and not yet handed to the worker. One created leased to the worker
    /// stays reserved until the worker calls <see cref="ReleaseLeasedStart"/>.
    /// </summary>
    public bool TryTakeStarted(out StartedInstance started) => _started.TryDequeue(out started);

    private void Wake() => Interlocked.Exchange(ref _work, NewSource()).TrySetResult();

    /// <summary>
    /// A task that completes when <paramref name="id"/> finishes in this process, with how it ended (durable by then), or
    /// with null when a run of it here ends in any other way (it suspends, stops or loses its lease), after which the
    /// store says where it is. Take it before reading the store.
    /// </summary>
    public Task<WorkflowOutcome?> WhenFinished(string id) => _finished.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Whether this process holds <paramref name="id"/>'s lease and runs it: its end is signalled here, with no need to poll.</summary>
    public bool IsRunningHere(string id) => _runningHere.ContainsKey(id);

    /// <summary>This process took <paramref name="id"/>'s lease and runs it.</summary>
    public void NotifyRunStarted(string id)
    {
        if (_runningHere.TryAdd(id, true))
        {
            Interlocked.Increment(ref _runsHere);
        }
    }

    /// <summary>The run of <paramref name="id"/> in this process ended: whoever still waits for the instance reads the store.</summary>
    public void NotifyRunEnded(string id)
    {
        if (_runningHere.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _runsHere);
        }

        NotifyFinished(id, null);
    }

    /// <summary>
    /// Wakes whoever waits for <paramref name="id"/>. <paramref name="outcome"/> is how it ended, once the write of its end
    /// is durable: the waiters need not read the store for it. Null when it left memory without ending (set aside): they
    /// read the store.
    /// </summary>
    public void NotifyFinished(string id, WorkflowOutcome? outcome)
    {
        if (_finished.TryRemove(id, out var source))
        {
            source.TrySetResult(outcome);
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

    /// <summary>Calls <paramref name="handler"/> with the id of every set-aside instance resumed in this process.</summary>
    public void OnResumed(Action<string> handler) => _resumedHandler = handler;

    /// <summary>
    /// A set-aside instance was resumed in this process: the worker here takes it again even if it declined it before (its
    /// record or the cause may have been fixed), and looks through the store.
    /// </summary>
    public void NotifyResumed(string id)
    {
        _resumedHandler?.Invoke(id);
        NotifyWork();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>
/// An instance started in this process, as its start created it. One created leased to this process's worker carries
/// <see cref="LeaseLiveness"/>, the host's liveness when the lease was given: once that is lost, another host may have
/// ended the lease and taken the instance, and the run must take the lease from the store like any other.
/// </summary>
internal readonly record struct StartedInstance(WorkflowInstance Instance, CancellationToken LeaseLiveness)
{
    public bool IsLeased => Instance.LeaseOwner is not null;
}
