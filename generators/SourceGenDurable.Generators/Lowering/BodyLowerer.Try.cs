using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Try statements that contain a checkpoint: where their statements go. What surrounds them (the pending exception,
/// the pending jump, the moved catch clauses) the exception-handler pass wrote before (<see cref="HandlerCode"/>).
/// </summary>
internal sealed partial class BodyLowerer
{
    private void LowerTry(TryStatementSyntax @try)
    {
        var (output, code, label) = (_context.Out, _handlers.Of(@try), _context.Regions.LabelOf(@try));
        output.Write(code.Head);
        if (code.Finally is not { } @finally)
        {
            LowerTryBlock(@try, code, label);
            LowerMovedCatches(code);
            return;
        }

        // The protected region: the try, its catch clauses and the moved catch bodies. Any exception leaving it is
        // kept as pending, the finally body runs as ordinary code, and then the exception or the jump that left the
        // try carries on.
        using (output.OpenBlock("try"))
        {
            output.Dispatch(label);
            output.Label($"{label}_body");
            LowerTryBlock(@try, code, $"{label}_body");
            LowerMovedCatches(code);
            output.Write(@finally.Exits);
        }

        output.Write(@finally.Head);
        LowerStatements(@try.Finally!.Block.Statements);
        output.Write(@finally.Tail);
    }

    /// <summary>The try block and its catch clauses, with the dispatch that enters the block on a resume (by <paramref name="entry"/>).</summary>
    private void LowerTryBlock(TryStatementSyntax @try, TryCode code, string entry)
    {
        if (@try.Catches.Count == 0 && code.Finally is not null)
        {
            // Nothing to catch: the try block's statements sit directly in the protected region.
            LowerStatements(@try.Block.Statements);
            return;
        }

        using (_context.Out.OpenBlock("try"))
        {
            _context.Out.Dispatch(entry);
            LowerStatements(@try.Block.Statements);
        }

        _context.Out.Write(code.Catches);
    }

    /// <summary>The bodies of catch clauses that contain a checkpoint, as ordinary code after the try.</summary>
    private void LowerMovedCatches(TryCode code)
    {
        if (code.Moved is not { } moved)
        {
            return;
        }

        _context.Out.Write(moved.Dispatch);
        foreach (var body in moved.Bodies)
        {
            _context.Out.Write(body.Head);
            LowerStatements(body.Clause.Block.Statements);
            _context.Out.Write(body.Tail);
        }

        _context.Out.Write(moved.End);
    }
}
