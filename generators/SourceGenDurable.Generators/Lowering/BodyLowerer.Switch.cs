using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>Switch statements whose sections contain a checkpoint.</summary>
internal sealed partial class BodyLowerer
{
    /// <summary>
    /// The switch stays a real switch, so patterns, guards and their order keep their meaning; only the section bodies
    /// move out of it, and pattern variables they use are copied out with them.
    /// </summary>
    private void LowerSwitch(SwitchStatementSyntax @switch, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _context.Targets.LabelOf(@switch);
        var patternVariables = @switch.Sections
            .SelectMany(s => s.Labels.OfType<CasePatternSwitchLabelSyntax>())
            .SelectMany(l => l.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
            .Select(d => (ILocalSymbol)Model.GetDeclaredSymbol(d)!)
            .ToList();
        foreach (var variable in patternVariables.Where(v => !SlotFields.ContainsKey(v)))
        {
            output.Code($"{TypeNames.FullyQualified(variable.Type)} {_context.Names.Of(variable)} = default!;");
        }

        _context.Map(@switch.SwitchKeyword, @switch.CloseParenToken);
        using (output.OpenBlock($"switch ({_context.Rewrite(@switch.Expression, scope)})"))
        {
            for (var section = 0; section < @switch.Sections.Count; section++)
            {
                foreach (var caseLabel in @switch.Sections[section].Labels)
                {
                    var declared = caseLabel.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => (ILocalSymbol)Model.GetDeclaredSymbol(d)!).ToList();
                    // Inside the label a pattern variable is still the pattern's own variable; the section gets a copy.
                    output.Code(_context.RewriteKeeping(caseLabel, scope, declared).Replace("case>", "case >").Replace("case<", "case <"));
                    using (output.Indent())
                    {
                        foreach (var variable in declared)
                        {
                            output.Code($"{_context.Reference(variable)} = {TypeNames.Identifier(variable.Name)};");
                        }
                    }
                }

                using (output.Indent())
                {
                    output.Jump(_context.Targets.SectionLabel(@switch, section));
                }
            }
        }

        if (!@switch.Sections.Any(s => s.Labels.Any(l => l is DefaultSwitchLabelSyntax)))
        {
            _context.WritePossiblyUnreachable($"{label}_break");
        }

        for (var section = 0; section < @switch.Sections.Count; section++)
        {
            output.Label(_context.Targets.SectionLabel(@switch, section));
            LowerStatements(@switch.Sections[section].Statements);
        }

        output.Label($"{label}_break");
    }
}
