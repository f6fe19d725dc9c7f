using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// What the lowering of one workflow body reads (the bound shape, the slots, the names of locals) and what it
/// produces (the lowered statements, the slots it needs, the temporaries that replace spilled expressions). One is made per
/// workflow and never reused.
/// </summary>
internal sealed class LoweringContext
{
    private readonly string _rebuildMethod;
    private readonly Produced _produced;

    /// <param name="resultType">The workflow's result type, fully qualified; null for a workflow without a result.</param>
    /// <param name="rebuildMethod">The generated method that rebuilds a saved exception description into an exception of its type.</param>
    public LoweringContext(SemanticModel model, WorkflowShape shape, IReadOnlyDictionary<ISymbol, string> slotFields, LocalNames names, string? resultType, string rebuildMethod)
    {
        Model = model;
        Known = KnownTypes.Of(model.Compilation);
        Shape = shape;
        SlotFields = slotFields;
        Names = names;
        ResultType = resultType;
        _rebuildMethod = rebuildMethod;
        var path = shape.Body?.SyntaxTree is { } tree ? shape.Locate(Location.Create(tree, default)).SourceTree?.FilePath : null;

        // A #line file name is written as it is, without escapes: a path holding a quote or a line break cannot be one.
        SourcePath = path is { Length: > 0 } && path.IndexOfAny(['"', '\n', '\r']) < 0 ? path : null;
        Regions = new TryRegions(shape, LineOf);
        Out = new LoweredBodyBuilder();
        _produced = new Produced();
        Targets = new JumpTargets(model, shape, Regions, NextConstruct);
    }

    private LoweringContext(LoweringContext context, LoweredBodyBuilder output)
    {
        (Model, Known, Shape, SlotFields, Names, ResultType, SourcePath, Regions, Targets) = (context.Model, context.Known, context.Shape, context.SlotFields, context.Names, context.ResultType, context.SourcePath, context.Regions, context.Targets);
        (_rebuildMethod, _produced, Out) = (context._rebuildMethod, context._produced, output);
    }

    /// <summary>
    /// This workflow's context writing to <paramref name="output"/>: a pass that writes code for the flattening to
    /// place later (<see cref="SpillPass"/>) shares the slots, temporaries and labels made so far, and makes its own
    /// in the same sequence.
    /// </summary>
    public LoweringContext WritingTo(LoweredBodyBuilder output) => new(this, output);

    public SemanticModel Model { get; }

    public KnownTypes Known { get; }

    public WorkflowShape Shape { get; }

    public IReadOnlyDictionary<ISymbol, string> SlotFields { get; }

    public LocalNames Names { get; }

    /// <summary>The try statements the lowering flattens, named.</summary>
    public TryRegions Regions { get; }

    /// <summary>Where the jumps at each place in the body go.</summary>
    public JumpTargets Targets { get; }

    public string? ResultType { get; }

    public LoweredBodyBuilder Out { get; }

    /// <summary>The user's file, as <c>#line</c> directives name it; null when its path cannot be written in one, and nothing is mapped.</summary>
    public string? SourcePath { get; }

    /// <summary>Slots the lowering itself needs, such as the list and position of a foreach loop, in the order it made them.</summary>
    public IReadOnlyList<SlotModel> SynthesizedSlots => _produced.Slots;

    /// <summary>Whether the lowered body rebuilds saved exceptions, so the rebuild method must be emitted.</summary>
    public bool RebuildsExceptions => _produced.RebuildsExceptions;

    /// <summary>The name of the generated method that rebuilds a saved exception description, for the body to use: so it is emitted.</summary>
    public string UseRebuildMethod()
    {
        _produced.UseRebuildMethod();
        return _rebuildMethod;
    }

    /// <summary>From now on copied code reads <paramref name="temporary"/> instead of <paramref name="expression"/>, evaluated already.</summary>
    public void Substitute(SyntaxNode expression, string temporary) => _produced.Substitutions[expression] = temporary;

    /// <summary>From now on copied code combines <paramref name="assignment"/>'s right side with <paramref name="temporary"/>, its target's value read already.</summary>
    public void SubstituteCompoundValue(AssignmentExpressionSyntax assignment, string temporary) => _produced.CompoundValues[assignment] = temporary;

    /// <summary>A new slot of the lowering's own; returns how the body reads it.</summary>
    public string Synthesize(string name, string type)
    {
        _produced.Slots.Add(new SlotModel(name, name, type, IsInput: false));
        return $"{CopiedCodeRewriter.SlotsParameter}.{name}";
    }

    /// <summary>A new temporary slot for a spilled value.</summary>
    public string SynthesizeSpill(ITypeSymbol type) => Synthesize($"__spill{_produced.Slots.Count}", TypeNames.FullyQualified(type));

    /// <summary>The slot that carries a returned value to the exit of the try regions it leaves first.</summary>
    public string ReturnSlot() => _produced.ReturnSlot(() => Synthesize("__return", ResultType!));

