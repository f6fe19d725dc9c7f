using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Try statements that contain a checkpoint: where their statements go. What surrounds them (the pending exception,
/// the pending jump, the moved catch clauses) is <see cref="ExceptionHandlerLowerer"/>'s.
/// </summary>
internal sealed partial class BodyLowerer
{
    private void LowerTry(TryStatementSyntax @try, LoweringScope scope)
    {
        var output = _context.Out;
        var frame = _handlers.Begin(@try, scope);
        if (!frame.FlattensFinally)
        {
            LowerTryBlock(frame, frame.Label, scope);
            LowerMovedCatches(frame, scope);
            return;
        }

        // The protected region: the try, its catch clauses and the moved catch bodies. Any exception leaving it is
        // kept as pending, the finally body runs as ordinary code, and then the exception or the jump that left the
        // try carries on.
        var inside = frame.Inside!;
        using (output.OpenBlock("try"))
        {
            output.Dispatch(frame.Label);
            output.Label($"{frame.Label}_body");
            LowerTryBlock(frame, $"{frame.Label}_body", inside);
            LowerMovedCatches(frame, inside);
            _handlers.WriteExits(frame);
        }

        _handlers.BeginFinally(frame);
        LowerStatements(@try.Finally!.Block.Statements, scope);
        _handlers.EndFinally(frame, scope);
    }

    /// <summary>The try block and its catch clauses, with the dispatch that enters the block on a resume (by <paramref name="entry"/>).</summary>
    private void LowerTryBlock(TryFrame frame, string entry, LoweringScope scope)
    {
        if (frame.Try.Catches.Count == 0 && frame.FlattensFinally)
        {
            // Nothing to catch: the try block's statements sit directly in the protected region.
            LowerStatements(frame.Try.Block.Statements, scope);
            return;
        }

        using (_context.Out.OpenBlock("try"))
        {
            _context.Out.Dispatch(entry);
            LowerStatements(frame.Try.Block.Statements, scope);
        }

        _handlers.WriteCatchClauses(frame, scope);
    }

    /// <summary>The bodies of catch clauses that contain a checkpoint, as ordinary code after the try.</summary>
    private void LowerMovedCatches(TryFrame frame, LoweringScope scope)
    {
        if (frame.Moved.IsEmpty)
        {
            return;
        }

        _handlers.WriteMovedCatchDispatch(frame);
        foreach (var clause in frame.Moved)
        {
            _handlers.BeginMovedCatch(frame, clause);
            LowerStatements(clause.Block.Statements, scope);
            _handlers.EndMovedCatch(frame, clause);
        }

        _handlers.EndMovedCatches(frame);
    }
}
