using System.Text.Json;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The context of a direct run: steps run inline, nothing is persisted. Like the engine, it runs a
/// <c>ctx.Step</c> body up to the MaxAttempts the generator gives <c>ctx.Step</c> (the <see cref="DurableStepAttribute"/> default).
/// A fan-out is given operations that have already started (C# evaluates the arguments first): it knows them by their
/// tasks (its own timers and waits, and the steps the <see cref="StepLog"/> tracks), tags the steps' log entries with
/// the fan-out and branch, and ends the fan-out as the engine would (<see cref="RunFanOutAsync"/>).
/// </summary>
public sealed class InlineWorkflowContext(string workflowId, ScriptedEvents events, StepLog log) : WorkflowContext
{
    /// <summary>The clock a durable run starts from too, so that both runs see the same times.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WorkflowJson = WorkflowSerializerOptions.CreateDefault().Options;
    private readonly Dictionary<Task, Wait> _waits = [];
    private DateTimeOffset _now = Start;
    private int _waitCount;
    private int _fanOuts;

    /// <summary>The attempts of a <c>ctx.Step</c>: the generator uses the <c>[DurableStep]</c> default for it.</summary>
    public static int ContextStepMaxAttempts { get; } = new DurableStepAttribute().MaxAttempts;

    public override string WorkflowId => workflowId;

