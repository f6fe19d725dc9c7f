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
/// Makes every durable await of a statement stand alone, in C#'s order of evaluation: each await becomes a checkpoint
/// writing a temporary, each operand C# evaluates before it is evaluated into a temporary first, and an operand that
/// awaits on one path only (<c>?:</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>, <c>?.</c>, a switch expression) becomes
/// flattened code writing a temporary. The statement, copied afterwards, reads the temporaries. The spill pass
/// (<see cref="SpillPass"/>) uses one for each statement, or part of one, with a plan; a switch expression has a file
/// of its own.
/// </summary>
internal sealed partial class SpillLowerer
{
    private readonly LoweringContext _context;
    private readonly CheckpointLowerer _checkpoints;

    public SpillLowerer(LoweringContext context, CheckpointLowerer checkpoints)
    {
        _context = context;
        _checkpoints = checkpoints;
    }

    /// <summary>
    /// Copied code of an expression: it holds no jump for a scope to route (a <c>break</c> or a <c>return</c> is a
    /// statement, and one in a lambda stays there), so spills are written in the body's scope wherever they go.
    /// </summary>
    private string Rewrite(SyntaxNode node) => _context.Rewrite(node, LoweringScope.Body);

    private string RewriteKeeping(SyntaxNode node, IReadOnlyCollection<ISymbol> unmapped) => _context.RewriteKeeping(node, LoweringScope.Body, unmapped);

    /// <summary>Evaluates, in order, the durable awaits and spilled operands of <paramref name="plan"/> into temporaries.</summary>
    public void Lower(ImmutableArray<SpillStep> plan)
    {
        foreach (var step in plan)
        {
            switch (step)
            {
                case SpilledAwait durable:
                    var site = _context.Shape.Checkpoints[durable.State];
                    var awaited = _context.Synthesize($"__await{durable.State}", TypeNames.FullyQualified(site.Operation.ResultType!));
                    _checkpoints.Lower(site, durable.State, LoweringScope.Body, $"{awaited} = ");
                    _context.Substitute(durable.Await, awaited);
                    break;
                case SpilledBranching branching:
                    if (ShortCircuit(branching) is { } value)
                    {
                        _context.Substitute(branching.Branching, value);
                    }

                    break;
                case SpilledCompoundValue compound:
                    var targetValue = _context.SynthesizeSpill(compound.Type);
                    _context.Map(compound.Assignment.Left);
                    _context.Out.Code($"{targetValue} = {Rewrite(compound.Assignment.Left)};");
                    _context.SubstituteCompoundValue(compound.Assignment, targetValue);
                    break;
                case SpilledOperand operand:
                    var temporary = _context.SynthesizeSpill(operand.Type);
                    _context.Map(operand.Operand);
                    _context.Out.Code($"{temporary} = {Rewrite(operand.Operand)};");
                    _context.Substitute(operand.Operand, temporary);
                    break;
            }
        }
    }

    /// <summary>
    /// An operand with a durable await that runs on one path only becomes an if statement writing a temporary, so the
    /// await (and its checkpoint) happens exactly when C# would evaluate it.
    /// </summary>
    /// <returns>The temporary holding the expression's value; null when nothing reads it (see <see cref="SpilledBranching.ValueUnused"/>).</returns>
    private string? ShortCircuit(SpilledBranching branching)
    {
        var (expression, type, output) = (branching.Branching, branching.Type, _context.Out);
        var construct = expression switch
        {
            ConditionalExpressionSyntax => "conditional",
            SwitchExpressionSyntax => "switchexpr",
            ConditionalAccessExpressionSyntax => "access",
            _ when expression.IsKind(SyntaxKind.CoalesceExpression) => "coalesce",
            _ when expression.IsKind(SyntaxKind.CoalesceAssignmentExpression) => "coalesceassign",
            _ when expression.IsKind(SyntaxKind.LogicalAndExpression) => "and",
            _ => "or",
        };
        var (label, slots) = _context.NextConstruct(construct, expression, "cond");
        if (expression is ConditionalAccessExpressionSyntax or AssignmentExpressionSyntax)
        {
            // Both may stand where nothing reads their value: then they keep no temporary.
            var value = branching.ValueUnused ? null : _context.SynthesizeSpill(type);
            if (expression is ConditionalAccessExpressionSyntax access)
            {
                ConditionalAccess(branching, access, label, value);
            }
            else
            {
                CoalesceAssignment(branching, (AssignmentExpressionSyntax)expression, label, value);
            }

            output.Label($"{label}_end");
            return value;
        }

        var temporary = _context.SynthesizeSpill(type);
        switch (expression)
        {
            case ConditionalExpressionSyntax conditional:
                _context.Map(conditional.Condition);
                output.JumpIf($"!({Rewrite(conditional.Condition)})", $"{label}_else");
                Branch(branching, conditional.WhenTrue, temporary);
                output.Jump($"{label}_end").Label($"{label}_else");
                Branch(branching, conditional.WhenFalse, temporary);
                break;
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                var left = _context.SynthesizeSpill(_context.Model.GetTypeInfo(coalesce.Left).Type!);
                _context.Map(coalesce.Left);
                output.Code($"{left} = {Rewrite(coalesce.Left)};");
                using (output.OpenBlock($"if ({left} != null)"))
                {
                    output.Code($"{temporary} = ({TypeNames.FullyQualified(type)}){left}!;").Jump($"{label}_end");
                }

                Branch(branching, coalesce.Right, temporary);
                break;
            case SwitchExpressionSyntax @switch:
                SwitchExpression(branching, @switch, label, slots, temporary);
                break;
            case BinaryExpressionSyntax logical:
                var shortCircuitsWhen = logical.IsKind(SyntaxKind.LogicalAndExpression) ? "!" : "";
                _context.Map(logical.Left);
                output.Code($"{temporary} = {Rewrite(logical.Left)};").JumpIf($"{shortCircuitsWhen}{temporary}", $"{label}_end");
                Branch(branching, logical.Right, temporary);
                break;
        }

        output.Label($"{label}_end");
        return temporary;
    }

