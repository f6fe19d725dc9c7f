using System.Collections.Generic;
using System.Linq;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// The last pass over a lowered body: removes the labels nothing jumps to, and the jumps the flattening wrote that can
/// never run because a statement that never completes comes right before them. What is left compiles without
/// unused-label or unreachable-code warnings wherever the workflow method itself has none.
/// </summary>
internal static class UnreachableCode
{
    /// <summary>Written after a flattened statement the compiler proves cannot complete (see <see cref="BodyLowerer"/>).</summary>
    public const string EndNotReached = "throw new global::System.InvalidOperationException(\"The end of a statement that cannot complete was reached.\");";

    /// <summary>The body without the labels and jumps that can never be used.</summary>
    public static LoweredBody Remove(LoweredBody body)
    {
        var (statements, copiedJumps) = (body.Statements.ToList(), body.CopiedJumps);
        bool removed;
        do
        {
            var targets = new HashSet<string>(copiedJumps, System.StringComparer.Ordinal);
            targets.UnionWith(statements.Where(s => s.Kind != LoweredKind.Label && s.Label is not null).Select(s => s.Label!));
            var dead = statements.Select((statement, index) => statement.Kind switch
            {
                LoweredKind.Label => !targets.Contains(statement.Label!),
                LoweredKind.Jump or LoweredKind.Trap => FollowsExit(statements, index),
                _ => false,
            }).ToList();

            removed = dead.Contains(true);
            statements = statements.Where((_, index) => !dead[index]).ToList();
        }
        while (removed);

        return body with { Statements = statements };
    }

    /// <summary>Whether the statement before <paramref name="index"/> (past comments, pragmas and blank lines) never completes.</summary>
    private static bool FollowsExit(List<LoweredStatement> statements, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (statements[i].Kind != LoweredKind.Note)
            {
                return statements[i].EndsFlow;
            }
        }

        return false;
    }
}
