using System.Text.RegularExpressions;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// An instance saved under one layout is never resumed by code with another. The fingerprint covers what a saved
/// instance depends on (checkpoints, step names, slot names and types) and nothing else, so other edits deploy freely.
/// </summary>
public sealed class LayoutFingerprintTests
{
    private const string Body = """
        var reserved = await ctx.Step("reserve", ct => Task.FromResult(n));
        var doubled = reserved * 2;
        await ctx.Step("notify", ct => Task.FromResult(doubled));
        return doubled;
        """;

    [Fact]
    public void Code_between_checkpoints_can_change_without_changing_the_layout() =>
        Assert.Equal(FingerprintOf(Body), FingerprintOf(Body.Replace("reserved * 2", "reserved * 3", StringComparison.Ordinal)));

    [Fact]
    public void Renaming_a_step_changes_the_layout() =>
        Assert.NotEqual(FingerprintOf(Body), FingerprintOf(Body.Replace("\"notify\"", "\"announce\"", StringComparison.Ordinal)));

    [Fact]
    public void A_new_checkpoint_changes_the_layout() =>
        Assert.NotEqual(FingerprintOf(Body), FingerprintOf("await ctx.Step(\"audit\", ct => Task.CompletedTask);\n" + Body));

    [Fact]
    public void A_slot_of_another_type_changes_the_layout() =>
        Assert.NotEqual(FingerprintOf(Body), FingerprintOf(Body.Replace("var doubled = reserved * 2;", "long doubled = reserved * 2;", StringComparison.Ordinal)));

    [Fact]
    public void Replacing_a_step_with_an_event_wait_of_the_same_name_or_a_sleep_changes_the_layout()
    {
        var waits = Body.Replace("await ctx.Step(\"notify\", ct => Task.FromResult(doubled));", "await ctx.WaitForEvent<int>(\"notify\");", StringComparison.Ordinal);
        var sleeps = Body.Replace("await ctx.Step(\"notify\", ct => Task.FromResult(doubled));", "await ctx.Sleep(TimeSpan.FromDays(1));", StringComparison.Ordinal);
        Assert.NotEqual(FingerprintOf(Body), FingerprintOf(waits));
        Assert.NotEqual(FingerprintOf(Body), FingerprintOf(sleeps));
        Assert.NotEqual(FingerprintOf(waits), FingerprintOf(waits.Replace("WaitForEvent<int>", "WaitForEvent<long>", StringComparison.Ordinal)));
        Assert.Equal(FingerprintOf(sleeps), FingerprintOf(sleeps.Replace("FromDays(1)", "FromDays(2)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Slots_of_runtime_types_that_moved_namespace_keep_the_fingerprint_instances_were_saved_with()
    {
        // WorkflowStatus and WorkflowError were in SourceGenDurable.Storage, and a finally's pending exception is a
        // WorkflowError slot. The fingerprint pinned here is the one the generator made before they moved (8190637):
        // instances saved then must keep resuming after an upgrade, not be set aside.
        const string body = """
            var status = n > 0 ? WorkflowStatus.Running : WorkflowStatus.Pending;
            var errors = new List<WorkflowError>();
            await ctx.Step("reserve", ct => Task.FromResult(n));
            try { await ctx.Step("a", ct => Task.FromResult(1)); }
            finally { await ctx.Step("b", ct => Task.FromResult(2)); }
            return (long)status + errors.Count;
            """;
        Assert.Equal("bfbade113105ab99", FingerprintOf(body));
    }

    private static string FingerprintOf(string body)
    {
        var text = GeneratorHarness.Generate($$"""
            using SourceGenDurable;
            public partial class Layouts
            {
                [DurableWorkflow]
                public async Task<long> Run(WorkflowContext ctx, int n)
                {
            {{body}}
                }
            }
            """).Single().Text;
        var match = Regex.Match(text, "base\\(\"Layouts.Run\", \"([0-9a-f]{16})\"\\)");
        Assert.True(match.Success, "The generated definition carries no fingerprint.");
        return match.Groups[1].Value;
    }
}
