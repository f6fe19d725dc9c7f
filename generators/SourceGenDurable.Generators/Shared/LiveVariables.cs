using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SourceGenDurable.Shared;

/// <summary>
/// Which locals are live across a checkpoint: read, on some path after it, before being written again. Those become
/// slots; every other local stays an ordinary local. The answer is built from Roslyn's data-flow analysis of the code
/// that can run after each checkpoint, and errs on the side of saving a variable.
/// </summary>
internal static class LiveVariables
{
    /// <summary>
    /// Whether a value of <paramref name="type"/> is an object whose identity a slot loses: each slot is saved as JSON
    /// of its own, so after a resume it is a copy, and a change made through it does not reach another holder of the
    /// object. Strings cannot change; values have no identity.
    /// </summary>
    public static bool ComesBackAsCopy(ITypeSymbol? type) => type is { IsReferenceType: true, SpecialType: not SpecialType.System_String };

    public static IReadOnlyCollection<ISymbol> AcrossCheckpoints(
        BlockSyntax body, IEnumerable<StatementSyntax> checkpoints, IEnumerable<StatementSyntax> spillHosts, IEnumerable<AwaitExpressionSyntax> spilledAwaits, SemanticModel model)
    {
        var live = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var awaits = spilledAwaits.ToList();
        foreach (var awaited in awaits)
        {
            live.UnionWith(PatternVariablesReadAcross(awaited, model));
        }

        // Checkpoints in the same block or loop share the regions that follow them: analyze each region once.
        var analyzed = new HashSet<(SyntaxNode First, SyntaxNode Last)>();
        void AddFlowingInto(StatementSyntax statement, SemanticModel model, HashSet<ISymbol> live) =>
            AddFlowingIntoRange(statement, statement, model, live, analyzed);
        void AddFlowingIntoRest(SyntaxList<StatementSyntax> statements, StatementSyntax current, SemanticModel model, HashSet<ISymbol> live)
        {
            var index = statements.IndexOf(current);
            if (index >= 0 && index < statements.Count - 1)
            {
                AddFlowingIntoRange(statements[index + 1], statements[statements.Count - 1], model, live, analyzed, DeclaredAfterItsAwaits(current, awaits, model));
            }
        }

        foreach (var host in spillHosts)
        {
            // The rest of a statement with awaits inside its expressions runs after them: what flows into it, and
            // what it declares and reads itself (a for loop's variable, an earlier declarator). Not the locals of the
            // blocks it holds: an if whose condition awaits declares its branches' locals after the await.
            AddFlowingInto(host, model, live);
            live.UnionWith(BranchVariablesReadOutside(host, awaits, body, model));
            if (model.AnalyzeDataFlow(host) is { Succeeded: true } flow)
            {
                // Not what it assigns after its last await (a using statement's resource, read by its body).
                live.UnionWith(flow.ReadInside.Intersect(flow.VariablesDeclared, SymbolEqualityComparer.Default)
                    .Where(v => v.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator &&
                        declarator.Ancestors().OfType<StatementSyntax>().First() == host)
                    .Except(DeclaredAfterItsAwaits(host, awaits, model), SymbolEqualityComparer.Default));
            }
        }

        foreach (var checkpoint in checkpoints)
        {
            StatementSyntax current = checkpoint;
            while (current != body)
            {
                var parent = current.Parent!;
                switch (parent)
                {
                    case BlockSyntax block:
                        AddFlowingIntoRest(block.Statements, current, model, live);
                        break;
                    case SwitchSectionSyntax section:
                        AddFlowingIntoRest(section.Statements, current, model, live);
                        break;
                    case WhileStatementSyntax or DoStatementSyntax or CommonForEachStatementSyntax:
                        // The next iteration runs after the checkpoint too.
                        AddFlowingInto((StatementSyntax)parent, model, live);
                        break;
                    case ForStatementSyntax loop:
                        AddFlowingInto(loop, model, live);
                        if (loop.Declaration is not null)
                        {
                            var declared = loop.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)).ToList();
                            live.UnionWith(model.AnalyzeDataFlow(loop)!.ReadInside.Where(s => declared.Contains(s, SymbolEqualityComparer.Default)));
                        }

                        break;
                    case CatchClauseSyntax { Parent: TryStatementSyntax { Finally: { } @finally } }:
                        AddFlowingInto(@finally.Block, model, live);
                        break;
                    case TryStatementSyntax @try when current == @try.Block:
                        // A resume can only enter the try block at its start, whence it jumps to the checkpoint: the
                        // compiler sees a path on to the block's reads before the checkpoint, so what flows into the
                        // block must be assigned on a resume too (CS0165 otherwise).
                        AddFlowingInto(@try.Block, model, live);

                        // A step after the checkpoint may throw into a catch block, and the finally block runs last.
                        foreach (var handler in @try.Catches.Select(c => c.Block).Concat(@try.Finally is null ? [] : [@try.Finally.Block]))
                        {
                            AddFlowingInto(handler, model, live);
                        }

                        break;
                }

                current = parent.AncestorsAndSelf().OfType<StatementSyntax>().First();
            }
        }

        if (body.DescendantNodes().OfType<GotoStatementSyntax>().Any(g => g.IsKind(SyntaxKind.GotoStatement)))
        {
            // A goto can jump back across a checkpoint anywhere: keep every local that is read, but for the variables
            // that can hold a value at no checkpoint (see ScopeOf).
            var checkpointStatements = checkpoints.ToList();
            bool OutOfScopeAtEveryCheckpoint(ISymbol local) =>
                ScopeOf(local) is { } scope && !checkpointStatements.Any(c => scope.Contains(c.Span));
            live.UnionWith(model.AnalyzeDataFlow(body)!.ReadInside.Where(s => s is ILocalSymbol && !OutOfScopeAtEveryCheckpoint(s)));
        }

        // The variables of a switch expression arm without a durable await are matched again on every pass, and the
        // copied arm keeps them as its own: they are never saved (the goto rule above keeps every local it reads).
        live.RemoveWhere(s => s.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is SingleVariableDesignationSyntax designation &&
            designation.Ancestors().OfType<SwitchExpressionArmSyntax>().FirstOrDefault() is { } arm && arm.Pattern.Span.Contains(designation.Span) &&
            !awaits.Any(a => arm.Span.Contains(a.Span)));
        live.RemoveWhere(s => s is not ILocalSymbol { IsConst: false });
        return live;
    }

    /// <summary>
    /// The pattern and out variables of the statement around a spilled durable await that are assigned before it and
    /// read anywhere in their scope but inside the await itself. Reads outside it are evaluated after its checkpoint:
    /// a later operand, and also an earlier one the spilling leaves in place, such as the 'x' of 'x + await F(x)'
    /// (a local is read where the statement is, after its spilled awaits). Roslyn's data flow of a statement cannot
    /// tell this, since the variable is declared inside it.
    /// </summary>
    private static IEnumerable<ISymbol> PatternVariablesReadAcross(AwaitExpressionSyntax awaited, SemanticModel model)
    {
        var host = awaited.Ancestors().OfType<StatementSyntax>().First();
        var designations = host.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<SingleVariableDesignationSyntax>()
            // A foreach's variables are assigned after its collection is read, on every pass.
            .Where(d => d.Span.End <= awaited.SpanStart && !(host is ForEachVariableStatementSyntax loop && loop.Variable.Span.Contains(d.Span)));
        foreach (var designation in designations)
        {
            // A switch expression arm's variables exist in that arm only; any other expression variable in the statement.
            var scope = (SyntaxNode?)designation.Ancestors().TakeWhile(a => a != host).OfType<SwitchExpressionArmSyntax>().FirstOrDefault() ?? host;
            if (!scope.Span.Contains(awaited.Span) || model.GetDeclaredSymbol(designation) is not ILocalSymbol variable)
            {
                continue;
            }

            // The arm's own guard runs before an await of its expression.
            var guard = scope is SwitchExpressionArmSyntax { WhenClause: { } when } && !when.Span.Contains(awaited.Span) ? when : null;
            if (scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name =>
                    name.SpanStart >= designation.Span.End && !awaited.Span.Contains(name.Span) && guard?.Span.Contains(name.Span) != true &&
                    Names(name, variable, model)))
            {
                yield return variable;
            }
        }
    }

    /// <summary>
    /// The pattern and out variables declared in an operand that runs on one path only and awaits (the right of
    /// <c>&amp;&amp;</c>, a branch of <c>?:</c>), read outside it: <c>a &amp;&amp; await F() is var k &amp;&amp; k &gt; 0</c>. The
    /// spilling evaluates that operand as a statement of its own, so C#'s definite assignment of the variable across
    /// the operator is lost in the copy; saved, the variable is captured into its field where C# assigns it.
    /// </summary>
    private static IEnumerable<ISymbol> BranchVariablesReadOutside(StatementSyntax host, IReadOnlyList<AwaitExpressionSyntax> spilledAwaits, BlockSyntax body, SemanticModel model)
    {
        var branches = host.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<ExpressionSyntax>()
            .Select(AwaitSpilling.ShortCircuit)
            .SelectMany(shortCircuit => shortCircuit?.Conditional ?? [])
            .Where(branch => spilledAwaits.Any(a => branch.Span.Contains(a.Span)));
        foreach (var branch in branches)
        {
            foreach (var designation in branch.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax).OfType<SingleVariableDesignationSyntax>())
            {
                if (model.GetDeclaredSymbol(designation) is ILocalSymbol variable &&
                    body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => !branch.Span.Contains(name.Span) && Names(name, variable, model)))
                {
                    yield return variable;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> refers to <paramref name="variable"/>: the text is compared first, as binding costs more.</summary>
    private static bool Names(IdentifierNameSyntax name, ILocalSymbol variable, SemanticModel model) =>
        name.Identifier.ValueText == variable.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, variable);

    /// <summary>
    /// Where <paramref name="local"/> may hold a value, when no goto can enter it: the statement of a for or foreach
    /// statement's variable, a using statement's after its declarator (the awaits of its resource come before it), the
    /// switch section of a case label's pattern variable, and for a variable of a declaration statement the rest of its
    /// block after its declarator. C# allows no read of it before its declaration, so that holds when no label follows
    /// it in its block (and none can after a using declaration): every path to a read then goes through its declarator,
    /// and a jump back before it meets the declarator again. Null for any other local (one declared in a switch section
    /// is in scope in the sections after it too, which may assign it and loop back across a checkpoint).
    /// </summary>
    private static TextSpan? ScopeOf(ISymbol local) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: ForStatementSyntax loop } } => loop.Span,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: UsingStatementSyntax @using } } declarator =>
                TextSpan.FromBounds(declarator.Span.End, @using.Span.End),
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration } } declarator
                when declaration.UsingKeyword.RawKind != 0 || !block.Statements.SkipWhile(s => s != declaration).Any(s => s is LabeledStatementSyntax)
                => TextSpan.FromBounds(declarator.Span.End, block.Span.End),
            ForEachStatementSyntax loop => loop.Span,
            SingleVariableDesignationSyntax designation => designation.Ancestors().FirstOrDefault(a => a is StatementSyntax or SwitchSectionSyntax) switch
            {
                ForEachVariableStatementSyntax loop when loop.Variable.Span.Contains(designation.Span) => loop.Span,
                SwitchSectionSyntax section when designation.Ancestors().OfType<CasePatternSwitchLabelSyntax>().Any() => section.Span,
                _ => null,
            },
            _ => null,
        };

    /// <summary>
    /// The variables a declaration (a local one, or a using statement's) whose initializers await assigns after its
    /// last durable await: that await's own declarator and any after it. Its checkpoints all come before they have a
    /// value, so the rest of the block (or the statement's body) reading them does not make them live across those
    /// checkpoints (a later checkpoint that they do live across says so itself).
    /// </summary>
    private static IEnumerable<ISymbol> DeclaredAfterItsAwaits(StatementSyntax statement, IReadOnlyList<AwaitExpressionSyntax> spilledAwaits, SemanticModel model)
    {
        var declaration = statement switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration,
            UsingStatementSyntax { Declaration: { } resource } => resource,
            _ => null,
        };
        if (declaration is null)
        {
            return [];
        }

        var last = spilledAwaits.Where(a => declaration.Span.Contains(a.Span)).Select(a => a.SpanStart).DefaultIfEmpty(-1).Max();
        return last < 0
            ? []
            : declaration.Variables.Where(v => v.Span.End > last).Select(v => model.GetDeclaredSymbol(v)).OfType<ISymbol>();
    }

    private static void AddFlowingIntoRange(
        StatementSyntax first, StatementSyntax last, SemanticModel model, HashSet<ISymbol> live, HashSet<(SyntaxNode First, SyntaxNode Last)> analyzed, IEnumerable<ISymbol>? notYetAssigned = null)
    {
        if (!analyzed.Add((first, last)))
        {
            return;
        }

        var flow = model.AnalyzeDataFlow(first, last);
        if (flow is { Succeeded: true })
        {
            live.UnionWith(notYetAssigned is null ? flow.DataFlowsIn : flow.DataFlowsIn.Except(notYetAssigned, SymbolEqualityComparer.Default));
        }
    }
}
