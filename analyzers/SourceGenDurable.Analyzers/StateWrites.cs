using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Analyzers;

/// <summary>A write to state that is not a slot: the member that holds the state, and how it changes.</summary>
internal sealed class StateWrite
{
    public StateWrite(ISymbol member, bool isStatic, string display, bool isMutation)
    {
        Member = member;
        IsStatic = isStatic;
        Display = display;
        IsMutation = isMutation;
    }

    /// <summary>The field, property or captured constructor parameter written, or holding the collection changed.</summary>
    public ISymbol Member { get; }

    /// <summary>Static state; otherwise state of the object the method runs on (<c>this</c>).</summary>
    public bool IsStatic { get; }

    /// <summary>How the write is named in a chain: <c>_count</c>, <c>Counters.Started</c>, <c>s_seen.Add</c>, <c>s_cache[...]</c>.</summary>
    public string Display { get; }

    /// <summary>Whether the write changes a collection the member holds (<c>s_seen.Add(x)</c>) rather than the member itself.</summary>
    public bool IsMutation { get; }
}

/// <summary>
/// Rule 7's writes, resolved to symbols once per compilation: assignments to fields, properties and captured
/// constructor parameters of <c>this</c> or of static state, and calls to the members of the BCL collections that
/// change them (<c>Add</c>, <c>Remove</c>, an indexer set...) on a collection such a member holds. A <c>readonly</c>
/// field does not make its collection immutable, so it counts too. A method marked
/// <c>[System.Diagnostics.Contracts.Pure]</c> is taken at its word: the call graph does not look for writes in it.
/// </summary>
internal sealed class StateWrites
{
    private const string Indexer = "this[]";

