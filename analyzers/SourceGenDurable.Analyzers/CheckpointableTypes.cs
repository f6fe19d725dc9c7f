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
/// anonymous types are SGD0106's: the generator cannot even declare a slot for them. What System.Text.Json refuses or
/// changes was checked on the runtime's serializer settings (<c>WorkflowSerializerOptions.CreateDefault</c>); the
/// library types it names are resolved to symbols once per compilation.
/// </summary>
internal sealed class CheckpointableTypes
{
    private readonly HashSet<INamedTypeSymbol> _tasks = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _disposables = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _dictionaries = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _keyTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _stacks = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _untypedCollections = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _lossyNumbers = new(SymbolEqualityComparer.Default);
    private INamedTypeSymbol? _type;
    private INamedTypeSymbol? _exception;
    private INamedTypeSymbol? _jsonConverterOfT;

    private CheckpointableTypes()
    {
    }

    public static CheckpointableTypes Create(Compilation compilation)
    {
        var known = new CheckpointableTypes();
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);
        void Add(HashSet<INamedTypeSymbol> set, params string[] names)
        {
            foreach (var name in names)
            {
                if (Type(name) is { } type)
                {
                    set.Add(type);
                }
            }
        }

        Add(known._tasks, "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1");
        Add(known._disposables, "System.IDisposable", "System.IAsyncDisposable");
        Add(known._dictionaries, "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2");
        // The types besides the primitives and enums that System.Text.Json writes as property names (and reads back).
        Add(known._keyTypes, "System.Guid", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan", "System.Half",
            "System.Int128", "System.UInt128", "System.Uri", "System.Version");
        Add(known._stacks, "System.Collections.Generic.Stack`1", "System.Collections.Concurrent.ConcurrentStack`1");
        Add(known._untypedCollections, "System.Collections.ArrayList", "System.Collections.Hashtable");
        Add(known._lossyNumbers, "System.Numerics.BigInteger", "System.Numerics.Complex");
        known._type = Type("System.Type");
        known._exception = Type("System.Exception");
        known._jsonConverterOfT = Type("System.Text.Json.Serialization.JsonConverter`1");
        return known;
    }

    public IEnumerable<Diagnostic> Check(WorkflowShape shape, MethodDeclarationSyntax method)
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
    private string? WhyNot(ITypeSymbol type, HashSet<ITypeSymbol> visited)
    {
        if (type.TypeKind == TypeKind.Dynamic || type.SpecialType == SpecialType.System_Object)
        {
            return $"System.Text.Json reads a value declared '{type.ToDisplayString()}' back as a JsonElement, not as the type of the value that was saved: declare it with that type";
        }

        if (type is IArrayTypeSymbol { Rank: > 1 })
        {
            return "System.Text.Json cannot write a multi-dimensional array (NotSupportedException at the checkpoint): use an array of arrays";
        }

        if (!visited.Add(type) || type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Delegate || type.IsRefLikeType || type.IsAnonymousType)
        {
            return type is IArrayTypeSymbol array ? Inside(array.ElementType, visited) : null;
        }

        var definition = named.OriginalDefinition;
        if (_tasks.Contains(definition))
        {
            return "a task is work running in this process, which cannot be saved and is gone after a restart";
        }

        if (named.AllInterfaces.Concat(named.TypeKind == TypeKind.Interface ? [named] : []).Any(i => _disposables.Contains(i)))
        {
            return "it is a disposable resource (a connection, a stream, a timer, a cancellation source), which JSON cannot hold and a restart does not reopen";
        }

        if (named.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr || DerivesFrom(named, _type))
        {
            return $"System.Text.Json refuses to write '{named.Name}' (NotSupportedException at the checkpoint)";
        }

        if (_lossyNumbers.Contains(definition))
        {
            return $"System.Text.Json has no converter for '{named.Name}': it writes its computed properties and reads back zero";
        }

        if (_stacks.Contains(definition))
        {
            return "System.Text.Json writes a stack top first and pushes the items back in that order, so the stack comes back reversed: keep a List or an array";
        }

        if (_untypedCollections.Contains(definition))
        {
            return $"System.Text.Json reads the items of '{named.Name}' back as JsonElement, not as the types that were saved: use a generic collection";
        }

        if (DerivesFrom(named, _exception))
        {
            return "System.Text.Json writes an exception's message but cannot read it back (its properties are read-only): keep the message or the data you need";
        }

        if (DictionaryKey(named) is { } key && WhyNotKey(key) is { } keyReason)
        {
            return keyReason;
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

    private string? Inside(ITypeSymbol element, HashSet<ITypeSymbol> visited) =>
        WhyNot(element, visited) is { } reason ? $"it holds a '{element.ToDisplayString()}', and {reason}" : null;

    private string? WhyNotData(INamedTypeSymbol type, HashSet<ITypeSymbol> visited)
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

    /// <summary>The key type of a dictionary (a type that implements or is <c>IDictionary&lt;K, V&gt;</c> or <c>IReadOnlyDictionary&lt;K, V&gt;</c>), or null.</summary>
    private ITypeSymbol? DictionaryKey(INamedTypeSymbol type)
    {
        if (_dictionaries.Contains(type.OriginalDefinition))
        {
            return type.TypeArguments[0];
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (_dictionaries.Contains(candidate.OriginalDefinition))
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// Why System.Text.Json cannot save a dictionary keyed by <paramref name="key"/>, or null when it can or when that
    /// is not known here: a type parameter, or a converter that is a factory (a converter registered in the options,
    /// rather than with [JsonConverter] on the type, is not visible to the analyzer at all).
    /// </summary>
    private string? WhyNotKey(ITypeSymbol key)
    {
        if (key.SpecialType == SpecialType.System_Object)
        {
            return "System.Text.Json writes its 'object' keys but cannot read them back (NotSupportedException on resume): key it by a string, a number, an enum, a Guid or a date";
        }

        var supported = key.TypeKind is TypeKind.Enum or TypeKind.TypeParameter or TypeKind.Error ||
            key.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String or SpecialType.System_DateTime ||
            (key is INamedTypeSymbol named && (_keyTypes.Contains(named) || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || ConverterWritesPropertyNames(named) != false));
        return supported
            ? null
            : $"System.Text.Json cannot write its key type '{key.ToDisplayString()}' as a property name (NotSupportedException at the checkpoint): key it by a string, a number, an enum, a Guid or a date, or give '{key.Name}' a [JsonConverter] that overrides ReadAsPropertyName and WriteAsPropertyName";
    }

    /// <summary>
    /// Whether the [JsonConverter] on <paramref name="type"/> overrides WriteAsPropertyName and ReadAsPropertyName:
    /// null when the type has no such attribute or its converter cannot be read (a factory, an unresolved type).
    /// </summary>
    private bool? ConverterWritesPropertyNames(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonConverterAttribute");
        if (attribute is null)
        {
            return false;
        }

        if (attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol converter }] || _jsonConverterOfT is null)
        {
            return null;
        }

        bool write = false, read = false;
        for (var current = converter; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _jsonConverterOfT))
            {
                return write && read;
            }

            write |= current.GetMembers("WriteAsPropertyName").Any(m => m.IsOverride);
            read |= current.GetMembers("ReadAsPropertyName").Any(m => m.IsOverride);
        }

        // Not a JsonConverter<T>: a factory, which decides at run time.
        return null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (INamedTypeSymbol? current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
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
