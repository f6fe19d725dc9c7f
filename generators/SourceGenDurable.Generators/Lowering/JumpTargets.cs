using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Where every jump of a workflow body goes, decided before any pass writes code, as the C# compiler's binder names
/// the labels of loops and switches before its lowering passes run: each flattened loop and switch is named once
/// (<c>__while_L42</c>), and the <see cref="LoweringScope"/> at any place in the body follows from the constructs
/// around it. So a pass that writes code for a place (the exception-handler pass, the flattening) routes its jumps
/// the same way without being handed a scope by another.
/// </summary>
internal sealed class JumpTargets
{
    private readonly SemanticModel _model;
    private readonly WorkflowShape _shape;
    private readonly TryRegions _regions;
    private readonly Dictionary<StatementSyntax, (string Label, string Slots)> _constructs = new();
    private readonly Dictionary<SyntaxNode, LoweringScope> _scopes = new();
    private readonly Dictionary<TryStatementSyntax, List<string>> _leavingGotos = new();

    /// <param name="name">Names a construct's labels and slots (see <see cref="LoweringContext.NextConstruct"/>).</param>
    public JumpTargets(SemanticModel model, WorkflowShape shape, TryRegions regions, System.Func<string, SyntaxNode, string, (string, string)> name)
    {
        (_model, _shape, _regions) = (model, shape, regions);
        foreach (var construct in shape.Flattened.OfType<StatementSyntax>().OrderBy(s => s.SpanStart))
        {
            if (Kind(construct) is { } kind)
            {
                _constructs[construct] = name(kind, construct, kind);
            }
        }
    }

    /// <summary>The label of a flattened loop or switch: the prefix of its labels (<c>_continue</c>, <c>_break</c>, ...).</summary>
    public string LabelOf(StatementSyntax construct) => _constructs[construct].Label;

    /// <summary>The label of a section of a flattened switch, which its case labels and <c>goto case</c> jump to.</summary>
    public string SectionLabel(SwitchStatementSyntax @switch, int section) => $"{LabelOf(@switch)}_section{section}";

    /// <summary>The prefix of the slots of a flattened loop or switch (a foreach loop's list and position, a switch's value).</summary>
    public string SlotsOf(StatementSyntax construct) => _constructs[construct].Slots;

    /// <summary>Where the jumps of the code at <paramref name="node"/> go: from the flattened constructs around it.</summary>
    public LoweringScope ScopeOf(SyntaxNode node)
    {
        if (_scopes.TryGetValue(node, out var scope))
        {
            return scope;
        }

        scope = node.Parent is { } parent ? Within(parent, node, ScopeOf(parent)) : LoweringScope.Body;
        _scopes[node] = scope;
        return scope;
    }

    /// <summary>
    /// Where each jump that leaves the protected region of a try whose finally is flattened goes after the finally,
    /// numbered from 1, with the label inside that records it. Every possible exit keeps its number, which is saved.
    /// </summary>
    /// <remarks>
    /// An exit is <c>Taken</c> when some jump in the region leaves by it: only those are written. A <c>break</c> or
    /// <c>continue</c> leaves when the loop or switch it ends is outside the try; every goto counted here leaves.
    /// </remarks>
    public ImmutableArray<(string Target, string Recorded, bool Taken)> ExitsOf(TryStatementSyntax @try)
    {
        var (label, outer) = (_regions.LabelOf(@try), ScopeOf(@try));
        var jumps = ProtectedRegion(@try).ToList();
        var exits = ImmutableArray.CreateBuilder<(string, string, bool)>();
        if (outer.BreakLabel is { } outerBreak)
        {
            exits.Add((outerBreak, $"{label}_leave_break", jumps.OfType<BreakStatementSyntax>().Any(jump => Leaves(jump, @try, breaks: true))));
        }

        if (outer.ContinueLabel is { } outerContinue)
        {
            exits.Add((outerContinue, $"{label}_leave_continue", jumps.OfType<ContinueStatementSyntax>().Any(jump => Leaves(jump, @try, breaks: false))));
        }

        exits.AddRange(GotoLabelsLeaving(@try).Select(name => (outer.GotoTarget(name), $"{label}_leave_goto_{name}", true)));
        return exits.ToImmutable();
    }

    /// <summary>Whether a return leaves the protected region of <paramref name="try"/>: a return statement in it, or a checkpoint that returns.</summary>
    public bool Returns(TryStatementSyntax @try) =>
        ProtectedRegion(@try).OfType<ReturnStatementSyntax>().Any() ||
        _shape.Checkpoints.Any(c => c.Form == CheckpointForm.Return && @try.Span.Contains(c.Statement.Span));

