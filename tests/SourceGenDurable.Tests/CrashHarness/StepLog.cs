using System.Text.Json;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>One attempt of a step as the recorder saw it.</summary>
/// <param name="Call">The step name and its input as JSON: <c>name(input)</c>.</param>
/// <param name="Result"><c>-> result</c>, or <c>!Exception: message</c>.</param>
public sealed record LogEntry(string Call, string Result)
{
    /// <summary>
    /// The fan-out (<c>ctx.WhenAll</c>/<c>ctx.WhenAny</c>) the attempt ran in, null outside one. As recorded, a key that
    /// tells the fan-outs of one run apart (<c>commit 3 @5</c> in a durable run, <c>fan-out 2</c> in a direct run); in a
    /// canonical log (<see cref="FanOutOrder.Canonical"/>) the fan-out's number in that log, from 1.
    /// </summary>
    public string? FanOut { get; init; }

    /// <summary>Inside a fan-out: the position of the operation (the branch) the attempt ran in, from 0.</summary>
    public int Branch { get; init; }

    public override string ToString() => FanOut is null ? $"{Call} {Result}" : $"‖{FanOut}.{Branch} {Call} {Result}";
}

/// <summary>
/// A step call of a direct run, as a fan-out may claim it: <see cref="InlineWorkflowContext"/> marks the calls it is
/// given as a fan-out's operations, and the log tags their entries (also the ones appended before the claim).
/// </summary>
internal sealed class DirectOperation
{
    public string? FanOut { get; set; }

    public int Branch { get; set; }
}

/// <summary>A step failure that goes away after a set number of attempts.</summary>
public sealed class TransientStepException(string message) : Exception(message);

/// <summary>
/// The recorder every corpus step goes through: <c>[DurableStep]</c> methods and <c>ctx.Step</c> bodies call
/// <see cref="Run{T}"/> (or <see cref="Do"/>), which appends one entry per attempt, <c>name(input) -> result</c> or
/// <c>name(input) !Exception: message</c>, and computes a deterministic function of the input. It is the test's
/// observation, not workflow state: one log lives across all the simulated processes of a run.
/// </summary>
/// <remarks>
/// <para>Retries. The engine runs a step body up to its MaxAttempts times. A direct run of the original method has
/// no engine: <see cref="InlineWorkflowContext"/> retries <c>ctx.Step</c> bodies itself, and calls of
/// <c>[DurableStep]</c> methods are plain calls, so in a direct run the log retries those itself, with the
/// MaxAttempts of the <c>[DurableStep]</c> method whose step name equals the recorded name. That makes a direct
/// run the reference for "the C# semantics of the method plus the step contract", and lets the harness compare
/// attempt lists entry for entry. Convention: a <c>[DurableStep]</c> method records itself once, under its step
/// name; a direct run reports a <c>Run</c> outside <c>ctx.Step</c> whose name is no step's name.</para>
/// <para>Fan-outs. The operations of a fan-out run concurrently, so their entries come in any order. Each entry says
/// which fan-out and branch it ran in (<see cref="LogEntry.FanOut"/>, <see cref="LogEntry.Branch"/>), and the harness
/// compares logs in <see cref="FanOutOrder.Canonical"/> form. A durable run reads it from
/// <see cref="StepContext.Current"/>: the engine runs a fan-out's step with the idempotency key
/// <c>{workflow id}:{commit}:{checkpoint}:{ordinal}</c>, whose ordinal is <c>-1 - 2²⁴ × fan-out - 1024 × branch</c>
/// (negative only in a fan-out; docs/architecture.md, Fan-out). A direct run has no engine: every call outside <c>ctx.Step</c> (and every
/// inline <c>ctx.Step</c>) is a <see cref="DirectOperation"/> known by its task, and
/// <see cref="InlineWorkflowContext"/> marks the ones a fan-out is given. So a step must call the log synchronously
/// (a <c>[DurableStep]</c> method written <c>=&gt; log.Run(...)</c>): a fan-out given a task the log does not know
/// reports a convention error.</para>
/// </remarks>
public sealed class StepLog
{
    private static readonly AsyncLocal<DirectOperation?> InlineStep = new();

