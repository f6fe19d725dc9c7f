using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Generators.Binding;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Rewrites user code that is copied into the resumable method: slot variables become fields of the slots object (so
/// code between checkpoints, and lambdas that capture workflow locals, see the values a resume restored), locals whose
/// names would clash once blocks are flattened are renamed, and <c>break</c>/<c>continue</c> that leave the copied
/// code for a flattened loop or switch become jumps to its labels.
/// </summary>
internal sealed class CopiedCodeRewriter : CSharpSyntaxRewriter
{
    public const string SlotsParameter = "__slots";

    private readonly SemanticModel _model;
    private readonly IReadOnlyDictionary<ISymbol, string> _slotFields;
    private readonly LocalNames _names;
    private readonly SpilledValues _spilled;
    private readonly LoweringScope _scope;
    private readonly string? _returnValueSlot;
    private readonly string? _rethrow;
    private readonly IReadOnlyCollection<ISymbol> _unmapped;
    private int _breakableDepth;
    private int _loopDepth;
    private int _functionDepth;
    private int _catchDepth;
    private int _switchDepth;

    /// <summary>A rewriter for one piece of copied code.</summary>
    /// <param name="spilled">What spilling evaluated into temporaries already (awaits, operands, compound assignments' target values).</param>
    /// <param name="scope">Where jumps that leave the copied code go.</param>
    /// <param name="returnValueSlot">Inside a try whose finally became ordinary code, the slot a returned value goes to.</param>
    /// <param name="rethrow">Inside a catch body moved out of its catch clause: the statement that replaces <c>throw;</c>.</param>
    /// <param name="unmapped">Variables left as they are written (a pattern's own variables, inside the pattern).</param>
    public CopiedCodeRewriter(
        SemanticModel model,
        IReadOnlyDictionary<ISymbol, string> slotFields,
        LocalNames names,
        SpilledValues spilled,
        LoweringScope scope,
        string? returnValueSlot,
        string? rethrow,
        IReadOnlyCollection<ISymbol> unmapped)
    {
        _model = model;
        _slotFields = slotFields;
        _names = names;
        _spilled = spilled;
        _scope = scope;
        _returnValueSlot = returnValueSlot;
        _rethrow = rethrow;
        _unmapped = unmapped;
    }

    public string Rewrite(SyntaxNode node) => Normalize(RewriteNode(node));

    public SyntaxNode RewriteNode(SyntaxNode node) => Visit(node)!;

    public static string Normalize(SyntaxNode node) => node.NormalizeWhitespace(eol: "\n").ToFullString().TrimEnd();

    /// <summary>
    /// A substituted expression keeps the lines it spanned as line breaks after its temporary, so the rest of the
    /// statement stays on the user's lines (see <see cref="LoweringContext.Layout"/>).
    /// </summary>
    public override SyntaxNode? Visit(SyntaxNode? node) =>
        node is not null && _spilled.Expressions.TryGetValue(node, out var temporary)
            ? SyntaxFactory.ParseExpression(temporary)
                .WithLeadingTrivia(node.GetLeadingTrivia())
                .WithTrailingTrivia(Enumerable.Repeat(SyntaxFactory.EndOfLine("\n"), node.ToString().Count(c => c == '\n')).Concat(node.GetTrailingTrivia()))
            : base.Visit(node);

    /// <summary>
    /// A tuple element named after its value (<c>(order.Total, await ...)</c>) keeps that name when the copy reads the
    /// value from a temporary, a slot or a renamed local, which would infer another name or none.
    /// </summary>
    public override SyntaxNode? VisitArgument(ArgumentSyntax node)
    {
        var visited = (ArgumentSyntax)base.VisitArgument(node)!;
        return node is { NameColon: null, Parent: TupleExpressionSyntax tuple } && !IsDeconstructionTarget(tuple) &&
            InferredNameLost(node.Expression, visited.Expression) is { } name &&
            _model.GetTypeInfo(tuple).Type is INamedTypeSymbol { IsTupleType: true } type && type.TupleElements[tuple.Arguments.IndexOf(node)].Name == name
            ? visited.WithNameColon(SyntaxFactory.NameColon(name))
            : visited;
    }

    /// <summary>An anonymous object's member named after its value keeps that name, as a tuple element does.</summary>
    public override SyntaxNode? VisitAnonymousObjectMemberDeclarator(AnonymousObjectMemberDeclaratorSyntax node)
    {
        var visited = (AnonymousObjectMemberDeclaratorSyntax)base.VisitAnonymousObjectMemberDeclarator(node)!;
        return node.NameEquals is null && InferredNameLost(node.Expression, visited.Expression) is { } name
            ? visited.WithNameEquals(SyntaxFactory.NameEquals(name))
            : visited;
    }

    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
    {
        var symbol = _model.GetSymbolInfo(node).Symbol;
        if (symbol is null || IsUnmapped(symbol))
        {
            return base.VisitIdentifierName(node);
        }

        if (_slotFields.TryGetValue(symbol, out var field))
        {
            return SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(SlotsParameter),
                    SyntaxFactory.IdentifierName(field))
                .WithTriviaFrom(node);
        }

        // A generic local function called with inferred type arguments binds to its constructed form.
        return _names.TryGetRenamed(symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } function ? function.OriginalDefinition : symbol, out var name)
            ? SyntaxFactory.IdentifierName(name).WithTriviaFrom(node)
            : base.VisitIdentifierName(node);
    }

    /// <summary>
    /// A compound assignment whose target's value was read before the awaits on its right (see
    /// <see cref="SpilledValues.CompoundTargets"/>) stores the operator applied to that value: <c>t += r</c> becomes
    /// <c>t = (T)(value + (r))</c>, the conversion C# applies to a compound assignment's result.
    /// </summary>
    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        if (!_spilled.CompoundTargets.TryGetValue(node, out var value))
        {
            return base.VisitAssignmentExpression(node);
        }

        var target = (ExpressionSyntax)Visit(node.Left)!;
        var right = (ExpressionSyntax)Visit(node.Right)!;
        var type = TypeNames.FullyQualified(_model.GetTypeInfo(node.Left).Type!);
        var @operator = node.OperatorToken.Text.Substring(0, node.OperatorToken.Text.Length - 1);
        return SyntaxFactory.ParseExpression($"{target.ToFullString().Trim()} = ({type})({value} {@operator} ({right.ToFullString().Trim()}))").WithTriviaFrom(node);
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        // nameof of a renamed local must still give the name the user wrote.
        if (_model.GetOperation(node) is INameOfOperation { ConstantValue: { HasValue: true, Value: string name } })
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(node);
        }

        return base.VisitInvocationExpression(node);
    }

    /// <summary>
    /// A deconstruction that declares a slot (<c>var (a, b) = ...</c>) assigns the slot's field instead: it becomes a
    /// tuple of fields and declarations, <c>(__slots.a, var b) = ...</c>.
    /// </summary>
    public override SyntaxNode? VisitDeclarationExpression(DeclarationExpressionSyntax node)
    {
        if (!node.Designation.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Any(d => _model.GetDeclaredSymbol(d) is { } local && _slotFields.ContainsKey(local)))
        {
            return base.VisitDeclarationExpression(node);
        }

        // Made by the factory, the tuple has no spaces of its own until normalized.
        return Deconstructed(node.Designation, node.Type).NormalizeWhitespace().WithTriviaFrom(node);
    }

    private ExpressionSyntax Deconstructed(VariableDesignationSyntax designation, TypeSyntax type) => designation switch
    {
        ParenthesizedVariableDesignationSyntax list => SyntaxFactory.TupleExpression(SyntaxFactory.SeparatedList(
            list.Variables.Select(v => SyntaxFactory.Argument(Deconstructed(v, type is TupleTypeSyntax ? SyntaxFactory.IdentifierName("var") : type))))),
        SingleVariableDesignationSyntax single when _model.GetDeclaredSymbol(single) is { } local && _slotFields.TryGetValue(local, out var field) =>
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(SlotsParameter), SyntaxFactory.IdentifierName(field)),
        SingleVariableDesignationSyntax single when _model.GetDeclaredSymbol(single) is ILocalSymbol local =>
            SyntaxFactory.DeclarationExpression(
                SyntaxFactory.ParseTypeName(TypeNames.FullyQualified(local.Type)),
                (VariableDesignationSyntax)VisitSingleVariableDesignation(single)!),
        _ => SyntaxFactory.IdentifierName("_"),
    };

    /// <summary>
    /// A pattern variable that is a slot is captured into its field the moment the pattern matches:
    /// <c>x is T n</c> becomes <c>(x is T n__p &amp;&amp; __run.Capture(out __slots.n, n__p))</c>, and every other reference
    /// to it reads the field. Under a <c>not</c> (C# allows a variable there only as <c>x is not T n</c>) the variable is
    /// assigned when the test is false: <c>(x is not T n__p || !__run.Capture(out __slots.n, n__p))</c>.
    /// </summary>
    public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
    {
        var slots = node.Pattern.DescendantNodes().OfType<SingleVariableDesignationSyntax>()
            .Select(d => _model.GetDeclaredSymbol(d))
            .Where(s => s is not null && _slotFields.ContainsKey(s))
            .ToList();
        if (slots.Count == 0)
        {
            return base.VisitIsPatternExpression(node);
        }

        var captured = slots.Select(s => (Field: _slotFields[s!], Local: _names.NewPatternCapture(s!))).ToList();
        var visited = (ExpressionSyntax)base.VisitIsPatternExpression(node)!;
        var captures = string.Join(" && ", captured.Select(c => $"__run.Capture(out {SlotsParameter}.{c.Field}, {c.Local})"));
        var pattern = node.Pattern;
        while (pattern is ParenthesizedPatternSyntax parenthesized)
        {
            pattern = parenthesized.Pattern;
        }

        var tested = pattern is UnaryPatternSyntax ? $"({visited} || !({captures}))" : $"({visited} && {captures})";
        return SyntaxFactory.ParseExpression(tested).WithTriviaFrom(node);
    }

    public override SyntaxNode? VisitVariableDeclarator(VariableDeclaratorSyntax node) =>
        Renamed(_model.GetDeclaredSymbol(node), node.Identifier, (VariableDeclaratorSyntax n, SyntaxToken id) => n.WithIdentifier(id), base.VisitVariableDeclarator(node));

    public override SyntaxNode? VisitSingleVariableDesignation(SingleVariableDesignationSyntax node) =>
        Renamed(_model.GetDeclaredSymbol(node), node.Identifier, (SingleVariableDesignationSyntax n, SyntaxToken id) => n.WithIdentifier(id), base.VisitSingleVariableDesignation(node));

    public override SyntaxNode? VisitCatchDeclaration(CatchDeclarationSyntax node) =>
        Renamed(_model.GetDeclaredSymbol(node), node.Identifier, (CatchDeclarationSyntax n, SyntaxToken id) => n.WithIdentifier(id), base.VisitCatchDeclaration(node));

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)InLoop(() => base.VisitForEachStatement(node))!;
        return _model.GetDeclaredSymbol(node) is { } local && _names.TryGetRenamed(local, out var name)
            ? visited.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(node.Identifier))
            : visited;
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node) => UsingDeclarationBraces.Apply((BlockSyntax)base.VisitBlock(node)!);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) => InLoop(() => base.VisitWhileStatement(node));

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) => InLoop(() => base.VisitDoStatement(node));

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) => InLoop(() => base.VisitForStatement(node));

    public override SyntaxNode? VisitSwitchStatement(SwitchStatementSyntax node) =>
        Inside(ref _breakableDepth, () => Inside(ref _switchDepth, () => base.VisitSwitchStatement(node)));

    /// <summary>A switch whose sections were flattened is no longer a switch: its goto case and goto default jump to the sections.</summary>
    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        if (_functionDepth == 0 && node.IsKind(SyntaxKind.GotoStatement) && _scope.RoutesGotos && node.Expression is IdentifierNameSyntax userLabel &&
            _scope.GotoTarget(userLabel.Identifier.ValueText) is var routed && routed != userLabel.Identifier.ValueText)
        {
            return Goto(routed, node);
        }

        if (_functionDepth > 0 || _switchDepth > 0)
        {
            return base.VisitGotoStatement(node);
        }

        var target = node.Kind() switch
        {
            SyntaxKind.GotoDefaultStatement => _scope.DefaultLabel,
            SyntaxKind.GotoCaseStatement => _scope.SectionOf(_model, node),
            _ => null,
        };
        // Leaving a try whose finally became ordinary code, the jump to the section runs that finally first.
        return target is null ? base.VisitGotoStatement(node) : Goto(_scope.RoutesGotos ? _scope.GotoTarget(target) : target, node);
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => InFunction(() => base.VisitParenthesizedLambdaExpression(node));

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => InFunction(() => base.VisitSimpleLambdaExpression(node));

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => InFunction(() => base.VisitAnonymousMethodExpression(node));

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
        Renamed(_model.GetDeclaredSymbol(node), node.Identifier, (LocalFunctionStatementSyntax n, SyntaxToken id) => n.WithIdentifier(id), InFunction(() => base.VisitLocalFunctionStatement(node)));

    /// <summary>A generic local function called by name (<c>G&lt;int&gt;(x)</c>), renamed as its declaration is.</summary>
    public override SyntaxNode? VisitGenericName(GenericNameSyntax node) =>
        _names.IsRenamedFunctionName(node.Identifier.ValueText) &&
        _model.GetSymbolInfo(node).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } function && _names.TryGetRenamed(function.OriginalDefinition, out var name)
            ? ((GenericNameSyntax)base.VisitGenericName(node)!).WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(node.Identifier))
            : base.VisitGenericName(node);

    public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node)
    {
        if (_functionDepth > 0 || _scope.ReturnLabel is not { } label)
        {
            return base.VisitReturnStatement(node);
        }

        var value = node.Expression is null || _returnValueSlot is null ? "" : $"{_returnValueSlot} = {Visit(node.Expression)}; ";
        return SyntaxFactory.ParseStatement($"{{ {value}goto {label}; }}").WithTriviaFrom(node);
    }

    public override SyntaxNode? VisitThrowStatement(ThrowStatementSyntax node) =>
        node.Expression is null && _functionDepth == 0 && _catchDepth == 0 && _rethrow is not null
            ? SyntaxFactory.ParseStatement(_rethrow).WithTriviaFrom(node)
            : base.VisitThrowStatement(node);

    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node) => Inside(ref _catchDepth, () => base.VisitCatchClause(node));

    public override SyntaxNode? VisitBreakStatement(BreakStatementSyntax node) =>
        _functionDepth == 0 && _breakableDepth == 0 && _scope.BreakLabel is { } label ? Goto(label, node) : base.VisitBreakStatement(node);

    public override SyntaxNode? VisitContinueStatement(ContinueStatementSyntax node) =>
        _functionDepth == 0 && _loopDepth == 0 && _scope.ContinueLabel is { } label ? Goto(label, node) : base.VisitContinueStatement(node);

    private static GotoStatementSyntax Goto(string label, StatementSyntax replaced) =>
        SyntaxFactory.GotoStatement(SyntaxKind.GotoStatement, SyntaxFactory.IdentifierName(label)).NormalizeWhitespace().WithTriviaFrom(replaced);

    private SyntaxNode? Renamed<T>(ISymbol? declared, SyntaxToken identifier, System.Func<T, SyntaxToken, T> rename, SyntaxNode? visited)
        where T : SyntaxNode =>
        declared is { } local && !IsUnmapped(local) && (_names.TryGetPatternCapture(local, out var name) || _names.TryGetRenamed(local, out name)) && visited is T node
            ? rename(node, SyntaxFactory.Identifier(name).WithTriviaFrom(identifier))
            : visited;

    private bool IsUnmapped(ISymbol symbol) => _unmapped.Contains(symbol, SymbolEqualityComparer.Default);

    private SyntaxNode? InLoop(System.Func<SyntaxNode?> visit) => Inside(ref _breakableDepth, () => Inside(ref _loopDepth, visit));

    private SyntaxNode? InFunction(System.Func<SyntaxNode?> visit) => Inside(ref _functionDepth, visit);

    /// <summary>Visits with <paramref name="depth"/> raised: break, continue, return and throw look at these depths.</summary>
    private static SyntaxNode? Inside(ref int depth, System.Func<SyntaxNode?> visit)
    {
        depth++;
        try
        {
            return visit();
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>The name C# infers from <paramref name="original"/>, when <paramref name="rewritten"/> would infer another.</summary>
    private static string? InferredNameLost(ExpressionSyntax original, ExpressionSyntax rewritten) =>
        original.TryGetInferredMemberName() is { } name && rewritten.TryGetInferredMemberName() != name ? name : null;

    /// <summary>Whether <paramref name="tuple"/> is, or is inside, the variables a deconstruction assigns, where C# allows no names.</summary>
    private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
    {
        SyntaxNode outer = tuple;
        while (outer.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax enclosing })
        {
            outer = enclosing;
        }

        return outer.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == outer,
            ForEachVariableStatementSyntax loop => loop.Variable == outer,
            _ => false,
        };
    }
}
