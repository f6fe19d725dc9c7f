using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>The code <see cref="ExceptionHandlerPass"/> wrote: the locals at the top of the body, and the pieces around each flattened try.</summary>
internal sealed class HandlerCode
{
    private readonly IReadOnlyDictionary<TryStatementSyntax, TryCode> _tries;

    public HandlerCode(LoweredBodyBuilder locals, IReadOnlyDictionary<TryStatementSyntax, TryCode> tries) => (Locals, _tries) = (locals, tries);

    /// <summary>The exceptions that moved catch bodies and flattened finally blocks handle while in memory.</summary>
    public LoweredBodyBuilder Locals { get; }

    public TryCode Of(TryStatementSyntax @try) => _tries[@try];
}

/// <summary>The pieces around the statements of one flattened try.</summary>
/// <param name="Head">Before the try: the reset of its slots, and its label.</param>
/// <param name="Catches">After the try block: its catch clauses (a moved one only records what it caught), and a finally that is not flattened.</param>
/// <param name="Moved">Around the catch bodies that move after the try, if any.</param>
/// <param name="Finally">Around a flattened finally body, if it has one.</param>
internal sealed record TryCode(LoweredBodyBuilder Head, LoweredBodyBuilder Catches, MovedCatchesCode? Moved, FlattenedFinallyCode? Finally);

/// <param name="Dispatch">The jump to the body of the clause that caught, or past them all.</param>
/// <param name="Bodies">Each moved clause, in source order, with what comes before and after its statements.</param>
/// <param name="End">After the last: nothing is being handled any more.</param>
internal sealed record MovedCatchesCode(LoweredBodyBuilder Dispatch, ImmutableArray<MovedCatchCode> Bodies, LoweredBodyBuilder End);

internal sealed record MovedCatchCode(CatchClauseSyntax Clause, LoweredBodyBuilder Head, LoweredBodyBuilder Tail);

/// <param name="Exits">At the end of the protected region: the fall-through to the finally, and each exit taken, recording its number.</param>
/// <param name="Head">After the protected region: the catch that keeps an exception as pending, and the finally's label.</param>
/// <param name="Tail">After the finally body: the pending exception or the recorded jump carries on.</param>
internal sealed record FlattenedFinallyCode(LoweredBodyBuilder Exits, LoweredBodyBuilder Head, LoweredBodyBuilder Tail);
