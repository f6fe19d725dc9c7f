using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

internal static class OperationExtensions
{
    /// <summary>The operation under implicit conversions and parentheses: what the code actually evaluates.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The operation that uses <paramref name="operation"/>'s value, above implicit conversions and parentheses.</summary>
    public static IOperation? ParentWithoutConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>
    /// What a field, property or array element is read from (<c>a.Items</c> from <c>a</c>, <c>a[0]</c> from
    /// <c>a</c>), under implicit conversions; null for any other operation, and for a static member.
    /// </summary>
    public static IOperation? Container(this IOperation operation) => operation switch
    {
        IFieldReferenceOperation field => field.Instance?.WithoutConversions(),
        IPropertyReferenceOperation property => property.Instance?.WithoutConversions(),
        IArrayElementReferenceOperation element => element.ArrayReference.WithoutConversions(),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="operation"/> starts code that is not workflow body although it is written in one: the
    /// body of a <c>ctx.Step(name, body)</c>, the one place where side effects belong (the step's result is recorded,
    /// so the body does not run again once it is), and the argument of <c>nameof</c>, which never runs.
    /// </summary>
    public static bool StartsNonWorkflowCode(this IOperation operation) =>
        operation is INameOfOperation ||
        (operation is IAnonymousFunctionOperation { Parent: IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation step } } } &&
         step.TargetMethod.Name == "Step" &&
         step.SemanticModel is { } model && KnownTypes.Of(model.Compilation).IsWorkflowContext(step.TargetMethod.ContainingType));

    /// <summary>Whether <paramref name="operation"/>, found in a workflow method, is workflow body (see <see cref="StartsNonWorkflowCode"/>).</summary>
    public static bool IsInWorkflowBody(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.StartsNonWorkflowCode())
            {
                return false;
            }
        }

        return true;
    }
}
