using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The try regions of the lowered body and the dispatch that enters them on a resume: a <c>switch</c> on the saved
/// state at the top of the method, and at the head of each try block that holds a checkpoint, jumps on to the next
/// region on the way to the checkpoint's resume label (a goto cannot enter a try block).
/// </summary>
internal sealed class RegionDispatch
{
    public const string State = "__state";

    private readonly WorkflowShape _shape;
    private readonly LoweredBodyBuilder _out;
    private readonly Dictionary<TryStatementSyntax, string> _tryLabels = new();
    private readonly Dictionary<TryStatementSyntax, string> _trySlots = new();
    private readonly ImmutableArray<ImmutableArray<string>> _regionPaths;

    /// <param name="lineOf">The user's line (0-based) a node starts on, which names the labels of a try.</param>
    public RegionDispatch(WorkflowShape shape, LoweredBodyBuilder output, System.Func<SyntaxNode, int> lineOf)
    {
        _shape = shape;
        _out = output;
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

        _regionPaths = shape.Checkpoints.Select(c => RegionPath(c.Statement)).ToImmutableArray();
    }

    /// <summary>The flattened try statements, in source order.</summary>
    public IEnumerable<TryStatementSyntax> Tries => _tryLabels.Keys;

    /// <summary>The label of a flattened try, and the prefix of its locals and labels.</summary>
    public string LabelOf(TryStatementSyntax @try) => _tryLabels[@try];

    /// <summary>The prefix of the slots of a flattened try (its pending exception and jump, its caught exception).</summary>
    public string SlotsOf(TryStatementSyntax @try) => _trySlots[@try];

    public static string ResumeLabel(int state) => $"__resume{state}";

    /// <summary>A catch clause whose body contains a checkpoint: the body moves after the try.</summary>
    public bool IsMoved(CatchClauseSyntax clause) => _shape.Flattened.Contains(clause.Block);

    /// <summary>
    /// A finally block becomes ordinary code after the try when it contains a checkpoint, or when a catch body that
    /// contains one moves out of the try (the finally must still run after it).
    /// </summary>
    public bool FlattensFinally(TryStatementSyntax @try) =>
        @try.Finally is not null && (_shape.Flattened.Contains(@try.Finally.Block) || @try.Catches.Any(IsMoved));

    /// <summary>How many region labels precede this try's own in the region paths of the checkpoints inside it.</summary>
    public int DepthOf(TryStatementSyntax @try) => RegionPath(@try).Length;

    /// <summary>States whose region path continues through <paramref name="label"/>.</summary>
    public IEnumerable<int> StatesInside(string label) =>
        Enumerable.Range(0, _regionPaths.Length).Where(state => _regionPaths[state].Contains(label));

    /// <summary>Jumps from the saved state to its resume label, or to the next try region on the way there.</summary>
    public void WriteDispatch(IEnumerable<int> states, int depth)
    {
        var cases = states.ToList();
        if (cases.Count == 0)
        {
            return;
        }

        using (_out.OpenBlock($"switch ({State})"))
        {
            foreach (var state in cases)
            {
                var path = _regionPaths[state];
                var target = path.Length > depth ? path[depth] : ResumeLabel(state);
                _out.CodeJumpingTo($"case {state}: goto {target};", target);
            }
        }

        _out.Note();
    }

    /// <summary>
    /// The labels of the try blocks a statement sits in once lowered, outermost first: a resume enters each at its
    /// head, where a dispatch jumps on. A try whose finally is flattened has two: the protected region around the try
    /// and its moved catch bodies, and the try block itself.
    /// </summary>
    private ImmutableArray<string> RegionPath(StatementSyntax statement)
    {
        var path = new List<string>();
        foreach (var @try in statement.Ancestors().OfType<TryStatementSyntax>().Reverse())
        {
            var label = _tryLabels[@try];
            var inBlock = @try.Block.Span.Contains(statement.Span);
            var inCatch = @try.Catches.Any(c => c.Span.Contains(statement.Span));
            if (FlattensFinally(@try) && (inBlock || inCatch))
            {
                path.Add(label);
            }

            if (inBlock && (!FlattensFinally(@try) || @try.Catches.Count > 0))
            {
                path.Add(FlattensFinally(@try) ? $"{label}_body" : label);
            }
        }

        return path.ToImmutableArray();
    }
}
