using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Shared;

/// <summary>Constructs around a checkpoint that the lowering cannot flatten as they are written.</summary>
internal sealed partial class WorkflowShape
{
    /// <summary>
    /// Constructs that contain a checkpoint and that the lowering cannot flatten as they are written. Returns the
    /// resources of the using declarations it reports, which are therefore not reported again as slots.
    /// </summary>
    private static HashSet<ISymbol> CheckFlattenedStatements(
        BlockSyntax body, ImmutableArray<CheckpointSite> checkpoints, ImmutableHashSet<SyntaxNode> flattened, SemanticModel model, ImmutableArray<ShapeProblem>.Builder problems)
    {
        var resources = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in flattened)
        {
            switch (node)
            {
                case CommonForEachStatementSyntax loop when model.GetForEachStatementInfo(loop) is var info &&
                    (info.ElementType is null || !IsEnumerableOf(model.GetTypeInfo(loop.Expression).Type, info.ElementType, model)):
                    problems.Add(new ShapeProblem(
                        DiagnosticIds.DurableAwaitNotLowered,
                        loop.Expression.GetLocation(),
                        "this foreach loop contains a durable await, so its collection is read into a list when the loop starts; it must be an IEnumerable<T>"));
                    break;

                case BlockSyntax block:
                    foreach (var declaration in block.Statements.OfType<LocalDeclarationStatementSyntax>().Where(d => !d.UsingKeyword.IsKind(SyntaxKind.None)))
                    {
                        var resource = declaration.Declaration.Variables[0].Identifier.ValueText;
                        // After the block's last checkpoint, the declaration is lowered (BodyLowerer gives the rest of the block braces).
                        var inScope = checkpoints.Where(c => c.Statement.SpanStart > declaration.SpanStart && block.Span.Contains(c.Statement.Span)).ToList();
                        if (inScope.Count > 0)
                        {
                            resources.UnionWith(declaration.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)).OfType<ISymbol>());
                        }

                        foreach (var checkpoint in inScope)
                        {
                            problems.Add(new ShapeProblem(
                                DiagnosticIds.DurableAwaitNotLowered,
                                checkpoint.Invocation.GetLocation(),
                                $"the using declaration of '{resource}' is still in scope here, and a resource cannot survive a restart; dispose it before the durable await"));
                        }
                    }

                    break;
            }
        }

        return resources;
    }

    private static bool IsEnumerableOf(ITypeSymbol? collection, ITypeSymbol element, SemanticModel model)
    {
        var enumerable = model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).Construct(element);
        return collection is not null && model.Compilation.ClassifyConversion(collection, enumerable).IsImplicit;
    }
}
