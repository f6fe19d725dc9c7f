using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// Turns a <c>[DurableWorkflow]</c> method into a <see cref="WorkflowModel"/>, in the compiler's order: bind
/// (<see cref="WorkflowBinder"/>), lower into typed statements (<see cref="BodyLowerer"/>, then
/// <see cref="RegionDispatch"/> and <see cref="UnreachableCode"/>), then describe what the emitter needs as values (<see cref="WorkflowDescriber"/>), so
/// the model compares by value. The emitter sees only the model: it writes the statements, with their <c>#line</c>
/// directives.
/// </summary>
internal static class WorkflowPipeline
{
    /// <summary>The model, or the shape errors that say why the method cannot be lowered.</summary>
    public static WorkflowOutcome Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new WorkflowOutcome(null, default);
        }

        var shape = WorkflowShape.Analyze(method, syntax, context.SemanticModel, cancellationToken);
        if (WorkflowBinder.Bind(method, syntax, shape, cancellationToken) is not { } bound)
        {
            return new WorkflowOutcome(null, shape.Problems.Select(Describe).ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var flattened = BodyLowerer.Lower(bound, $"__{bound.Method.Name}_RebuildException");
        var body = UnreachableCode.Remove(RegionDispatch.Write(flattened, bound.Shape.Checkpoints.Length));
        return new WorkflowOutcome(WorkflowDescriber.Describe(bound, body, cancellationToken), default);
    }

    private static ShapeDiagnostic Describe(ShapeProblem problem)
    {
        var lines = problem.Location.GetLineSpan();
        return new ShapeDiagnostic(problem.Id, lines.Path, problem.Location.SourceSpan, lines.Span, problem.MessageArgs.ToEquatableArray());
    }
}
