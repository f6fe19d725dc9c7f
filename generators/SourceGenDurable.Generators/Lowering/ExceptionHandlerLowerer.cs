using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The exception-handler part of the lowering: the pending exception and the pending jump, as the C# compiler's
/// async exception-handler rewriter does. A resume cannot enter a catch or finally block, so one that contains a
/// checkpoint moves after the try as ordinary code: the real catch only records what it caught, and a flattened
/// finally runs after the protected region, then rethrows the pending exception or takes the jump that left the try.
/// It writes what surrounds the statements of a try, each part to the output of the context it is made with;
/// <see cref="ExceptionHandlerPass"/> runs it for every try before the flattening, which lowers the statements and
/// places these parts around them.
/// </summary>
internal sealed class ExceptionHandlerLowerer
{
    private readonly LoweringContext _context;
    private readonly TryRegions _regions;

    public ExceptionHandlerLowerer(LoweringContext context)
    {
        _context = context;
        _regions = context.Regions;
    }

    /// <summary>The locals at the top of the body: the exceptions moved catch bodies and flattened finally blocks handle while in memory.</summary>
    public void WriteLocals()
    {
        var output = _context.Out;
        foreach (var @try in _regions.Tries.Where(t => t.Catches.Any(_regions.IsMoved)))
        {
            // The exception a moved catch body handles, while it is in memory; after a resume it is rebuilt.
            output.Code($"global::System.Exception? {_regions.LabelOf(@try)}_exception = null;");
        }

        foreach (var @try in _regions.Tries.Where(_regions.FlattensFinally))
        {
            output.Code($"global::System.Exception? {_regions.LabelOf(@try)}_pendingException = null;");
        }

        foreach (var clause in _regions.Tries.SelectMany(t => t.Catches.Where(_regions.IsMoved)).Where(c => c.Declaration is { Identifier.RawKind: not 0 }))
        {
            var variable = _context.Model.GetDeclaredSymbol(clause.Declaration!)!;
            output.Code($"{TypeNames.FullyQualified(variable.Type)}? {_context.Names.Of(variable)} = null;");
        }
    }

    /// <summary>Plans the try: its slots, made here, and the jumps that leave it.</summary>
    public TryFrame Plan(TryStatementSyntax @try)
    {
        var (label, slots) = (_regions.LabelOf(@try), _regions.SlotsOf(@try));
        var flattensFinally = _regions.FlattensFinally(@try);
        var moved = @try.Catches.Where(_regions.IsMoved).ToImmutableArray();
        string? pending = null, branch = null, caught = null, error = null;
        if (flattensFinally)
        {
            pending = _context.Synthesize($"{slots}_pending", "global::SourceGenDurable.WorkflowError?");
            branch = _context.Synthesize($"{slots}_branch", "int");
        }

        if (moved.Length > 0)
        {
            caught = _context.Synthesize($"{slots}_catch", "int");
            error = _context.Synthesize($"{slots}_error", "global::SourceGenDurable.WorkflowError?");
        }

        var exits = flattensFinally ? _context.Targets.ExitsOf(@try) : ImmutableArray<(string, string, bool)>.Empty;
        var returns = flattensFinally && _context.Targets.Returns(@try);
        return new TryFrame(@try, label, slots, flattensFinally, moved, pending, branch, caught, error, returns, exits);
    }

    /// <summary>Before the try: nothing pending, nothing caught, and its label.</summary>
    public void WriteHead(TryFrame frame)
    {
        var output = _context.Out;
        if (frame.FlattensFinally)
        {
            output.Code($"{frame.Pending} = null;").Code($"{frame.Branch} = 0;");
        }

        if (frame.Moved.Length > 0)
        {
            output.Code($"{frame.Caught} = 0;");
        }

        output.Label(frame.Label);
    }

