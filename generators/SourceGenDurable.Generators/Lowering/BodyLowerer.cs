using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Generators.Emitting;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Generators.Parsing;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Lowers a workflow body into the body of a resumable method, the way the C# compiler lowers an async method:
/// statements that contain a checkpoint are flattened into labels and jumps within one block per try region, each
/// checkpoint becomes "run the operation, commit, resume label", and a dispatch at the top of the method and at the
/// head of each try block jumps to the saved state. Statements without a checkpoint are copied as written.
/// </summary>
internal sealed class BodyLowerer
{
    private const string State = "__state";

    private readonly SemanticModel _model;
    private readonly KnownTypes _known;
    private readonly WorkflowShape _shape;
    private readonly IReadOnlyDictionary<ISymbol, string> _slotFields;
    private readonly Dictionary<ISymbol, string> _renamedLocals = new(SymbolEqualityComparer.Default);
    private readonly CopiedCodeRewriter _rewriter;
    private readonly Dictionary<StatementSyntax, int> _states = new();
    private readonly Dictionary<TryStatementSyntax, string> _tryLabels = new();
    private readonly List<ImmutableArray<string>> _regionPaths = new();
    private readonly Stack<string> _returnRoutes = new();
    private readonly Stack<Dictionary<string, string>> _gotoRoutes = new();
    private readonly Stack<(string Label, CatchClauseSyntax Clause)> _catchBodies = new();
    private readonly string? _resultType;
    private readonly string _rebuildMethod;
    private Dictionary<Microsoft.CodeAnalysis.Text.TextSpan, string>? _caseLabels;
    private string? _defaultLabel;
    private string? _returnSlot;
    private readonly List<SlotModel> _synthesizedSlots = new();
    private readonly Stack<(string? Break, string? Continue)> _jumps = new();
    private readonly IndentedWriter _out = new();
    private int _labels;

    public BodyLowerer(SemanticModel model, WorkflowShape shape, IReadOnlyDictionary<ISymbol, string> slotFields, BlockSyntax body, string? resultType, string rebuildMethod)
    {
        _rebuildMethod = rebuildMethod;
        _resultType = resultType;
        _model = model;
        _known = KnownTypes.Of(model.Compilation);
        _shape = shape;
        _slotFields = slotFields;
        RenameLocals(body);
        _rewriter = new CopiedCodeRewriter(model, slotFields, _renamedLocals);
        for (var state = 0; state < shape.Checkpoints.Length; state++)
        {
            if (shape.Checkpoints[state].Form != CheckpointForm.Spilled)
            {
                _states[shape.Checkpoints[state].Statement] = state;
            }
        }
    }

    /// <summary>The name of the slot that carries the result of a <c>return await</c> checkpoint.</summary>
    public static string ReturnSlotName(int state) => $"__result{state}";

    /// <summary>The generated method that rebuilds a saved exception description into an exception of its type.</summary>
    private string RebuildMethod
    {
        get
        {
            RebuildsExceptions = true;
            return _rebuildMethod;
        }
    }

    /// <summary>Whether the lowered body rebuilds saved exceptions, so the rebuild method must be emitted.</summary>
    public bool RebuildsExceptions { get; private set; }

    /// <summary>Slots the lowering itself needs, such as the list and position of a foreach loop.</summary>
    public IReadOnlyList<SlotModel> SynthesizedSlots => _synthesizedSlots;

    /// <summary>
    /// Flattening puts the locals of sibling blocks into one scope, so a local whose name is declared more than once
    /// gets a name of its own; so does a pattern variable of a flattened switch, whose section moves out of the switch.
    /// </summary>
    private void RenameLocals(BlockSyntax body)
    {
        var nodes = body.DescendantNodes().ToList();
        var locals = nodes
            .Where(n => n is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax or CatchDeclarationSyntax)
            .Select(n => _model.GetDeclaredSymbol(n))
            .OfType<ILocalSymbol>()
            .ToList();
        var names = locals.Select(l => l.Name)
            .Concat(nodes.OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText))
            .Concat(nodes.OfType<LocalFunctionStatementSyntax>().Select(f => f.Identifier.ValueText))
            .GroupBy(n => n)
            .ToDictionary(g => g.Key, g => g.Count());
        var switchPatternVariables = _shape.Flattened.OfType<SwitchStatementSyntax>()
            .SelectMany(s => s.Sections.SelectMany(section => section.Labels.OfType<CasePatternSwitchLabelSyntax>()))
            .SelectMany(l => l.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
            .Concat(_shape.BranchPlans.Keys.Select(b => b.Parent).OfType<SwitchExpressionArmSyntax>().SelectMany(a => a.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()))
            .Select(d => _model.GetDeclaredSymbol(d))
            .ToList();
        var movedCatchVariables = _shape.Flattened.OfType<TryStatementSyntax>()
            .SelectMany(t => t.Catches.Where(c => _shape.Flattened.Contains(c.Block) && c.Declaration is { Identifier.RawKind: not 0 }))
            .Select(c => _model.GetDeclaredSymbol(c.Declaration!))
            .ToList();
        switchPatternVariables.AddRange(movedCatchVariables);
        foreach (var local in locals.Where(l => !_slotFields.ContainsKey(l)))
        {
            if (names[local.Name] > 1 || switchPatternVariables.Contains(local, SymbolEqualityComparer.Default))
            {
                _renamedLocals[local] = $"{local.Name}__{_renamedLocals.Count}";
            }
        }
    }

