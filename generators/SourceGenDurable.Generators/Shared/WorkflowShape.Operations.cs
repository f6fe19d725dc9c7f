using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Shared;

/// <summary>Whether the call of a durable operation can be lowered: its receiver, its context and its arguments.</summary>
internal sealed partial class WorkflowShape
{
    private static string? WhyOperationNotLowered(IMethodSymbol method, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model)
    {
        if (operation.IsContextOperation)
        {
            var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? model.GetSymbolInfo(access.Expression).Symbol : null;
            return SymbolEqualityComparer.Default.Equals(receiver, method.Parameters[0])
                ? null
                : $"call {operation.Method.Name} on the workflow's own context parameter '{method.Parameters[0].Name}'";
        }

        if (operation.Kind == DurableOperationKind.ChildWorkflow)
        {
            return WhyChildNotLowered(method, invocation, operation, model);
        }

        if (!KnownTypes.Of(model.Compilation).IsTask(operation.Method.ReturnType))
        {
            return $"step method '{operation.Method.Name}' returns '{operation.Method.ReturnType.ToDisplayString()}'; a step returns Task or Task<T>";
        }

        if (model.GetOperation(invocation) is IInvocationOperation call &&
            call.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray || a.Parameter?.RefKind != RefKind.None))
        {
            return $"the arguments of step '{operation.Method.Name}' use ref, out, in or params, which cannot be captured for a retry";
        }

        return null;
    }

    /// <summary>
    /// A child workflow is started by name and run on an instance of its class that the engine creates, so the call's
    /// receiver is never evaluated: it must be this class or a member that holds the child's class, with no side effects.
    /// </summary>
    private static string? WhyChildNotLowered(IMethodSymbol method, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model)
    {
        var child = operation.Method;
        if (child.ContainingType.IsGenericType)
        {
            return $"child workflow '{child.Name}' is declared in generic class '{child.ContainingType.Name}', which cannot be started as a child yet; call a workflow of a non-generic class";
        }

        var receiver = invocation.Expression switch
        {
            IdentifierNameSyntax or GenericNameSyntax => null,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => null,
            MemberAccessExpressionSyntax access => model.GetSymbolInfo(access.Expression).Symbol ?? (ISymbol)method,
            _ => method,
        };
        var held = receiver switch
        {
            null => true,
            IFieldSymbol or IPropertySymbol => SymbolEqualityComparer.Default.Equals(receiver.ContainingType.OriginalDefinition, method.ContainingType.OriginalDefinition),
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } =>
                SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, method.ContainingType.OriginalDefinition),
            _ => false,
        };
        if (!held)
        {
            return $"child workflow '{child.Name}' is called on '{((MemberAccessExpressionSyntax)invocation.Expression).Expression}'; call it on this class, or on a field, property or constructor parameter of this class that holds the child's class";
        }

        var context = (model.GetOperation(invocation) as IInvocationOperation)?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        return context is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, method.Parameters[0])
            ? null
            : $"pass the workflow's own context parameter '{method.Parameters[0].Name}' as the context of child workflow '{child.Name}'";
    }
}