    private readonly object _gate = new();
    private readonly List<(LogEntry Entry, DirectOperation? Operation)> _entries = [];
    private readonly Dictionary<Task, DirectOperation> _operations = [];
    private readonly List<string> _conventionErrors = [];
    private readonly Dictionary<string, int> _failed = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, int>? _directStepAttempts;

    /// <summary>A log for durable runs: the engine retries.</summary>
    public StepLog()
    {
    }

    /// <summary>A log for a direct run: retries <c>[DurableStep]</c> bodies with these MaxAttempts by step name.</summary>
    public StepLog(IReadOnlyDictionary<string, int> directStepAttempts)
    {
        _directStepAttempts = directStepAttempts;
    }

    /// <summary>
    /// The JSON the log (and the harness, for results) writes values with: fields included, so tuples show their
    /// values, and NaN or infinities written as strings, so every double shows.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                // A direct run's fan-out claims its operations after they started: their entries are tagged on reading.
                return _entries
                    .Select(e => e.Operation is { FanOut: { } fanOut } operation ? e.Entry with { FanOut = fanOut, Branch = operation.Branch } : e.Entry)
                    .ToArray();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public IReadOnlyList<string> ConventionErrors
    {
        get
        {
            lock (_gate)
            {
                return _conventionErrors.ToArray();
            }
        }
    }

    /// <summary>Set by the harness for each simulated process: true once that process has crashed.</summary>
    public Func<bool> IsProcessDead { get; set; } = static () => false;

    /// <summary>Runs a step body: records <paramref name="name"/> and <paramref name="input"/>, returns <paramref name="compute"/>'s value or throws its exception.</summary>
    public Task<T> Run<T>(string name, object? input, Func<T> compute) => Start(name, input, 0, compute);

    /// <summary>Like <see cref="Run{T}"/>, but the first <paramref name="failures"/> attempts of this call (same name and input, counted over the whole run) throw <see cref="TransientStepException"/>.</summary>
    public Task<T> RunFlaky<T>(string name, object? input, int failures, Func<T> compute) => Start(name, input, failures, compute);

    /// <summary>A step without a result; <paramref name="effect"/> may throw.</summary>
    public Task Do(string name, object? input, Action? effect = null) =>
        Start<bool>(name, input, 0, () =>
        {
            effect?.Invoke();
            return true;
        });

    /// <summary>Marks the rest of the current async flow as running inside an inline <c>ctx.Step</c>, which retries by itself.</summary>
    internal static void EnterInlineStep(DirectOperation operation) => InlineStep.Value = operation;

    /// <summary>A direct run: <paramref name="task"/> is the task of <paramref name="operation"/>, for a fan-out that is given it.</summary>
    internal void Track(Task task, DirectOperation operation)
    {
        lock (_gate)
        {
            _operations[task] = operation;
        }
    }

    /// <summary>A direct run: the operation whose task is <paramref name="task"/>, or null when it records nothing here.</summary>
    internal DirectOperation? OperationOf(Task task)
    {
        lock (_gate)
        {
            return _operations.GetValueOrDefault(task);
        }
    }

    internal void ReportConventionError(string error)
    {
        lock (_gate)
        {
            _conventionErrors.Add(error);
        }
    }

    private Task<T> Start<T>(string name, object? input, int failures, Func<T> compute)
    {
        if (_directStepAttempts is null)
        {
            return RunCore(name, input, failures, compute, null, DurableFanOut(name));
        }

        // A direct call outside ctx.Step is an operation of its own; inside, it is the inline step's.
        var inline = InlineStep.Value;
        var operation = inline ?? new DirectOperation();
        var task = RunCore(name, input, failures, compute, operation, (null, 0));
        if (inline is null)
        {
            Track(task, operation);
        }

        return task;
    }

