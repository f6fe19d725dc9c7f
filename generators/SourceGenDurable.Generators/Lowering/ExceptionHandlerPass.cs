using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The exception-handler pass, run after the spill pass and before the flattening, as the C# compiler's async
/// exception-handler rewriter runs before its state machine rewriter: for every try the lowering flattens, it plans
/// the pending exception and the pending jump and writes the code around the try's statements
/// (<see cref="ExceptionHandlerLowerer"/>): the catch clauses, the heads and ends of moved catch bodies, the exits
/// that record a jump leaving the try, and what comes before and after a flattened finally body. It can run first
/// because where every jump goes is known before any code is written (<see cref="JumpTargets"/>). The flattening
/// lowers the statements and places this code around them (<see cref="HandlerCode"/>).
/// </summary>
internal static class ExceptionHandlerPass
{
    public static HandlerCode Run(LoweringContext context)
    {
        var locals = Write(context, handlers => handlers.WriteLocals());
        var tries = new Dictionary<TryStatementSyntax, TryCode>();
        foreach (var @try in context.Regions.Tries)
        {
            var frame = new ExceptionHandlerLowerer(context).Plan(@try);
            var head = Write(context, handlers => handlers.WriteHead(frame));
            var catches = Write(context, handlers => handlers.WriteCatchClauses(frame));
            var moved = frame.Moved.IsEmpty ? null : new MovedCatchesCode(
                Write(context, handlers => handlers.WriteMovedCatchDispatch(frame)),
                frame.Moved.Select(clause => new MovedCatchCode(
                    clause,
                    Write(context, handlers => handlers.BeginMovedCatch(frame, clause)),
                    Write(context, handlers => handlers.EndMovedCatch(frame, clause)))).ToImmutableArray(),
                Write(context, handlers => handlers.EndMovedCatches(frame)));
            var @finally = !frame.FlattensFinally ? null : new FlattenedFinallyCode(
                Write(context, handlers => handlers.WriteExits(frame)),
                Write(context, handlers => handlers.BeginFinally(frame)),
                Write(context, handlers => handlers.EndFinally(frame)));
            tries[@try] = new TryCode(head, catches, moved, @finally);
        }

        return new HandlerCode(locals, tries);
    }

    /// <summary>What <paramref name="write"/> writes, as a piece for the flattening to place.</summary>
    private static LoweredBodyBuilder Write(LoweringContext context, System.Action<ExceptionHandlerLowerer> write)
    {
        var output = new LoweredBodyBuilder();
        write(new ExceptionHandlerLowerer(context.WritingTo(output)));
        return output;
    }
}
