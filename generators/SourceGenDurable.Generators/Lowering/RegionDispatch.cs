using System.Collections.Generic;
using System.Linq;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The pass that lets a resume reach its checkpoint: a <c>goto</c> cannot enter a try block, so the flattening leaves a
/// <see cref="LoweredKind.Dispatch"/> at the top of the body and at the head of each try block that holds a checkpoint,
/// and this pass makes each a <c>switch</c> on the saved state. For each checkpoint inside its region, a dispatch jumps
/// to the checkpoint's resume label, or, when the checkpoint sits in a try block nested inside the region, to the entry
/// label of that block's region, whose own dispatch goes on from there.
/// </summary>
internal static class RegionDispatch
{
    /// <summary>The local holding the state to resume at; -1 once resumed.</summary>
    public const string State = "__state";

    public static string ResumeLabel(int state) => $"__resume{state}";

    /// <param name="checkpoints">How many checkpoints the workflow has; checkpoint <c>n</c> resumes at <see cref="ResumeLabel"/>(n).</param>
    public static LoweredBody Write(LoweredBody body, int checkpoints)
    {
        var statements = body.Statements;
        var resumeAt = Enumerable.Range(0, checkpoints).ToDictionary(ResumeLabel, state => state);
        var resumes = statements
            .Select((statement, index) => (Statement: statement, Index: index))
            .Where(s => s.Statement.Kind == LoweredKind.Label && resumeAt.ContainsKey(s.Statement.Label!))
            .Select(s => (State: resumeAt[s.Statement.Label!], s.Index))
            .OrderBy(s => s.State)
            .ToList();
        var regions = statements
            .Select((statement, index) => (Statement: statement, Index: index))
            .Where(s => s.Statement.Kind == LoweredKind.Dispatch)
            .Select(s => new Region(s.Index, End(statements, s.Index), s.Statement.Label))
            .ToList();

        var written = new List<LoweredStatement>(statements.Count);
        for (var index = 0; index < statements.Count; index++)
        {
            var statement = statements[index];
            if (statement.Kind != LoweredKind.Dispatch)
            {
                written.Add(statement);
                continue;
            }

            var region = regions.Single(r => r.Start == index);
            var cases = resumes.Where(resume => region.Holds(resume.Index)).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            var depth = statement.Depth;
            written.Add(new LoweredStatement(LoweredKind.Code, $"switch ({State})", depth, null));
            written.Add(new LoweredStatement(LoweredKind.Code, "{", depth, null));
            foreach (var (state, at) in cases)
            {
                // The outermost region inside this one on the way to the checkpoint, or the checkpoint itself.
                var target = regions.FirstOrDefault(inner => inner.Start > index && inner.Holds(at))?.Entry ?? ResumeLabel(state);
                written.Add(new LoweredStatement(LoweredKind.Code, $"case {state}: goto {target};", depth + 1, null, target));
            }

            written.Add(new LoweredStatement(LoweredKind.Code, "}", depth, null));
            written.Add(new LoweredStatement(LoweredKind.Note, "", depth, null));
        }

        return body with { Statements = written };
    }

    /// <summary>Where the region a dispatch heads ends: at the first statement outside its block (less deep than the dispatch).</summary>
    private static int End(IReadOnlyList<LoweredStatement> statements, int dispatch)
    {
        var end = dispatch + 1;
        while (end < statements.Count && statements[end].Depth >= statements[dispatch].Depth)
        {
            end++;
        }

        return end;
    }

    /// <param name="Entry">The label a dispatch outside the region jumps to, to enter it; null for the body.</param>
    private sealed record Region(int Start, int End, string? Entry)
    {
        public bool Holds(int index) => index > Start && index < End;
    }
}