    /// <summary>Moves only when the workflow sleeps or a wait times out, as the durable run's clock does.</summary>
    public override DateTimeOffset UtcNow => _now;

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Guid NewGuid() => Guid.NewGuid();

    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body) =>
        Step(name, body, RetryPolicy.Default with { MaxAttempts = ContextStepMaxAttempts });

    public override Task Step(string name, Func<CancellationToken, Task> body) =>
        Step(name, body, RetryPolicy.Default with { MaxAttempts = ContextStepMaxAttempts });

    public override Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> body, RetryPolicy retry)
    {
        // The body's calls of the log are this step's, which a fan-out knows by the task returned here.
        var operation = new DirectOperation();
        var task = RunInlineStep(operation, body, retry);
        log.Track(task, operation);
        return task;
    }

    // Retry delays are timers, and a direct run's timers are due at once.
    private static async Task<T> RunInlineStep<T>(DirectOperation operation, Func<CancellationToken, Task<T>> body, RetryPolicy retry)
    {
        StepLog.EnterInlineStep(operation);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await body(CancellationToken.None);
            }
            catch (Exception e) when (attempt < retry.MaxAttempts && !retry.IsNotRetried(e))
            {
            }
        }
    }

    public override Task Step(string name, Func<CancellationToken, Task> body, RetryPolicy retry) =>
        Step<bool>(
            name,
            async ct =>
            {
                await body(ct);
                return true;
            },
            retry);

    // Timers are due at once: the clock jumps to their due time, as the harness moves the durable run's clock. A fan-out
    // given the timer sets the clock again from when it started (RunFanOutAsync).
    public override Task Sleep(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var started = Started(WaitKind.Timer, duration: duration);
        _now += duration;
        return Ended(started);
    }

    public override Task SleepUntil(DateTimeOffset dueTime)
    {
        var started = Started(WaitKind.Timer, due: dueTime);
        _now = dueTime > _now ? dueTime : _now;
        return Ended(started);
    }

    // A fan-out's operations have all been called (so started) when it is called: the context looks them up by their
    // tasks, marks the steps' log entries as the fan-out's, and decides the outcome as the engine does.
    public override async Task<T[]> WhenAll<T>(params Task<T>[] operations)
    {
        await RunFanOutAsync(operations, any: false);
        return operations.Select(o => o.Result).ToArray();
    }

    public override Task<T[]> WhenAll<T>(IEnumerable<Task<T>> operations) => WhenAll(operations.ToArray()); // a Select starts its calls here

    public override Task WhenAll(params Task[] operations) => RunFanOutAsync(operations, any: false);

    public override async Task<WhenAnyResult> WhenAny(params Task[] operations)
    {
        var winner = (await RunFanOutAsync(operations, any: true))!;
        object? result = winner.Wait switch
        {
            null => operations[winner.Index].GetType().GetProperty("Result")?.GetValue(operations[winner.Index]),
            { EventJson: { } json } => JsonDocument.Parse(json).RootElement.Clone(),
            _ => null,
        };
        return new WhenAnyResult(winner.Index, result is null ? null : JsonSerializer.SerializeToElement(result, result.GetType(), WorkflowJson));
    }

    public override Task<T> WaitForEvent<T>(string name)
    {
        if (TryReceive<T>(name, out var payload, out var json))
        {
            return Ended(Started(WaitKind.Event, eventName: name, eventJson: json), payload);
        }

        // Outside a fan-out the convention error; in a WhenAny a wait that never ends, so another operation wins.
        return Failed<T>(
            Started(WaitKind.Never, eventName: name),
            new InvalidOperationException($"Corpus convention: the workflow waits for event '{name}' without a timeout, and its [Raises] script has no more '{name}' events."));
    }

    public override Task<T> WaitForEvent<T>(string name, TimeSpan timeout)
    {
        if (TryReceive<T>(name, out var payload, out var json))
        {
            return Ended(Started(WaitKind.Event, eventName: name, eventJson: json), payload);
        }

        var started = Started(WaitKind.Timer, duration: timeout, eventName: name);
        _now += timeout;
        return Failed<T>(started, new EventTimeoutException(workflowId, name));
    }

    /// <summary>
    /// Runs a fan-out over <paramref name="operations"/>, which have started, the way the engine does, and returns the
    /// branch that decided it: the winner of a <c>WhenAny</c>, the first failure of a <c>WhenAll</c> (thrown too).
    /// Steps run in memory, so they all end before any wait does (the engine looks at timers and events only once all
    /// that is left is waits). A scripted event arrives right after that (the harness raises it once the instance is
    /// saved as waiting), and timers and timeouts end at their due time, counted from the start of the fan-out.
    /// <c>WhenAll</c> ends when every operation has, or when the first fails (the waits still pending then are dropped);
    /// <c>WhenAny</c> with the first to end, in the order given among those that end together, and drops the others.
    /// The clock is where it stopped, and a dropped wait gives its event back to the script.
    /// </summary>
    private async Task<FanOutBranch?> RunFanOutAsync(IReadOnlyList<Task> operations, bool any)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var fanOut = $"fan-out {++_fanOuts}";
        var branches = new List<FanOutBranch>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] ?? throw new ArgumentException($"Operation {i} of {fanOut} is null.", nameof(operations));
            if (_waits.TryGetValue(operation, out var wait))
            {
                branches.Add(new FanOutBranch(i, operation, wait));
                continue;
            }

            if (log.OperationOf(operation) is { } step)
            {
                step.FanOut = fanOut;
                step.Branch = i;
            }
            else
            {
                log.ReportConventionError(
                    $"Operation {i} of {fanOut} is neither a timer or event wait of ctx nor a step that records itself with the StepLog as it is called " +
                    "(ctx.Step, or a [DurableStep] method written '=> log.Run(...)'): the harness cannot tell its entries from the others.");
            }

            branches.Add(new FanOutBranch(i, operation, null));
        }

        // The waits were called one after the other, each moving the clock: the fan-out started where the first of them
        // found it. Every wait called since must be one of the fan-out's.
        var waits = branches.Where(b => b.Wait is not null).Select(b => b.Wait!).OrderBy(w => w.Number).ToList();
        var startedAt = waits.Count > 0 ? waits[0].ClockBefore : _now;
        if (waits.Count > 0 && waits[0].Number + waits.Count != _waitCount)
        {
            log.ReportConventionError($"A timer or event wait was called among the operations of {fanOut} but not given to it.");
        }

        foreach (var branch in branches.Where(b => b.Wait is null))
        {
            try
            {
                await branch.Operation;
            }
            catch (Exception)
            {
                // Decided below, with the others.
            }
        }

        var ending = branches.OrderBy(b => b.EndsAfter(startedAt)).ThenBy(b => b.Rank).ThenBy(b => b.Index).ToList();
        FanOutBranch? decisive;
        if (any)
        {
            decisive = ending.Count > 0 ? ending[0] : throw new ArgumentException($"{fanOut} is a WhenAny without operations.", nameof(operations));
            if (decisive.Wait is null && branches.Count(b => b.Wait is null) > 1)
            {
                log.ReportConventionError($"{fanOut} is a WhenAny over several steps: which of them ends first is up to the thread pool, in either run.");
            }
        }
        else
        {
            // The first failure: the operations that have not ended by then are dropped. Otherwise the last to end.
            decisive = ending.FirstOrDefault(b => !b.Operation.IsCompletedSuccessfully) ?? ending.LastOrDefault();
        }

        var decidedAt = (decisive?.EndsAfter(startedAt) ?? TimeSpan.Zero, decisive?.Rank ?? 0);
        var ended = branches.Where(b => any ? b == decisive : (b.EndsAfter(startedAt), b.Rank).CompareTo(decidedAt) <= 0).ToList();
        foreach (var dropped in branches.Except(ended).Where(b => b.Wait?.EventJson is not null).OrderByDescending(b => b.Wait!.Number))
        {
            events.PutBack(dropped.Wait!.EventName!, dropped.Wait.EventJson!);
        }

        if (decidedAt.Item1 != TimeSpan.MaxValue)
        {
            _now = startedAt + decidedAt.Item1;
        }

        // As the engine: the first failure in the order given, of the operations that had ended.
        if (ended.FirstOrDefault(b => !b.Operation.IsCompletedSuccessfully) is { } failure)
        {
            await failure.Operation;
        }

        return decisive;
    }

    private Wait Started(WaitKind kind, TimeSpan? duration = null, DateTimeOffset? due = null, string? eventName = null, string? eventJson = null) =>
        new(_waitCount++, kind, _now, duration, due, eventName, eventJson);

    private Task Ended(Wait wait) => Ended<bool>(wait, true);

    private Task<T> Ended<T>(Wait wait, T value)
    {
        // A task of its own (Task.FromResult shares some), so that a fan-out knows it by its task.
        var source = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult(value);
        _waits[source.Task] = wait;
        return source.Task;
    }

    private Task<T> Failed<T>(Wait wait, Exception exception)
    {
        var source = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetException(exception);
        _waits[source.Task] = wait;
        return source.Task;
    }

    private bool TryReceive<T>(string name, out T payload, out string? json)
    {
        json = events.TakeNext(name);
        payload = json is null ? default! : JsonSerializer.Deserialize<T>(json, WorkflowJson)!;
        return json is not null;
    }

    private enum WaitKind
    {
        /// <summary>Ends at its due time: a timer, or an event wait that times out.</summary>
        Timer,

        /// <summary>Received its scripted event.</summary>
        Event,

        /// <summary>Waits without a timeout for an event the script does not have.</summary>
        Never,
    }

    /// <summary>A timer or event wait, ended at once; what a fan-out given it needs to know.</summary>
    /// <param name="Number">The how-many-th wait of the run, from 0.</param>
    /// <param name="ClockBefore">The clock when it was called.</param>
    private sealed record Wait(int Number, WaitKind Kind, DateTimeOffset ClockBefore, TimeSpan? Duration, DateTimeOffset? Due, string? EventName, string? EventJson);

    /// <summary>One operation of a fan-out: a wait, or (<see cref="Wait"/> null) a step.</summary>
    private sealed record FanOutBranch(int Index, Task Operation, Wait? Wait)
    {
        /// <summary>Among operations that end at the same time: steps, then received events, then timers.</summary>
        public int Rank => Wait?.Kind switch
        {
            null => 0,
            WaitKind.Event => 1,
            _ => 2,
        };

        /// <summary>When the operation ends, counted from <paramref name="startedAt"/>; <see cref="TimeSpan.MaxValue"/>: never.</summary>
        public TimeSpan EndsAfter(DateTimeOffset startedAt) => Wait switch
        {
            null or { Kind: WaitKind.Event } => TimeSpan.Zero,
            { Kind: WaitKind.Never } => TimeSpan.MaxValue,
            { Duration: { } duration } => duration,
            { Due: { } due } => due > startedAt ? due - startedAt : TimeSpan.Zero,
            _ => TimeSpan.Zero,
        };
    }
}
