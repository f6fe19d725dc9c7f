using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SourceGenDurable.Analyzers;

namespace SourceGenDurable.CodeFixes;

/// <summary>
/// Replaces a clock read, <c>Guid.NewGuid()</c> or an awaited <c>Task.Delay</c> with what the workflow's context
/// offers instead (<c>ctx.UtcNow</c>, <c>ctx.NewGuid()</c>, <c>ctx.Sleep</c>). The analyzer decides whether the
/// replacement means the same and writes it into the diagnostic, so the fix only swaps the expression.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWorkflowContextCodeFixProvider))]
[Shared]
public sealed class UseWorkflowContextCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WallClock.Id, DiagnosticDescriptors.Randomness.Id, DiagnosticDescriptors.NonDurableTimer.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(WorkflowBody.ReplacementProperty, out var replacement) || replacement is null ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax use)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{replacement}'",
                    cancellationToken => ReplaceAsync(context.Document, use, replacement, cancellationToken),
                    equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax use, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(use).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(use, expression));
    }
}
