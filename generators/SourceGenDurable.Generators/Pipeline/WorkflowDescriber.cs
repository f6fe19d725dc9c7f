using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// The model of a bound and lowered workflow: its declaration, its slots, its lowered body and its layout fingerprint,
/// as strings. The last place that reads symbols.
/// </summary>
internal static class WorkflowDescriber
{
    /// <summary>Bumped whenever the shape of generated state machines changes, so old instances are never misread.</summary>
    private const string LayoutVersion = "1";

    /// <summary>The model of a bound and lowered workflow: its declaration, its slots and its lowered body, as strings.</summary>
    public static WorkflowModel Describe(BoundWorkflow bound, LoweredBody body, CancellationToken cancellationToken)
    {
        var (method, syntax, shape, block, model, resultType) = (bound.Method, bound.Syntax, bound.Shape, bound.Block, bound.Model, bound.ResultType);
        var slots = bound.Slots.Concat(body.SynthesizedSlots).ToList();
        var containingTypes = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            containingTypes.Insert(0, type);
        }

        // The model's compilation: for an expression-bodied workflow, the copy whose method the binder bound.
        var known = KnownTypes.Of(model.Compilation);
        var (namePrefix, nameSuffix) = WorkflowNames.Of(method, known);
        var typeParameters = method.ContainingType.TypeParameters;
        var workflowName = typeParameters.IsEmpty ? namePrefix + nameSuffix : $"{namePrefix}<{string.Join(", ", typeParameters.Select(t => t.Name))}>{nameSuffix}";
        var isPublic = method.DeclaredAccessibility == Accessibility.Public && containingTypes.All(t => t.DeclaredAccessibility == Accessibility.Public);
        var @namespace = method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString();

        // Code between checkpoints is copied into the generated file, so it needs the usings it was written with.
        var fileUsings = syntax.SyntaxTree.GetCompilationUnitRoot(cancellationToken).Usings;
        var namespaceUsings = syntax.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings);

        return new WorkflowModel(
            TypePath: $"{(@namespace is null ? "" : @namespace + ".")}{string.Join(".", containingTypes.Select(t => t.MetadataName))}",
            FileUsings: fileUsings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None)).Select(u => u.NormalizeWhitespace().ToFullString()).ToEquatableArray(),
            Namespace: @namespace,
            NamespaceUsings: namespaceUsings.Select(u => u.NormalizeWhitespace().ToFullString()).ToEquatableArray(),
            ContainingTypes: containingTypes.Select(t => new ContainingTypeModel(
                t.IsRecord ? "record" : "class", t.Name, t.TypeParameters.IsEmpty ? "" : $"<{string.Join(", ", t.TypeParameters.Select(p => p.Name))}>")).ToEquatableArray(),
            WorkflowType: TypeNames.FullyQualified(method.ContainingType),
            ClassName: method.ContainingType.Name,
            ClientAccessibility: isPublic ? "public" : "internal",
            MethodName: method.Name,
            WorkflowNamePrefix: namePrefix,
            WorkflowNameSuffix: nameSuffix,
            TypeParameters: typeParameters.Select(t => t.Name).ToEquatableArray(),
            TypeParameterConstraints: string.Concat(typeParameters.Select(Constraints)),
            ResultType: resultType,
            ContextParameter: TypeNames.Identifier(method.Parameters[0].Name),
            Slots: slots.ToEquatableArray(),
            // Also for a step's exception rethrown after a resume (its attempts used up in an earlier run).
            CaughtExceptions: body.RebuildsExceptions || (shape.Checkpoints.Any(c => c.Operation.Kind is DurableOperationKind.ContextStep or DurableOperationKind.StepMethod) &&
                block.DescendantNodes().OfType<CatchDeclarationSyntax>().Any())
                ? CaughtExceptions(block, model).ToEquatableArray()
                : null,
            Body: body.Statements.ToEquatableArray(),
            SourcePath: body.SourcePath,
            LayoutFingerprint: Fingerprint(workflowName, shape, slots, model, known));
    }

    /// <summary>
    /// The exception types the workflow's catch clauses name that can be constructed from a message: after a resume,
    /// a saved exception of one of these types is rebuilt as that type, so the catch clauses still match it.
    /// </summary>
    private static IEnumerable<CaughtExceptionModel> CaughtExceptions(BlockSyntax body, SemanticModel model) =>
        body.DescendantNodes().OfType<CatchDeclarationSyntax>()
            .Select(c => model.GetTypeInfo(c.Type).Type as INamedTypeSymbol)
            .Where(t => t is not null && !t.IsAbstract && t.InstanceConstructors.Any(c =>
                c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String))
            .Select(t => new CaughtExceptionModel(RuntimeName(t!), TypeNames.FullyQualified(t!)))
            .Distinct()
            .OrderBy(e => e.RuntimeName, System.StringComparer.Ordinal);

    private static string RuntimeName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        return type.ContainingNamespace.IsGlobalNamespace ? name : type.ContainingNamespace.ToDisplayString() + "." + name;
    }

    /// <summary><c> where T : ...</c> for a type parameter with constraints, as the class declares them.</summary>
    private static string Constraints(ITypeParameterSymbol parameter)
    {
        var constraints = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            constraints.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            constraints.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            constraints.Add("notnull");
        }

        constraints.AddRange(parameter.ConstraintTypes.Select(TypeNames.FullyQualified));
        if (parameter.HasConstructorConstraint)
        {
            constraints.Add("new()");
        }

        if (parameter.AllowsRefLikeType)
        {
            constraints.Add("allows ref struct");
        }

        return constraints.Count == 0 ? "" : $" where {parameter.Name} : {string.Join(", ", constraints)}";
    }

    /// <summary>
    /// A hash of what a saved instance depends on: the checkpoints (their number and step names) and the slots (their
    /// names and types). Code between checkpoints may change freely without orphaning instances.
    /// </summary>
    private static string Fingerprint(string workflowName, WorkflowShape shape, IEnumerable<SlotModel> slots, SemanticModel model, KnownTypes known)
    {
        var text = new StringBuilder().Append("v").Append(LayoutVersion).Append('|').Append(workflowName).Append('|');
        foreach (var checkpoint in shape.Checkpoints)
        {
            // A ctx.Step name and a ctx.WaitForEvent name are their first argument: part of the layout when constant.
            var constantName = checkpoint.Invocation.ArgumentList.Arguments.FirstOrDefault() is { } first && model.GetConstantValue(first.Expression) is { HasValue: true, Value: string constant }
                ? constant
                : null;
            var name = checkpoint.Operation.Kind switch
            {
                DurableOperationKind.StepMethod => checkpoint.Operation.StepName,
                DurableOperationKind.ContextStep => constantName ?? "ctx.Step",
                // Timers and waits are named by kind, so replacing a step with one (or a wait's awaited type) changes the layout.
                DurableOperationKind.WaitForEvent => $"ctx.WaitForEvent<{LayoutTypeNames.Of(TypeNames.FullyQualified(checkpoint.Operation.ResultType!))}>({constantName})",
                DurableOperationKind.ChildWorkflow => "child " + WorkflowNames.Joined(checkpoint.Operation.Method, known),
                _ => $"ctx.{checkpoint.Operation.Method.Name}",
            };
            text.Append(name).Append(';');
        }

        text.Append('|');
        foreach (var slot in slots)
        {
            text.Append(slot.JsonName).Append(':').Append(LayoutTypeNames.Of(slot.Type)).Append(';');
        }

        // FNV-1a: stable across processes and platforms, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in text.ToString())
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash.ToString("x16");
    }
}
