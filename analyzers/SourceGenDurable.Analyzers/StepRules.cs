using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>Rule 11 on the declarations of <c>[DurableStep]</c> methods; the step names a workflow body uses are checked in <see cref="WorkflowBody"/>.</summary>
internal static class StepRules
{
    public static void AnalyzeStepMethod(SymbolAnalysisContext context, IMethodSymbol step, INamedTypeSymbol workflowAttribute)
    {
        if (!step.ContainingType.GetMembers().Any(m => m is IMethodSymbol && WorkflowRulesAnalyzer.HasAttribute(m, workflowAttribute)))
        {
            Report(context.ReportDiagnostic, step, step.Locations[0],
                $"is declared in '{step.ContainingType.Name}', which has no [DurableWorkflow] method: a call is a durable step only from a workflow of the step's own class, so move it there");
        }

        if (!KnownTypes.Of(context.Compilation).IsTask(step.ReturnType))
        {
            Report(context.ReportDiagnostic, step, step.Locations[0],
                $"returns '{step.ReturnType.ToDisplayString()}': a step returns Task or Task<T>, which the workflow awaits and whose completion is recorded");
        }

        foreach (var parameter in step.Parameters.Where(p => p.RefKind != RefKind.None))
        {
            var modifier = parameter.RefKind switch
            {
                RefKind.Out => "out",
                RefKind.In => "in",
                _ => "ref",
            };
            Report(context.ReportDiagnostic, step, parameter.Locations[0],
                $"has the {modifier} parameter '{parameter.Name}': a step's arguments are kept to run it again on a retry, so pass inputs by value and return outputs in the result");
        }
    }

    /// <summary>Two <c>[DurableStep]</c> methods of one class (so possibly of one workflow) with one step name, as overloads or by a pinned name.</summary>
    public static void AnalyzeStepNames(INamedTypeSymbol type, INamedTypeSymbol stepAttribute, Action<Diagnostic> report)
    {
        var steps = type.GetMembers()
            .OfType<IMethodSymbol>()
            .Select(m => (Method: m, Attribute: m.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, stepAttribute))))
            .Where(s => s.Attribute is not null)
            .GroupBy(s => DurableOperation.StepNameOf(s.Method, s.Attribute!));
        foreach (var group in steps)
        {
            var first = group.First().Method;
            foreach (var (method, _) in group.Skip(1))
            {
                Report(report, method, method.Locations[0],
                    $"has the step name '{group.Key}', like '{first.Name}' in the same class: give each step its own name with [DurableStep(Name = \"...\")], so that the step history tells them apart");
            }
        }
    }

    private static void Report(Action<Diagnostic> report, IMethodSymbol step, Location location, string problem) =>
        report(Diagnostic.Create(DiagnosticDescriptors.StepMisuse, location, step.Name, problem));
}
