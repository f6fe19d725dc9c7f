using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Linq;
using SourceGenDurable.Generators.Emitting;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Generators.Pipeline;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators;

/// <summary>Turns every <c>[DurableWorkflow]</c> method into a resumable state machine, one file per workflow.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class WorkflowGenerator : IIncrementalGenerator
{
    private readonly WorkflowModelCache _models;

    /// <summary>Creates the generator the compiler loads, which shares one model cache across compilations.</summary>
    public WorkflowGenerator()
        : this(WorkflowModelCache.Shared)
    {
    }

    internal WorkflowGenerator(WorkflowModelCache models) => _models = models;

    /// <summary>The names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Every <c>[DurableWorkflow]</c> method bound and lowered into a model, or the errors that say why it cannot be.</summary>
        public const string Workflows = nameof(Workflows);

        /// <summary>The workflows that will be emitted.</summary>
        public const string LowerableWorkflows = nameof(LowerableWorkflows);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = _models;
        var outcomes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.DurableWorkflowAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: (syntax, cancellationToken) => models.GetOrBuild(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Workflows);
        var workflows = outcomes
            .Where(static outcome => outcome.Model is not null)
            .Select(static (outcome, _) => outcome.Model!)
            .WithTrackingName(TrackingNames.LowerableWorkflows);

        context.RegisterSourceOutput(workflows, static (output, model) => output.AddSource(model.HintName, WorkflowEmitter.Emit(model)));

        // The analyzers report why a workflow cannot be lowered. A build that skips them (RunAnalyzers=false) would
        // leave the workflow out without a word, so there the generator reports the same errors.
        var skipsAnalyzers = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => AnalyzerSwitch.SkipsAnalyzers(options.GlobalOptions));
        var problems = outcomes
            .Where(static outcome => outcome.Problems.Count > 0)
            .Select(static (outcome, _) => outcome.Problems)
            .Combine(skipsAnalyzers)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left);
        context.RegisterSourceOutput(problems, static (output, problems) =>
        {
            foreach (var problem in problems)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
            }
        });

        // A generic class implements IDurableWorkflowClass once, for all its workflows: only their names are collected,
        // so an edit inside a workflow leaves this output cached.
        var genericWorkflows = workflows
            .Where(static model => model.IsGeneric)
            .Select(static (model, _) => new GenericWorkflowModel(model.TypePath, model.Namespace, model.ContainingTypes, model.MethodName))
            .Collect();
        context.RegisterSourceOutput(genericWorkflows, static (output, workflows) =>
        {
            foreach (var workflowClass in workflows.GroupBy(w => w.TypePath))
            {
                var first = workflowClass.First();
                var methods = workflowClass.Select(w => w.MethodName).OrderBy(n => n, System.StringComparer.Ordinal);
                output.AddSource($"{workflowClass.Key}.DurableWorkflowClass.g.cs", WorkflowEmitter.EmitWorkflowClass(first.Namespace, first.ContainingTypes, methods));
            }
        });
    }
}
