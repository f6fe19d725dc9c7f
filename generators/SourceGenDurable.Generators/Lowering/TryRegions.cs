using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The try statements the lowering flattens, named: each gets a label after its line (<c>__try_L12</c>), the prefix of
/// its locals and labels, and slots numbered in source order (<c>__try0</c>), and what becomes of its catch and
/// finally blocks.
/// </summary>
internal sealed class TryRegions
{
    private readonly WorkflowShape _shape;
    private readonly Dictionary<TryStatementSyntax, string> _tryLabels = new();
    private readonly Dictionary<TryStatementSyntax, string> _trySlots = new();

    /// <param name="lineOf">The user's line (0-based) a node starts on, which names the labels of a try.</param>
    public TryRegions(WorkflowShape shape, System.Func<SyntaxNode, int> lineOf)
    {
        _shape = shape;
        foreach (var @try in shape.Flattened.OfType<TryStatementSyntax>().OrderBy(t => t.SpanStart))
        {
            // Slots are numbered in source order (the layout fingerprint covers their names); labels say where the try is.
            _trySlots[@try] = $"__try{_trySlots.Count}";
            var label = $"__try_L{lineOf(@try) + 1}";
            for (var repeat = 2; _tryLabels.ContainsValue(label); repeat++)
            {
                label = $"__try_L{lineOf(@try) + 1}_{repeat}";
            }

            _tryLabels[@try] = label;
        }
    }

    /// <summary>The flattened try statements, in source order.</summary>
    public IEnumerable<TryStatementSyntax> Tries => _tryLabels.Keys;

    /// <summary>The label of a flattened try, and the prefix of its locals and labels.</summary>
    public string LabelOf(TryStatementSyntax @try) => _tryLabels[@try];

    /// <summary>The prefix of the slots of a flattened try (its pending exception and jump, its caught exception).</summary>
    public string SlotsOf(TryStatementSyntax @try) => _trySlots[@try];

    /// <summary>A catch clause whose body contains a checkpoint: the body moves after the try.</summary>
    public bool IsMoved(CatchClauseSyntax clause) => _shape.Flattened.Contains(clause.Block);

    /// <summary>
    /// The moved catch bodies <paramref name="node"/> is in, innermost first, with their try's label and slots' prefix:
    /// a resume inside one rebuilds the exception it handles, and <c>throw;</c> there rethrows it.
    /// </summary>
    public IEnumerable<(CatchClauseSyntax Clause, string Label, string Slots)> MovedCatchesAround(SyntaxNode node) =>
        node.Ancestors().OfType<CatchClauseSyntax>().Where(IsMoved)
            .Select(clause => (clause, LabelOf((TryStatementSyntax)clause.Parent!), SlotsOf((TryStatementSyntax)clause.Parent!)));

    /// <summary>
    /// A finally block becomes ordinary code after the try when it contains a checkpoint, or when a catch body that
    /// contains one moves out of the try (the finally must still run after it).
    /// </summary>
    public bool FlattensFinally(TryStatementSyntax @try) =>
        @try.Finally is not null && (_shape.Flattened.Contains(@try.Finally.Block) || @try.Catches.Any(IsMoved));
}