    /// <summary>
    /// The names of a flattened construct: its labels are named after it and the user's line it starts on
    /// (<c>__while_L42</c>), and the slots it may need after its kind and a number in order of lowering
    /// (<c>__foreach0_items</c>). Slot names are part of the layout fingerprint, so their numbering never changes;
    /// label names are not saved anywhere.
    /// </summary>
    /// <param name="slotKind">The kind that numbers the construct's slots, the same for every construct that shares a counter.</param>
    public (string Label, string Slots) NextConstruct(string construct, SyntaxNode node, string slotKind)
    {
        var slots = $"__{slotKind}{_produced.NextConstruct()}";
        var line = LineOf(node) + 1;
        var label = $"__{construct}_L{line}";
        for (var repeat = 2; !_produced.LabelNames.Add(label); repeat++)
        {
            label = $"__{construct}_L{line}_{repeat}";
        }

        return (label, slots);
    }

    /// <summary>
    /// Whether the end of <paramref name="statement"/> can be reached, as the compiler proves it on the original: a
    /// jump written after one that cannot complete would be unreachable code.
    /// </summary>
    public bool Completes(StatementSyntax statement) =>
        Model.AnalyzeControlFlow(statement) is not { Succeeded: true, EndPointIsReachable: false };

    /// <summary>The line (0-based) <paramref name="node"/> starts on in the user's file.</summary>
    public int LineOf(SyntaxNode node) => PositionOf(node).Line;

    /// <summary>Where <paramref name="node"/> starts in the user's file (0-based line and character).</summary>
    private LinePosition PositionOf(SyntaxNode node) =>
        Shape.Body is { } body ? Shape.Locate(Location.Create(body.SyntaxTree, node.Span)).GetLineSpan().StartLinePosition : default;

    /// <summary>
    /// Arguments written after a call that starts on the line of <paramref name="start"/>, each preceded by the line
    /// breaks and the leading whitespace that put it where the user wrote it, so the lambdas among them keep their
    /// lines and columns.
    /// </summary>
    public IEnumerable<string> OnTheirLines(SyntaxNode start, IEnumerable<(SyntaxNode Node, string Text)> arguments)
    {
        var line = LineOf(start);
        foreach (var (node, text) in arguments)
        {
            // On a line of its own: the line breaks, then whitespace as wide as what stands before it on its line.
            var position = PositionOf(node);
            yield return position.Line > line ? new string('\n', position.Line - line) + new string(' ', position.Character) + text : text;
            line = System.Math.Max(line, position.Line) + text.Count(c => c == '\n');
        }
    }

    /// <summary>The label of a construct that has no slots of its own (see <see cref="NextConstruct"/>).</summary>
    public string NextLabel(string construct, SyntaxNode node) => NextConstruct(construct, node, construct).Label;

    /// <summary>The slot's field, or the local's lowered name.</summary>
    public string Reference(ISymbol variable) =>
        SlotFields.TryGetValue(variable, out var field) ? $"{CopiedCodeRewriter.SlotsParameter}.{field}" : Names.Of(variable);

    /// <summary>Declares a local, or names the slot field that replaces it.</summary>
    public string Declare(ILocalSymbol local, string type) =>
        SlotFields.ContainsKey(local) ? Reference(local) : $"{type} {Names.Of(local)}";

    /// <summary>
    /// Writes the jump that follows a switch when no case matched. When the switch's patterns cover every value it is
    /// unreachable, and only the compiler's exhaustiveness analysis can tell: the warning is suppressed for that line.
    /// </summary>
    public void WritePossiblyUnreachable(string label) =>
        Out.Note("#pragma warning disable CS0162 // unreachable when the switch above covers every value")
            .Jump(label)
            .Note("#pragma warning restore CS0162");

    /// <summary>Maps the next statement written to where <paramref name="node"/> is in the user's file.</summary>
    public void Map(SyntaxNode node) => Map(node.Span);

    /// <summary>Maps the next line written to the part of the workflow's body from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public void Map(SyntaxNodeOrToken first, SyntaxNodeOrToken last) => Map(TextSpan.FromBounds(first.Span.Start, last.Span.End));

    private void Map(TextSpan span)
    {
        if (SourcePath is null || Shape.Body is not { } body)
        {
            return;
        }

        // An expression-bodied workflow is read from a block of its own; its positions are mapped back to what the user wrote.
        var lines = Shape.Locate(Location.Create(body.SyntaxTree, span)).GetLineSpan();
        var (start, end) = (lines.StartLinePosition, lines.EndLinePosition);
        var endCharacter = end.Line == start.Line ? System.Math.Max(end.Character, start.Character + 1) : System.Math.Max(end.Character, 1);
        Out.Map(new SourceSpan(start.Line + 1, start.Character + 1, end.Line + 1, endCharacter));
    }

    /// <summary>Copied code as it reads in the lowered body at <paramref name="scope"/>, laid out as the user wrote it.</summary>
    public string Rewrite(SyntaxNode node, LoweringScope scope) => Layout(RewriteNode(node, scope));

