using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SourceGenDurable.StateMachines;

namespace SourceGenDurable;

/// <summary>
/// The <see cref="JsonSerializerOptions"/> used for slots, inputs, step results, events and workflow results. Made from
/// the contexts registered with <c>UseJsonContext</c> in <c>AddDurableWorkflows</c>; an application may instead
/// register its own before <c>AddDurableWorkflows</c>.
/// </summary>
/// <param name="Options">The serializer options.</param>
public sealed record WorkflowSerializerOptions(JsonSerializerOptions Options)
{
    /// <summary>The options with no context of the application's: see <see cref="Create(IEnumerable{IJsonTypeInfoResolver})"/>.</summary>
    public static WorkflowSerializerOptions CreateDefault() => Create([]);

    /// <summary>
    /// Options that resolve a type through <paramref name="contexts"/> first (in order), then the runtime's own
    /// context (primitives, strings, dates, GUIDs, their arrays, lists and dictionaries, and the runtime's types), then
    /// reflection where the application allows it (as <c>JsonSerializer</c> does by default), or enums where it does
    /// not (Native AOT).
    /// </summary>
    /// <remarks>Fields are included, so that tuples round-trip, and NaN and infinities are written as named literals.</remarks>
    public static WorkflowSerializerOptions Create(IEnumerable<IJsonTypeInfoResolver> contexts) =>
        Create(contexts, allowReflection: true);

    /// <summary>
    /// As <see cref="Create(IEnumerable{IJsonTypeInfoResolver})"/>; without reflection even where the application
    /// allows it when <paramref name="allowReflection"/> is false (tests of what Native AOT resolves).
    /// </summary>
    internal static WorkflowSerializerOptions Create(IEnumerable<IJsonTypeInfoResolver> contexts, bool allowReflection)
    {
        ArgumentNullException.ThrowIfNull(contexts);

        // The feature switch is read here, next to its use, so that trimming removes the reflection resolver with it.
        var resolvers = contexts.Append(RuntimeJsonContext.Default)
            .Append(allowReflection && JsonSerializer.IsReflectionEnabledByDefault ? CreateReflectionResolver() : EnumTypeInfoResolver.Instance);
        return new(new JsonSerializerOptions
        {
            IncludeFields = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
        });
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when the JsonSerializer.IsReflectionEnabledByDefault feature switch is on.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when the JsonSerializer.IsReflectionEnabledByDefault feature switch is on.")]
    private static DefaultJsonTypeInfoResolver CreateReflectionResolver() => new();
}
