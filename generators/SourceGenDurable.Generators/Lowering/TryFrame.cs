using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// What a try statement with a checkpoint in it needs around its lowered statements, planned by the exception-handler
/// pass (<see cref="ExceptionHandlerLowerer.Plan"/>): its slots, its labels, and the jumps that leave it.
/// </summary>
/// <param name="Label">The label of the try, and the prefix of its locals and labels.</param>
/// <param name="Slots">The prefix of its slots.</param>
/// <param name="FlattensFinally">Whether its finally body becomes ordinary code after the protected region.</param>
/// <param name="Moved">Its catch clauses whose bodies move after the try, in source order.</param>
/// <param name="Pending">With a flattened finally: the slot of the exception that left the protected region.</param>
/// <param name="Branch">With a flattened finally: the slot of the number of the jump that left it (-1 a return).</param>
/// <param name="Caught">With moved catch bodies: the slot of the number of the clause that caught (0 none).</param>
/// <param name="Error">With moved catch bodies: the slot of the description of what it caught.</param>
/// <param name="Returns">With a flattened finally: whether a return leaves it (see <see cref="JumpTargets.Returns"/>).</param>
/// <param name="Exits">With a flattened finally: where each jump leaving it goes after the finally, numbered from 1, with the label that records it (see <see cref="JumpTargets.ExitsOf"/>).</param>
internal sealed record TryFrame(
    TryStatementSyntax Try,
    string Label,
    string Slots,
    bool FlattensFinally,
    ImmutableArray<CatchClauseSyntax> Moved,
    string? Pending,
    string? Branch,
    string? Caught,
    string? Error,
    bool Returns,
    ImmutableArray<(string Target, string Recorded, bool Taken)> Exits);
