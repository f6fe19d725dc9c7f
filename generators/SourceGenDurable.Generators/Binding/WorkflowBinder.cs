using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Binding;

/// <summary>
/// A workflow method bound for lowering: its shape (checkpoints, spill plans, fan-outs, the statements to flatten)
/// and the fields of its slots, with the symbols and the model the lowering reads.
/// </summary>
/// <param name="Model">The model that binds <paramref name="Block"/> (see <see cref="WorkflowBlock"/>).</param>
/// <param name="SlotFields">The field of each variable that is a slot.</param>
/// <param name="Slots">The slots of the inputs and of the locals that live across a checkpoint, then those of return checkpoints.</param>
/// <param name="ResultType">The workflow's result type, fully qualified; null for a workflow without a result.</param>
internal sealed record BoundWorkflow(
    IMethodSymbol Method,
    MethodDeclarationSyntax Syntax,
    WorkflowShape Shape,
    BlockSyntax Block,
    SemanticModel Model,
    IReadOnlyDictionary<ISymbol, string> SlotFields,
    ImmutableArray<SlotModel> Slots,
    string? ResultType);

/// <summary>Binds a <c>[DurableWorkflow]</c> method for lowering, once its shape is known to have no problems.</summary>
internal static class WorkflowBinder
{
    /// <summary>The name of the slot that carries the result of a <c>return await</c> checkpoint.</summary>
    public static string ReturnSlotName(int state) => $"__result{state}";

    /// <summary>The bound workflow, or null when <paramref name="shape"/> has problems that say why the method cannot be lowered.</summary>
    public static BoundWorkflow? Bind(IMethodSymbol method, MethodDeclarationSyntax syntax, WorkflowShape shape, CancellationToken cancellationToken)
    {
        if (!shape.Problems.IsEmpty || shape.Body is not { } block || shape.Model is not { } model)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var slotFields = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        var slots = ImmutableArray.CreateBuilder<SlotModel>();
        foreach (var variable in shape.SlotVariables)
        {
            // Locals of sibling blocks may share a name; their slots may not.
            var jsonName = slots.Any(s => s.JsonName == variable.Name) ? $"{variable.Name}__{slots.Count}" : variable.Name;
            var identifier = TypeNames.Identifier(jsonName);
            slotFields[variable] = identifier;
            var type = variable is ILocalSymbol local ? local.Type : ((IParameterSymbol)variable).Type;
            slots.Add(new SlotModel(identifier, jsonName, TypeNames.FullyQualified(type), IsInput: variable is IParameterSymbol));
        }

        for (var state = 0; state < shape.Checkpoints.Length; state++)
        {
            var checkpoint = shape.Checkpoints[state];
            if (checkpoint.Form == CheckpointForm.Return)
            {
                var name = ReturnSlotName(state);
                slots.Add(new SlotModel(name, name, TypeNames.FullyQualified(checkpoint.Operation.ResultType ?? method.ReturnType), IsInput: false));
            }
        }

        var resultType = method.ReturnType is INamedTypeSymbol { IsGenericType: true } task ? TypeNames.FullyQualified(task.TypeArguments[0]) : null;
        return new BoundWorkflow(method, syntax, shape, block, model, slotFields, slots.ToImmutable(), resultType);
    }
}
