using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// Rule 8: a slot (a local or input that lives across a checkpoint) is written to JSON at the checkpoint and read back
/// on resume, so its type must be data that System.Text.Json can round-trip. Delegates, ref structs, pointers and
/// anonymous types are SGD0106's: the generator cannot even declare a slot for them.
/// </summary>
internal static class CheckpointableTypes
{
    public static IEnumerable<Diagnostic> Check(WorkflowShape shape, MethodDeclarationSyntax method)
    {
        // Without a checkpoint nothing lives across one (the inputs are saved when the workflow starts, as the client sends them).
        if (shape.Checkpoints.IsEmpty || shape.Body is not { } body || shape.Model is not { } model)
        {
            yield break;
        }

        foreach (var slot in shape.SlotVariables)
        {
            var type = slot is ILocalSymbol local ? local.Type : ((IParameterSymbol)slot).Type;
            if (WhyNot(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is not { } reason)
            {
                continue;
            }

            var checkpoint = CheckpointCrossed(slot, shape, body, model);
            yield return Diagnostic.Create(
                DiagnosticDescriptors.NotCheckpointable,
                slot.Locations.FirstOrDefault() is { } declared ? shape.Locate(declared) : method.Identifier.GetLocation(),
                slot.Name,
                type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(),
                checkpoint.Operation.Describe(checkpoint.Invocation),
                shape.Locate(checkpoint.Await.GetLocation()).GetLineSpan().StartLinePosition.Line + 1,
                reason);
        }
    }

    /// <summary>Why a value of <paramref name="type"/> does not survive a checkpoint, or null when it does (or when SGD0106 reports it).</summary>
    private static string? WhyNot(ITypeSymbol type, HashSet<ITypeSymbol> visited)
    {
        if (!visited.Add(type) || type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Delegate || type.IsRefLikeType || type.IsAnonymousType)
        {
            return type is IArrayTypeSymbol array ? Inside(array.ElementType, visited) : null;
        }

        var definition = named.OriginalDefinition.ToDisplayString();
        if (definition is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>")
        {
            return "a task is work running in this process, which cannot be saved and is gone after a restart";
        }

        if (named.AllInterfaces.Concat(named.TypeKind == TypeKind.Interface ? [named] : []).Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable"))
        {
            return "it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen";
        }

        foreach (var argument in named.TypeArguments)
        {
            if (Inside(argument, visited) is { } inner)
            {
                return inner;
            }
        }

        // Only types of this compilation are checked member by member: library types bring their own converters.
        return named.Locations.Any(l => l.IsInSource) ? WhyNotData(named, visited) : null;
    }

    private static string? Inside(ITypeSymbol element, HashSet<ITypeSymbol> visited) =>
        WhyNot(element, visited) is { } reason ? $"it holds a '{element.ToDisplayString()}', and {reason}" : null;

    private static string? WhyNotData(INamedTypeSymbol type, HashSet<ITypeSymbol> visited)
    {
        // A type with its own [JsonConverter] decides how it is written and read back.
        if (type.TypeKind is TypeKind.Enum || type.IsStatic || type.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonConverterAttribute"))
        {
            return null;
        }

        var polymorphic = type.GetAttributes().Any(a => a.AttributeClass?.Name is "JsonPolymorphicAttribute" or "JsonDerivedTypeAttribute");
        if ((type.IsAbstract || type.TypeKind == TypeKind.Interface) && !polymorphic)
        {
            return $"'{type.Name}' is {(type.TypeKind == TypeKind.Interface ? "an interface" : "abstract")}, and System.Text.Json cannot create it without [JsonDerivedType] attributes naming its implementations";
        }

        IMethodSymbol? constructor = null;
        if (type.TypeKind == TypeKind.Class && !type.IsAbstract)
        {
            var publicConstructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
            constructor = type.InstanceConstructors.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonConstructorAttribute"))
                ?? publicConstructors.FirstOrDefault(c => c.Parameters.IsEmpty)
                ?? (publicConstructors.Count == 1 ? publicConstructors[0] : null);
            if (constructor is null)
            {
                return $"'{type.Name}' has no public parameterless constructor, no single public constructor and no [JsonConstructor], so System.Text.Json cannot create it when it reads the checkpoint back";
            }
        }

        var parameters = new HashSet<string>(constructor?.Parameters.Select(p => p.Name) ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public || property.IsIndexer ||
                property.GetAttributes().Any(a => a.AttributeClass?.Name is "JsonIgnoreAttribute" or "JsonIncludeAttribute"))
            {
                continue;
            }

            // A computed property is written but needs no reading back; an auto-property holds state, which must return.
            var isAutoProperty = type.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
            if (isAutoProperty && property.SetMethod?.DeclaredAccessibility != Accessibility.Public && !parameters.Contains(property.Name))
            {
                return $"its property '{type.Name}.{property.Name}' has no public setter and no constructor parameter, so System.Text.Json writes it but cannot read it back";
            }

            if (WhyNot(property.Type, visited) is { } inner)
            {
                return $"its property '{type.Name}.{property.Name}' is a '{property.Type.ToDisplayString()}', and {inner}";
            }
        }

        return null;
    }

    /// <summary>
    /// A checkpoint the slot lives across, to name in the message: the first one after its declaration and before its
    /// last use, else (it is read again in a later pass of a loop) the first one after its declaration.
    /// </summary>
    private static CheckpointSite CheckpointCrossed(ISymbol slot, WorkflowShape shape, BlockSyntax body, SemanticModel model)
    {
        var declared = slot is ILocalSymbol ? slot.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0 : body.SpanStart;
        var lastUse = body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == slot.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, slot))
            .Select(i => i.SpanStart)
            .DefaultIfEmpty(int.MaxValue)
            .Max();
        var after = shape.Checkpoints.Where(c => c.Await.SpanStart > declared).ToList();
        return after.FirstOrDefault(c => c.Await.SpanStart < lastUse) ?? after.FirstOrDefault() ?? shape.Checkpoints[0];
    }
}