    private static readonly (string Type, string[] Members)[] Mutators =
    [
        ("System.Collections.Generic.ICollection`1", ["Add", "Remove", "Clear"]),
        ("System.Collections.Generic.IList`1", ["Insert", "RemoveAt", Indexer]),
        ("System.Collections.Generic.IDictionary`2", ["Add", "Remove", Indexer]),
        ("System.Collections.Generic.ISet`1", ["Add", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"]),
        ("System.Collections.IList", ["Add", "Insert", "Remove", "RemoveAt", "Clear", Indexer]),
        ("System.Collections.IDictionary", ["Add", "Remove", "Clear", Indexer]),
        ("System.Collections.Generic.List`1", ["Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAll", "RemoveAt", "RemoveRange", "Clear", "Reverse", "Sort", Indexer]),
        ("System.Collections.Generic.Dictionary`2", ["Add", "TryAdd", "Remove", "Clear", Indexer]),
        ("System.Collections.Generic.SortedDictionary`2", ["Add", "Remove", "Clear", Indexer]),
        ("System.Collections.Generic.SortedList`2", ["Add", "TryAdd", "Remove", "RemoveAt", "SetValueAtIndex", "Clear", Indexer]),
        ("System.Collections.Generic.HashSet`1", ["Add", "Remove", "RemoveWhere", "Clear", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"]),
        ("System.Collections.Generic.SortedSet`1", ["Add", "Remove", "RemoveWhere", "Clear", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"]),
        ("System.Collections.Generic.Queue`1", ["Enqueue", "Dequeue", "TryDequeue", "Clear"]),
        ("System.Collections.Generic.PriorityQueue`2", ["Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "EnqueueDequeue", "DequeueEnqueue", "Remove", "Clear"]),
        ("System.Collections.Generic.Stack`1", ["Push", "Pop", "TryPop", "Clear"]),
        ("System.Collections.Generic.LinkedList`1", ["AddFirst", "AddLast", "AddBefore", "AddAfter", "Remove", "RemoveFirst", "RemoveLast", "Clear"]),
        ("System.Collections.ObjectModel.Collection`1", ["Add", "Insert", "Remove", "RemoveAt", "Clear", Indexer]),
        ("System.Collections.ObjectModel.ObservableCollection`1", ["Move"]),
        ("System.Collections.Concurrent.ConcurrentDictionary`2", ["TryAdd", "TryRemove", "TryUpdate", "AddOrUpdate", "GetOrAdd", "Clear", Indexer]),
        ("System.Collections.Concurrent.ConcurrentQueue`1", ["Enqueue", "TryDequeue", "Clear"]),
        ("System.Collections.Concurrent.ConcurrentStack`1", ["Push", "PushRange", "TryPop", "TryPopRange", "Clear"]),
        ("System.Collections.Concurrent.ConcurrentBag`1", ["Add", "TryTake", "Clear"]),
        ("System.Collections.Concurrent.BlockingCollection`1", ["Add", "TryAdd", "Take", "TryTake", "CompleteAdding"]),
        ("System.Collections.Concurrent.IProducerConsumerCollection`1", ["TryAdd", "TryTake"]),
        ("System.Collections.ArrayList", ["Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveRange", "Clear", "Reverse", "Sort", Indexer]),
        ("System.Collections.Hashtable", ["Add", "Remove", "Clear", Indexer]),
    ];

    private readonly HashSet<ISymbol> _mutators = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _pure;

    private StateWrites(INamedTypeSymbol? pure) => _pure = pure;

    public static StateWrites Create(Compilation compilation)
    {
        var writes = new StateWrites(compilation.GetTypeByMetadataName("System.Diagnostics.Contracts.PureAttribute"));
        foreach (var (typeName, members) in Mutators)
        {
            if (compilation.GetTypeByMetadataName(typeName) is not { } type)
            {
                continue;
            }

            foreach (var name in members)
            {
                foreach (var member in type.GetMembers(name))
                {
                    // Only instance members: the static ones take the collection as an argument, not as the receiver.
                    if (member is IMethodSymbol { IsStatic: false } or IPropertySymbol { IsIndexer: true })
                    {
                        writes._mutators.Add(member);
                    }
                }
            }
        }

        return writes;
    }

    /// <summary>Whether <paramref name="member"/> is a member of a BCL collection that changes it (<c>Add</c>, an indexer...).</summary>
    public bool IsMutator(ISymbol member) => _mutators.Contains(member.OriginalDefinition);

    /// <summary>Whether <paramref name="method"/> is marked <c>[Pure]</c>, which says it changes no state.</summary>
    public bool IsPure(IMethodSymbol method) =>
        _pure is not null && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _pure));

    /// <summary>
    /// The write to static state or to the state of <c>this</c> that <paramref name="operation"/> makes, found in the
    /// body of <paramref name="method"/>, or null. The operation is an assignment, an increment or decrement, or a call.
    /// </summary>
    public StateWrite? Find(IOperation operation, IMethodSymbol method) => operation switch
    {
        IAssignmentOperation assignment => Written(assignment.Target, method),
        IIncrementOrDecrementOperation increment => Written(increment.Target, method),
        IInvocationOperation { Instance: { } instance } invocation when _mutators.Contains(invocation.TargetMethod.OriginalDefinition) =>
            Holder(instance, method, $"{instance.Syntax}.{invocation.TargetMethod.Name}"),
        _ => null,
    };

    private StateWrite? Written(IOperation target, IMethodSymbol method) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer =>
            _mutators.Contains(indexer.Property.OriginalDefinition) ? Holder(instance, method, $"{instance.Syntax}[...]") : null,
        IArrayElementReferenceOperation element => Holder(element.ArrayReference, method, $"{element.ArrayReference.Syntax}[...]"),
        _ => Direct(target, method),
    };

    /// <summary>The member written when <paramref name="target"/> is itself static state or state of <c>this</c>.</summary>
    private static StateWrite? Direct(IOperation target, IMethodSymbol method) => target switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true } field } => new StateWrite(field, true, Qualified(field), false),
        IPropertyReferenceOperation { Property: { IsStatic: true } property } => new StateWrite(property, true, Qualified(property), false),
        IFieldReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Field: var field } =>
            new StateWrite(field, false, field.Name, false),
        IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Property: { IsIndexer: false } property } =>
            new StateWrite(property, false, property.Name, false),
        // A primary constructor parameter used outside the constructor is captured: it is a field of the object.
        IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
            when !SymbolEqualityComparer.Default.Equals(constructor, method) && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, method.ContainingType) =>
            new StateWrite(parameter, false, parameter.Name, false),
        _ => null,
    };

    /// <summary>The static or <c>this</c> member under <paramref name="instance"/> (<c>_state.Items</c> is <c>_state</c>'s), whose collection is changed.</summary>
    private static StateWrite? Holder(IOperation instance, IMethodSymbol method, string display)
    {
        for (var current = instance.WithoutConversions(); current is not null;)
        {
            if (Direct(current, method) is { } root)
            {
                return new StateWrite(root.Member, root.IsStatic, display, true);
            }

            current = current.Container();
        }

        return null;
    }

    public static string Qualified(ISymbol member) => member.ContainingType.Name + "." + member.Name;
}
