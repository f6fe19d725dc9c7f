using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// C# allows no <c>goto</c> over a using declaration, even one that leaves the block the declaration is in (CS8648),
/// while a <c>break</c>, <c>continue</c> or <c>return</c> may leave it. In copied code those become gotos when they
/// leave for a flattened construct, so the rest of a block from a using declaration after such a goto gets braces of
/// its own: the resource is disposed at the same place, and the goto no longer jumps over the declaration.
/// </summary>
internal static class UsingDeclarationBraces
{
    /// <summary><paramref name="block"/>, rewritten already, with the rest of it from each such using declaration in braces.</summary>
    public static BlockSyntax Apply(BlockSyntax block)
    {
        var statements = block.Statements;
        for (var index = 1; index < statements.Count; index++)
        {
            if (statements[index] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } declaration &&
                statements.Take(index).Any(ContainsGoto))
            {
                // The braces take no line of their own, so every statement stays on the user's line.
                var moved = statements.Skip(index).ToList();
                var last = moved[^1];
                moved[0] = moved[0].WithLeadingTrivia(SyntaxFactory.Space);
                moved[^1] = moved[^1].WithoutTrailingTrivia();
                var rest = SyntaxFactory.Block(moved)
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(declaration.GetLeadingTrivia()))
                    .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(last.GetTrailingTrivia()));
                return block.WithStatements(SyntaxFactory.List(statements.Take(index).Append(Apply(rest))));
            }
        }

        return block;
    }

    private static bool ContainsGoto(StatementSyntax statement) =>
        statement.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax).OfType<GotoStatementSyntax>().Any();
}
