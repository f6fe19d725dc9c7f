using System.Reflection;
using System.Runtime.CompilerServices;
using SourceGenDurable.Generators;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// The lowering's classes take their settings in their constructors: none has state that a caller sets, or resets
/// between uses, so one lowering cannot see what another left behind.
/// </summary>
public sealed class LoweringStateTests
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_lowering_class_has_a_property_or_field_that_others_can_set()
    {
        var types = typeof(WorkflowGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == "SourceGenDurable.Generators.Lowering" && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .ToList();
        Assert.Contains(types, t => t.Name == "BodyLowerer");

        var settable = types
            .SelectMany(t => t.GetProperties(Declared)
                .Where(p => p.SetMethod is { IsPrivate: false } setter && !IsInitOnly(setter))
                .Select(p => $"{t.Name}.{p.Name}")
                .Concat(t.GetFields(Declared)
                    .Where(f => !f.IsPrivate && !f.IsInitOnly && !f.IsLiteral && !t.IsEnum)
                    .Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

        Assert.Empty(settable);
    }

    /// <summary>A record's <c>init</c> accessor: set only while the object is made.</summary>
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
