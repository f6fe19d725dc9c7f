using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// Rule 17: two slots that refer to one object, one of them changed through. Each slot is saved as its own JSON value,
/// so after a resume they are two objects, and a change through one is not seen through the other. An alias is made by
/// a slot local initialized or assigned from another slot, or from an object reached from one (<c>var line =
/// order.Lines[0];</c>), or by a slot stored into another (<c>lines.Add(line)</c>, <c>order.Last = line</c>). A foreach
/// variable is SGD0016's.
/// </summary>
internal sealed class SlotAliases
{
    private readonly StateWrites _writes;

    public SlotAliases(StateWrites writes) => _writes = writes;

    public IEnumerable<Diagnostic> Find(WorkflowShape shape, CancellationToken cancellationToken)
    {
        if (shape.Checkpoints.IsEmpty || shape.SlotVariables.Length < 2 || shape.Body is not { } body || shape.Model?.GetOperation(body, cancellationToken) is not { } block)
        {
            return [];
        }

        var slots = new HashSet<ISymbol>(shape.SlotVariables, SymbolEqualityComparer.Default);
        var operations = block.Descendants().ToList();
        var aliases = operations.SelectMany(o => Aliases(o, slots)).ToList();
        if (aliases.Count == 0)
        {
            return [];
        }

        var changes = operations.Select(Change).Where(c => c.Root is not null).ToList();
        return aliases
            .Where(alias => changes.Any(change => Same(change.Root!, alias.Alias) || (Same(change.Root!, alias.Holder) && change.Depth >= alias.Depth)))
            .Select(alias => Diagnostic.Create(DiagnosticDescriptors.SlotAlias, shape.Locate(alias.Site.GetLocation()), alias.Description));
    }

    /// <summary>
    /// The aliases <paramref name="operation"/> makes: the slot that refers to the object, the slot the object is
    /// reached from and how deep in it (0: the slot's own object), where, and how to say it.
    /// </summary>
    private IEnumerable<(ISymbol Alias, ISymbol Holder, int Depth, SyntaxNode Site, string Description)> Aliases(IOperation operation, HashSet<ISymbol> slots)
    {
        // A slot local given an object: declared with it, or assigned it.
        var (local, read) = operation switch
        {
            IVariableDeclaratorOperation { Symbol: var declared, Initializer.Value: { } initial } => (declared, initial),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var assigned }, Value: var assignedValue } => (assigned, assignedValue),
            _ => ((ILocalSymbol?)null, (IOperation?)null),
        };
        if (local is not null && slots.Contains(local) && LiveVariables.ComesBackAsCopy(local.Type) && ReadFromSlot(read!, slots) is { } source && !Same(source.Root, local))
        {
            yield return (local, source.Root, source.Depth, operation.Syntax, $"'{local.Name}' refers to the object read from '{read!.Syntax}'");
            yield break;
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: var target, Value: var value } assignment
                when target.WithoutConversions() is not (ILocalReferenceOperation or IParameterReferenceOperation) &&
                     Root(target) is { Root: { } holder } place && slots.Contains(holder) && StoredSlot(value, slots) is { } stored && !Same(holder, stored):
                yield return (stored, holder, place.Depth, assignment.Syntax, $"'{stored.Name}' is stored into '{target.Syntax}'");
                break;
            case IInvocationOperation { Instance: { } instance } call
                when _writes.IsMutator(call.TargetMethod) && Root(instance) is { Root: { } holder } place && slots.Contains(holder):
                foreach (var argument in call.Arguments)
                {
                    if (StoredSlot(argument.Value, slots) is { } stored && !Same(holder, stored))
                    {
                        // An element of the collection: one deeper than the collection itself.
                        yield return (stored, holder, place.Depth + 1, argument.Syntax, $"'{stored.Name}' is stored into '{instance.Syntax}'");
                    }
                }

                break;
        }
    }

    /// <summary>The slot an object is read from (the slot itself, or one its fields, properties or elements are reached from), and how deep.</summary>
    private static (ISymbol Root, int Depth)? ReadFromSlot(IOperation value, HashSet<ISymbol> slots) =>
        value.WithoutConversions() is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation &&
        Root(value) is { Root: { } root } place && slots.Contains(root)
            ? (root, place.Depth)
            : null;

    /// <summary>A slot holding an object, read as it is.</summary>
    private static ISymbol? StoredSlot(IOperation value, HashSet<ISymbol> slots) =>
        value.WithoutConversions() switch
        {
            ILocalReferenceOperation { Local: var local } when slots.Contains(local) && LiveVariables.ComesBackAsCopy(local.Type) => local,
            IParameterReferenceOperation { Parameter: var parameter } when slots.Contains(parameter) && LiveVariables.ComesBackAsCopy(parameter.Type) => parameter,
            _ => null,
        };

    /// <summary>
    /// The object <paramref name="operation"/> changes, as the variable it is reached from and how deep in it: the
    /// object whose member or element is set or incremented, or the collection changed.
    /// </summary>
    private (ISymbol? Root, int Depth) Change(IOperation operation)
    {
        var changed = operation switch
        {
            // Assigning a variable itself makes it refer to another object; it changes none.
            IAssignmentOperation assignment => assignment.Target.WithoutConversions().Container(),
            IIncrementOrDecrementOperation increment => increment.Target.WithoutConversions().Container(),
            IInvocationOperation { Instance: { } instance } call when _writes.IsMutator(call.TargetMethod) => instance,
            _ => null,
        };
        return changed is null ? (null, 0) : Root(changed);
    }

    /// <summary>The local or parameter <paramref name="operation"/> is reached from through fields, properties and elements, and through how many.</summary>
    private static (ISymbol? Root, int Depth) Root(IOperation operation)
    {
        var (current, depth) = (operation.WithoutConversions(), 0);
        while (current.Container() is { } container)
        {
            (current, depth) = (container, depth + 1);
        }

        return current switch
        {
            ILocalReferenceOperation local => (local.Local, depth),
            IParameterReferenceOperation parameter => (parameter.Parameter, depth),
            _ => (null, depth),
        };
    }

    private static bool Same(ISymbol first, ISymbol second) => SymbolEqualityComparer.Default.Equals(first, second);
}
