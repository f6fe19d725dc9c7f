using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SourceGenDurable.Analyzers;

namespace SourceGenDurable.CodeFixes;

/// <summary>
/// SGD0014: adds <c>[JsonSerializable(typeof(T))]</c> to the context the analyzer named (a registered context of the
/// project, else any context the project declares), or, when the project declares none, creates one next to the use.
/// A created context still has to be registered with <c>UseJsonContext</c>, which the fix's title says.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableCodeFixProvider))]
[Shared]
public sealed class AddJsonSerializableCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SGD0014");

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(JsonContextAnalyzer.TypeProperty, out var type) || type is null)
            {
                continue;
            }

            var shown = type.Replace("global::", "");
            if (diagnostic.Properties.TryGetValue(JsonContextAnalyzer.ContextProperty, out var contextName) && contextName is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add [JsonSerializable(typeof({shown}))] to {contextName.Split('.', '+').Last()}",
                        ct => AddToContextAsync(context.Document.Project.Solution, context.Document.Project.Id, contextName, type, ct),
                        equivalenceKey: "SGD0014-add:" + type),
                    diagnostic);
            }
            else
            {
                diagnostic.Properties.TryGetValue(JsonContextAnalyzer.NamespaceProperty, out var ns);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Create {JsonContextAnalyzer.NewContextName} with [JsonSerializable(typeof({shown}))] (then register it: o.UseJsonContext({JsonContextAnalyzer.NewContextName}.Default))",
                        ct => CreateContextAsync(context.Document, ns ?? "", type, ct),
                        equivalenceKey: "SGD0014-create:" + type),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static AttributeListSyntax JsonSerializable(string type) =>
        SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::System.Text.Json.Serialization.JsonSerializable").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.TypeOfExpression(SyntaxFactory.ParseTypeName(type).WithAdditionalAnnotations(Simplifier.Annotation))))))))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static async Task<Solution> AddToContextAsync(Solution solution, ProjectId projectId, string contextName, string type, CancellationToken cancellationToken)
    {
        var compilation = await solution.GetProject(projectId)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var declaration = compilation?.GetTypeByMetadataName(contextName)?.DeclaringSyntaxReferences.FirstOrDefault();
        if (declaration is null || solution.GetDocument(declaration.SyntaxTree) is not { } document ||
            await declaration.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax context)
        {
            return solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var list = JsonSerializable(type);
        ClassDeclarationSyntax changed;
        if (context.AttributeLists.Count == 0)
        {
            // The attribute takes the class's leading trivia (its doc comment), and the class keeps only its indentation.
            var leading = context.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var newLine = root!.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            changed = context
                .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                .WithAttributeLists(SyntaxFactory.SingletonList(list
                    .WithLeadingTrivia(leading)
                    .WithTrailingTrivia(newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n"))));
        }
        else
        {
            var last = context.AttributeLists.Last();
            changed = context.WithAttributeLists(context.AttributeLists.Add(list.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia())));
        }

        var edited = document.WithSyntaxRoot(root!.ReplaceNode(context, changed));
        edited = await Simplifier.ReduceAsync(edited, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return edited.Project.Solution;
    }

    private static async Task<Solution> CreateContextAsync(Document near, string ns, string type, CancellationToken cancellationToken)
    {
        var text =
            "using System.Text.Json.Serialization;\n\n" +
            (ns.Length == 0 ? "" : $"namespace {ns};\n\n") +
            "/// <summary>The workflows' own types, for System.Text.Json under Native AOT. Registered with o.UseJsonContext(" + JsonContextAnalyzer.NewContextName + ".Default).</summary>\n" +
            $"[JsonSerializable(typeof({type}))]\n" +
            $"internal sealed partial class {JsonContextAnalyzer.NewContextName} : JsonSerializerContext;\n";
        var folders = near.Folders;
        var created = near.Project.AddDocument(JsonContextAnalyzer.NewContextName + ".cs", text, folders);
        var root = await created.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var attribute = root!.DescendantNodes().OfType<TypeOfExpressionSyntax>().First();
        created = created.WithSyntaxRoot(root.ReplaceNode(attribute.Type, attribute.Type.WithAdditionalAnnotations(Simplifier.Annotation)));
        created = await Simplifier.ReduceAsync(created, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created.Project.Solution;
    }
}
