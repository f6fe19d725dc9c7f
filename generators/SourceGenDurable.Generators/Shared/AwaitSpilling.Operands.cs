using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>
/// C#'s order of evaluation, form by form: which operands of an expression are evaluated, and in which order, before
/// the expression itself. The planner spills those that come before a durable await; a form that is not listed is
/// not planned, and the await inside it is reported.
/// </summary>
internal static partial class AwaitSpilling
{
    private sealed partial class Planner
    {
        /// <summary>The operands of <paramref name="expression"/> in evaluation order, or null for a form that is not planned.</summary>
        private IReadOnlyList<ExpressionSyntax>? Operands(ExpressionSyntax expression) => expression switch
        {
            ParenthesizedExpressionSyntax e => [e.Expression],
            CastExpressionSyntax e => [e.Expression],
            CheckedExpressionSyntax e => [e.Expression],
            InitializerExpressionSyntax e => e.Expressions.ToList(),
            // The sizes, then the elements.
            ArrayCreationExpressionSyntax e => [.. e.Type.RankSpecifiers.SelectMany(r => r.Sizes).Where(size => size is not OmittedArraySizeExpressionSyntax), .. e.Initializer is null ? [] : new ExpressionSyntax[] { e.Initializer }],
            ImplicitArrayCreationExpressionSyntax e => [e.Initializer],
            CollectionExpressionSyntax e when e.Elements.All(x => x is ExpressionElementSyntax or SpreadElementSyntax)
                => e.Elements.Select(x => x is SpreadElementSyntax spread ? spread.Expression : ((ExpressionElementSyntax)x).Expression).ToList(),
            PrefixUnaryExpressionSyntax e when e.IsKind(SyntaxKind.LogicalNotExpression) || e.IsKind(SyntaxKind.UnaryMinusExpression) || e.IsKind(SyntaxKind.UnaryPlusExpression) || e.IsKind(SyntaxKind.BitwiseNotExpression) => [e.Operand],
            PostfixUnaryExpressionSyntax e when e.IsKind(SyntaxKind.SuppressNullableWarningExpression) => [e.Operand],
            BinaryExpressionSyntax e when e.IsKind(SyntaxKind.LogicalAndExpression) || e.IsKind(SyntaxKind.LogicalOrExpression) || e.IsKind(SyntaxKind.CoalesceExpression)
                => ContainsDurableAwait(e.Right) ? null : [e.Left],
            BinaryExpressionSyntax e when e.IsKind(SyntaxKind.AsExpression) || e.IsKind(SyntaxKind.IsExpression) => [e.Left],
            BinaryExpressionSyntax e => [e.Left, e.Right],
            IsPatternExpressionSyntax e => [e.Expression],
            ConditionalExpressionSyntax e => ContainsDurableAwait(e.WhenTrue) || ContainsDurableAwait(e.WhenFalse) ? null : [e.Condition],
            MemberAccessExpressionSyntax e => [e.Expression],
            ConditionalAccessExpressionSyntax e when !ContainsDurableAwait(e.WhenNotNull) => [e.Expression],
            SwitchExpressionSyntax e when !e.Arms.Any(ContainsDurableAwait) => [e.GoverningExpression],
            InvocationExpressionSyntax e => Arguments(e.ArgumentList) is { } arguments ? [.. Receiver(e.Expression), .. arguments] : null,
            ElementAccessExpressionSyntax e => TargetOperands(e).ToList(),
            BaseObjectCreationExpressionSyntax e => Arguments(e.ArgumentList) is { } arguments ? [.. arguments, .. InitializerValues(e.Initializer)] : null,
            WithExpressionSyntax e => [e.Expression, .. InitializerValues(e.Initializer)],
            // A member named after its value keeps its name when the copy reads a temporary (CopiedCodeRewriter names it).
            AnonymousObjectCreationExpressionSyntax e => e.Initializers.Select(i => i.Expression).ToList(),
            InterpolatedStringExpressionSyntax e => e.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression).ToList(),
            TupleExpressionSyntax e => e.Arguments.Select(a => a.Expression).ToList(),
            // '??=' evaluates its right side only when the left is null: it is not an operand that always runs. On a
            // variable it is a short circuit (see ShortCircuit); on a member or an element, whose receiver would have to
            // be evaluated once for both the test and the assignment, it is not lowered.
            AssignmentExpressionSyntax e when e.IsKind(SyntaxKind.CoalesceAssignmentExpression) => null,
            AssignmentExpressionSyntax e when e.Left is IdentifierNameSyntax || IsDeconstructionIntoVariables(e.Left) => [e.Right],
            // A compound assignment whose right side awaits is planned apart (see WalkCompound).
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax or ElementAccessExpressionSyntax } e => [.. TargetOperands(e.Left), e.Right],
            _ => null,
        };

        /// <summary><c>var (a, b)</c>, or a tuple of locals and declarations: nothing on the left is evaluated before the right.</summary>
        private static bool IsDeconstructionIntoVariables(ExpressionSyntax left) => left switch
        {
            DeclarationExpressionSyntax => true,
            TupleExpressionSyntax tuple => tuple.Arguments.All(a => a.Expression is IdentifierNameSyntax || IsDeconstructionIntoVariables(a.Expression)),
            _ => false,
        };

        /// <summary>What C# evaluates of a member or an element before reading or assigning it: its object, then its indices.</summary>
        private static IEnumerable<ExpressionSyntax> TargetOperands(ExpressionSyntax target) => target switch
        {
            ElementAccessExpressionSyntax element => [element.Expression, .. element.ArgumentList.Arguments.Select(a => a.Expression)],
            MemberAccessExpressionSyntax member => [member.Expression],
            _ => [],
        };

        /// <summary>
        /// The arguments C# evaluates as values, in order, or null when one is not planned. A <c>ref</c>, <c>out</c> or
        /// <c>in</c> argument passes a variable, not its value, and the callee reads it only after every argument is
        /// evaluated: a local, a parameter, a variable it declares (<c>out var x</c>) or a discard is the same variable after
        /// the await, so it is no operand. A reference to an element or a member would have to be taken before the await,
        /// and a saved object comes back from a checkpoint as a copy: such an argument is not planned.
        /// </summary>
        private IEnumerable<ExpressionSyntax>? Arguments(ArgumentListSyntax? list)
        {
            if (list is null)
            {
                return [];
            }

            var values = new List<ExpressionSyntax>(list.Arguments.Count);
            foreach (var argument in list.Arguments)
            {
                if (argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    values.Add(argument.Expression);
                }
                else if (!IsVariableOfItsOwn(argument.Expression))
                {
                    Reason ??= $"'{argument}' passes a reference to an element or a member, which C# takes before the durable await in the same call, and after a resume the object would be a copy; assign the awaited result to a local first";
                    return null;
                }
            }

            return values;
        }

        /// <summary>A local, a parameter, a declaration or a discard: a variable that no evaluation before an await can change.</summary>
        private bool IsVariableOfItsOwn(ExpressionSyntax expression) => expression switch
        {
            DeclarationExpressionSyntax => true,
            IdentifierNameSyntax => model.GetSymbolInfo(expression).Symbol is ILocalSymbol { RefKind: RefKind.None } or IParameterSymbol { RefKind: RefKind.None } or IDiscardSymbol,
            _ => false,
        };

        private static IEnumerable<ExpressionSyntax> Receiver(ExpressionSyntax invoked) =>
            invoked is MemberAccessExpressionSyntax access ? [access.Expression] : [];

        private static IEnumerable<ExpressionSyntax> InitializerValues(InitializerExpressionSyntax? initializer) =>
            initializer?.Expressions.Select(e => e is AssignmentExpressionSyntax assignment ? assignment.Right : e) ?? [];
    }
}
