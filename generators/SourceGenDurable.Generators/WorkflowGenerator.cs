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
        /// <summary>Every <c>[DurableWorkflow]</c> method bound and lowered into a model (null where it cannot be lowered).</summary>
        public const string Workflows = nameof(Workflows);

        /// <summary>The workflows that will be emitted.</summary>
        public const string LowerableWorkflows = nameof(LowerableWorkflows);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = _models;
        var workflows = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.DurableWorkflowAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: (syntax, cancellationToken) => models.GetOrBuild(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Workflows)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.LowerableWorkflows);

        context.RegisterSourceOutput(workflows, static (output, model) => output.AddSource(model!.HintName, WorkflowEmitter.Emit(model)));

        // A generic class implements IDurableWorkflowClass once, for all its workflows: only their names are collected,
        // so an edit inside a workflow leaves this output cached.
        var genericWorkflows = workflows
            .Where(static model => model!.IsGeneric)
            .Select(static (model, _) => new GenericWorkflowModel(model!.TypePath, model.Namespace, model.ContainingTypes, model.MethodName))
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
