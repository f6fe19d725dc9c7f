namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// One input set of a corpus workflow, positionally: one value per parameter after the context. The values go
/// through JSON to the parameter types (so a <c>double</c> literal feeds a <c>decimal</c> parameter).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InputsAttribute : Attribute
{
    public InputsAttribute(params object?[]? values)
    {
        Values = values ?? [null];
    }

    public object?[] Values { get; }

    /// <summary>
    /// A reason from <see cref="KnownBugs"/> when this input fails because of a bug in the runtime or the generator:
    /// the theory row is reported as skipped with that reason instead of run.
    /// </summary>
    public string? KnownBug { get; init; }
}

/// <summary>One input set of a corpus workflow as a JSON object: parameter name → value.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InputsJsonAttribute(string json) : Attribute
{
    public string Json { get; } = json;

    /// <inheritdoc cref="InputsAttribute.KnownBug"/>
    public string? KnownBug { get; init; }
}
