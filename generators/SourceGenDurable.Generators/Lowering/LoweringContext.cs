using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SourceGenDurable.Generators.Emitting;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// What the lowering of one workflow body reads (the bound shape, the slots, the names of locals) and what it
/// produces (the lowered text, the slots it needs, the temporaries that replace spilled expressions). One is made per
/// workflow and never reused.
/// </summary>
internal sealed class LoweringContext
{
    private readonly string _rebuildMethod;
    private readonly List<SlotModel> _synthesizedSlots = new();
    private readonly Dictionary<SyntaxNode, string> _substitutions = new();
    private string? _returnSlot;
    private int _labels;

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
    }

    public SemanticModel Model { get; }

    public KnownTypes Known { get; }

    public WorkflowShape Shape { get; }

    public IReadOnlyDictionary<ISymbol, string> SlotFields { get; }

    public LocalNames Names { get; }

    public string? ResultType { get; }

    public IndentedWriter Out { get; } = new();

    /// <summary>Slots the lowering itself needs, such as the list and position of a foreach loop, in the order it made them.</summary>
    public IReadOnlyList<SlotModel> SynthesizedSlots => _synthesizedSlots;

    /// <summary>Whether the lowered body rebuilds saved exceptions, so the rebuild method must be emitted.</summary>
    public bool RebuildsExceptions { get; private set; }

    /// <summary>The generated method that rebuilds a saved exception description; naming it means the body uses it.</summary>
    public string RebuildMethod
    {
        get
        {
            RebuildsExceptions = true;
            return _rebuildMethod;
        }
    }

    /// <summary>From now on copied code reads <paramref name="temporary"/> instead of <paramref name="expression"/>, evaluated already.</summary>
    public void Substitute(SyntaxNode expression, string temporary) => _substitutions[expression] = temporary;

    /// <summary>A new slot of the lowering's own; returns how the body reads it.</summary>
    public string Synthesize(string name, string type)
    {
        _synthesizedSlots.Add(new SlotModel(name, name, type, IsInput: false));
        return $"{CopiedCodeRewriter.SlotsParameter}.{name}";
    }

    /// <summary>A new temporary slot for a spilled value.</summary>
    public string SynthesizeSpill(ITypeSymbol type) => Synthesize($"__spill{_synthesizedSlots.Count}", TypeNames.FullyQualified(type));

    /// <summary>The slot that carries a returned value to the exit of the try regions it leaves first.</summary>
    public string ReturnSlot() => _returnSlot ??= Synthesize("__return", ResultType!);

    public string NextLabel(string construct) => $"__{construct}{_labels++}";

    /// <summary>The slot's field, or the local's lowered name.</summary>
    public string Reference(ISymbol variable) =>
        SlotFields.TryGetValue(variable, out var field) ? $"{CopiedCodeRewriter.SlotsParameter}.{field}" : Names.Of(variable);

    /// <summary>Declares a local, or names the slot field that replaces it.</summary>
    public string Declare(ILocalSymbol local, string type) =>
        SlotFields.ContainsKey(local) ? Reference(local) : $"{type} {Names.Of(local)}";

    /// <summary>Copied code as it reads in the lowered body at <paramref name="scope"/>.</summary>
    public string Rewrite(SyntaxNode node, LoweringScope scope) => CopiedCodeRewriter.Normalize(RewriteNode(node, scope));

    public SyntaxNode RewriteNode(SyntaxNode node, LoweringScope scope)
    {
        var returnValueSlot = scope.ReturnLabel is not null && ResultType is not null ? ReturnSlot() : null;
        var rethrow = scope.CatchBodies.IsEmpty ? null : Rethrow(scope.CatchBodies.Peek().Label);
        return new CopiedCodeRewriter(Model, SlotFields, Names, _substitutions, scope, returnValueSlot, rethrow, System.Array.Empty<ISymbol>()).RewriteNode(node);
    }

    /// <summary>Rewrites a pattern or a guard, leaving the pattern's own <paramref name="unmapped"/> variables as they are written.</summary>
    public string RewriteKeeping(SyntaxNode node, LoweringScope scope, IReadOnlyCollection<ISymbol> unmapped) =>
        new CopiedCodeRewriter(Model, SlotFields, Names, _substitutions, scope, null, null, unmapped).Rewrite(node);

    /// <summary>A return, or, inside a try whose finally became ordinary code, a jump to that finally first.</summary>
    public string ReturnStatement(string? value, LoweringScope scope)
    {
        if (scope.ReturnLabel is not { } label)
        {
            return value is null ? "return;" : $"return {value};";
        }

        return value is null || value == ReturnSlot() ? $"goto {label};" : $"{{ {ReturnSlot()} = {value}; goto {label}; }}";
    }

    /// <summary>What <c>throw;</c> becomes in the moved catch body of the try labelled <paramref name="label"/>.</summary>
    private string Rethrow(string label) =>
        $"throw __run.Rethrow({label}_exception ?? {RebuildMethod}({CopiedCodeRewriter.SlotsParameter}.{label}_error!));";
}