    /// <summary>
    /// The catch clauses after the lowered try block: a moved one only records what it caught; the others, and a
    /// finally that is not flattened, are copied, guarded so that leaving memory is not handled as a failure.
    /// </summary>
    public void WriteCatchClauses(TryFrame frame)
    {
        var (@try, output) = (frame.Try, _context.Out);
        for (var index = 0; index < @try.Catches.Count; index++)
        {
            var clause = @try.Catches[index];
            if (frame.Moved.Contains(clause))
            {
                WriteMovedCatchClause(frame, clause, index);
                continue;
            }

            // Leaving memory (the host is stopping) is not a failure the workflow may catch. The clause is written in
            // parts: normalizing it whole would write 'catch (E e)when'.
            var rewritten = (CatchClauseSyntax)_context.RewriteNode(clause, _context.Targets.ScopeOf(clause));
            var declaration = rewritten.Declaration is null ? "(global::System.Exception)" : CopiedCodeRewriter.Normalize(rewritten.Declaration);
            var filter = rewritten.Filter is null ? "" : $" && ({LoweringContext.Layout(rewritten.Filter.FilterExpression)})";
            MapFilter(clause);
            output.Code($"catch {declaration} when (!__run.IsSuspending{filter})");
            _context.Map(clause.Block);
            output.Code(LoweringContext.Layout(rewritten.Block));
        }

        if (@try.Finally is not null && !frame.FlattensFinally)
        {
            using (output.OpenBlock("finally"))
            {
                // A finally runs when the try is left, never because the workflow merely left memory.
                output.Code("if (!__run.IsSuspending)");
                _context.Map(@try.Finally.Block);
                output.Code(_context.Rewrite(@try.Finally.Block, _context.Targets.ScopeOf(@try.Finally.Block)));
            }
        }
    }

    /// <summary>Before the moved catch bodies: the jump to the body of the clause that caught, or past them all.</summary>
    public void WriteMovedCatchDispatch(TryFrame frame)
    {
        foreach (var clause in frame.Moved)
        {
            var index = frame.Try.Catches.IndexOf(clause);
            _context.Out.JumpIf($"{frame.Caught} == {index + 1}", $"{frame.Label}_catch{index}");
        }

        _context.Out.Jump($"{frame.Label}_catches_end");
    }

    /// <summary>
    /// The head of a moved catch body: its variable. Its statements are lowered in the scope of the try; what is
    /// written for being in a moved catch body (a rebuilt exception after a resume, what <c>throw;</c> rethrows) is
    /// found from where the statement is (<see cref="TryRegions.MovedCatchesAround"/>).
    /// </summary>
    public void BeginMovedCatch(TryFrame frame, CatchClauseSyntax clause)
    {
        _context.Out.Label($"{frame.Label}_catch{frame.Try.Catches.IndexOf(clause)}");
        if (clause.Declaration is { Identifier.RawKind: not 0 } declaration && _context.Model.GetDeclaredSymbol(declaration) is { } variable)
        {
            _context.Out.Code($"{_context.Names.Of(variable)} = ({TypeNames.FullyQualified(variable.Type)}){frame.Label}_exception!;");
        }
    }

    /// <summary>The end of a moved catch body: on past the others.</summary>
    public void EndMovedCatch(TryFrame frame, CatchClauseSyntax clause)
    {
        if (_context.Completes(clause.Block))
        {
            _context.Out.Jump($"{frame.Label}_catches_end");
        }
    }

    /// <summary>After the moved catch bodies: nothing is being handled any more.</summary>
    public void EndMovedCatches(TryFrame frame) => _context.Out.Label($"{frame.Label}_catches_end").Code($"{frame.Caught} = 0;");

