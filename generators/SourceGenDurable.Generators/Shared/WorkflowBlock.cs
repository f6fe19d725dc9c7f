using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SourceGenDurable.Shared;

/// <summary>
/// The block a workflow's statements are read from, the model that binds it and the method symbol of that model. A
/// block body is itself. An expression body is read as the block it means, <c>{ return expr; }</c> (or <c>{ expr; }</c>
/// for a workflow without a result), in a copy of the compilation where the method is written that way, so everything
/// that reads workflow bodies (data flow included, which speculative models do not offer) handles one form. What is
/// found in that block is reported through <see cref="Locate(Location)"/>, where the user wrote it.
/// </summary>
internal sealed class WorkflowBlock
{
    private readonly ExpressionSyntax? _written;
    private readonly int _rewrittenStart;
    private readonly int _offset;

    private WorkflowBlock(IMethodSymbol method, BlockSyntax block, SemanticModel model, ExpressionSyntax? written = null, int rewrittenStart = 0, int offset = 0)
    {
        Method = method;
        Block = block;
        Model = model;
        _written = written;
        _rewrittenStart = rewrittenStart;
        _offset = offset;
    }

    /// <summary>The workflow method as <see cref="Model"/> sees it: compare the body's symbols with this one's, not the caller's.</summary>
    public IMethodSymbol Method { get; }

    public BlockSyntax Block { get; }

    public SemanticModel Model { get; }

    /// <summary>The block of <paramref name="syntax"/>, or null when it has no body (a partial or abstract declaration).</summary>
    public static WorkflowBlock? Of(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        if (syntax.Body is { } body)
        {
            return new WorkflowBlock(method, body, model);
        }

        if (syntax.ExpressionBody is not { } arrow)
        {
            return null;
        }

        // Everything before the arrow keeps its position; the expression moves by one offset.
        var prefix = method.ReturnType is INamedTypeSymbol { IsGenericType: true } ? "{ return " : "{ ";
        var replaced = TextSpan.FromBounds(arrow.SpanStart, syntax.SemicolonToken.Span.End);
        var tree = syntax.SyntaxTree;
        var text = tree.GetText(cancellationToken).WithChanges(new TextChange(replaced, prefix + arrow.Expression + "; }"));
        var rewritten = tree.WithChangedText(text);
        var root = rewritten.GetRoot(cancellationToken);
        if (root.FindToken(syntax.Identifier.SpanStart).Parent is not MethodDeclarationSyntax { Body: { } block } declaration)
        {
            return null;
        }

#pragma warning disable RS1030 // The block exists only in this copy of the compilation, which is what the model must bind.
        var rewrittenModel = model.Compilation.ReplaceSyntaxTree(tree, rewritten).GetSemanticModel(rewritten);
#pragma warning restore RS1030
        return rewrittenModel.GetDeclaredSymbol(declaration, cancellationToken) is { } rewrittenMethod
            ? new WorkflowBlock(rewrittenMethod, block, rewrittenModel, arrow.Expression, replaced.Start, arrow.SpanStart + prefix.Length - arrow.Expression.SpanStart)
            : null;
    }

    /// <summary>Where <paramref name="location"/>, found in <see cref="Block"/>'s tree, is in the user's code.</summary>
    public Location Locate(Location location)
    {
        if (_written is null || location.SourceTree != Block.SyntaxTree)
        {
            return location;
        }

        var span = location.SourceSpan;
        var expression = new TextSpan(_written.SpanStart + _offset, _written.Span.Length);
        return span.End <= _rewrittenStart ? Location.Create(_written.SyntaxTree, span)
            : expression.Contains(span) ? Location.Create(_written.SyntaxTree, new TextSpan(span.Start - _offset, span.Length))
            : _written.GetLocation();
    }
}
