using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// Reports code that compiles and is lowered but breaks a durable workflow at run time: what runs again after a
/// restart (SGD0001-SGD0006, SGD0010), state a restart loses (SGD0007), durable operations that are not checkpoints
/// (SGD0009), misused steps (SGD0011), workflows that share a name (SGD0012), delegates it cannot follow (SGD0013) and
/// step bodies that assign the workflow's variables (SGD0015) and changes through a foreach variable that a resume
/// would lose (SGD0016).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowRulesAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WallClock,
        DiagnosticDescriptors.Randomness,
        DiagnosticDescriptors.NonDurableTimer,
        DiagnosticDescriptors.SideEffectOutsideStep,
        DiagnosticDescriptors.Concurrency,
        DiagnosticDescriptors.NonDurableAwait,
        DiagnosticDescriptors.StateOutsideSlots,
        DiagnosticDescriptors.DurableOperationOutsideWorkflowBody,
        DiagnosticDescriptors.ViolationThroughCall,
        DiagnosticDescriptors.StepMisuse,
        DiagnosticDescriptors.DuplicateWorkflowName,
        DiagnosticDescriptors.UnfollowedDelegate,
        DiagnosticDescriptors.StepAssignsWorkflowVariable,
        DiagnosticDescriptors.ForEachVariableIsCopy);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var workflowAttribute = start.Compilation.GetTypeByMetadataName(KnownTypeNames.DurableWorkflowAttribute);
            var stepAttribute = start.Compilation.GetTypeByMetadataName(KnownTypeNames.DurableStepAttribute);
            if (workflowAttribute is null || stepAttribute is null)
            {
                return;
            }

            // Resolved once per compilation, and shared by every workflow of it.
            var banned = BannedApis.Create(start.Compilation);
            var writes = StateWrites.Create(start.Compilation);
            var calls = new CallGraph(start.Compilation, banned, writes);
            var workflows = new ConcurrentBag<IMethodSymbol>();

            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method || !HasAttribute(method, workflowAttribute))
                {
                    return;
                }

                var body = new WorkflowBody(method, banned, calls, writes);
                block.RegisterOperationAction(body.AnalyzeUse, OperationKind.Invocation, OperationKind.PropertyReference, OperationKind.ObjectCreation);
                block.RegisterOperationAction(body.AnalyzeAwait, OperationKind.Await);
                block.RegisterOperationAction(body.AnalyzeForEach, OperationKind.Loop);
                block.RegisterOperationAction(
                    body.AnalyzeWrite,
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment,
                    OperationKind.CoalesceAssignment,
                    OperationKind.Increment,
                    OperationKind.Decrement);
                block.RegisterOperationBlockEndAction(body.ReportStepNameClashes);
            });

            start.RegisterSymbolAction(
                symbol =>
                {
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (HasAttribute(method, workflowAttribute))
                    {
                        workflows.Add(method);
                    }
                    else if (HasAttribute(method, stepAttribute))
                    {
                        StepRules.AnalyzeStepMethod(symbol, method, workflowAttribute);
                    }
                },
                SymbolKind.Method);
            start.RegisterSymbolAction(symbol => StepRules.AnalyzeStepNames((INamedTypeSymbol)symbol.Symbol, stepAttribute, symbol.ReportDiagnostic), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicateNames(workflows, end));
        });
    }

    /// <summary>
    /// Rule 12. Two [DurableWorkflow] methods of one class with one method name are SGD0106's (the generator skips
    /// them); a workflow of a generic class is named per closed class, which only the registration knows.
    /// </summary>
    private static void ReportDuplicateNames(ConcurrentBag<IMethodSymbol> workflows, CompilationAnalysisContext context)
    {
        var named = workflows
            .Where(w => !IsInGenericType(w.ContainingType))
            .Select(w => (Method: w, Name: WorkflowNames.Of(w, KnownTypes.Of(context.Compilation))))
            .GroupBy(w => w.Name.Prefix + w.Name.Suffix);
        foreach (var group in named)
        {
            var ordered = group
                .OrderBy(w => w.Method.Locations[0].SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(w => w.Method.Locations[0].SourceSpan.Start)
                .ToList();
            var first = ordered[0].Method;
            foreach (var (method, _) in ordered.Skip(1))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, first.ContainingType) && method.Name == first.Name)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateWorkflowName,
                    method.Locations[0],
                    $"{method.ContainingType.Name}.{method.Name}",
                    group.Key,
                    $"{first.ContainingType.ToDisplayString()}.{first.Name}"));
            }
        }
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
