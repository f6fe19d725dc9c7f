using System.Threading;
using Microsoft.CodeAnalysis;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Model;

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
    /// <summary>The model, or null when the analyzers report why the method cannot be lowered.</summary>
    public static WorkflowModel? Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (WorkflowBinder.Bind(context, cancellationToken) is not { } bound)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var flattened = BodyLowerer.Lower(bound, $"__{bound.Method.Name}_RebuildException");
        var body = UnreachableCode.Remove(RegionDispatch.Write(flattened, bound.Shape.Checkpoints.Length));
        return WorkflowDescriber.Describe(bound, body, cancellationToken);
    }
}
