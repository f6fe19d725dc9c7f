using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SourceGenDurable;

/// <summary>
/// The <see cref="JsonSerializerOptions"/> used for slots, step results and workflow results. Register your own
/// before <c>AddDurableWorkflows</c> to add a <c>JsonSerializerContext</c> (needed under Native AOT).
/// </summary>
/// <param name="Options">The serializer options.</param>
public sealed record WorkflowSerializerOptions(JsonSerializerOptions Options)
{
    /// <summary>
    /// Reflection-based serialization where the application allows it (as <c>JsonSerializer</c> does by default);
    /// under Native AOT, with reflection switched off, only the resolvers the application adds.
    /// </summary>
    /// <remarks>Fields are included, so that tuples round-trip, and NaN and infinities are written as named literals.</remarks>
    public static WorkflowSerializerOptions CreateDefault() => new(new JsonSerializerOptions
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault ? CreateReflectionResolver() : JsonTypeInfoResolver.Combine(),
    });

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when the JsonSerializer.IsReflectionEnabledByDefault feature switch is on.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when the JsonSerializer.IsReflectionEnabledByDefault feature switch is on.")]
    private static DefaultJsonTypeInfoResolver CreateReflectionResolver() => new();
}
