using SourceGenDurable.Tests.Corpus;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// The harness's own checks: a fan-out's entries compare in any order, and nothing else is weakened; the direct run's
/// context tags a fan-out's entries and ends its fan-outs the way the engine does.
/// </summary>
public sealed class FanOutOrderTests
{
    private static LogEntry E(string call, string? fanOut = null, int branch = 0, string result = "-> true") =>
        new(call, result) { FanOut = fanOut, Branch = branch };

    private static ScriptedEvents Script(string method) =>
        ScriptedEvents.For(typeof(FanOutOrderTests).GetMethod(method, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!);

    private static bool Same(IReadOnlyList<LogEntry> a, IReadOnlyList<LogEntry> b) =>
        FanOutOrder.Canonical(a).SequenceEqual(FanOutOrder.Canonical(b));

    [Fact]
    public void A_fan_outs_entries_compare_in_any_order_whatever_each_run_calls_the_fan_out()
    {
        Assert.True(Same(
            [E("open"), E("a", "fan-out 1", 0), E("b", "fan-out 1", 1), E("c", "fan-out 1", 2), E("close")],
            [E("open"), E("c", "commit 2 @1", 2), E("a", "commit 2 @1", 0), E("b", "commit 2 @1", 1), E("close")]));
    }

    [Fact]
    public void Entries_outside_fan_outs_still_compare_in_order()
    {
        Assert.False(Same([E("a"), E("b")], [E("b"), E("a")]));
        Assert.False(Same(
            [E("open"), E("a", "f", 0), E("b", "f", 1), E("close")],
            [E("close"), E("a", "f", 0), E("b", "f", 1), E("open")]));
    }

    [Fact]
    public void A_fan_out_entry_missing_repeated_or_in_another_branch_is_a_difference()
    {
        IReadOnlyList<LogEntry> expected = [E("a", "f", 0), E("b", "f", 1)];

        Assert.False(Same(expected, [E("a", "f", 0)]));
        Assert.False(Same(expected, [E("a", "f", 0), E("b", "f", 1), E("b", "f", 1)]));
        Assert.False(Same(expected, [E("a", "f", 0), E("b", "f", 0)]));
        Assert.False(Same(expected, [E("a", "f", 0), E("b")]));
        Assert.False(Same(expected, [E("b"), E("a", "f", 0)]));
    }

    [Fact]
    public void A_branchs_attempts_keep_their_order_and_two_fan_outs_do_not_mix()
    {
        Assert.False(Same(
            [E("a", "f", 0, "!Oops"), E("a", "f", 0), E("b", "f", 1)],
            [E("b", "f", 1), E("a", "f", 0), E("a", "f", 0, "!Oops")]));
        Assert.True(Same(
            [E("a", "f", 0, "!Oops"), E("b", "f", 1), E("a", "f", 0)],
            [E("b", "g", 1), E("a", "g", 0, "!Oops"), E("a", "g", 0)]));
        Assert.False(Same(
            [E("a", "f", 0), E("b", "f", 1), E("c", "g", 0)],
            [E("a", "f", 0), E("c", "g", 0), E("b", "g", 1)]));
    }

    [Fact]
    public async Task The_direct_context_tags_a_fan_outs_steps_including_ctx_Step_and_those_of_a_Select()
    {
        var log = new StepLog(new Dictionary<string, int> { ["s"] = 1 });
        var ctx = new InlineWorkflowContext("w", Script(nameof(NoEvents)), log);

        await log.Run("s", 0, () => 0);
        await ctx.WhenAll(log.Run("s", 1, () => 1), ctx.Step("inline", ct => log.Run("inline", 2, () => 2)));
        await ctx.WhenAll(new[] { 3, 4 }.Select(i => log.Run("s", i, () => i)));
        await log.Run("s", 5, () => 5);

        Assert.Empty(log.ConventionErrors);
        Assert.Equal(
            ["s(0) -> 0", "‖1.0 s(1) -> 1", "‖1.1 inline(2) -> 2", "‖2.0 s(3) -> 3", "‖2.1 s(4) -> 4", "s(5) -> 5"],
            FanOutOrder.Canonical(log.Entries).Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_direct_context_ends_WhenAll_with_its_last_timer_and_WhenAny_with_its_first_operation()
    {
        var log = new StepLog(new Dictionary<string, int> { ["s"] = 1 });
        var ctx = new InlineWorkflowContext("w", Script(nameof(OneApproval)), log);
        var start = InlineWorkflowContext.Start;

        await ctx.WhenAll(ctx.Sleep(TimeSpan.FromHours(1)), log.Run("s", 1, () => 1), ctx.Sleep(TimeSpan.FromHours(3)));
        Assert.Equal(start.AddHours(3), ctx.UtcNow);

        // A step ends before any wait, so the scripted event is not received, and goes back to the script.
        var step = await ctx.WhenAny(ctx.WaitForEvent<Approval>("approval"), log.Run("s", 2, () => 2), ctx.Sleep(TimeSpan.FromDays(1)));
        Assert.Equal((1, 2), (step.Index, step.GetResult<int>()));
        Assert.Equal(start.AddHours(3), ctx.UtcNow);

        var approval = await ctx.WhenAny(ctx.WaitForEvent<Approval>("approval"), ctx.Sleep(TimeSpan.FromDays(2)));
        Assert.Equal((0, "ada"), (approval.Index, approval.GetResult<Approval>().By));
        Assert.Equal(start.AddHours(3), ctx.UtcNow);

        var timer = await ctx.WhenAny(ctx.WaitForEvent<Approval>("approval"), ctx.Sleep(TimeSpan.FromDays(2)));
        Assert.Equal(1, timer.Index);
        Assert.Equal(start.AddHours(3).AddDays(2), ctx.UtcNow);

        // The shorter deadline wins: here the wait's timeout, thrown out of WhenAny.
        await Assert.ThrowsAsync<EventTimeoutException>(() => ctx.WhenAny(ctx.WaitForEvent<Approval>("approval", TimeSpan.FromDays(1)), ctx.Sleep(TimeSpan.FromDays(3))));
        Assert.Equal(start.AddHours(3).AddDays(3), ctx.UtcNow);
        Assert.Empty(log.ConventionErrors);
    }

    [Fact]
    public async Task The_direct_context_fails_WhenAll_with_its_first_failure_and_drops_the_waits_not_ended_by_then()
    {
        var log = new StepLog(new Dictionary<string, int> { ["s"] = 2 });
        var ctx = new InlineWorkflowContext("w", Script(nameof(OneApproval)), log);

        var failure = await Assert.ThrowsAsync<CorpusException>(() => ctx.WhenAll(
            ctx.Sleep(TimeSpan.FromHours(5)),
            log.Run("s", 1, () => 1),
            log.Run<int>("s", 2, () => throw new CorpusException("second")),
            ctx.WaitForEvent<Approval>("approval"),
            log.Run<int>("s", 3, () => throw new CorpusException("third"))));

        Assert.Equal("second", failure.Message);
        Assert.Equal(InlineWorkflowContext.Start, ctx.UtcNow);
        Assert.Equal("ada", (await ctx.WaitForEvent<Approval>("approval")).By);
    }

    [Raises]
    private static void NoEvents()
    {
    }

    [Raises("approval:{\"By\":\"ada\",\"Amount\":7}")]
    private static void OneApproval()
    {
    }
}
