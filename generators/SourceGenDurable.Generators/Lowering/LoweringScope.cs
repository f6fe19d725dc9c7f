using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Where the jumps of the code being lowered go: the innermost flattened loop or switch, and the try regions around
/// it whose finally became ordinary code. Immutable, and found from where the code is (<see cref="JumpTargets.ScopeOf"/>):
/// a construct's parts get a scope derived from its own, so nothing is pushed, popped or reset, and copied code is
/// rewritten with the scope it sits in.
/// </summary>
/// <param name="BreakLabel">Where a <c>break</c> leaving the copied code goes.</param>
/// <param name="ContinueLabel">Where a <c>continue</c> leaving the copied code goes.</param>
/// <param name="CaseLabels">Inside a flattened switch: its sections, by the span of the case label a <c>goto case</c> names.</param>
/// <param name="DefaultLabel">Inside a flattened switch: where <c>goto default</c> goes.</param>
/// <param name="ReturnLabel">Inside a try whose finally became ordinary code: where a return goes first.</param>
/// <param name="GotoRoutes">Per such try, innermost first: where a goto to a label outside it goes first.</param>
internal sealed record LoweringScope(
    string? BreakLabel,
    string? ContinueLabel,
    ImmutableDictionary<TextSpan, string>? CaseLabels,
    string? DefaultLabel,
    string? ReturnLabel,
    ImmutableStack<ImmutableDictionary<string, string>> GotoRoutes)
{
    /// <summary>The workflow body itself: no jump is routed.</summary>
    public static LoweringScope Body { get; } = new(
        null, null, null, null, null, ImmutableStack<ImmutableDictionary<string, string>>.Empty);

    /// <summary>Whether a goto may have to leave a try whose finally became ordinary code.</summary>
    public bool RoutesGotos => !GotoRoutes.IsEmpty;

    /// <summary>Where a goto to <paramref name="label"/> goes from here: through the enclosing lowered finally blocks first.</summary>
    public string GotoTarget(string label) =>
        GotoRoutes.FirstOrDefault(routes => routes.ContainsKey(label)) is { } route ? route[label] : label;

    /// <summary>The section of the flattened switch around this scope that <paramref name="gotoCase"/> jumps to.</summary>
    public string? SectionOf(SemanticModel model, GotoStatementSyntax gotoCase) =>
        CaseLabels is not null && CaseLabelOf(model, gotoCase) is { } target && CaseLabels.TryGetValue(target, out var label) ? label : null;

    /// <summary>
    /// Where the case label that <paramref name="gotoCase"/> jumps to is, as the compiler bound it: it matches the
    /// constants after converting both to the switch's type (<c>goto case 2</c> finds <c>case 2L</c> in a switch on a
    /// long), which comparing their unconverted values would not.
    /// </summary>
    private static TextSpan? CaseLabelOf(SemanticModel model, GotoStatementSyntax gotoCase) =>
        model.GetOperation(gotoCase) is IBranchOperation { Target: { } target } && target.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration
            ? declaration.Span
            : null;
}
