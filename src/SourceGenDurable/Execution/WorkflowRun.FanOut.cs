using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Execution;

/// <summary>
/// Fan-out and fan-in: <c>ctx.WhenAll</c> and <c>ctx.WhenAny</c>, one checkpoint over several durable operations.
/// </summary>
/// <remarks>
/// The generated code hands the operations over unstarted; each is started with its branch set in an
/// <see cref="AsyncLocal{T}"/>, so the operation knows its position however its continuations interleave. A branch is
/// identified by that position, never by when it completes: its step attempts, its waits and its child's id are keyed
/// by it. A step branch's result is recorded as soon as it completes, so a re-execution (after a crash or a
/// suspension) returns it without running the step again. A wait branch that cannot resolve yet is pending: once every
/// branch is done or pending, the instance is saved as waiting for any of the pending waits and leaves memory.
/// </remarks>
public sealed partial class WorkflowRun
{
    private static readonly AsyncLocal<Branch?> BranchOfFlow = new();

    /// <summary>The fan-out branch the current operation runs as; null outside a fan-out.</summary>
    private Branch? CurrentBranch => BranchOfFlow.Value is { } branch && branch.FanOut.Run == this ? branch : null;

    /// <summary>Runs <paramref name="operations"/> as one fan-out and returns their results in order.</summary>
    public Task<T[]> WhenAllAsync<T>(int checkpoint, params Func<Task<T>>[] operations) =>
        WhenAllAsync(checkpoint, operations.Select(start => start()));

    /// <summary>As <see cref="WhenAllAsync{T}(int, Func{Task{T}}[])"/>; <paramref name="operations"/> starts each operation as it is enumerated.</summary>
    public async Task<T[]> WhenAllAsync<T>(int checkpoint, IEnumerable<Task<T>> operations)
    {
        var branches = await RunFanOutAsync(checkpoint, operations, any: false).ConfigureAwait(false);
        return branches.Select(branch => ((Task<T>)branch.Operation!).Result).ToArray();
    }

    /// <summary>Runs <paramref name="operations"/> (of any result types) as one fan-out and waits for all of them.</summary>
    public Task WhenAllAsync(int checkpoint, params Func<Task>[] operations) =>
        RunFanOutAsync(checkpoint, operations.Select(start => start()), any: false);

    /// <summary>Runs <paramref name="operations"/> as one fan-out until the first of them ends; the others are dropped.</summary>
    public async Task<WhenAnyResult> WhenAnyAsync(int checkpoint, params Func<Task>[] operations)
    {
        var branches = await RunFanOutAsync(checkpoint, operations.Select(start => start()), any: true).ConfigureAwait(false);
        var winner = branches.Single(branch => branch.Won);
        return new WhenAnyResult(winner.Index, winner.Result is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null);
    }

    /// <summary>The ordinal of the next durable wait: since the last commit, or within the current branch.</summary>
    private int NextWaitOrdinal() => CurrentBranch is { } branch ? BranchOrdinal(branch, ++branch.Waits) : _waitsSinceCommit++;

    /// <summary>
    /// The ordinal of a branch's step (<paramref name="position"/> 0) or of its n-th wait: by the fan-out's ordinal
    /// since the last commit (a fan-out that failed and was caught makes no commit, so the next one counts on), the
    /// branch's position and the wait's. Negative, so that it never meets the ordinals of the operations that ended
    /// without a commit before the fan-out (a step or a timeout caught).
    /// </summary>
    private static int BranchOrdinal(Branch branch, int position)
    {
        if (position >= MaxWaitsPerBranch)
        {
            throw new InvalidOperationException(
                $"Operation {branch.Index} of a fan-out reached {MaxWaitsPerBranch} durable waits (retry delays); a fan-out's operation can have at most {MaxWaitsPerBranch - 1}.");
        }

        return -1 - (branch.FanOut.Ordinal * MaxBranches * MaxWaitsPerBranch) - (branch.Index * MaxWaitsPerBranch) - position;
    }

    private const int MaxWaitsPerBranch = 1024;

    /// <summary>The most operations one fan-out runs: ordinals are 32-bit, shared by fan-outs, branches and waits.</summary>
    private const int MaxBranches = 16_384;

    /// <summary>The most fan-outs that may fail and be caught before the next commit.</summary>
    private const int MaxFanOutsPerCommit = 100;

    /// <summary>A wait received <paramref name="received"/>: the next commit consumes it (a fan-out's, if its branch counts).</summary>
    private void Received(EventRecord received, string? result)
    {
        if (CurrentBranch is { } branch)
        {
            branch.Result = result;
            branch.ConsumedEvent = received.Sequence;
            return;
        }

        _pendingEvents.Add(received.Sequence);
    }