    public string Lower(BlockSyntax body)
    {
        foreach (var @try in _shape.Flattened.OfType<TryStatementSyntax>().OrderBy(t => t.SpanStart))
        {
            _tryLabels[@try] = $"__try{_tryLabels.Count}";
        }

        foreach (var checkpoint in _shape.Checkpoints)
        {
            _regionPaths.Add(RegionPath(checkpoint.Statement));
        }

        _out.Line($"var {State} = __run.ResumeState;");
        foreach (var @try in _tryLabels.Keys.Where(t => t.Catches.Any(IsMoved)))
        {
            // The exception a moved catch body handles, while it is in memory; after a resume it is rebuilt.
            _out.Line($"global::System.Exception? {_tryLabels[@try]}_exception = null;");
        }

        foreach (var @try in _tryLabels.Keys.Where(FlattensFinally))
        {
            _out.Line($"global::System.Exception? {_tryLabels[@try]}_pendingException = null;");
        }

        foreach (var clause in _tryLabels.Keys.SelectMany(t => t.Catches.Where(IsMoved)).Where(c => c.Declaration is { Identifier.RawKind: not 0 }))
        {
            var variable = _model.GetDeclaredSymbol(clause.Declaration!)!;
            _out.Line($"{TypeNames.FullyQualified(variable.Type)}? {LocalName(variable)} = null;");
        }

        WriteDispatch(Enumerable.Range(0, _shape.Checkpoints.Length), depth: 0);
        LowerStatements(body.Statements, inRegionBlock: true);
        return _out.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The labels of the try blocks a checkpoint sits in once lowered, outermost first: a resume enters each at its
    /// head, where a dispatch jumps on. A try whose finally is flattened has two: the protected region around the try
    /// and its moved catch bodies, and the try block itself.
    /// </summary>
    private ImmutableArray<string> RegionPath(StatementSyntax checkpoint)
    {
        var path = new List<string>();
        foreach (var @try in checkpoint.Ancestors().OfType<TryStatementSyntax>().Reverse())
        {
            var label = _tryLabels[@try];
            var inBlock = @try.Block.Span.Contains(checkpoint.Span);
            var inCatch = @try.Catches.Any(c => c.Span.Contains(checkpoint.Span));
            if (FlattensFinally(@try) && (inBlock || inCatch))
            {
                path.Add(label);
            }

            if (inBlock && (!FlattensFinally(@try) || @try.Catches.Count > 0))
            {
                path.Add(FlattensFinally(@try) ? $"{label}_body" : label);
            }
        }

        return path.ToImmutableArray();
    }

    /// <summary>Jumps from the saved state to its resume label, or to the next try region on the way there.</summary>
    private void WriteDispatch(IEnumerable<int> states, int depth)
    {
        var cases = states.ToList();
        if (cases.Count == 0)
        {
            return;
        }

        using (_out.OpenBlock($"switch ({State})"))
        {
            foreach (var state in cases)
            {
                var path = _regionPaths[state];
                _out.Line($"case {state}: goto {(path.Length > depth ? path[depth] : ResumeLabel(state))};");
            }
        }

        _out.Line();
    }

    /// <summary>States whose region path continues through <paramref name="label"/>.</summary>
    private IEnumerable<int> StatesInside(string label) =>
        Enumerable.Range(0, _regionPaths.Count).Where(state => _regionPaths[state].Contains(label));

    private bool IsMoved(CatchClauseSyntax clause) => _shape.Flattened.Contains(clause.Block);

    /// <summary>
    /// A finally block becomes ordinary code after the try when it contains a checkpoint, or when a catch body that
    /// contains one moves out of the try (the finally must still run after it).
    /// </summary>
    private bool FlattensFinally(TryStatementSyntax @try) =>
        @try.Finally is not null && (_shape.Flattened.Contains(@try.Finally.Block) || @try.Catches.Any(IsMoved));

    private void LowerStatements(SyntaxList<StatementSyntax> statements, bool inRegionBlock)
    {
        foreach (var statement in statements)
        {
            LowerStatement(statement, inRegionBlock);
        }
    }

    private void LowerStatement(StatementSyntax statement, bool inRegionBlock)
    {
        if (_states.TryGetValue(statement, out var state))
        {
            LowerCheckpoint(_shape.Checkpoints[state], state);
            return;
        }

        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: > 1 } several && _shape.SpillPlans.ContainsKey(statement))
        {
            // Each declarator is evaluated, and assigned, before the next one's awaits.
            LowerDeclarators(several.Declaration, statement);
            return;
        }