    /// <summary>
    /// The end of the protected region of a try whose finally is flattened: falling through to the finally, then the
    /// jumps that leave the try, each recording its number first; only the exits some jump takes are written.
    /// </summary>
    public void WriteExits(TryFrame frame)
    {
        var @try = frame.Try;
        if (frame.Moved.Length > 0 || _context.Completes(@try.Block) || @try.Catches.Any(c => _context.Completes(c.Block)))
        {
            _context.Out.Jump($"{frame.Label}_finally");
        }

        for (var exit = 0; exit < frame.Exits.Length; exit++)
        {
            if (frame.Exits[exit].Taken)
            {
                WriteExit(frame, frame.Exits[exit].Recorded, exit + 1);
            }
        }

        if (frame.Returns)
        {
            WriteExit(frame, $"{frame.Label}_leave_return", -1);
        }
    }

    /// <summary>After the protected region: any exception leaving it is kept as pending, and the finally body follows.</summary>
    public void BeginFinally(TryFrame frame)
    {
        using (_context.Out.OpenBlock($"catch (global::System.Exception __exception) when (!__run.IsSuspending)"))
        {
            _context.Out.Code($"{frame.Label}_pendingException = __exception;")
                .Code($"{frame.Pending} = global::SourceGenDurable.WorkflowError.From(__exception);");
        }

        _context.Out.Label($"{frame.Label}_finally");
    }

    /// <summary>After the flattened finally body: the pending exception, or the jump that left the try, carries on.</summary>
    public void EndFinally(TryFrame frame)
    {
        var (@try, output) = (frame.Try, _context.Out);
        output.Code($"if ({frame.Pending} is not null) throw __run.Rethrow({frame.Label}_pendingException ?? {_context.UseRebuildMethod()}({frame.Pending}));");
        for (var exit = 0; exit < frame.Exits.Length; exit++)
        {
            if (frame.Exits[exit].Taken)
            {
                output.JumpIf($"{frame.Branch} == {exit + 1}", frame.Exits[exit].Target);
            }
        }

        if (frame.Returns)
        {
            _context.WriteReturn(_context.ResultType is null ? null : _context.ReturnSlot(), _context.Targets.ScopeOf(@try), condition: $"{frame.Branch} == -1");
        }
    }

    /// <summary>An exit from a try whose finally is flattened: records which one it is, then runs the finally.</summary>
    private void WriteExit(TryFrame frame, string exitLabel, int number) =>
        _context.Out.Label(exitLabel).Code($"{frame.Branch} = {number};").Jump($"{frame.Label}_finally");

    /// <summary>
    /// A catch clause whose body contains a checkpoint only records what it caught: a resume cannot enter a catch
    /// block, so the body moves after the try. The clause's own variable keeps its name in the filter.
    /// </summary>
    private void WriteMovedCatchClause(TryFrame frame, CatchClauseSyntax clause, int index)
    {
        var variable = clause.Declaration is { Identifier.RawKind: not 0 } declaration ? _context.Model.GetDeclaredSymbol(declaration) : null;
        var type = clause.Declaration is null ? "global::System.Exception" : TypeNames.FullyQualified(_context.Model.GetTypeInfo(clause.Declaration.Type).Type!);
        var name = variable is null ? "__caught" : TypeNames.Identifier(variable.Name);
        var filter = clause.Filter is null ? "" : $" && ({_context.RewriteKeeping(clause.Filter.FilterExpression, _context.Targets.ScopeOf(clause), variable is null ? [] : [variable])})";
        MapFilter(clause);
        using (_context.Out.OpenBlock($"catch ({type} {name}) when (!__run.IsSuspending{filter})"))
        {
            _context.Out.Code($"{frame.Label}_exception = {name};")
                .Code($"{frame.Error} = global::SourceGenDurable.WorkflowError.From({name});")
                .Code($"{frame.Caught} = {index + 1};");
        }
    }

    /// <summary>
    /// A catch clause with a filter maps to the user's clause, where the filter runs; without one, the generated filter
    /// (which only lets a suspension through) is hidden, and the debugger stops first in the catch body.
    /// </summary>
    private void MapFilter(CatchClauseSyntax clause)
    {
        if (clause.Filter is { } filter)
        {
            _context.Map(clause.CatchKeyword, filter.CloseParenToken);
        }
    }
}
