using System.Collections.Generic;
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

        // A guard that awaits ends the switch at its pattern: when that matches, the guard runs as flattened code and
        // either takes its section or goes on to a switch over the labels after it. The value is matched again after a
        // checkpoint then, so it is a slot, and default, which C# takes last wherever it is written, goes in the last switch.
        var labels = @switch.Sections.SelectMany((s, section) => s.Labels.Select(caseLabel => (Section: section, Label: caseLabel))).ToList();
        var guardAwaits = labels.Any(l => AwaitingGuard(l.Label) is not null);
        string governing;
        _context.Map(@switch.SwitchKeyword, @switch.CloseParenToken);
        WriteSpills(@switch.Expression);
        if (guardAwaits)
        {
            governing = _context.Synthesize($"{_context.Targets.SlotsOf(@switch)}_value", TypeNames.FullyQualified(Model.GetTypeInfo(@switch.Expression).Type!));
            output.Code($"{governing} = {_context.Rewrite(@switch.Expression, scope)};");
        }
        else
        {
            governing = _context.Rewrite(@switch.Expression, scope);
        }

        var fallback = labels.FirstOrDefault(l => l.Label is DefaultSwitchLabelSyntax);
        var runs = Runs(labels, guardAwaits);
        foreach (var run in runs)
        {
            var (guardIndex, guardSection) = run[^1];
            var guard = AwaitingGuard(labels[guardIndex].Label);
            using (output.OpenBlock($"switch ({governing})"))
            {
                foreach (var (index, section) in run)
                {
                    var caseLabel = labels[index].Label;
                    var declared = caseLabel.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => (ILocalSymbol)Model.GetDeclaredSymbol(d)!).ToList();
                    var awaiting = guard is not null && index == guardIndex;
                    // Inside the label a pattern variable is still the pattern's own variable; the section gets a copy.
                    var written = awaiting ? $"case {_context.RewriteKeeping(((CasePatternSwitchLabelSyntax)caseLabel).Pattern, scope, declared)}:" : _context.RewriteKeeping(caseLabel, scope, declared);
                    output.Code(written.Replace("case>", "case >").Replace("case<", "case <"));
                    using (output.Indent())
                    {
                        foreach (var variable in declared)
                        {
                            output.Code($"{_context.Reference(variable)} = {TypeNames.Identifier(variable.Name)};");
                        }

                        if (awaiting)
                        {
                            output.Jump($"{label}_guard{index}");
                        }
                        else if (guardAwaits || index + 1 == labels.Count || labels[index + 1].Section != section)
                        {
                            output.Jump(_context.Targets.SectionLabel(@switch, section));
                        }
                    }
                }

                if (guard is null && guardAwaits && fallback.Label is not null)
                {
                    output.Code("default:");
                    using (output.Indent())
                    {
                        output.Jump(_context.Targets.SectionLabel(@switch, fallback.Section));
                    }
                }
            }

            if (guard is not null)
            {
                var next = $"{label}_next{guardIndex}";
                _context.WritePossiblyUnreachable(next);
                output.Label($"{label}_guard{guardIndex}");
                WriteSpills(guard);
                _context.Map(guard);
                output.JumpIf(_context.Rewrite(guard, scope), _context.Targets.SectionLabel(@switch, guardSection)).Label(next);
            }
        }

        if (fallback.Label is null)
        {
            _context.WritePossiblyUnreachable($"{label}_break");
        }
        else if (AwaitingGuard(labels[runs[^1][^1].Index].Label) is not null)
        {
            // The last switch ended at a guard that awaits: when it fails, nothing is left but default.
            output.Jump(_context.Targets.SectionLabel(@switch, fallback.Section));
        }

        for (var section = 0; section < @switch.Sections.Count; section++)
        {
            output.Label(_context.Targets.SectionLabel(@switch, section));
            LowerStatements(@switch.Sections[section].Statements);
        }

        output.Label($"{label}_break");
    }

    /// <summary>
    /// The labels of each switch the lowered switch is written as, by their index in <paramref name="labels"/> and their
    /// section: all of them in one, unless a guard awaits; then a switch ends at each guard that awaits, and default labels
    /// are left out (the last switch, or the jump after the last guard, takes default).
    /// </summary>
    private List<List<(int Index, int Section)>> Runs(List<(int Section, SwitchLabelSyntax Label)> labels, bool guardAwaits)
    {
        var runs = new List<List<(int Index, int Section)>> { new() };
        for (var index = 0; index < labels.Count; index++)
        {
            var (section, caseLabel) = labels[index];
            if (guardAwaits && caseLabel is DefaultSwitchLabelSyntax)
            {
                continue;
            }

            if (runs[^1].Count > 0 && AwaitingGuard(labels[runs[^1][^1].Index].Label) is not null)
            {
                runs.Add([]);
            }

            runs[^1].Add((index, section));
        }

        return runs;
    }

    /// <summary>The condition of a case guard that awaits: the spill pass wrote code for it, to run where the guard is.</summary>
    private ExpressionSyntax? AwaitingGuard(SwitchLabelSyntax caseLabel) =>
        caseLabel is CasePatternSwitchLabelSyntax { WhenClause.Condition: { } condition } && _spilled.Before(condition) is not null ? condition : null;
}
