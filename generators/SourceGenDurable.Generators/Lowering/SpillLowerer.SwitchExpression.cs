using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>A switch expression whose arms or guards await.</summary>
internal sealed partial class SpillLowerer
{
    /// <summary>
    /// A switch expression whose arms await becomes a switch statement that only matches (patterns, guards and their
    /// order keep their meaning) and jumps to flattened arms, with pattern variables copied out, as for a switch
    /// statement. An arm whose guard awaits ends that switch with its pattern alone: when it matches, the guard runs
    /// as flattened code and either takes the arm or goes on to a switch over the arms after it. No arm matching
    /// throws what C# throws.
    /// </summary>
    private void SwitchExpression(SpilledBranching branching, SwitchExpressionSyntax @switch, string label, string slots, string temporary)
    {
        var output = _context.Out;
        var arms = @switch.Arms.Select(arm => (Arm: arm, Variables: arm.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
            .Select(d => (ILocalSymbol)_context.Model.GetDeclaredSymbol(d)!).ToList())).ToList();
        foreach (var variable in arms.SelectMany(a => a.Variables).Where(v => !_context.SlotFields.ContainsKey(v)))
        {
            output.Code($"{TypeNames.FullyQualified(variable.Type)} {_context.Names.Of(variable)} = default!;");
        }

        // The arms after a guard that awaits match the value after a checkpoint: it is a slot then.
        var valueType = TypeNames.FullyQualified(_context.Model.GetTypeInfo(@switch.GoverningExpression).Type!);
        var guardAwaits = arms.Any(a => a.Arm.WhenClause is { } when && branching.Awaits(when.Condition));
        var value = guardAwaits ? _context.Synthesize($"{slots}_value", valueType) : $"{label}_value";
        _context.Map(@switch.GoverningExpression);
        output.Code($"{(guardAwaits ? "" : valueType + " ")}{value} = {Rewrite(@switch.GoverningExpression)};");
        var noArmMatched = $"throw new global::System.Runtime.CompilerServices.SwitchExpressionException((object?){value});";
        var thrownInSwitch = false;
        for (var index = 0; index < arms.Count;)
        {
            var awaitingGuard = -1;
            using (output.OpenBlock($"switch ({value})"))
            {
                var wroteDefault = false;
                for (; index < arms.Count && awaitingGuard < 0; index++)
                {
                    var (arm, variables) = arms[index];
                    var guard = arm.WhenClause is null || branching.Awaits(arm.WhenClause.Condition) ? "" : " " + RewriteKeeping(arm.WhenClause, variables);
                    var pattern = arm.Pattern is DiscardPatternSyntax ? "var _" : RewriteKeeping(arm.Pattern, variables);
                    wroteDefault |= arm.Pattern is DiscardPatternSyntax && arm.WhenClause is null;
                    output.Code(arm.Pattern is DiscardPatternSyntax && arm.WhenClause is null ? "default:" : $"case {pattern}{guard}:");
                    awaitingGuard = arm.WhenClause is not null && branching.Awaits(arm.WhenClause.Condition) ? index : -1;
                    using (output.Indent())
                    {
                        foreach (var variable in variables)
                        {
                            output.Code($"{_context.Reference(variable)} = {TypeNames.Identifier(variable.Name)};");
                        }

                        output.Jump(awaitingGuard < 0 ? $"{label}_arm{index}" : $"{label}_guard{index}");
                    }
                }

                if (index == arms.Count && awaitingGuard < 0 && !wroteDefault)
                {
                    // The last switch: no arm matching throws there (a throw is never reported unreachable).
                    thrownInSwitch = true;
                    output.Code($"default: {noArmMatched}");
                }
            }

            if (awaitingGuard >= 0)
            {
                var condition = arms[awaitingGuard].Arm.WhenClause!.Condition;
                _context.WritePossiblyUnreachable($"{label}_next{awaitingGuard}");
                output.Label($"{label}_guard{awaitingGuard}");
                Lower(branching.PlanOf(condition));
                _context.Map(condition);
                output.JumpIf(Rewrite(condition), $"{label}_arm{awaitingGuard}").Label($"{label}_next{awaitingGuard}");
            }
        }

        if (!thrownInSwitch && !(arms[^1].Arm.Pattern is DiscardPatternSyntax && arms[^1].Arm.WhenClause is null))
        {
            output.Exit(noArmMatched);
        }

        for (var index = 0; index < arms.Count; index++)
        {
            output.Label($"{label}_arm{index}");
            Branch(branching, arms[index].Arm.Expression, temporary);
            output.Jump($"{label}_end");
        }
    }
}
