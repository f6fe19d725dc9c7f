using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The code that makes the durable awaits of one statement, or of one part of it, stand alone (see
/// <see cref="SpillPass"/>), by the node it is written for; the flattening places each where that node is evaluated.
/// </summary>
internal sealed class SpilledCode
{
    private readonly IReadOnlyDictionary<SyntaxNode, LoweredBodyBuilder> _fragments;

    public SpilledCode(IReadOnlyDictionary<SyntaxNode, LoweredBodyBuilder> fragments) => _fragments = fragments;

    /// <summary>
    /// What is evaluated before <paramref name="node"/>: the statement itself, or a part evaluated apart from the rest
    /// of it (a declarator of a declaration with several, a clause of a for loop). Null when nothing is.
    /// </summary>
    public LoweredBodyBuilder? Before(SyntaxNode node) => _fragments.TryGetValue(node, out var fragment) ? fragment : null;
}