    /// <summary>
    /// 'v ??= await x': when v holds a value, that is the result; otherwise the await runs and its value is assigned,
    /// then read back as the result (of v's type without its '?').
    /// </summary>
    /// <param name="temporary">Where the expression's value goes; null when nothing reads it.</param>
    private void CoalesceAssignment(SpilledBranching branching, AssignmentExpressionSyntax assignment, string label, string? temporary)
    {
        var output = _context.Out;
        var variable = Rewrite(assignment.Left);
        var result = temporary is null ? null : $"{temporary} = ({TypeNames.FullyQualified(branching.Type)}){variable}!;";
        _context.Map(assignment.Left);
        using (output.OpenBlock($"if ({variable} != null)"))
        {
            if (result is not null)
            {
                output.Code(result);
            }

            output.Jump($"{label}_end");
        }

        Lower(branching.PlanOf(assignment.Right));
        _context.Map(assignment.Right);
        output.Code($"{variable} = {Rewrite(assignment.Right)};");
        if (result is not null)
        {
            output.Code(result);
        }
    }

    /// <summary>
    /// 'a?.M(await x)': the rest of the access, and its awaits, run only when the receiver is not null. A receiver that
    /// is a variable is read again after them, as the object itself; any other is evaluated once, into a temporary.
    /// </summary>
    /// <param name="temporary">Where the access's value goes; null when nothing reads it.</param>
    private void ConditionalAccess(SpilledBranching branching, ConditionalAccessExpressionSyntax access, string label, string? temporary)
    {
        var output = _context.Out;
        var receiverType = _context.Model.GetTypeInfo(access.Expression).Type!;
        var receiver = branching.ReadsFirstAgain ? Rewrite(access.Expression) : _context.SynthesizeSpill(receiverType);
        _context.Map(access.Expression);
        if (!branching.ReadsFirstAgain)
        {
            output.Code($"{receiver} = {Rewrite(access.Expression)};");
        }

        using (output.OpenBlock($"if ({receiver} == null)"))
        {
            if (temporary is not null)
            {
                output.Code($"{temporary} = default!;");
            }

            output.Jump($"{label}_end");
        }

        Lower(branching.PlanOf(access.WhenNotNull));

        var target = receiverType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? $"{receiver}.Value" : receiver;
        _context.Map(access);
        output.Code($"{(temporary is null ? "" : temporary + " = ")}{target}{Rewrite(access.WhenNotNull)};");
    }

    /// <summary>
    /// An operand evaluated on one path only: its own spills, then the temporary written; or, for a throw expression
    /// (<c>_ =&gt; throw ...</c>, <c>c ? await x : throw ...</c>), which has no value to write, the throw as a statement.
    /// </summary>
    private void Branch(SpilledBranching branching, ExpressionSyntax branch, string temporary)
    {
        Lower(branching.PlanOf(branch));

        _context.Map(branch);
        var operand = branch;
        while (operand is ParenthesizedExpressionSyntax parenthesized)
        {
            operand = parenthesized.Expression;
        }

        if (operand is ThrowExpressionSyntax thrown)
        {
            _context.Out.Exit($"throw {Rewrite(thrown.Expression)};");
            return;
        }

        _context.Out.Code($"{temporary} = {Rewrite(branch)};");
    }
}
