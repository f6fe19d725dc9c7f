using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Try statements that contain a checkpoint: the pending exception and the pending jump. A resume cannot enter a catch
/// or finally block, so one that contains a checkpoint moves after the try as ordinary code: the real catch only
/// records what it caught, and a flattened finally runs after the protected region, then rethrows the pending
/// exception or takes the jump that left the try.
/// </summary>
internal sealed partial class BodyLowerer
{
    private void LowerTry(TryStatementSyntax @try, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _regions.LabelOf(@try);
        var slots = _regions.SlotsOf(@try);
        var depth = _regions.DepthOf(@try);
        var flattensFinally = _regions.FlattensFinally(@try);
        var moved = @try.Catches.Where(_regions.IsMoved).ToList();
        string? pending = null, branch = null;
        var exits = new List<string>();
        if (flattensFinally)
        {
            pending = _context.Synthesize($"{slots}_pending", "global::SourceGenDurable.WorkflowError?");
            branch = _context.Synthesize($"{slots}_branch", "int");
            output.Line($"{pending} = null;").Line($"{branch} = 0;");
        }

        string? caught = null, error = null;
        if (moved.Count > 0)
        {
            caught = _context.Synthesize($"{slots}_catch", "int");
            error = _context.Synthesize($"{slots}_error", "global::SourceGenDurable.WorkflowError?");
            output.Line($"{caught} = 0;");
        }

        output.Line($"{label}:;");
        if (!flattensFinally)
        {
            WriteTryAndCatches(@try, label, depth + 1, moved, caught, error, scope);
            WriteMovedCatches(@try, label, slots, moved, caught!, scope);
            return;
        }

        // The protected region: the try, its catch clauses and the moved catch bodies. Any exception leaving it is
        // kept as pending, the finally body runs as ordinary code, and then the exception or the jump that left the
        // try carries on.
        using (output.OpenBlock("try"))
        {
            _regions.WriteDispatch(_regions.StatesInside(label), depth + 1);
            var leavingGotos = GotoLabelsLeaving(@try, scope);
            var inside = scope with
            {
                ReturnLabel = $"{label}_leave_return",
                BreakLabel = scope.BreakLabel is null ? null : $"{label}_leave_break",
                ContinueLabel = scope.ContinueLabel is null ? null : $"{label}_leave_continue",
                GotoRoutes = scope.GotoRoutes.Push(leavingGotos.ToImmutableDictionary(name => name, name => $"{label}_leave_goto_{name}")),
            };
            output.Line($"{label}_body:;");
            WriteTryAndCatches(@try, $"{label}_body", depth + 2, moved, caught, error, inside);
            WriteMovedCatches(@try, label, slots, moved, caught, inside);
            if (moved.Count > 0 || Completes(@try.Block) || @try.Catches.Any(c => Completes(c.Block)))
            {
                output.Line($"goto {label}_finally;");
            }

            // Jumps that leave the try: remembered, then taken after the finally body. The numbers are saved in a
            // slot, so every possible exit keeps its number; only the exits some jump takes are written.
            if (scope.BreakLabel is { } outerBreak)
            {
                exits.Add(outerBreak);
                WriteExit($"{label}_leave_break", branch!, exits.Count, label);
            }

            if (scope.ContinueLabel is { } outerContinue)
            {
                exits.Add(outerContinue);
                WriteExit($"{label}_leave_continue", branch!, exits.Count, label);
            }

            foreach (var name in leavingGotos)
            {
                exits.Add(scope.GotoTarget(name));
                WriteExit($"{label}_leave_goto_{name}", branch!, exits.Count, label);
            }

            WriteExit($"{label}_leave_return", branch!, -1, label);
        }

        using (output.OpenBlock($"catch (global::System.Exception __exception) when (!__run.IsSuspending)"))
        {
            output.Line($"{label}_pendingException = __exception;")
                .Line($"{pending} = global::SourceGenDurable.WorkflowError.From(__exception);");
        }

        output.Line($"{label}_finally:;");
        LowerStatements(@try.Finally!.Block.Statements, scope);
        output.Line($"if ({pending} is not null) throw __run.Rethrow({label}_pendingException ?? {_context.RebuildMethod}({pending}));");
        for (var exit = 0; exit < exits.Count; exit++)
        {
            output.Line($"if ({branch} == {exit + 1}) goto {exits[exit]};");
        }

        if (@try.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax).OfType<ReturnStatementSyntax>().Any() ||
            _context.Shape.Checkpoints.Any(c => c.Form == CheckpointForm.Return && @try.Span.Contains(c.Statement.Span)))
        {
            output.Line($"if ({branch} == -1) {_context.ReturnStatement(_context.ResultType is null ? null : _context.ReturnSlot(), scope)}");
        }
    }

    /// <summary>An exit from a try whose finally is flattened: records which one it is, then runs the finally.</summary>
    private void WriteExit(string exitLabel, string branch, int number, string tryLabel)
    {
        if (_context.Out.Mentions($"goto {exitLabel};"))
        {
            _context.Out.Line($"{exitLabel}:;").Line($"{branch} = {number};").Line($"goto {tryLabel}_finally;");
        }
    }

    /// <summary>
    /// The labels that gotos in the try block or its catch blocks jump to outside the try statement: a user's label, or
    /// the section of the flattened switch around the try that a goto case or goto default names.
    /// </summary>
    private List<string> GotoLabelsLeaving(TryStatementSyntax @try, LoweringScope scope) =>
        @try.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .Concat(@try.Catches.SelectMany(c => c.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)))
            .OfType<GotoStatementSyntax>()
            .Select(g => g.Kind() switch
            {
                SyntaxKind.GotoStatement when Model.GetSymbolInfo(g.Expression!).Symbol is ILabelSymbol target && target.DeclaringSyntaxReferences.All(r => !@try.Span.Contains(r.Span))
                    => ((IdentifierNameSyntax)g.Expression!).Identifier.ValueText,
                SyntaxKind.GotoStatement => null,
                // The switch a goto case names is the nearest one around it; when that is outside the try, it is the flattened switch being lowered.
                _ when g.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault() is { } target && @try.Span.Contains(target.Span) => null,
                SyntaxKind.GotoDefaultStatement => scope.DefaultLabel,
                _ => scope.SectionOf(Model, g),
            })
            .OfType<string>()
            .Distinct()
            .ToList();

    private void WriteTryAndCatches(TryStatementSyntax @try, string bodyLabel, int depth, List<CatchClauseSyntax> moved, string? caught, string? error, LoweringScope scope)
    {
        var output = _context.Out;
        if (@try.Catches.Count == 0 && _regions.FlattensFinally(@try))
        {
            // Nothing to catch: the try block's statements sit directly in the protected region.
            LowerStatements(@try.Block.Statements, scope);
            return;
        }

        using (output.OpenBlock("try"))
        {
            _regions.WriteDispatch(_regions.StatesInside(bodyLabel), depth);
            LowerStatements(@try.Block.Statements, scope);
        }

        for (var index = 0; index < @try.Catches.Count; index++)
        {
            var clause = @try.Catches[index];
            if (moved.Contains(clause))
            {
                WriteMovedCatchClause(@try, clause, index, caught!, error!, scope);
                continue;
            }

            // Leaving memory (the host is stopping) is not a failure the workflow may catch. The clause is written in
            // parts: normalizing it whole would write 'catch (E e)when'.
            var rewritten = (CatchClauseSyntax)_context.RewriteNode(clause, scope);
            var declaration = rewritten.Declaration is null ? "(global::System.Exception)" : CopiedCodeRewriter.Normalize(rewritten.Declaration);
            var filter = rewritten.Filter is null ? "" : $" && ({LoweringContext.Layout(clause.Filter!.FilterExpression, rewritten.Filter.FilterExpression)})";
            MapFilter(clause);
            output.Lines($"catch {declaration} when (!__run.IsSuspending{filter})");
            _context.Map(clause.Block);
            output.Lines(LoweringContext.Layout(clause.Block, rewritten.Block));
        }

        if (@try.Finally is not null && !_regions.FlattensFinally(@try))
        {
            using (output.OpenBlock("finally"))
            {
                // A finally runs when the try is left, never because the workflow merely left memory.
                output.Line("if (!__run.IsSuspending)");
                _context.Map(@try.Finally.Block);
                output.Lines(_context.Rewrite(@try.Finally.Block, scope));
            }
        }
    }

    /// <summary>
    /// A catch clause whose body contains a checkpoint only records what it caught: a resume cannot enter a catch
    /// block, so the body moves after the try. The clause's own variable keeps its name in the filter.
    /// </summary>
    private void WriteMovedCatchClause(TryStatementSyntax @try, CatchClauseSyntax clause, int index, string caught, string error, LoweringScope scope)
    {
        var variable = clause.Declaration is { Identifier.RawKind: not 0 } declaration ? Model.GetDeclaredSymbol(declaration) : null;
        var type = clause.Declaration is null ? "global::System.Exception" : TypeNames.FullyQualified(Model.GetTypeInfo(clause.Declaration.Type).Type!);
        var name = variable is null ? "__caught" : TypeNames.Identifier(variable.Name);
        var filter = clause.Filter is null ? "" : $" && ({_context.RewriteKeeping(clause.Filter.FilterExpression, scope, variable is null ? [] : [variable])})";
        MapFilter(clause);
        using (_context.Out.OpenBlock($"catch ({type} {name}) when (!__run.IsSuspending{filter})"))
        {
            _context.Out.Line($"{_regions.LabelOf(@try)}_exception = {name};")
                .Line($"{error} = global::SourceGenDurable.WorkflowError.From({name});")
                .Line($"{caught} = {index + 1};");
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

    /// <summary>The bodies of catch clauses that contain a checkpoint, as ordinary code after the try.</summary>
    private void WriteMovedCatches(TryStatementSyntax @try, string label, string slots, List<CatchClauseSyntax> moved, string? caught, LoweringScope scope)
    {
        if (moved.Count == 0)
        {
            return;
        }

        var output = _context.Out;
        foreach (var clause in moved)
        {
            output.Line($"if ({caught} == {@try.Catches.IndexOf(clause) + 1}) goto {label}_catch{@try.Catches.IndexOf(clause)};");
        }

        output.Line($"goto {label}_catches_end;");
        foreach (var clause in moved)
        {
            var index = @try.Catches.IndexOf(clause);
            output.Line($"{label}_catch{index}:;");
            if (clause.Declaration is { Identifier.RawKind: not 0 } declaration && Model.GetDeclaredSymbol(declaration) is { } variable)
            {
                output.Line($"{_context.Names.Of(variable)} = ({TypeNames.FullyQualified(variable.Type)}){label}_exception!;");
            }

            LowerStatements(clause.Block.Statements, scope with { CatchBodies = scope.CatchBodies.Push((label, slots, clause)) });
            if (Completes(clause.Block))
            {
                output.Line($"goto {label}_catches_end;");
            }
        }

        output.Line($"{label}_catches_end:;").Line($"{caught} = 0;");
    }
}
