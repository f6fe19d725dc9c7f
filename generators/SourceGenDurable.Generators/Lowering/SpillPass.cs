using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The spill pass, the first of the lowering, as the C# compiler's spiller runs before its state machine rewriter:
/// over the whole body, every durable await inside an expression is made to stand alone, in C#'s order of evaluation,
/// following the binder's typed plans (<see cref="SpillStep"/>). For each statement with a plan it writes the code
/// that evaluates the awaits and the operands before them into temporaries (<see cref="SpillLowerer"/>), and from
/// then on copied code reads the temporaries. The flattening places that code before the statement, or before each
/// part of it that is evaluated apart (<see cref="SpilledCode"/>), and copies what is left.
/// </summary>
internal static class SpillPass
{
    public static SpilledCode Run(LoweringContext context)
    {
        var fragments = new Dictionary<SyntaxNode, LoweredBodyBuilder>();
        foreach (var entry in context.Shape.SpillPlans.OrderBy(entry => entry.Key.SpanStart))
        {
            var (statement, plan) = (entry.Key, entry.Value);
            foreach (var part in PartsOf(statement))
            {
                var steps = part == statement ? plan : plan.Where(step => part.Span.Contains(step.Expression.Span)).ToImmutableArray();
                if (steps.IsEmpty)
                {
                    continue;
                }

                var output = new LoweredBodyBuilder();
                var writing = context.WritingTo(output);
                new SpillLowerer(writing, new CheckpointLowerer(writing)).Lower(steps);
                fragments[part] = output;
            }
        }

        return new SpilledCode(fragments);
    }

    /// <summary>
    /// The parts of <paramref name="statement"/> evaluated apart, in order: each declarator of a declaration with
    /// several is evaluated, and assigned, before the next one's awaits; a for loop's clauses run at different times;
    /// a switch's case guard runs only when its pattern matched.
    /// Any other statement is evaluated as one.
    /// </summary>
    private static IEnumerable<SyntaxNode> PartsOf(StatementSyntax statement)
    {
        switch (statement)
        {
            case LocalDeclarationStatementSyntax { Declaration.Variables.Count: > 1 } declaration:
                return declaration.Declaration.Variables;
            case ForStatementSyntax loop:
                var clauses = new List<SyntaxNode>();
                clauses.AddRange(loop.Declaration?.Variables ?? default);
                clauses.AddRange(loop.Initializers);
                if (loop.Condition is not null)
                {
                    clauses.Add(loop.Condition);
                }

                clauses.AddRange(loop.Incrementors);
                return clauses;
            case SwitchStatementSyntax @switch:
                return AwaitSpilling.Guards(@switch).Prepend(@switch.Expression);
            default:
                return [statement];
        }
    }
}
