using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ExpressionWorkflows
{
    /// <summary>Variables declared by out var, a positional deconstruction and a property pattern, read after checkpoints.</summary>
    [DurableWorkflow]
    [Inputs("12")]
    [Inputs("x")]
    [Inputs("c7")]
    public async Task<string> PatternVariablesOutVarAndDeconstruction(WorkflowContext ctx, string text)
    {
        var parsed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        var (quotient, remainder) = await DivMod(number, 5);
        if (await Find(text) is { Length: > 1 } found)
        {
            await ctx.Step("found", ct => log.Do("found", found));
            return $"{parsed}:{number}:{quotient}:{remainder}:{found}";
        }

        return $"{parsed}:{number}:{quotient}:{remainder}";
    }
}
