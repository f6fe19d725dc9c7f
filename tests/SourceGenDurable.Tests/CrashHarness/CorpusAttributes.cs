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
}

/// <summary>One input set of a corpus workflow as a JSON object: parameter name → value.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InputsJsonAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}

/// <summary>
/// Closes a generic corpus class over <see cref="TypeArguments"/>: each of its workflows is a corpus case per
/// attribute, named like <c>Ledger&lt;Int32&gt;.Method</c>, with the method's inputs. An open class is no case.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ClosedAsAttribute(params Type[] typeArguments) : Attribute
{
    public Type[] TypeArguments { get; } = typeArguments;
}

/// <summary>
/// The events a corpus workflow receives, in order, each written <c>name:json</c>. The direct run hands a wait the next
/// scripted event of its name (or times it out when none is left); the durable run raises that event through the
/// client only once the instance is saved as waiting for it, so every wait goes through a real suspension.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RaisesAttribute(params string[] events) : Attribute
{
    public IReadOnlyList<string> Events { get; } = events;
}
