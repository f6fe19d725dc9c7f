using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The names locals have in the lowered body. Flattening puts the locals of sibling blocks into one scope, so a local
/// or a local function whose name is declared more than once gets a name of its own; so does a pattern variable of a flattened switch, or
/// of a catch clause whose body moves out of it. A pattern variable that is a slot is matched into a local of its own
/// and captured into its field (see <see cref="CopiedCodeRewriter"/>), named here so that names stay unique in the body.
/// </summary>
internal sealed class LocalNames
{
    private readonly Dictionary<ISymbol, string> _renamed = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> _patternCaptures = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _renamedFunctionNames = new(System.StringComparer.Ordinal);

    public LocalNames(SemanticModel model, WorkflowShape shape, BlockSyntax body, IReadOnlyDictionary<ISymbol, string> slotFields)
    {
        var nodes = body.DescendantNodes().ToList();
        var locals = nodes
            .Where(n => n is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax or CatchDeclarationSyntax)
            .Select(n => model.GetDeclaredSymbol(n))
            .OfType<ILocalSymbol>()
            .ToList();
        var names = locals.Select(l => l.Name)
            .Concat(nodes.OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText))
            .Concat(nodes.OfType<LocalFunctionStatementSyntax>().Select(f => f.Identifier.ValueText))
            .GroupBy(n => n)
            .ToDictionary(g => g.Key, g => g.Count());
        var moved = shape.Flattened.OfType<SwitchStatementSyntax>()
            .SelectMany(s => s.Sections.SelectMany(section => section.Labels.OfType<CasePatternSwitchLabelSyntax>()))
            .SelectMany(l => l.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
            .Concat(shape.SpillPlans.Values.SelectMany(plan => AwaitSpilling.Steps(plan)).OfType<SpilledBranching>()
                .Select(b => b.Branching).OfType<SwitchExpressionSyntax>()
                .SelectMany(s => s.Arms.SelectMany(a => a.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())))
            .Select(d => model.GetDeclaredSymbol(d))
            .Concat(shape.Flattened.OfType<TryStatementSyntax>()
                .SelectMany(t => t.Catches.Where(c => shape.Flattened.Contains(c.Block) && c.Declaration is { Identifier.RawKind: not 0 }))
                .Select(c => model.GetDeclaredSymbol(c.Declaration!)))
            .ToList();
        foreach (var local in locals.Where(l => !slotFields.ContainsKey(l)))
        {
            if (names[local.Name] > 1 || moved.Contains(local, SymbolEqualityComparer.Default))
            {
                _renamed[local] = $"{local.Name}__{_renamed.Count}";
            }
        }

        // Local functions of sibling blocks may share a name as well.
        foreach (var function in nodes.OfType<LocalFunctionStatementSyntax>().Select(f => model.GetDeclaredSymbol(f)).OfType<IMethodSymbol>())
        {
            if (names[function.Name] > 1)
            {
                _renamed[function] = $"{function.Name}__{_renamed.Count}";
                _renamedFunctionNames.Add(function.Name);
            }
        }
    }

    /// <summary>The name <paramref name="local"/> has in the lowered body.</summary>
    public string Of(ISymbol local) => _renamed.TryGetValue(local, out var renamed) ? renamed : TypeNames.Identifier(local.Name);

    /// <summary>The new name of a renamed local; false for a local that keeps its own.</summary>
    public bool TryGetRenamed(ISymbol local, out string name) => _renamed.TryGetValue(local, out name!);

    /// <summary>Whether a renamed local function has <paramref name="name"/>: only then is a generic name worth binding.</summary>
    public bool IsRenamedFunctionName(string name) => _renamedFunctionNames.Contains(name);

    /// <summary>A new local for slot <paramref name="slot"/> to be matched into by the pattern that declares it.</summary>
    public string NewPatternCapture(ISymbol slot) => _patternCaptures[slot] = $"__pattern{_patternCaptures.Count}_{slot.Name}";

    /// <summary>The local a pattern last matched slot <paramref name="slot"/> into, if any.</summary>
    public bool TryGetPatternCapture(ISymbol slot, out string name) => _patternCaptures.TryGetValue(slot, out name!);
}
