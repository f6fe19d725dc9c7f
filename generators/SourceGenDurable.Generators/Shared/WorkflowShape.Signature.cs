using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Shared;

/// <summary>The checks of a workflow's declaration: partial classes, async, the context, the return type, what the generated code can reach.</summary>
internal sealed partial class WorkflowShape
{
    /// <summary>Reports the declaration's problems; returns whether the body can be read (the method is async and takes a context).</summary>
    private static bool CheckSignature(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, ImmutableArray<ShapeProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var name = syntax.Identifier.GetLocation();
        if (syntax.Body is null && syntax.ExpressionBody is null && method.PartialImplementationPart is not null)
        {
            // The other checks would read this body-less declaration and report what only its implementation can answer.
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowShapeNotSupported, name, method.Name,
                "it is the declaration of a partial method; put [DurableWorkflow] on its implementing declaration, the one with the body"));
            return false;
        }

        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(new ShapeProblem(DiagnosticIds.ContainingTypeNotPartial, name, method.Name, type.Identifier.ValueText));
            }
        }

        var isAsync = syntax.Modifiers.Any(SyntaxKind.AsyncKeyword);
        if (!isAsync)
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowNotAsync, name, method.Name, ReturnedDurableOperation(method, syntax, model, cancellationToken) ?? ""));
        }

        var known = KnownTypes.Of(model.Compilation);
        var hasContext = method.Parameters.Length > 0 && known.IsWorkflowContext(method.Parameters[0].Type);
        if (!hasContext)
        {
            var location = syntax.ParameterList.Parameters.Count > 0 ? syntax.ParameterList.Parameters[0].GetLocation() : syntax.ParameterList.GetLocation();
            problems.Add(new ShapeProblem(DiagnosticIds.FirstParameterNotContext, location, method.Name));
        }

        if (!known.IsTask(method.ReturnType))
        {
            problems.Add(new ShapeProblem(DiagnosticIds.ReturnTypeNotTask, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
        }

        var unsupported = new[]
        {
            syntax.Body is null && syntax.ExpressionBody is null ? "it has no body; declare the workflow with its body" : null,
            method.IsStatic ? "it is static; make it an instance method (the class is created through dependency injection)" : null,
            method.IsGenericMethod ? "it has type parameters, which this version does not support yet" : null,
            method.ContainingType.TypeKind != TypeKind.Class ? "it is not declared in a class" : null,
            ContainingTypes(method).Skip(1).Any(t => t.IsGenericType)
                ? "a class it is nested in is generic; only the workflow's own class may be generic (each closed class registers with AddWorkflowClass<...>())" : null,
            method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams) ? "it has a ref, out, in or params parameter; inputs are passed by value" : null,
            ContainingTypes(method).Any(t => t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                ? "its class is private or protected; the generated definition and client need it to be at least internal" : null,
            method.Parameters.Skip(1).Select(p => p.Type).Append(method.ReturnType).FirstOrDefault(t => !IsVisibleInAssembly(t)) is { } hidden
                ? $"its input or result type '{hidden.ToDisplayString()}' is private or protected; the generated client needs it to be at least internal" : null,
            method.ContainingType.GetMembers(method.Name).Count(m => m is IMethodSymbol other && known.IsWorkflow(other)) > 1
                ? "another [DurableWorkflow] method of its class has the same name; give each workflow method its own name" : null,
        };
        foreach (var reason in unsupported.OfType<string>())
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowShapeNotSupported, name, method.Name, reason));
        }

        return isAsync && hasContext;
    }

    /// <summary>
    /// For a workflow that is not async: ", so ... it returns ..." naming the durable operation whose task it returns
    /// (its expression body or a return statement), which is never awaited and so never a checkpoint; else null.
    /// </summary>
    private static string? ReturnedDurableOperation(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var returned = syntax.ExpressionBody is { } arrow
            ? [arrow.Expression]
            : syntax.Body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>() ?? [];
        var operation = returned
            .Select(Unparenthesize)
            .OfType<InvocationExpressionSyntax>()
            .Select(call => (Call: call, Operation: DurableOperation.Classify(call, model, method.ContainingType, cancellationToken)))
            .FirstOrDefault(o => o.Operation is not null);
        return operation.Operation is { } durable
            ? $", so the durable operation '{durable.Describe(operation.Call)}' whose task it returns is never awaited and never becomes a checkpoint"
            : null;
    }

    private static bool IsVisibleInAssembly(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsVisibleInAssembly(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(IsVisibleInAssembly) &&
            Enumerable.Repeat(named, 1).Concat(ContainingTypesOf(named)).All(t => t.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)),
        _ => true,
    };

    private static IEnumerable<INamedTypeSymbol> ContainingTypesOf(INamedTypeSymbol type)
    {
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            yield return containing;
        }
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            yield return type;
        }
    }
}
