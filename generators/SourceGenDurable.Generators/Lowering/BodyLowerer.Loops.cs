using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>Loops that contain a checkpoint: labels for the top, continue and break, and a conditional jump.</summary>
internal sealed partial class BodyLowerer
{
    private void LowerWhile(WhileStatementSyntax loop, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _context.Targets.LabelOf(loop);
        output.Label($"{label}_continue");
        WriteSpills(loop);
        if (!IsTrue(loop.Condition))
        {
            _context.Map(loop.WhileKeyword, loop.CloseParenToken);
            output.JumpIf($"!({_context.Rewrite(loop.Condition, scope)})", $"{label}_break");
        }

        LowerStatement(loop.Statement);
        if (_context.Completes(loop.Statement))
        {
            output.Jump($"{label}_continue");
        }

        output.Label($"{label}_break");
    }

    private void LowerDo(DoStatementSyntax loop, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _context.Targets.LabelOf(loop);
        output.Label($"{label}_top");
        LowerStatement(loop.Statement);
        if (Continues(loop.Statement, label))
        {
            output.Label($"{label}_continue");
            WriteSpills(loop);
            _context.Map(loop.WhileKeyword, loop.SemicolonToken);
            if (IsTrue(loop.Condition))
            {
                output.Jump($"{label}_top");
            }
            else
            {
                output.JumpIf(_context.Rewrite(loop.Condition, scope), $"{label}_top");
            }
        }

        output.Label($"{label}_break");
    }

    private void LowerFor(ForStatementSyntax loop, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _context.Targets.LabelOf(loop);
        if (loop.Declaration is not null)
        {
            LowerDeclarators(loop.Declaration, loop, scope);
        }

        foreach (var initializer in loop.Initializers)
        {
            LowerClause(loop, initializer, scope);
        }

        output.Label($"{label}_top");
        if (loop.Condition is not null && !IsTrue(loop.Condition))
        {
            WriteSpills(loop.Condition);
            _context.Map(loop.Condition);
            output.JumpIf($"!({_context.Rewrite(loop.Condition, scope)})", $"{label}_break");
        }

        LowerStatement(loop.Statement);
        if (Continues(loop.Statement, label))
        {
            output.Label($"{label}_continue");
            foreach (var incrementor in loop.Incrementors)
            {
                LowerClause(loop, incrementor, scope);
            }

            output.Jump($"{label}_top");
        }

        output.Label($"{label}_break");
    }

    private void LowerForEach(CommonForEachStatementSyntax loop, LoweringScope scope)
    {
        // An enumerator cannot be saved: the collection is read once into a list slot and walked with an index slot.
        var output = _context.Out;
        var (label, slots) = (_context.Targets.LabelOf(loop), _context.Targets.SlotsOf(loop));
        var elementType = TypeNames.FullyQualified(Model.GetForEachStatementInfo(loop).ElementType!);
        var items = _context.Synthesize($"{slots}_items", $"global::System.Collections.Generic.List<{elementType}>");
        var index = _context.Synthesize($"{slots}_index", "int");
        // Mapped as the compiler maps a foreach: the collection, 'in' for each step, the variable for each element.
        _context.Map(loop.Expression);
        output.Code($"{items} = global::System.Linq.Enumerable.ToList<{elementType}>({_context.Rewrite(loop.Expression, scope)});")
            .Code($"{index} = 0;")
            .Label($"{label}_top");
        _context.Map(loop.InKeyword, loop.InKeyword);
        output.JumpIf($"{index} >= {items}.Count", $"{label}_break");
        if (loop is ForEachStatementSyntax single)
        {
            var variable = Model.GetDeclaredSymbol(single)!;
            var variableType = TypeNames.FullyQualified(variable.Type);
            _context.Map(single.Type, single.Identifier);
            output.Code($"{_context.Declare(variable, variableType)} = ({variableType}){items}[{index}];");
        }
        else
        {
            // 'foreach (var (k, v) in ...)': the element is deconstructed into the loop's variables (or their slots).
            _context.Map(((ForEachVariableStatementSyntax)loop).Variable);
            output.Code($"{_context.Rewrite(((ForEachVariableStatementSyntax)loop).Variable, scope)} = {items}[{index}];");
        }

        LowerStatement(loop.Statement);
        if (Continues(loop.Statement, label))
        {
            output.Label($"{label}_continue").Code($"{index}++;").Jump($"{label}_top");
        }

        output.Label($"{label}_break");
    }

    /// <summary>An initializer or incrementor of a for loop, after its own awaits: a statement of its own.</summary>
    private void LowerClause(ForStatementSyntax loop, ExpressionSyntax clause, LoweringScope scope)
    {
        WriteSpills(clause);
        if (!EvaluatedBySpills(loop, clause))
        {
            _context.Map(clause);
            _context.Out.Code(_context.Rewrite(clause, scope) + ";");
        }
    }

    /// <summary>Whether the next pass of a loop can be reached from its body: its end completes, or a continue jumps there.</summary>
    private bool Continues(StatementSyntax body, string label) => _context.Completes(body) || _context.Out.JumpsTo($"{label}_continue");
}