    /// <summary>
    /// The text of <paramref name="rewritten"/> in the user's layout: its lines stay lines, and the lines after
    /// the first keep the user's own leading whitespace, so that a mapped statement's later lines, and the lambdas in
    /// them, keep the user's line numbers and columns (a <c>#line</c> span directive offsets only the first line), and
    /// their line breaks are the user's: a verbatim or raw string spanning them keeps its text.
    /// </summary>
    public static string Layout(SyntaxNode rewritten) => rewritten.ToString();

    /// <summary>
    /// Rewritten copied code (see <see cref="CopiedCodeRewriter"/>). The labels its jumps go to (a <c>break</c> or
    /// <c>return</c> that became a jump) are told to <see cref="Out"/>, so they stay.
    /// </summary>
    public SyntaxNode RewriteNode(SyntaxNode node, LoweringScope scope)
    {
        var returnValueSlot = scope.ReturnLabel is not null && ResultType is not null ? ReturnSlot() : null;
        var rethrow = Regions.MovedCatchesAround(node).Select(around => Rethrow(around.Label, around.Slots)).FirstOrDefault();
        var rewritten = new CopiedCodeRewriter(Model, SlotFields, Names, _produced.Spilled, scope, returnValueSlot, rethrow, System.Array.Empty<ISymbol>()).RewriteNode(node);
        // A goto inside a lambda or local function cannot leave it: only the copied code's own jumps count.
        Out.CopiedCodeJumpsTo(rewritten.DescendantNodesAndSelf(node => node is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<GotoStatementSyntax>()
            .Select(jump => jump.Expression)
            .OfType<IdentifierNameSyntax>()
            .Select(label => label.Identifier.ValueText));
        return rewritten;
    }

    /// <summary>Rewrites a pattern or a guard, leaving the pattern's own <paramref name="unmapped"/> variables as they are written.</summary>
    public string RewriteKeeping(SyntaxNode node, LoweringScope scope, IReadOnlyCollection<ISymbol> unmapped) =>
        new CopiedCodeRewriter(Model, SlotFields, Names, _produced.Spilled, scope, null, null, unmapped).Rewrite(node);

    /// <summary>Copies a statement, rewritten: a return, a throw or a jump ends the flow there.</summary>
    public void WriteCopied(StatementSyntax statement, LoweringScope scope)
    {
        var rewritten = RewriteNode(statement, scope);
        var text = Layout(rewritten);
        if (rewritten is ReturnStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax)
        {
            Out.Exit(text);
        }
        else
        {
            Out.Code(text);
        }
    }

    /// <summary>
    /// A return (only when <paramref name="condition"/> holds, if one is given), or, inside a try whose finally became
    /// ordinary code, a jump to that finally first.
    /// </summary>
    public void WriteReturn(string? value, LoweringScope scope, string? condition = null)
    {
        var guard = condition is null ? "" : $"if ({condition}) ";
        if (scope.ReturnLabel is { } label && value is not null && value != ReturnSlot())
        {
            Out.CodeJumpingTo($"{guard}{{ {ReturnSlot()} = {value}; goto {label}; }}", label);
        }
        else if (scope.ReturnLabel is { } finallyLabel)
        {
            // The value, if any, is in the return slot already.
            if (condition is null)
            {
                Out.Jump(finallyLabel);
            }
            else
            {
                Out.JumpIf(condition, finallyLabel);
            }
        }
        else if (condition is null)
        {
            Out.Exit(value is null ? "return;" : $"return {value};");
        }
        else
        {
            Out.Code(guard + (value is null ? "return;" : $"return {value};"));
        }
    }

    /// <summary>What <c>throw;</c> becomes in the moved catch body of the try labelled <paramref name="label"/>.</summary>
    private string Rethrow(string label, string slots) =>
        $"throw __run.Rethrow({label}_exception ?? {UseRebuildMethod()}({CopiedCodeRewriter.SlotsParameter}.{slots}_error!));";

    /// <summary>What the lowering of one body has made so far, shared by every pass that writes part of it.</summary>
    private sealed class Produced
    {
        private string? _returnSlot;
        private int _constructs;

        public Produced() => Spilled = new SpilledValues(Substitutions, CompoundValues);

        public List<SlotModel> Slots { get; } = new();

        public Dictionary<SyntaxNode, string> Substitutions { get; } = new();

        public Dictionary<AssignmentExpressionSyntax, string> CompoundValues { get; } = new();

        /// <summary>Both, as copied code reads them: over the dictionaries themselves, so it sees every spill made so far.</summary>
        public SpilledValues Spilled { get; }

        public HashSet<string> LabelNames { get; } = new();

        public bool RebuildsExceptions { get; private set; }

        public void UseRebuildMethod() => RebuildsExceptions = true;

        /// <summary>The return slot, made by <paramref name="make"/> the first time.</summary>
        public string ReturnSlot(System.Func<string> make) => _returnSlot ??= make();

        /// <summary>The number of the next construct that needs slots of its own.</summary>
        public int NextConstruct() => _constructs++;
    }
}
