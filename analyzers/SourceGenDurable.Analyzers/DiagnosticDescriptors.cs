using Microsoft.CodeAnalysis;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>Every diagnostic of SourceGenDurable, in one place.</summary>
internal static class DiagnosticDescriptors
{
    private const string ShapeCategory = "SourceGenDurable.Shape";

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        DiagnosticIds.ContainingTypeNotPartial,
        "Workflow class must be partial",
        "Workflow '{0}' is declared in '{1}', which is not partial: add the 'partial' modifier so the generator can add the workflow's state machine to it");

    public static readonly DiagnosticDescriptor WorkflowNotAsync = Error(
        DiagnosticIds.WorkflowNotAsync,
        "Workflow method must be async",
        "Workflow '{0}' is not async: declare it 'async Task' or 'async Task<T>'");

    public static readonly DiagnosticDescriptor FirstParameterNotContext = Error(
        DiagnosticIds.FirstParameterNotContext,
        "Workflow method must take a WorkflowContext first",
        "The first parameter of workflow '{0}' must be a SourceGenDurable.WorkflowContext; the inputs follow it");

    public static readonly DiagnosticDescriptor ReturnTypeNotTask = Error(
        DiagnosticIds.ReturnTypeNotTask,
        "Workflow method must return Task or Task<T>",
        "Workflow '{0}' returns '{1}': a workflow returns Task or Task<T>");

    public static readonly DiagnosticDescriptor DurableAwaitNotLowered = Error(
        DiagnosticIds.DurableAwaitNotLowered,
        "Durable operation cannot be lowered here",
        "This durable operation cannot be made a checkpoint: {0}");

    public static readonly DiagnosticDescriptor WorkflowShapeNotSupported = Error(
        DiagnosticIds.WorkflowShapeNotSupported,
        "Workflow cannot be generated",
        "Workflow '{0}' cannot be generated: {1}");

    private static DiagnosticDescriptor Error(string id, string title, string message) => new(
        id,
        title,
        message,
        ShapeCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: $"https://github.com/sourcegendurable/sourcegendurable/blob/main/docs/diagnostics/{id}.md");
}