    /// <summary>
    /// The fan-out and branch a durable run's step attempt runs in, read from the idempotency key
    /// <c>{workflow id}:{commit}:{checkpoint}:{ordinal}</c>: the engine gives a fan-out's step the ordinal
    /// <c>-1 - 2²⁴ × fan-out - 1024 × branch</c> (the fan-out's ordinal since the last commit), and every other step an
    /// ordinal from 0.
    /// </summary>
    private (string? FanOut, int Branch) DurableFanOut(string name)
    {
        if (StepContext.Current?.IdempotencyKey is not { } key)
        {
            return (null, 0);
        }

        var parts = key.Split(':');
        if (parts.Length < 4 || !int.TryParse(parts[^3], out var commit) || !int.TryParse(parts[^2], out var checkpoint) || !int.TryParse(parts[^1], out var ordinal))
        {
            ReportConventionError($"Step '{name}' ran with the idempotency key '{key}', which is not {{workflow id}}:{{commit}}:{{checkpoint}}:{{ordinal}}: the harness cannot tell whether it ran in a fan-out.");
            return (null, 0);
        }

        if (ordinal >= 0)
        {
            return (null, 0);
        }

        var (fanOut, rest) = Math.DivRem(-1 - ordinal, 1 << 24);
        var (branch, position) = Math.DivRem(rest, 1024);
        if (position != 0)
        {
            ReportConventionError($"Step '{name}' ran with the idempotency key '{key}', whose ordinal is not a fan-out step's (-1 - 2^24 × fan-out - 1024 × branch).");
        }

        // A fan-out whose failure was caught makes no commit: the next one has the same commit number and a higher ordinal.
        return ($"commit {commit} fan-out {fanOut}", branch);
    }

    private async Task<T> RunCore<T>(string name, object? input, int failures, Func<T> compute, DirectOperation? operation, (string? FanOut, int Branch) durable)
    {
        await Task.Yield();
        var call = $"{name}({JsonSerializer.Serialize(input, Json)})";
        var attempts = 1;
        if (_directStepAttempts is not null && InlineStep.Value is null)
        {
            if (_directStepAttempts.TryGetValue(name, out var max))
            {
                attempts = max;
            }
            else
            {
                lock (_gate)
                {
                    _conventionErrors.Add($"'{call}' was recorded outside ctx.Step, and no [DurableStep] method of the workflow class has the step name '{name}'.");
                }
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            if (IsProcessDead())
            {
                Append(new LogEntry("!! " + call, "ran after its process crashed") { FanOut = durable.FanOut, Branch = durable.Branch }, operation);
                throw new SimulatedCrashException($"'{call}' ran after its process crashed.");
            }

            try
            {
                if (failures > 0 && TakeFailure(call, failures))
                {
                    throw new TransientStepException($"{name} is unavailable for now");
                }

                var value = compute();
                Append(new LogEntry(call, "-> " + JsonSerializer.Serialize(value, Json)) { FanOut = durable.FanOut, Branch = durable.Branch }, operation);
                return value;
            }
            catch (Exception e) when (e is not SimulatedCrashException)
            {
                Append(new LogEntry(call, $"!{e.GetType().Name}: {e.Message}") { FanOut = durable.FanOut, Branch = durable.Branch }, operation);
                if (attempt >= attempts)
                {
                    throw;
                }
            }
        }
    }

    private bool TakeFailure(string call, int failures)
    {
        lock (_gate)
        {
            var failed = _failed.GetValueOrDefault(call);
            if (failed >= failures)
            {
                return false;
            }

            _failed[call] = failed + 1;
            return true;
        }
    }

    private void Append(LogEntry entry, DirectOperation? operation)
    {
        lock (_gate)
        {
            _entries.Add((entry, operation));
        }
    }
}
