using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SourceGenDurable.Generators.Model;

/// <summary>What the pipeline makes of one <c>[DurableWorkflow]</c> method: its model, or why it has none.</summary>
/// <param name="Model">The model to emit; null when the method cannot be lowered.</param>
/// <param name="Problems">Why it cannot be lowered, as values: reported by the generator only when the build skips analyzers.</param>
internal sealed record WorkflowOutcome(WorkflowModel? Model, EquatableArray<ShapeDiagnostic> Problems);

/// <summary>A shape error as values, so the outcome holding it stays value-equatable and holds no syntax tree.</summary>
/// <param name="Id">The diagnostic's id (see <see cref="SourceGenDurable.Shared.ShapeDiagnostics"/>).</param>
/// <param name="Path">The file the error is in.</param>
/// <param name="Span">Where in the file.</param>
/// <param name="Lines">The same place as lines and columns.</param>
/// <param name="Arguments">The message's arguments.</param>
internal sealed record ShapeDiagnostic(string Id, string Path, TextSpan Span, LinePositionSpan Lines, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        SourceGenDurable.Shared.ShapeDiagnostics.ById[Id], Location.Create(Path, Span, Lines), Arguments.Select(argument => (object?)argument).ToArray());
}
