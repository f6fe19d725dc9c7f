using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>
/// Reads that the spilling leaves in place, and the writes that would change them. A local, a parameter, or a member
/// reached from one is read where the statement is copied, after its awaits, and is not saved first (see
/// <c>NeedsSpill</c>). That is what C# reads unless an operand evaluated between the read and the copy
/// assigns it: in <c>y + (y++ + await F())</c> or <c>y += y++ + await F()</c> the increment runs before the await, so the
/// copy would read the new value. Such a read is evaluated into a temporary first, as C#'s own spiller does.
/// </summary>
internal static partial class AwaitSpilling
{
    private sealed partial class Planner
    {
        /// <summary>The operands evaluated after the one being planned and before the statement is copied, innermost last.</summary>
        private readonly List<IReadOnlyList<ExpressionSyntax>> _later = [];

        /// <summary>
        /// Whether an operand evaluated after <paramref name="read"/> and before the copy may change what it reads. A value
        /// whose member is called or assigned (<c>p.Move(...)</c>, <c>t.A += ...</c>) is the variable itself, not a value
        /// read: C# passes it by reference, and a later change to it is one the call or the assignment sees.
        /// </summary>
        private bool IsChangedLater(ExpressionSyntax read) =>
            !(read.Parent is MemberAccessExpressionSyntax member && member.Expression == read && model.GetTypeInfo(read).Type is { IsValueType: true }) &&
            IsChangedBy(read, _later.SelectMany(operands => operands));

        /// <summary>Whether evaluating <paramref name="operands"/> may change what <paramref name="read"/> reads.</summary>
        private bool IsChangedBy(ExpressionSyntax read, IEnumerable<ExpressionSyntax> operands) =>
            AccessPath(read) is { } path && operands.SelectMany(WriteTargets).Any(target =>
                AccessPath(target) is { } written && Changes(written, path, model.GetTypeInfo(read).Type));

        /// <summary>Plans <paramref name="operand"/> with <paramref name="later"/> known to be evaluated after it.</summary>
        private void WithLater(IReadOnlyList<ExpressionSyntax> later, ExpressionSyntax operand)
        {
            _later.Add(later);
            try
            {
                EvaluateFirst(operand);
            }
            finally
            {
                _later.RemoveAt(_later.Count - 1);
            }
        }

        /// <summary>
        /// Whether writing <paramref name="written"/> changes the value read at <paramref name="read"/>: the same
        /// variable or member, one that holds it, or a part of it when it is a value.
        /// </summary>
        private static bool Changes((ISymbol Variable, string Path) written, (ISymbol Variable, string Path) read, ITypeSymbol? readType) =>
            SymbolEqualityComparer.Default.Equals(written.Variable, read.Variable) &&
            (written.Path == read.Path || IsWithin(read.Path, written.Path) || (readType is { IsValueType: true } && IsWithin(written.Path, read.Path)));

        private static bool IsWithin(string inner, string outer) =>
            inner.Length > outer.Length && inner.StartsWith(outer, System.StringComparison.Ordinal) && inner[outer.Length] is '.' or '[';

        /// <summary>The local or parameter <paramref name="access"/> starts from, and the members and elements reached from it.</summary>
        private (ISymbol Variable, string Path)? AccessPath(ExpressionSyntax access)
        {
            switch (Unparenthesize(access))
            {
                case IdentifierNameSyntax name when model.GetSymbolInfo(name).Symbol is { } variable and (ILocalSymbol or IParameterSymbol):
                    return (variable, name.Identifier.ValueText);
                case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && AccessPath(member.Expression) is { } inner:
                    return (inner.Variable, inner.Path + "." + member.Name.Identifier.ValueText);
                case ElementAccessExpressionSyntax element when AccessPath(element.Expression) is { } inner:
                    return (inner.Variable, inner.Path + "[]");
                default:
                    return null;
            }
        }

        /// <summary>
        /// What <paramref name="operand"/> may assign: assignment and deconstruction targets, increments and decrements,
        /// ref and out arguments, and a value whose own method is called (a struct's method may change it).
        /// </summary>
        private IEnumerable<ExpressionSyntax> WriteTargets(ExpressionSyntax operand) =>
            operand.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax).SelectMany(node => node switch
            {
                AssignmentExpressionSyntax assignment => Targets(assignment.Left),
                PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression) => [unary.Operand],
                PostfixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PostIncrementExpression) || unary.IsKind(SyntaxKind.PostDecrementExpression) => [unary.Operand],
                ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) => [argument.Expression],
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax method } when model.GetTypeInfo(method.Expression).Type is { IsValueType: true }
                    => [method.Expression],
                _ => [],
            });

        private static IEnumerable<ExpressionSyntax> Targets(ExpressionSyntax left) =>
            left is TupleExpressionSyntax tuple ? tuple.Arguments.SelectMany(a => Targets(a.Expression)) : [left];
    }
}
