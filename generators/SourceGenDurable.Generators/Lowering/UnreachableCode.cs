using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SourceGenDurable.Generators.Emitting;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The last pass over a lowered body: removes the labels nothing jumps to, and the jumps the flattening wrote that can
/// never run because an unconditional jump, return or throw comes right before them. What is left compiles without
/// unused-label or unreachable-code warnings wherever the workflow method itself has none.
/// </summary>
internal static class UnreachableCode
{
    /// <summary>Written after a flattened statement the compiler proves cannot complete (see <see cref="BodyLowerer"/>).</summary>
    public const string EndNotReached = "throw new global::System.InvalidOperationException(\"The end of a statement that cannot complete was reached.\");";

    private static readonly Regex Label = new(@"^\s*(@?[A-Za-z_][A-Za-z0-9_]*):;$");
    private static readonly Regex Jump = new(@"^\s*goto\s+@?[A-Za-z_][A-Za-z0-9_]*;$");
    private static readonly Regex JumpTarget = new(@"\bgoto\s+(@?[A-Za-z_][A-Za-z0-9_]*)\s*;");
    private static readonly Regex Unconditional = new(@"^\s*(goto\s|return[\s;]|throw[\s;])");

    public static IReadOnlyList<Chunk> Remove(IReadOnlyList<Chunk> written)
    {
        var chunks = written.ToList();
        bool removed;
        do
        {
            var targets = new HashSet<string>(chunks.Where(c => c.Kind == ChunkKind.Statement)
                .SelectMany(c => JumpTarget.Matches(c.Text).Cast<Match>().Select(m => m.Groups[1].Value)));
            var dead = new bool[chunks.Count];
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                dead[i] = (Label.Match(chunk.Text) is { Success: true } label && !targets.Contains(label.Groups[1].Value)) ||
                    ((Jump.IsMatch(chunk.Text) || chunk.Text.Trim() == EndNotReached) && FollowsUnconditionalJump(chunks, i));

                // The mapping of a removed statement must not carry over to what follows it.
                if (dead[i] && i > 0 && chunks[i - 1] is { Kind: ChunkKind.Directive } directive && directive.Text.StartsWith("#line (", System.StringComparison.Ordinal))
                {
                    dead[i - 1] = true;
                }
            }

            removed = dead.Contains(true);
            chunks = chunks.Where((_, index) => !dead[index]).ToList();
        }
        while (removed);

        return WithoutEmptyHiddenStretches(chunks);
    }

    /// <summary>Whether the statement before <paramref name="index"/> (past blank lines, directives, pragmas and comments) always jumps away.</summary>
    private static bool FollowsUnconditionalJump(List<Chunk> chunks, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var chunk = chunks[i];
            if (chunk.Kind != ChunkKind.Statement || chunk.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal) || chunk.Text.TrimStart().StartsWith("#", System.StringComparison.Ordinal))
            {
                continue;
            }

            // A statement's first line: a jump, return or throw there is the statement itself, not part of a condition.
            var first = chunk.Text.Split('\n')[0];
            return Unconditional.IsMatch(first) && !Label.IsMatch(first);
        }

        return false;
    }

    /// <summary>A <c>#line hidden</c> right before another directive hides nothing.</summary>
    private static List<Chunk> WithoutEmptyHiddenStretches(List<Chunk> chunks) =>
        chunks.Where((chunk, index) => !(chunk.Kind == ChunkKind.Directive && chunk.Text == "#line hidden" &&
            chunks.Skip(index + 1).FirstOrDefault(c => c.Kind != ChunkKind.Blank) is { Kind: ChunkKind.Directive })).ToList();
}