    private async Task<IReadOnlyList<Branch>> RunFanOutAsync(int checkpoint, IEnumerable<Task> operations, bool any)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var sequence = _commits + 1;
        if (_fanOutsSinceCommit >= MaxFanOutsPerCommit)
        {
            throw new InvalidOperationException(
                $"Workflow '{InstanceId}' started {MaxFanOutsPerCommit} fan-outs without a commit between them (each failed and was caught). Put a step between retries of a fan-out.");
        }

        using var fanOut = new FanOut(this, _fanOutsSinceCommit++, _cancelTold);
        try
        {
            ThrowIfCancelled();

            // Only the first commit after loading can have recorded branches: a suspension or a crash ends the run.
            var recorded = _commits == _loadedCommits
                ? (await WriteAsync(() => _store.GetBranchesAsync(InstanceId, sequence, CancellationToken)).ConfigureAwait(false))
                    .Where(b => b.FanOut == fanOut.Ordinal)
                    .ToDictionary(b => b.Branch)
                : [];
            try
            {
                using var enumerator = operations.GetEnumerator();
                while (true)
                {
                    if (fanOut.Branches.Count == MaxBranches)
                    {
                        throw new ArgumentException($"A fan-out runs at most {MaxBranches} operations; the one at checkpoint {checkpoint} has more. Split it.", nameof(operations));
                    }

                    var branch = new Branch(fanOut, fanOut.Branches.Count, recorded.GetValueOrDefault(fanOut.Branches.Count));
                    if (branch.Recorded is { } record && record.Checkpoint != checkpoint)
                    {
                        throw new InvalidOperationException(
                            $"Instance '{InstanceId}' re-executed from its last checkpoint and reached a fan-out at checkpoint {checkpoint}, where it first " +
                            $"reached one at checkpoint {record.Checkpoint}. The code between checkpoints must be deterministic.");
                    }

                    // Set for the operation's synchronous start; its continuations keep it, the fan-out's do not.
                    BranchOfFlow.Value = branch;
                    try
                    {
                        if (!enumerator.MoveNext())
                        {
                            break;
                        }

                        branch.Operation = enumerator.Current ?? throw new ArgumentException($"Operation {branch.Index} of the fan-out at checkpoint {checkpoint} is null.", nameof(operations));
                        branch.Result ??= branch.Recorded?.Result;
                    }
                    finally
                    {
                        BranchOfFlow.Value = null;
                    }

                    fanOut.Branches.Add(branch);
                }
            }
            catch when (fanOut.Branches.Count > 0)
            {
                // Building the operations failed part way (a Select whose source throws): the ones started are stopped
                // and waited for, so nothing of this fan-out runs on after it.
                await fanOut.AbandonAsync().ConfigureAwait(false);
                throw;
            }

            await fanOut.SettleAsync(any).ConfigureAwait(false);
            foreach (var branch in fanOut.Branches.Where(b => !any || b.Won))
            {
                if (branch.ConsumedEvent is { } consumed)
                {
                    _pendingEvents.Add(consumed);
                }
            }

            return fanOut.Branches;
        }
        catch (WorkflowCancelledException)
        {
            // The children this fan-out started (in this run or before a suspension) work for nobody any more.
            foreach (var child in await WriteAsync(() => _store.RequestChildrenCancellationAsync(InstanceId, _abort)).ConfigureAwait(false))
            {
                _signals?.NotifyCancelRequested(child);
            }

            throw;
        }
    }

    /// <summary>One operation of a fan-out, by its position.</summary>
    private sealed class Branch(FanOut fanOut, int index, BranchRecord? recorded)
    {
        public FanOut FanOut { get; } = fanOut;

        public int Index { get; } = index;

        /// <summary>The step result a previous run recorded: the step does not run again.</summary>
        public BranchRecord? Recorded { get; } = recorded;

        public Task? Operation { get; set; }

        /// <summary>How many durable waits this branch has reached (retry delays, the wait itself).</summary>
        public int Waits { get; set; }

        /// <summary>The result as JSON, for <see cref="WhenAnyResult"/>.</summary>
        public string? Result { get; set; }

        public long? ConsumedEvent { get; set; }

        /// <summary>The child workflow this branch started, if it is a child workflow call.</summary>
        public string? ChildId { get; set; }

        /// <summary>The wait this branch is pending on; null while it runs or once it has ended.</summary>
        public WaitRequest? Pending { get; set; }

        /// <summary>When the pending wait is due (a timer) or times out (an event); null for an event without a timeout.</summary>
        public DateTimeOffset? PendingDue { get; set; }

        public bool Won { get; set; }
    }

    /// <summary>The state of one fan-out while it runs.</summary>
    private sealed class FanOut(WorkflowRun run, int ordinal, bool startedAfterCancellationTold) : IDisposable
    {
        private readonly object _gate = new();
        private readonly CancellationTokenSource _losers = new();
        private readonly List<CancellationTokenSource> _stepTokens = [];
        private TaskCompletionSource _changed = NewSource();
        private TaskCompletionSource _lookAgain = NewSource();

        public WorkflowRun Run { get; } = run;

        /// <summary>How many fan-outs this run started before this one since its last commit.</summary>
        public int Ordinal { get; } = ordinal;

        public List<Branch> Branches { get; } = [];

        /// <summary>A <c>WhenAny</c> has its winner: the other branches are being dropped.</summary>
        public bool Decided { get; private set; }

        /// <summary>The workflow's cancellation reached this fan-out (not compensation that runs after it was told).</summary>
        public bool CancelledDuring(bool cancelRequested) => cancelRequested && !startedAfterCancellationTold;

        /// <summary>A step attempt's token: also cancelled when the step loses a <c>WhenAny</c>.</summary>
        public CancellationToken StepToken(CancellationToken token)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(token, _losers.Token);
            lock (_gate)
            {
                _stepTokens.Add(linked);
            }

            return linked.Token;
        }

        /// <summary>Called by a branch whose wait cannot resolve yet; completes when the fan-out wants it to look again.</summary>
        public Task PendingAsync(Branch branch, WaitRequest wait, DateTimeOffset? due)
        {
            lock (_gate)
            {
                if (Decided)
                {
                    // A WhenAny loser that reached its wait after the winner: it ends without waiting.
                    return Task.FromCanceled(new CancellationToken(canceled: true));
                }

                branch.Pending = wait;
                branch.PendingDue = due;
                var lookAgain = _lookAgain.Task;
                _changed.TrySetResult();
                return WaitThenRunAsync(branch, lookAgain);
            }
        }

        private static async Task WaitThenRunAsync(Branch branch, Task lookAgain)
        {
            await lookAgain.ConfigureAwait(false);
            branch.Pending = null;
        }

        /// <summary>
        /// Waits until every branch has ended (<c>WhenAll</c>) or one has (<c>WhenAny</c>), suspending the instance
        /// when all that is left are pending waits. Throws the first failure in branch order, after the others ended.
        /// </summary>
        public async Task SettleAsync(bool any)
        {
            while (true)
            {
                Task changed;
                List<Branch> running;
                lock (_gate)
                {
                    // A change seen now is consumed: the next branch to become pending signals a new one.
                    if (_changed.Task.IsCompleted)
                    {
                        _changed = NewSource();
                    }

                    changed = _changed.Task;
                    running = Branches.Where(b => !b.Operation!.IsCompleted && b.Pending is null).ToList();
                }

                if (any && Branches.FirstOrDefault(b => b.Operation!.IsCompleted) is { } first)
                {
                    await DropOthersAsync(first).ConfigureAwait(false);
                    await first.Operation!.ConfigureAwait(false);
                    return;
                }

                if (running.Count > 0)
                {
                    await WaitForRunningAsync(running, changed, any).ConfigureAwait(false);
                    continue;
                }

                var pending = Branches.Where(b => b.Pending is not null).ToList();
                if (pending.Count == 0 || Branches.Any(b => b.Operation!.IsFaulted || b.Operation.IsCanceled))
                {
                    // All ended, or one failed and only waits are left: no reason to wait for them (or their children).
                    await DropPendingAsync(pending, cancelChildren: !Run.IsSuspending).ConfigureAwait(false);
                    foreach (var branch in Branches.Except(pending))
                    {
                        await branch.Operation!.ConfigureAwait(false);
                    }

                    return;
                }

                await SuspendOrLookAgainAsync(pending).ConfigureAwait(false);
            }
        }

        private async Task SuspendOrLookAgainAsync(List<Branch> pending)
        {
            var resolution = await Run.WriteAsync(() => Run._store.SuspendAsync(
                Run.InstanceId, pending.Select(b => b.Pending!).ToList(), Run._timeProvider.GetUtcNow(), Run._cancelTold, Run._abort)).ConfigureAwait(false);
            switch (resolution)
            {
                case WaitResolution.Suspended:
                    Run.IsSuspended = true;
                    await DropPendingAsync(pending, cancelChildren: false).ConfigureAwait(false);
                    throw new WorkflowSuspendedException(Run.InstanceId, $"any of {pending.Count} waits of its fan-out");
                case WaitResolution.CancellationRequested:
                    Run.RequestCancellation();
                    await DropPendingAsync(pending, cancelChildren: false).ConfigureAwait(false);
                    throw Run.DeliverCancellation();
                default:
                    // Something arrived between the waits' first look and the suspension: each looks again.
                    LookAgain();
                    break;
            }
        }

        /// <summary>
        /// Waits for a running step to end or a branch to become pending. In a <c>WhenAny</c>, a pending wait can win
        /// while steps still run: the pending waits look again when the earliest timer falls due, and every
        /// <see cref="EventLookInterval"/> while one waits for an event (raised in this process or another).
        /// </summary>
        private async Task WaitForRunningAsync(List<Branch> running, Task changed, bool any)
        {
            var pending = Branches.Where(b => b.Pending is not null).ToList();
            var now = Run._timeProvider.GetUtcNow();
            DateTimeOffset? lookAt = any && pending.Count > 0
                ? pending.Select(b => b.Pending!.Kind == WaitKind.Event ? Earliest(b.PendingDue, now + EventLookInterval) : b.PendingDue).Min()
                : null;
            if (lookAt is null)
            {
                await Task.WhenAny(running.Select(b => b.Operation!).Append(changed)).ConfigureAwait(false);
                return;
            }

            using var stop = new CancellationTokenSource();
            var delay = Task.Delay(Max(lookAt.Value - now, TimeSpan.Zero), Run._timeProvider, stop.Token);
            var ended = await Task.WhenAny(running.Select(b => b.Operation!).Append(changed).Append(delay)).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            if (ended == delay)
            {
                LookAgain();
            }
        }

        /// <summary>How often a <c>WhenAny</c> whose steps still run looks for an event that one of its waits awaits.</summary>
        private static readonly TimeSpan EventLookInterval = TimeSpan.FromSeconds(1);

        private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        /// <summary>Tells every pending branch to ask the store about its wait again.</summary>
        private void LookAgain()
        {
            TaskCompletionSource lookAgain;
            lock (_gate)
            {
                lookAgain = _lookAgain;
                _lookAgain = NewSource();
                _changed = NewSource();
                foreach (var branch in Branches)
                {
                    branch.Pending = null;
                }
            }

            lookAgain.TrySetResult();
        }

        /// <summary>A <c>WhenAny</c> has its winner: running steps are cancelled and waited for, pending waits forgotten, children cancelled.</summary>
        private async Task DropOthersAsync(Branch winner)
        {
            winner.Won = true;
            var losers = await StopAllAsync(except: winner).ConfigureAwait(false);

            // A winner that ended because the host stops or a write failed decides nothing: the instance resumes later.
            if (!Run.IsSuspending)
            {
                await CancelChildrenAsync(losers.Where(b => !b.Operation!.IsCompletedSuccessfully)).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Decides the fan-out: running steps are cancelled, pending waits dropped, and a branch that reaches its wait
        /// later ends at once; returns the stopped branches once each has ended (their failures are nobody's).
        /// </summary>
        private async Task<List<Branch>> StopAllAsync(Branch? except)
        {
            List<Branch> pending;
            lock (_gate)
            {
                Decided = true;
                pending = Branches.Where(b => b != except && b.Pending is not null).ToList();
            }

            await _losers.CancelAsync().ConfigureAwait(false);
            await DropPendingAsync(pending, cancelChildren: false).ConfigureAwait(false);
            var stopped = Branches.Where(b => b != except).ToList();
            foreach (var branch in stopped)
            {
                await branch.Operation!.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            return stopped;
        }

        private async Task CancelChildrenAsync(IEnumerable<Branch> branches)
        {
            foreach (var branch in branches)
            {
                if (branch.ChildId is { } child && await Run.WriteAsync(() => Run._store.RequestCancellationAsync(child, Run._abort)).ConfigureAwait(false))
                {
                    Run._signals?.NotifyCancelRequested(child);
                }
            }
        }

        /// <summary>Stops the branches started so far and waits for them, observing whatever they end with.</summary>
        public Task AbandonAsync() => StopAllAsync(except: null);

        /// <summary>
        /// Ends the pending waits' operations without a result (their tasks end cancelled, and nobody observes them),
        /// and, unless the instance only suspends, cancels the children they waited for.
        /// </summary>
        private async Task DropPendingAsync(List<Branch> pending, bool cancelChildren)
        {
            TaskCompletionSource lookAgain;
            lock (_gate)
            {
                lookAgain = _lookAgain;
                _lookAgain = NewSource();
            }

            lookAgain.TrySetCanceled();
            foreach (var branch in pending)
            {
                await branch.Operation!.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            if (cancelChildren)
            {
                await CancelChildrenAsync(pending).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            foreach (var token in _stepTokens)
            {
                token.Dispose();
            }

            _losers.Dispose();
        }

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
