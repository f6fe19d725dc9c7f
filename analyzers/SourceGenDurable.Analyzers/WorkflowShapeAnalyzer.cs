using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// Reports why a <c>[DurableWorkflow]</c> method cannot be turned into a state machine. The generator emits nothing
/// for such a method, so these errors are what the user sees instead of broken generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowShapeAnalyzer : DiagnosticAnalyzer
{
    private static readonly Dictionary<string, DiagnosticDescriptor> DescriptorsById = new()
    {
        [DiagnosticIds.ContainingTypeNotPartial] = DiagnosticDescriptors.ContainingTypeNotPartial,
        [DiagnosticIds.WorkflowNotAsync] = DiagnosticDescriptors.WorkflowNotAsync,
        [DiagnosticIds.FirstParameterNotContext] = DiagnosticDescriptors.FirstParameterNotContext,
        [DiagnosticIds.ReturnTypeNotTask] = DiagnosticDescriptors.ReturnTypeNotTask,
        [DiagnosticIds.DurableAwaitNotLowered] = DiagnosticDescriptors.DurableAwaitNotLowered,
        [DiagnosticIds.WorkflowShapeNotSupported] = DiagnosticDescriptors.WorkflowShapeNotSupported,
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DescriptorsById.Values.Append(DiagnosticDescriptors.NotCheckpointable).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var workflowAttribute = start.Compilation.GetTypeByMetadataName(KnownTypeNames.DurableWorkflowAttribute);
            if (workflowAttribute is null)
            {
                return;
            }

            var checkpointable = CheckpointableTypes.Create(start.Compilation);
            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, workflowAttribute, checkpointable), SyntaxKind.MethodDeclaration);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol workflowAttribute, CheckpointableTypes checkpointable)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0 ||
            context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method ||
            !method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, workflowAttribute)))
        {
            return;
        }

        var shape = WorkflowShapes.Of(context.Compilation).Get(method, syntax, context.SemanticModel, context.CancellationToken);
        foreach (var problem in shape.Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(DescriptorsById[problem.Id], problem.Location, problem.MessageArgs));
        }

        // SGD0008 reads the slots the shape found, so the body is analyzed once for both.
        foreach (var diagnostic in checkpointable.Check(shape, syntax))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
