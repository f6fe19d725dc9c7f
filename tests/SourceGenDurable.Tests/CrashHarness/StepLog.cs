using System.Text.Json;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>One attempt of a step as the recorder saw it.</summary>
/// <param name="Call">The step name and its input as JSON: <c>name(input)</c>.</param>
/// <param name="Result"><c>-> result</c>, or <c>!Exception: message</c>.</param>
public sealed record LogEntry(string Call, string Result)
{
    public override string ToString() => $"{Call} {Result}";
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
/// </remarks>
public sealed class StepLog
{
    private static readonly AsyncLocal<bool> InsideInlineStep = new();

    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = [];
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
                return _entries.ToArray();
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
    public Task<T> Run<T>(string name, object? input, Func<T> compute) => RunCore(name, input, 0, compute);

    /// <summary>Like <see cref="Run{T}"/>, but the first <paramref name="failures"/> attempts of this call (same name and input, counted over the whole run) throw <see cref="TransientStepException"/>.</summary>
    public Task<T> RunFlaky<T>(string name, object? input, int failures, Func<T> compute) => RunCore(name, input, failures, compute);

    /// <summary>A step without a result; <paramref name="effect"/> may throw.</summary>
    public Task Do(string name, object? input, Action? effect = null) =>
        RunCore<bool>(name, input, 0, () =>
        {
            effect?.Invoke();
            return true;
        });

    /// <summary>Marks the rest of the current async flow as running inside an inline <c>ctx.Step</c>, which retries by itself.</summary>
    internal static void EnterInlineStep() => InsideInlineStep.Value = true;

    private async Task<T> RunCore<T>(string name, object? input, int failures, Func<T> compute)
    {
        await Task.Yield();
        var call = $"{name}({JsonSerializer.Serialize(input, Json)})";
        var attempts = 1;
        if (_directStepAttempts is not null && !InsideInlineStep.Value)
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
                Append(new LogEntry("!! " + call, "ran after its process crashed"));
                throw new SimulatedCrashException($"'{call}' ran after its process crashed.");
            }

            try
            {
                if (failures > 0 && TakeFailure(call, failures))
                {
                    throw new TransientStepException($"{name} is unavailable for now");
                }

                var value = compute();
                Append(new LogEntry(call, "-> " + JsonSerializer.Serialize(value, Json)));
                return value;
            }
            catch (Exception e) when (e is not SimulatedCrashException)
            {
                Append(new LogEntry(call, $"!{e.GetType().Name}: {e.Message}"));
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

    private void Append(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