        if (_shape.SpillPlans.TryGetValue(statement, out var plan) && statement is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax))
        {
            LowerSpills(plan);
            if (statement is ExpressionStatementSyntax or ReturnStatementSyntax or LocalDeclarationStatementSyntax)
            {
                Copy(statement);
                return;
            }
        }

        if (!_shape.Flattened.Contains(statement))
        {
            Copy(statement);
            return;
        }

        switch (statement)
        {
            case BlockSyntax block:
                LowerStatements(block.Statements, inRegionBlock: false);
                break;
            case LabeledStatementSyntax labeled:
                _out.Line($"{labeled.Identifier.ValueText}:;");
                LowerStatement(labeled.Statement, inRegionBlock);
                break;
            case IfStatementSyntax @if:
                LowerIf(@if);
                break;
            case WhileStatementSyntax loop:
                LowerWhile(loop);
                break;
            case DoStatementSyntax loop:
                LowerDo(loop);
                break;
            case ForStatementSyntax loop:
                LowerFor(loop);
                break;
            case CommonForEachStatementSyntax loop:
                LowerForEach(loop);
                break;
            case SwitchStatementSyntax @switch:
                LowerSwitch(@switch);
                break;
            case TryStatementSyntax @try:
                LowerTry(@try);
                break;
            default:
                throw new System.InvalidOperationException($"WorkflowShape accepted a {statement.Kind()} that the lowering cannot flatten.");
        }

        if (statement is not BlockSyntax && _model.AnalyzeControlFlow(statement) is { Succeeded: true, EndPointIsReachable: false })
        {
            // The C# compiler proves this on the original; the jumps of the lowered form hide it from the compiler.
            _out.Line("throw new global::System.InvalidOperationException(\"The end of a statement that cannot complete was reached.\");");
        }
    }

    private void LowerIf(IfStatementSyntax @if)
    {
        var label = NextLabel("if");
        var elseLabel = @if.Else is null ? $"{label}_end" : $"{label}_else";
        _out.Line($"if (!({Rewrite(@if.Condition)})) goto {elseLabel};");
        LowerStatement(@if.Statement, inRegionBlock: false);
        if (@if.Else is not null)
        {
            _out.Line($"goto {label}_end;").Line($"{elseLabel}:;");
            LowerStatement(@if.Else.Statement, inRegionBlock: false);
        }

        _out.Line($"{label}_end:;");
    }

    private void LowerWhile(WhileStatementSyntax loop)
    {
        var label = NextLabel("while");
        _out.Line($"{label}_continue:;");
        LowerConditionSpills(loop);
        _out.Line($"if (!({Rewrite(loop.Condition)})) goto {label}_break;");
        LowerLoopBody(loop.Statement, label);
        _out.Line($"goto {label}_continue;").Line($"{label}_break:;");
    }

    private void LowerDo(DoStatementSyntax loop)
    {
        var label = NextLabel("do");
        _out.Line($"{label}_top:;");
        LowerLoopBody(loop.Statement, label);
        _out.Line($"{label}_continue:;");
        LowerConditionSpills(loop);
        _out.Line($"if ({Rewrite(loop.Condition)}) goto {label}_top;").Line($"{label}_break:;");
    }

    private void LowerFor(ForStatementSyntax loop)
    {
        var label = NextLabel("for");
        if (loop.Declaration is not null)
        {
            LowerDeclarators(loop.Declaration, loop);
        }

        foreach (var initializer in loop.Initializers)
        {
            LowerSpillsWithin(loop, initializer);
            _out.Lines(Rewrite(initializer) + ";");
        }

        _out.Line($"{label}_top:;");
        if (loop.Condition is not null)
        {
            LowerSpillsWithin(loop, loop.Condition);
            _out.Line($"if (!({Rewrite(loop.Condition)})) goto {label}_break;");
        }

        LowerLoopBody(loop.Statement, label);
        _out.Line($"{label}_continue:;");
        foreach (var incrementor in loop.Incrementors)
        {
            LowerSpillsWithin(loop, incrementor);
            _out.Lines(Rewrite(incrementor) + ";");
        }

        _out.Line($"goto {label}_top;").Line($"{label}_break:;");
    }

    private void LowerForEach(CommonForEachStatementSyntax loop)
    {
        // An enumerator cannot be saved: the collection is read once into a list slot and walked with an index slot.
        var label = NextLabel("foreach");
        var elementType = TypeNames.FullyQualified(_model.GetForEachStatementInfo(loop).ElementType!);
        var items = Synthesize($"{label}_items", $"global::System.Collections.Generic.List<{elementType}>");
        var index = Synthesize($"{label}_index", "int");
        _out.Line($"{items} = global::System.Linq.Enumerable.ToList<{elementType}>({Rewrite(loop.Expression)});")
            .Line($"{index} = 0;")
            .Line($"{label}_top:;")
            .Line($"if ({index} >= {items}.Count) goto {label}_break;");
        if (loop is ForEachStatementSyntax single)
        {
            var variable = _model.GetDeclaredSymbol(single)!;
            var variableType = TypeNames.FullyQualified(variable.Type);
            _out.Line($"{Declare(variable, variableType)} = ({variableType}){items}[{index}];");
        }
        else
        {
            // 'foreach (var (k, v) in ...)': the element is deconstructed into the loop's variables (or their slots).
            _out.Line($"{Rewrite(((ForEachVariableStatementSyntax)loop).Variable)} = {items}[{index}];");
        }

        LowerLoopBody(loop.Statement, label);
        _out.Line($"{label}_continue:;").Line($"{index}++;").Line($"goto {label}_top;").Line($"{label}_break:;");
    }

    /// <summary>The durable awaits and spilled operands of one part of a statement (a for clause, a declarator).</summary>
    private void LowerSpillsWithin(StatementSyntax host, SyntaxNode part)
    {
        if (_shape.SpillPlans.TryGetValue(host, out var plan))
        {
            LowerSpills(plan.Where(item => part.Span.Contains(item.Span)).ToImmutableArray());
        }
    }

    /// <summary>Declarators one by one, each after its own awaits: a declaration with several is split.</summary>
    private void LowerDeclarators(VariableDeclarationSyntax declaration, StatementSyntax host)
    {
        if (!_shape.SpillPlans.ContainsKey(host))
        {
            LowerDeclaration(declaration);
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            LowerSpillsWithin(host, variable);
            LowerDeclarator(variable);
        }
    }

    /// <summary>A loop condition with durable awaits evaluates them at the loop head, on every pass.</summary>
    private void LowerConditionSpills(StatementSyntax loop)
    {
        if (_shape.SpillPlans.TryGetValue(loop, out var plan))
        {
            LowerSpills(plan);
        }
    }

    private void LowerLoopBody(StatementSyntax body, string label)
    {
        _jumps.Push(($"{label}_break", $"{label}_continue"));
        LowerStatement(body, inRegionBlock: false);
        _jumps.Pop();
    }

    private void LowerSwitch(SwitchStatementSyntax @switch)
    {
        // The switch stays a real switch, so patterns, guards and their order keep their meaning; only the section
        // bodies move out of it, and pattern variables they use are copied out with them.
        var label = NextLabel("switch");
        var patternVariables = @switch.Sections
            .SelectMany(s => s.Labels.OfType<CasePatternSwitchLabelSyntax>())
            .SelectMany(l => l.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
            .Select(d => (ILocalSymbol)_model.GetDeclaredSymbol(d)!)
            .ToList();
        foreach (var variable in patternVariables.Where(v => !_slotFields.ContainsKey(v)))
        {
            _out.Line($"{TypeNames.FullyQualified(variable.Type)} {LocalName(variable)} = default!;");
        }

        using (_out.OpenBlock($"switch ({Rewrite(@switch.Expression)})"))
        {
            for (var section = 0; section < @switch.Sections.Count; section++)
            {
                foreach (var caseLabel in @switch.Sections[section].Labels)
                {
                    var declared = caseLabel.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => (ILocalSymbol)_model.GetDeclaredSymbol(d)!).ToList();
                    // Inside the label a pattern variable is still the pattern's own variable; the section gets a copy.
                    _out.Line(_rewriter.RewriteKeeping(caseLabel, declared).Replace("case>", "case >").Replace("case<", "case <"));
                    foreach (var variable in declared)
                    {
                        _out.Line($"    {Reference(variable)} = {TypeNames.Identifier(variable.Name)};");
                    }
                }

                _out.Line($"    goto {label}_section{section};");
            }
        }

        _out.Line($"goto {label}_break;");
        _jumps.Push(($"{label}_break", _jumps.Count > 0 ? _jumps.Peek().Continue : null));
        var (outerCases, outerDefault) = (_caseLabels, _defaultLabel);
        _caseLabels = new Dictionary<Microsoft.CodeAnalysis.Text.TextSpan, string>();
        _defaultLabel = null;
        for (var section = 0; section < @switch.Sections.Count; section++)
        {
            foreach (var caseLabel in @switch.Sections[section].Labels)
            {
                if (caseLabel is DefaultSwitchLabelSyntax)
                {
                    _defaultLabel = $"{label}_section{section}";
                }
                else if (caseLabel is CaseSwitchLabelSyntax)
                {
                    // By the label itself: a goto case finds it as the compiler bound it (see GotoCaseTarget).
                    _caseLabels[caseLabel.Span] = $"{label}_section{section}";
                }
            }
        }

        for (var section = 0; section < @switch.Sections.Count; section++)
        {
            _out.Line($"{label}_section{section}:;");
            LowerStatements(@switch.Sections[section].Statements, inRegionBlock: false);
        }

        (_caseLabels, _defaultLabel) = (outerCases, outerDefault);
        _jumps.Pop();
        _out.Line($"{label}_break:;");
    }

    private void LowerTry(TryStatementSyntax @try)
    {
        var label = _tryLabels[@try];
        var depth = RegionDepth(@try);
        var flattensFinally = FlattensFinally(@try);
        var moved = @try.Catches.Where(IsMoved).ToList();
        string? pending = null, branch = null;
        var exits = new List<string>();
        if (flattensFinally)
        {
            pending = Synthesize($"{label}_pending", "global::SourceGenDurable.WorkflowError?");
            branch = Synthesize($"{label}_branch", "int");
            _out.Line($"{pending} = null;").Line($"{branch} = 0;");
        }

        string? caught = null, error = null;
        if (moved.Count > 0)
        {
            caught = Synthesize($"{label}_catch", "int");
            error = Synthesize($"{label}_error", "global::SourceGenDurable.WorkflowError?");
            _out.Line($"{caught} = 0;");
        }

        _out.Line($"{label}:;");
        if (!flattensFinally)
        {
            WriteTryAndCatches(@try, label, depth + 1, moved, caught, error);
            WriteMovedCatches(@try, label, moved, caught!);
            return;
        }

        // The protected region: the try, its catch clauses and the moved catch bodies. Any exception leaving it is
        // kept as pending, the finally body runs as ordinary code, and then the exception or the jump that left the
        // try carries on.
        using (_out.OpenBlock("try"))
        {
            WriteDispatch(StatesInside(label), depth + 1);
            var (outerBreak, outerContinue) = _jumps.Count > 0 ? _jumps.Peek() : (null, null);
            _returnRoutes.Push($"{label}_leave_return");
            _jumps.Push((outerBreak is null ? null : $"{label}_leave_break", outerContinue is null ? null : $"{label}_leave_continue"));
            var leavingGotos = GotoLabelsLeaving(@try);
            _gotoRoutes.Push(leavingGotos.ToDictionary(name => name, name => $"{label}_leave_goto_{name}"));
            _out.Line($"{label}_body:;");
            WriteTryAndCatches(@try, $"{label}_body", depth + 2, moved, caught, error);
            WriteMovedCatches(@try, label, moved, caught);
            _gotoRoutes.Pop();
            _jumps.Pop();
            _returnRoutes.Pop();
            _out.Line($"goto {label}_finally;");

            // Jumps that leave the try: remembered, then taken after the finally body.
            if (outerBreak is not null)
            {
                exits.Add(outerBreak);
                _out.Line($"{label}_leave_break:;").Line($"{branch} = {exits.Count};").Line($"goto {label}_finally;");
            }

            if (outerContinue is not null)
            {
                exits.Add(outerContinue);
                _out.Line($"{label}_leave_continue:;").Line($"{branch} = {exits.Count};").Line($"goto {label}_finally;");
            }

            foreach (var name in leavingGotos)
            {
                exits.Add(GotoTarget(name));
                _out.Line($"{label}_leave_goto_{name}:;").Line($"{branch} = {exits.Count};").Line($"goto {label}_finally;");
            }

            _out.Line($"{label}_leave_return:;").Line($"{branch} = -1;").Line($"goto {label}_finally;");
        }

        using (_out.OpenBlock($"catch (global::System.Exception __exception) when (!__run.IsSuspending)"))
        {
            _out.Line($"{label}_pendingException = __exception;")
                .Line($"{pending} = global::SourceGenDurable.WorkflowError.From(__exception);");
        }

        _out.Line($"{label}_finally:;");
        LowerStatements(@try.Finally!.Block.Statements, inRegionBlock: false);
        _out.Line($"if ({pending} is not null) throw __run.Rethrow({label}_pendingException ?? {RebuildMethod}({pending}));");
        for (var exit = 0; exit < exits.Count; exit++)
        {
            _out.Line($"if ({branch} == {exit + 1}) goto {exits[exit]};");
        }

        if (@try.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax).OfType<ReturnStatementSyntax>().Any() ||
            _shape.Checkpoints.Any(c => c.Form == CheckpointForm.Return && @try.Span.Contains(c.Statement.Span)))
        {
            _out.Line($"if ({branch} == -1) {ReturnStatement(_resultType is null ? null : ReturnSlot())}");
        }
    }

    /// <summary>
    /// The labels that gotos in the try block or its catch blocks jump to outside the try statement: a user's label, or
    /// the section of the flattened switch around the try that a goto case or goto default names.
    /// </summary>
    private List<string> GotoLabelsLeaving(TryStatementSyntax @try) =>
        @try.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .Concat(@try.Catches.SelectMany(c => c.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)))
            .OfType<GotoStatementSyntax>()
            .Select(g => g.Kind() switch
            {
                SyntaxKind.GotoStatement when _model.GetSymbolInfo(g.Expression!).Symbol is ILabelSymbol target && target.DeclaringSyntaxReferences.All(r => !@try.Span.Contains(r.Span))
                    => ((IdentifierNameSyntax)g.Expression!).Identifier.ValueText,
                SyntaxKind.GotoStatement => null,
                // The switch a goto case names is the nearest one around it; when that is outside the try, it is the flattened switch being lowered.
                _ when g.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault() is { } target && @try.Span.Contains(target.Span) => null,
                SyntaxKind.GotoDefaultStatement => _defaultLabel,
                _ => SectionLabel(g),
            })
            .OfType<string>()
            .Distinct()
            .ToList();

    /// <summary>The section of the flattened switch being lowered that <paramref name="gotoCase"/> jumps to.</summary>
    private string? SectionLabel(GotoStatementSyntax gotoCase) =>
        _caseLabels is not null && GotoCaseTarget(_model, gotoCase) is { } target && _caseLabels.TryGetValue(target, out var label) ? label : null;

    /// <summary>
    /// Where the case label that <paramref name="gotoCase"/> jumps to is, as the compiler bound it: it matches the
    /// constants after converting both to the switch's type (<c>goto case 2</c> finds <c>case 2L</c> in a switch on a
    /// long), which comparing their unconverted values would not.
    /// </summary>
    internal static Microsoft.CodeAnalysis.Text.TextSpan? GotoCaseTarget(SemanticModel model, GotoStatementSyntax gotoCase) =>
        model.GetOperation(gotoCase) is IBranchOperation { Target: { } target } && target.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration
            ? declaration.Span
            : null;

    /// <summary>Where a goto to <paramref name="label"/> goes from here: through the enclosing lowered finally blocks first.</summary>
    private string GotoTarget(string label) =>
        _gotoRoutes.FirstOrDefault(routes => routes.ContainsKey(label)) is { } route ? route[label] : label;

    /// <summary>How many region labels precede this try's own in the region paths of the checkpoints inside it.</summary>
    private int RegionDepth(TryStatementSyntax @try) => RegionPath(@try).Length;

    private void WriteTryAndCatches(TryStatementSyntax @try, string bodyLabel, int depth, List<CatchClauseSyntax> moved, string? caught, string? error)
    {
        if (@try.Catches.Count == 0 && FlattensFinally(@try))
        {
            // Nothing to catch: the try block's statements sit directly in the protected region.
            LowerStatements(@try.Block.Statements, inRegionBlock: true);
            return;
        }

        using (_out.OpenBlock("try"))
        {
            WriteDispatch(StatesInside(bodyLabel), depth);
            LowerStatements(@try.Block.Statements, inRegionBlock: true);
        }

        for (var index = 0; index < @try.Catches.Count; index++)
        {
            var clause = @try.Catches[index];
            if (moved.Contains(clause))
            {
                WriteMovedCatchClause(@try, clause, index, caught!, error!);
                continue;
            }

            var rewritten = (CatchClauseSyntax)RewriteNode(clause);
            // Leaving memory (the host is stopping) is not a failure the workflow may catch.
            var notSuspending = SyntaxFactory.ParseExpression("!__run.IsSuspending");
            var filter = rewritten.Filter is null
                ? notSuspending
                : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, notSuspending, SyntaxFactory.ParenthesizedExpression(rewritten.Filter.FilterExpression));
            var declaration = rewritten.Declaration ?? SyntaxFactory.CatchDeclaration(SyntaxFactory.ParseTypeName("global::System.Exception"));
            var filterClause = SyntaxFactory.CatchFilterClause(filter).WithWhenKeyword(SyntaxFactory.Token(SyntaxKind.WhenKeyword).WithLeadingTrivia(SyntaxFactory.Space));
            _out.Lines(CopiedCodeRewriter.Normalize(rewritten.WithDeclaration(declaration).WithFilter(filterClause)));
        }

        if (@try.Finally is not null && !FlattensFinally(@try))
        {
            using (_out.OpenBlock("finally"))
            {
                // A finally runs when the try is left, never because the workflow merely left memory.
                _out.Line("if (!__run.IsSuspending)").Lines(Rewrite(@try.Finally.Block));
            }
        }
    }

    /// <summary>
    /// A catch clause whose body contains a checkpoint only records what it caught: a resume cannot enter a catch
    /// block, so the body moves after the try. The clause's own variable keeps its name in the filter.
    /// </summary>
    private void WriteMovedCatchClause(TryStatementSyntax @try, CatchClauseSyntax clause, int index, string caught, string error)
    {
        var variable = clause.Declaration is { Identifier.RawKind: not 0 } declaration ? _model.GetDeclaredSymbol(declaration) : null;
        var type = clause.Declaration is null ? "global::System.Exception" : TypeNames.FullyQualified(_model.GetTypeInfo(clause.Declaration.Type).Type!);
        var name = variable is null ? "__caught" : TypeNames.Identifier(variable.Name);
        var filter = clause.Filter is null ? "" : $" && ({_rewriter.RewriteKeeping(clause.Filter.FilterExpression, variable is null ? [] : [variable])})";
        using (_out.OpenBlock($"catch ({type} {name}) when (!__run.IsSuspending{filter})"))
        {
            _out.Line($"{_tryLabels[@try]}_exception = {name};")
                .Line($"{error} = global::SourceGenDurable.WorkflowError.From({name});")
                .Line($"{caught} = {index + 1};");
        }
    }

    /// <summary>The bodies of catch clauses that contain a checkpoint, as ordinary code after the try.</summary>
    private void WriteMovedCatches(TryStatementSyntax @try, string label, List<CatchClauseSyntax> moved, string? caught)
    {
        if (moved.Count == 0)
        {
            return;
        }

        foreach (var clause in moved)
        {
            _out.Line($"if ({caught} == {@try.Catches.IndexOf(clause) + 1}) goto {label}_catch{@try.Catches.IndexOf(clause)};");
        }

        _out.Line($"goto {label}_catches_end;");
        foreach (var clause in moved)
        {
            var index = @try.Catches.IndexOf(clause);
            _out.Line($"{label}_catch{index}:;");
            if (clause.Declaration is { Identifier.RawKind: not 0 } declaration && _model.GetDeclaredSymbol(declaration) is { } variable)
            {
                _out.Line($"{LocalName(variable)} = ({TypeNames.FullyQualified(variable.Type)}){label}_exception!;");
            }

            _catchBodies.Push((label, clause));
            LowerStatements(clause.Block.Statements, inRegionBlock: false);
            _catchBodies.Pop();
            _out.Line($"goto {label}_catches_end;");
        }

        _out.Line($"{label}_catches_end:;").Line($"{caught} = 0;");
    }

    /// <summary>
    /// Evaluates, in order, the durable awaits of a statement's expressions into temporaries (each a checkpoint) and
    /// the operands C# evaluates before them; the statement then reads the temporaries.
    /// </summary>
    private void LowerSpills(ImmutableArray<ExpressionSyntax> plan)
    {
        foreach (var item in plan)
        {
            if (item is AwaitExpressionSyntax await && _shape.Checkpoints.FirstOrDefault(c => c.Await == await) is { } site)
            {
                var state = _shape.Checkpoints.IndexOf(site);
                var temporary = Synthesize($"__await{state}", TypeNames.FullyQualified(site.Operation.ResultType!));
                LowerCheckpoint(site, state, $"{temporary} = ");
                _rewriter.Substitutions[await] = temporary;
            }
            else if (AwaitSpilling.ShortCircuit(item) is { } shortCircuit && shortCircuit.Conditional.Any(_shape.BranchPlans.ContainsKey))
            {
                _rewriter.Substitutions[item] = LowerShortCircuit(item);
            }
            else
            {
                var temporary = Synthesize($"__spill{_synthesizedSlots.Count}", TypeNames.FullyQualified(_model.GetTypeInfo(item).Type!));
                _out.Lines($"{temporary} = {Rewrite(item)};");
                _rewriter.Substitutions[item] = temporary;
            }
        }
    }

    /// <summary>
    /// An operand with a durable await that runs on one path only becomes an if statement writing a temporary, so the
    /// await (and its checkpoint) happens exactly when C# would evaluate it.
    /// </summary>
    private string LowerShortCircuit(ExpressionSyntax expression)
    {
        var label = NextLabel("cond");
        var type = _model.GetTypeInfo(expression).ConvertedType!;
        var temporary = Synthesize($"__spill{_synthesizedSlots.Count}", TypeNames.FullyQualified(type));
        switch (expression)
        {
            case ConditionalExpressionSyntax conditional:
                _out.Line($"if (!({Rewrite(conditional.Condition)})) goto {label}_else;");
                LowerBranch(conditional.WhenTrue, temporary);
                _out.Line($"goto {label}_end;").Line($"{label}_else:;");
                LowerBranch(conditional.WhenFalse, temporary);
                break;
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                var left = Synthesize($"__spill{_synthesizedSlots.Count}", TypeNames.FullyQualified(_model.GetTypeInfo(coalesce.Left).Type!));
                _out.Lines($"{left} = {Rewrite(coalesce.Left)};");
                using (_out.OpenBlock($"if ({left} != null)"))
                {
                    _out.Line($"{temporary} = ({TypeNames.FullyQualified(type)}){left}!;").Line($"goto {label}_end;");
                }

                LowerBranch(coalesce.Right, temporary);
                break;
            case SwitchExpressionSyntax @switch:
                LowerSwitchExpression(@switch, label, temporary);
                break;
            case ConditionalAccessExpressionSyntax access:
                // 'a?.M(await x)': the rest of the access, and its awaits, run only when the receiver is not null.
                var receiverType = _model.GetTypeInfo(access.Expression).Type!;
                var receiver = Synthesize($"__spill{_synthesizedSlots.Count}", TypeNames.FullyQualified(receiverType));
                _out.Lines($"{receiver} = {Rewrite(access.Expression)};");
                using (_out.OpenBlock($"if ({receiver} == null)"))
                {
                    _out.Line($"{temporary} = default!;").Line($"goto {label}_end;");
                }

                if (_shape.BranchPlans.TryGetValue(access.WhenNotNull, out var accessPlan))
                {
                    LowerSpills(accessPlan);
                }

                var target = receiverType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? $"{receiver}.Value" : receiver;
                _out.Lines($"{temporary} = {target}{Rewrite(access.WhenNotNull)};");
                break;
            case BinaryExpressionSyntax logical:
                var shortCircuitsWhen = logical.IsKind(SyntaxKind.LogicalAndExpression) ? "!" : "";
                _out.Lines($"{temporary} = {Rewrite(logical.Left)};").Line($"if ({shortCircuitsWhen}{temporary}) goto {label}_end;");
                LowerBranch(logical.Right, temporary);
                break;
        }

        _out.Line($"{label}_end:;");
        return temporary;
    }

    /// <summary>
    /// A switch expression whose arms await becomes a switch statement that only matches (patterns, guards and their
    /// order keep their meaning) and jumps to flattened arms, with pattern variables copied out, as for a switch
    /// statement. An arm whose guard awaits ends that switch with its pattern alone: when it matches, the guard runs
    /// as flattened code and either takes the arm or goes on to a switch over the arms after it. No arm matching
    /// throws what C# throws.
    /// </summary>
    private void LowerSwitchExpression(SwitchExpressionSyntax @switch, string label, string temporary)
    {
        var arms = @switch.Arms.Select(arm => (Arm: arm, Variables: arm.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
            .Select(d => (ILocalSymbol)_model.GetDeclaredSymbol(d)!).ToList())).ToList();
        foreach (var variable in arms.SelectMany(a => a.Variables).Where(v => !_slotFields.ContainsKey(v)))
        {
            _out.Line($"{TypeNames.FullyQualified(variable.Type)} {LocalName(variable)} = default!;");
        }

        // The arms after a guard that awaits match the value after a checkpoint: it is a slot then.
        var valueType = TypeNames.FullyQualified(_model.GetTypeInfo(@switch.GoverningExpression).Type!);
        var guardAwaits = arms.Any(a => a.Arm.WhenClause is { } when && Awaits(when.Condition));
        var value = guardAwaits ? Synthesize($"{label}_value", valueType) : $"{label}_value";
        _out.Lines($"{(guardAwaits ? "" : valueType + " ")}{value} = {Rewrite(@switch.GoverningExpression)};");
        for (var index = 0; index < arms.Count;)
        {
            var awaitingGuard = -1;
            using (_out.OpenBlock($"switch ({value})"))
            {
                for (; index < arms.Count && awaitingGuard < 0; index++)
                {
                    var (arm, variables) = arms[index];
                    var guard = arm.WhenClause is null || Awaits(arm.WhenClause.Condition) ? "" : " " + _rewriter.RewriteKeeping(arm.WhenClause, variables);
                    var pattern = arm.Pattern is DiscardPatternSyntax ? "var _" : _rewriter.RewriteKeeping(arm.Pattern, variables);
                    _out.Line(arm.Pattern is DiscardPatternSyntax && arm.WhenClause is null ? "default:" : $"case {pattern}{guard}:");
                    foreach (var variable in variables)
                    {
                        _out.Line($"    {Reference(variable)} = {TypeNames.Identifier(variable.Name)};");
                    }

                    awaitingGuard = arm.WhenClause is not null && Awaits(arm.WhenClause.Condition) ? index : -1;
                    _out.Line(awaitingGuard < 0 ? $"    goto {label}_arm{index};" : $"    goto {label}_guard{index};");
                }
            }

            if (awaitingGuard >= 0)
            {
                var condition = arms[awaitingGuard].Arm.WhenClause!.Condition;
                _out.Line($"goto {label}_next{awaitingGuard};").Line($"{label}_guard{awaitingGuard}:;");
                LowerSpills(_shape.BranchPlans[condition]);
                _out.Lines($"if ({Rewrite(condition)}) goto {label}_arm{awaitingGuard};").Line($"{label}_next{awaitingGuard}:;");
            }
        }

        _out.Line($"throw new global::System.Runtime.CompilerServices.SwitchExpressionException((object?){value});");
        for (var index = 0; index < arms.Count; index++)
        {
            _out.Line($"{label}_arm{index}:;");
            LowerBranch(arms[index].Arm.Expression, temporary);
            _out.Line($"goto {label}_end;");
        }
    }

    /// <summary>Whether an operand evaluated on one path only contains a durable await.</summary>
    private bool Awaits(ExpressionSyntax branch) => _shape.BranchPlans.TryGetValue(branch, out var plan) && !plan.IsEmpty;

    private void LowerBranch(ExpressionSyntax branch, string temporary)
    {
        if (_shape.BranchPlans.TryGetValue(branch, out var plan))
        {
            LowerSpills(plan);
        }

        _out.Lines($"{temporary} = {Rewrite(branch)};");
    }

    private void LowerCheckpoint(CheckpointSite site, int state, string? spilledTarget = null)
    {
        var target = spilledTarget ?? site.Form switch
        {
            CheckpointForm.Return => $"{CopiedCodeRewriter.SlotsParameter}.{ReturnSlotName(state)} = ",
            CheckpointForm.Declare when !_slotFields.ContainsKey(site.Target!) => $"{TypeNames.FullyQualified(((ILocalSymbol)site.Target!).Type)} {LocalName(site.Target!)} = ",
            CheckpointForm.Declare or CheckpointForm.Assign => $"{Reference(site.Target!)} = ",
            _ => "",
        };
        _out.Line($"// checkpoint {state}");
        _out.Lines($"{target}await __run.{LowerOperation(site.Invocation, site.Operation, state)};")
            .Line($"await __run.CheckpointAsync({state}, {CopiedCodeRewriter.SlotsParameter});")
            .Line($"{ResumeLabel(state)}:;")
            .Line($"{State} = -1;");
        foreach (var (label, clause) in _catchBodies)
        {
            // Resumed inside a catch body: the exception it handles is rebuilt from its saved description.
            var error = $"{CopiedCodeRewriter.SlotsParameter}.{label}_error!";
            _out.Line($"{label}_exception ??= {RebuildMethod}({error});");
            if (clause.Declaration is { Identifier.RawKind: not 0 } declaration && _model.GetDeclaredSymbol(declaration) is { } variable)
            {
                _out.Line($"{LocalName(variable)} ??= {RebuildException(variable.Type, label, error)};");
            }
        }

        if (site.Form == CheckpointForm.Return)
        {
            _out.Line(ReturnStatement($"{CopiedCodeRewriter.SlotsParameter}.{ReturnSlotName(state)}"));
        }
    }

    /// <summary>
    /// The <c>WorkflowRun</c> call that performs a checkpoint's durable operation: a step with its name and body, a
    /// timer, an event wait, a child workflow or a fan-out. Context operations take their arguments as written, after
    /// the checkpoint number. Inside a fan-out's lambda (<paramref name="inLambda"/>) nothing is spilled into
    /// statements: the lambda's parameters are fixed for each element, and the arguments are read as they are.
    /// </summary>
    private string LowerOperation(InvocationExpressionSyntax invocation, DurableOperation operation, int state, bool inLambda = false, int? branch = null)
    {
        var spillSuffix = branch is { } index ? $"_{index}" : "";
        var call = (IInvocationOperation)_model.GetOperation(invocation)!;
        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).OrderBy(a => a.Syntax.SpanStart).ToList();
        var resultType = operation.ResultType is null ? "" : $"<{TypeNames.FullyQualified(operation.ResultType)}>";
        if (operation.IsFanOut)
        {
            return LowerFanOut(invocation, operation, state);
        }

        var passed = arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => Rewrite(ValueOf(a))).ToList();
        switch (operation.Kind)
        {
            case DurableOperationKind.Sleep:
            case DurableOperationKind.SleepUntil:
            case DurableOperationKind.WaitForEvent:
                return $"{operation.Method.Name}Async{resultType}({state}{string.Concat(passed.Select(p => ", " + p))})";
            case DurableOperationKind.ContextStep:
                // ctx.Step(name, body[, retry]): a policy given is passed as written; without one, the default attempts.
                return $"StepAsync{resultType}({state}, {passed[0]}, {(passed.Count > 2 ? passed[2] : RetryPolicies.Argument(operation))}, {passed[1]})";
        }

        if (operation.Kind == DurableOperationKind.ChildWorkflow)
        {
            // The child's inputs are written as its slots are (a JSON property per parameter, named as the parameter);
            // its context argument is the workflow's own, which the child does not receive.
            var inputs = Spill(arguments.Where(a => a.Parameter!.Ordinal > 0), $"__child{state}{spillSuffix}", inLambda)
                .Select(s => $"global::SourceGenDurable.StateMachines.SlotSerializer.Write<{TypeNames.FullyQualified(s.Parameter.Type)}>(__writer, {SymbolDisplay.FormatLiteral(s.Parameter.Name, quote: true)}, {s.Local}, __options); ");
            return $"ChildAsync{resultType}({state}, {SymbolDisplay.FormatLiteral(WorkflowNames.Joined(operation.Method, _known), quote: true)}, (__writer, __options) => {{ {string.Concat(inputs)}}}, {RebuildMethod})";
        }

        // A [DurableStep] call: its arguments are evaluated once, so that every attempt sees the same values. A
        // CancellationToken parameter gets the attempt's token, whatever the call passes: the workflow body has no
        // token that is cancelled when the step should stop (a cancellation, a lost WhenAny, the shutdown timeout).
        var tokens = operation.Method.Parameters.Where(IsCancellationToken).Select(p => $"{TypeNames.Identifier(p.Name)}: __ct");
        var spilled = Spill(arguments.Where(a => !IsCancellationToken(a.Parameter!)), $"__step{state}{spillSuffix}", inLambda)
            .Select(s => $"{TypeNames.Identifier(s.Parameter.Name)}: {s.Local}")
            .Concat(tokens);
        var name = SymbolDisplay.FormatLiteral(operation.StepName!, quote: true);
        return $"StepAsync{resultType}({state}, {name}, {RetryPolicies.Argument(operation)}, __ct => {Rewrite(invocation.Expression)}({string.Join(", ", spilled)}))";
    }

    private bool IsCancellationToken(IParameterSymbol parameter) => _known.IsCancellationToken(parameter.Type);

    /// <summary>
    /// Evaluates <paramref name="arguments"/> into locals, in source order (as C# evaluates them), before the call; in a
    /// fan-out's lambda, where no statement can go, the argument expressions themselves.
    /// </summary>
    private List<(IParameterSymbol Parameter, string Local)> Spill(IEnumerable<IArgumentOperation> arguments, string prefix, bool inLambda)
    {
        var spilled = new List<(IParameterSymbol, string)>();
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter!;
            if (inLambda)
            {
                spilled.Add((parameter, Rewrite(ValueOf(argument))));
                continue;
            }

            var spill = $"{prefix}_{parameter.Name}";
            _out.Lines($"{TypeNames.FullyQualified(parameter.Type)} {spill} = {Rewrite(ValueOf(argument))};");
            spilled.Add((parameter, spill));
        }

        return spilled;
    }

    /// <summary>
    /// <c>ctx.WhenAll(a, b)</c> becomes <c>WhenAllAsync(state, () =&gt; a', () =&gt; b')</c>, each operation lowered
    /// unstarted; <c>ctx.WhenAll(xs.Select(x =&gt; a))</c> becomes <c>WhenAllAsync(state, xs.Select(x =&gt; a'))</c>, which
    /// the run enumerates, starting one operation per element.
    /// </summary>
    private string LowerFanOut(InvocationExpressionSyntax invocation, DurableOperation operation, int state)
    {
        var method = operation.Kind == DurableOperationKind.WhenAny ? "WhenAnyAsync" : "WhenAllAsync";
        var elementType = operation.ResultType is IArrayTypeSymbol array ? $"<{TypeNames.FullyQualified(array.ElementType)}>" : "";
        var branches = _shape.FanOuts[invocation];
        if (branches.All(b => b.Lambda is null))
        {
            var started = branches.Select((b, index) => $"() => __run.{LowerOperation(b.Invocation, b.Operation, state, branch: index)}");
            return $"{method}{elementType}({state}{string.Concat(started.Select(s => ", " + s))})";
        }

        // One argument, a sequence: each lambda's durable operation is replaced by its lowered call.
        foreach (var branch in branches)
        {
            _rewriter.Substitutions[branch.Invocation] = $"__run.{LowerOperation(branch.Invocation, branch.Operation, state, inLambda: true)}";
        }

        return $"{method}{elementType}({state}, {Rewrite(invocation.ArgumentList.Arguments.Single().Expression)})";
    }

    private void Copy(StatementSyntax statement)
    {
        if (statement is LabeledStatementSyntax labeled)
        {
            // The labeled statement may declare a slot, which becomes an assignment after the label.
            _out.Line($"{labeled.Identifier.ValueText}:;");
            Copy(labeled.Statement);
            return;
        }

        if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } declaration &&
            declaration.Declaration.Variables.Any(v => _model.GetDeclaredSymbol(v) is { } local && _slotFields.ContainsKey(local)))
        {
            LowerDeclaration(declaration.Declaration);
            return;
        }

        _out.Lines(Rewrite(statement));
    }

    /// <summary>A slot's declaration becomes an assignment to its field; other declarators stay declarations.</summary>
    private void LowerDeclaration(VariableDeclarationSyntax declaration)
    {
        if (!declaration.Variables.Any(v => _model.GetDeclaredSymbol(v) is { } local && _slotFields.ContainsKey(local)))
        {
            _out.Lines(Rewrite(declaration) + ";");
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            LowerDeclarator(variable);
        }
    }

    /// <summary>One declarator as its own statement: an assignment to its slot, or a declaration with its type spelled out.</summary>
    private void LowerDeclarator(VariableDeclaratorSyntax variable)
    {
        var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable)!;
        var initializer = InitializerText(variable, local);
        if (!_slotFields.ContainsKey(local))
        {
            _out.Lines($"{TypeNames.FullyQualified(local.Type)} {LocalName(local)}{initializer};");
        }
        else if (initializer is not null)
        {
            _out.Lines($"{Reference(local)}{initializer};");
        }
    }

    /// <summary>
    /// ' = value' for a declarator, or null without one. An array initializer ('int[] a = { 1, 2 };') is only valid in
    /// a declaration, so when the local becomes a slot assignment it needs 'new T[]'.
    /// </summary>
    private string? InitializerText(VariableDeclaratorSyntax variable, ILocalSymbol local) =>
        variable.Initializer is null ? null
        : variable.Initializer.Value is InitializerExpressionSyntax array ? $" = new {TypeNames.FullyQualified(local.Type)} {Rewrite(array)}"
        : " = " + Rewrite(variable.Initializer.Value);

    /// <summary>Declares a local, or names the slot field that replaces it.</summary>
    private string Declare(ILocalSymbol local, string type) =>
        _slotFields.ContainsKey(local) ? Reference(local) : $"{type} {LocalName(local)}";

    private string Reference(ISymbol variable) =>
        _slotFields.TryGetValue(variable, out var field) ? $"{CopiedCodeRewriter.SlotsParameter}.{field}" : LocalName(variable);

    private string LocalName(ISymbol local) =>
        _renamedLocals.TryGetValue(local, out var renamed) ? renamed : TypeNames.Identifier(local.Name);

    private string Synthesize(string name, string type)
    {
        _synthesizedSlots.Add(new SlotModel(name, name, type, IsInput: false));
        return $"{CopiedCodeRewriter.SlotsParameter}.{name}";
    }

    private string Rewrite(SyntaxNode node) => CopiedCodeRewriter.Normalize(RewriteNode(node));

    private SyntaxNode RewriteNode(SyntaxNode node)
    {
        (_rewriter.BreakLabel, _rewriter.ContinueLabel) = _jumps.Count > 0 ? _jumps.Peek() : (null, null);
        (_rewriter.CaseLabels, _rewriter.DefaultLabel) = (_caseLabels, _defaultLabel);
        _rewriter.GotoTarget = _gotoRoutes.Count > 0 ? GotoTarget : null;
        _rewriter.ReturnRoute = _returnRoutes.Count > 0 ? (_returnRoutes.Peek(), _resultType is null ? null : ReturnSlot()) : null;
        _rewriter.Rethrow = _catchBodies.Count > 0
            ? $"throw __run.Rethrow({_catchBodies.Peek().Label}_exception ?? {RebuildMethod}({CopiedCodeRewriter.SlotsParameter}.{_catchBodies.Peek().Label}_error!));"
            : null;
        return _rewriter.RewriteNode(node);
    }

    /// <summary>A catch variable after a resume: the generator knows its type, so it is constructed, not reflected.</summary>
    private string RebuildException(ITypeSymbol type, string label, string error) =>
        _known.IsException(type)
            ? $"{label}_exception"
            : $"new {TypeNames.FullyQualified(type)}({error}.Message)";

    /// <summary>A return, or, inside a try whose finally became ordinary code, a jump to that finally first.</summary>
    private string ReturnStatement(string? value)
    {
        if (_returnRoutes.Count == 0)
        {
            return value is null ? "return;" : $"return {value};";
        }

        return value is null || value == ReturnSlot() ? $"goto {_returnRoutes.Peek()};" : $"{{ {ReturnSlot()} = {value}; goto {_returnRoutes.Peek()}; }}";
    }

    private string ReturnSlot() => _returnSlot ??= Synthesize("__return", _resultType!);

    private string NextLabel(string construct) => $"__{construct}{_labels++}";

    private static string ResumeLabel(int state) => $"__resume{state}";

    private static ExpressionSyntax ValueOf(IArgumentOperation argument) =>
        argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : (ExpressionSyntax)argument.Syntax;
}
