using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Rewrites every reference to a slot variable into a read or write of its field on the slots object, so that code
/// between checkpoints, and lambdas that capture workflow locals, see the values a resume restored.
/// </summary>
internal sealed class SlotReferenceRewriter : CSharpSyntaxRewriter
{
    public const string SlotsParameter = "__slots";

    private readonly SemanticModel _model;
    private readonly IReadOnlyDictionary<ISymbol, string> _slotFields;

    public SlotReferenceRewriter(SemanticModel model, IReadOnlyDictionary<ISymbol, string> slotFields)
    {
        _model = model;
        _slotFields = slotFields;
    }

    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
    {
        if (_model.GetSymbolInfo(node).Symbol is { } symbol && _slotFields.TryGetValue(symbol, out var field))
        {
            return SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(SlotsParameter),
                    SyntaxFactory.IdentifierName(field))
                .WithTriviaFrom(node);
        }

        return base.VisitIdentifierName(node);
    }

    public string Rewrite(SyntaxNode node) => Visit(node)!.NormalizeWhitespace(eol: "\n").ToFullString().TrimEnd();
}
