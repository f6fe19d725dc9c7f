using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SourceGenDurable.Shared;

/// <summary>
/// The errors that say why a workflow cannot be lowered. The analyzers report them; the generator reports the same ones
/// only when the build skips analyzers, so a workflow is never left out of the build without a word.
/// </summary>
internal static class ShapeDiagnostics
{
    public const string Category = "SourceGenDurable.Shape";

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        DiagnosticIds.ContainingTypeNotPartial,
        "Workflow class must be partial",
        "Workflow '{0}' is declared in '{1}', which is not partial: add the 'partial' modifier so the generator can add the workflow's state machine to it");

    public static readonly DiagnosticDescriptor WorkflowNotAsync = Error(
        DiagnosticIds.WorkflowNotAsync,
        "Workflow method must be async",
        "Workflow '{0}' is not async{1}: declare it 'async Task' or 'async Task<T>' and await its durable operations");

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

    /// <summary>The descriptor of each <see cref="ShapeProblem"/> id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new Dictionary<string, DiagnosticDescriptor>
    {
        [DiagnosticIds.ContainingTypeNotPartial] = ContainingTypeNotPartial,
        [DiagnosticIds.WorkflowNotAsync] = WorkflowNotAsync,
        [DiagnosticIds.FirstParameterNotContext] = FirstParameterNotContext,
        [DiagnosticIds.ReturnTypeNotTask] = ReturnTypeNotTask,
        [DiagnosticIds.DurableAwaitNotLowered] = DurableAwaitNotLowered,
        [DiagnosticIds.WorkflowShapeNotSupported] = WorkflowShapeNotSupported,
    };

    /// <summary>Where a diagnostic's documentation is.</summary>
    public static string HelpLink(string id) => $"https://github.com/sourcegendurable/sourcegendurable/blob/main/docs/diagnostics/{id}.md";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