    /// <summary>The nodes of a try block and its catch blocks, outside lambdas and local functions, whose jumps cannot leave them.</summary>
    private static IEnumerable<SyntaxNode> ProtectedRegion(TryStatementSyntax @try) =>
        @try.Catches.Select(c => c.Block).Prepend(@try.Block)
            .SelectMany(block => block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax));

    /// <summary>Whether the loop (or, for a break, the switch) that <paramref name="jump"/> ends is outside <paramref name="try"/>.</summary>
    private static bool Leaves(StatementSyntax jump, TryStatementSyntax @try, bool breaks) =>
        !jump.Ancestors().TakeWhile(n => n != @try)
            .Any(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax || (breaks && n is SwitchStatementSyntax));

    /// <summary>What a flattened construct makes of the scope around it for <paramref name="child"/>, one of its parts.</summary>
    private LoweringScope Within(SyntaxNode parent, SyntaxNode child, LoweringScope outer)
    {
        if (!_shape.Flattened.Contains(parent))
        {
            return outer;
        }

        return parent switch
        {
            WhileStatementSyntax loop when child == loop.Statement => Loop(loop, outer),
            DoStatementSyntax loop when child == loop.Statement => Loop(loop, outer),
            ForStatementSyntax loop when child == loop.Statement => Loop(loop, outer),
            CommonForEachStatementSyntax loop when child == loop.Statement => Loop(loop, outer),
            SwitchStatementSyntax @switch when child is SwitchSectionSyntax => Sections(@switch, outer),
            TryStatementSyntax @try when _regions.FlattensFinally(@try) && child == @try.Block => Protected(@try, outer),
            // The catch clauses share the try block's region, worked out once.
            TryStatementSyntax @try when _regions.FlattensFinally(@try) && child is CatchClauseSyntax => ScopeOf(@try.Block),
            _ => outer,
        };
    }

    private LoweringScope Loop(StatementSyntax loop, LoweringScope outer) =>
        outer with { BreakLabel = $"{LabelOf(loop)}_break", ContinueLabel = $"{LabelOf(loop)}_continue" };

    /// <summary>The sections of a flattened switch: a <c>break</c> leaves it, and a <c>goto case</c> finds its section by the case label as bound.</summary>
    private LoweringScope Sections(SwitchStatementSyntax @switch, LoweringScope outer)
    {
        string? defaultLabel = null;
        var caseLabels = ImmutableDictionary.CreateBuilder<TextSpan, string>();
        for (var section = 0; section < @switch.Sections.Count; section++)
        {
            foreach (var caseLabel in @switch.Sections[section].Labels)
            {
                if (caseLabel is DefaultSwitchLabelSyntax)
                {
                    defaultLabel = SectionLabel(@switch, section);
                }
                else if (caseLabel is CaseSwitchLabelSyntax)
                {
                    // By the label itself: a goto case finds it as the compiler bound it (see LoweringScope.SectionOf).
                    caseLabels[caseLabel.Span] = SectionLabel(@switch, section);
                }
            }
        }

        return outer with { BreakLabel = $"{LabelOf(@switch)}_break", CaseLabels = caseLabels.ToImmutable(), DefaultLabel = defaultLabel };
    }

    /// <summary>
    /// The protected region of a try whose finally is flattened (its block and catch clauses): jumps that leave it are
    /// recorded first, then taken after the finally body.
    /// </summary>
    private LoweringScope Protected(TryStatementSyntax @try, LoweringScope outer)
    {
        var label = _regions.LabelOf(@try);
        return outer with
        {
            ReturnLabel = $"{label}_leave_return",
            BreakLabel = outer.BreakLabel is null ? null : $"{label}_leave_break",
            ContinueLabel = outer.ContinueLabel is null ? null : $"{label}_leave_continue",
            GotoRoutes = outer.GotoRoutes.Push(GotoLabelsLeaving(@try).ToImmutableDictionary(name => name, name => $"{label}_leave_goto_{name}")),
        };
    }

    /// <summary>
    /// The labels that gotos in the try block or its catch blocks jump to outside the try statement: a user's label, or
    /// the section of the flattened switch around the try that a goto case or goto default names.
    /// </summary>
    private List<string> GotoLabelsLeaving(TryStatementSyntax @try)
    {
        if (!_leavingGotos.TryGetValue(@try, out var leaving))
        {
            _leavingGotos[@try] = leaving = FindGotoLabelsLeaving(@try, ScopeOf(@try));
        }

        return leaving;
    }

    private List<string> FindGotoLabelsLeaving(TryStatementSyntax @try, LoweringScope outer) =>
        ProtectedRegion(@try)
            .OfType<GotoStatementSyntax>()
            .Select(g => g.Kind() switch
            {
                SyntaxKind.GotoStatement when _model.GetSymbolInfo(g.Expression!).Symbol is ILabelSymbol target && target.DeclaringSyntaxReferences.All(r => !@try.Span.Contains(r.Span))
                    => ((IdentifierNameSyntax)g.Expression!).Identifier.ValueText,
                SyntaxKind.GotoStatement => null,
                // The switch a goto case names is the nearest one around it; when that is outside the try, it is the flattened switch around the try.
                _ when g.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault() is { } target && @try.Span.Contains(target.Span) => null,
                SyntaxKind.GotoDefaultStatement => outer.DefaultLabel,
                _ => outer.SectionOf(_model, g),
            })
            .OfType<string>()
            .Distinct()
            .ToList();

    private static string? Kind(StatementSyntax construct) => construct switch
    {
        WhileStatementSyntax => "while",
        DoStatementSyntax => "do",
        ForStatementSyntax => "for",
        CommonForEachStatementSyntax => "foreach",
        SwitchStatementSyntax => "switch",
        _ => null,
    };
}
