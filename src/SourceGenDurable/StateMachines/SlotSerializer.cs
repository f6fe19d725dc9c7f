using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SourceGenDurable.StateMachines;

/// <summary>
/// Reads and writes single slots for generated code. Types are resolved through
/// <see cref="JsonSerializerOptions.TypeInfoResolver"/>, so an application published with Native AOT supplies a
/// <c>JsonSerializerContext</c> for its own workflow types (see <see cref="WorkflowSerializerOptions.Create(IEnumerable{System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver})"/> for
/// those it need not) and nothing here needs reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SlotSerializer
{
    /// <summary>Writes one slot as a property of the current JSON object.</summary>
    public static void Write<T>(Utf8JsonWriter writer, string name, T value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, TypeInfo<T>(options));
    }

    /// <summary>Reads one slot from a JSON object written by <see cref="Write{T}"/>.</summary>
    /// <exception cref="WorkflowStateException">The slot is missing or does not deserialize to <typeparamref name="T"/>.</exception>
    public static T Read<T>(JsonElement slots, string name, JsonSerializerOptions options)
    {
        if (slots.ValueKind != JsonValueKind.Object)
        {
            throw new WorkflowStateException($"The saved state is a JSON {slots.ValueKind}, not an object with one property per slot.");
        }

        if (!slots.TryGetProperty(name, out var element))
        {
            throw new WorkflowStateException($"The saved state has no slot '{name}'. It was written by other code than this host runs, or edited by hand.");
        }

        try
        {
            return element.Deserialize(TypeInfo<T>(options))!;
        }
        catch (JsonException e)
        {
            throw new WorkflowStateException($"Slot '{name}' does not deserialize to {typeof(T)}: {e.Message}", e);
        }
    }

    internal static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(options));

    internal static T Deserialize<T>(string json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>(options))!;

    internal static T Deserialize<T>(JsonElement json, JsonSerializerOptions options) =>
        json.Deserialize(TypeInfo<T>(options))!;

    internal static string Serialize(IWorkflowSlots slots, JsonSerializerOptions options) => SlotsWriter.Write(slots, options);

    internal static string Serialize(IWorkflowSlots slots, JsonSerializerOptions options, out int utf8Bytes) => SlotsWriter.Write(slots, options, out utf8Bytes);

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        EnumTypeInfoResolver.Register<T>();
        return options.TryGetTypeInfo(typeof(T), out var info)
            ? (JsonTypeInfo<T>)info
            : throw new NotSupportedException(
                $"No JSON metadata for '{typeof(T)}': reflection is off (Native AOT or trimming), and no registered JsonSerializerContext names it. " +
                $"Add [JsonSerializable(typeof({CSharpName(typeof(T))}))] to your JsonSerializerContext and register that context in AddDurableWorkflows with o.UseJsonContext(YourContext.Default); the SGD0014 analyzer names every such type at build time.");
    }

    private static string CSharpName(Type type) =>
        type.IsArray ? CSharpName(type.GetElementType()!) + "[]"
        : !type.IsGenericType ? type.Name
        : Nullable.GetUnderlyingType(type) is { } underlying ? CSharpName(underlying) + "?"
        : $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
}
