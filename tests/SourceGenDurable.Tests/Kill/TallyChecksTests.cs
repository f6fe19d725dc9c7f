using SourceGenDurable.Client;
using Xunit.Sdk;

namespace SourceGenDurable.Tests.Kill;

/// <summary>
/// The kill tests' checks catch what they are for: on made-up effects and histories of one instance of three steps,
/// committed at 1000, 2000 and 3000 ms, each broken invariant fails the check, and legitimate runs pass it.
/// </summary>
public sealed class TallyChecksTests
{
    private const int A = 101, B = 102;

    [Fact]
    public void One_process_that_runs_every_step_once_passes()
    {
        var report = Verify([Mark(1, A, 900), Mark(2, A, 1900), Mark(3, A, 2900)]);
        Assert.Equal((3, 0, 0, 0), (report.Marks, report.Reruns, report.Moves, report.Overlaps));
        Assert.Empty(report.Takeovers);
    }

    [Fact]
    public void A_step_that_had_not_committed_running_again_in_the_process_that_took_over_from_a_killed_one_passes_and_is_measured()
    {
        var report = Verify([Mark(1, A, 900), Mark(2, A, 1500), Mark(2, B, 1800), Mark(3, B, 2900)], killed: (A, 1600));
        Assert.Equal((4, 1, 1, 0), (report.Marks, report.Reruns, report.Moves, report.Overlaps));
        Assert.Equal([TimeSpan.FromMilliseconds(200)], report.Takeovers);
    }

    [Fact]
    public void A_committed_step_that_runs_again_fails()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Verify([Mark(1, A, 900), Mark(2, A, 1900), Mark(2, B, 2500), Mark(3, B, 2900)], killed: (A, 2400)));
        Assert.Contains("step 2 ran in pid 102 at 2500, after its commit at 2000: a committed step ran again", failure.Message);
    }

    [Fact]
    public void An_instance_that_moves_from_a_live_process_fails_unless_live_processes_may_lose_their_runs()
    {
        Mark[] marks = [Mark(1, A, 900), Mark(2, B, 1900), Mark(3, B, 2900)];
        var failure = Assert.ThrowsAny<XunitException>(() => Verify(marks));
        Assert.Contains("moved from pid 101, which was not killed, to pid 102 at step 2", failure.Message);
        Assert.Equal(1, Verify(marks, strict: false).Moves);
    }

    [Fact]
    public void A_step_that_runs_elsewhere_before_its_process_was_killed_fails()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Verify([Mark(1, A, 900), Mark(2, B, 1400), Mark(3, B, 2900)], killed: (A, 1500)));
        Assert.Contains("before pid 101 was killed at 1500: two processes ran it at once", failure.Message);
    }

    [Fact]
    public void An_instance_that_goes_back_to_a_process_it_left_is_counted_and_fails_when_strict()
    {
        Mark[] marks = [Mark(1, A, 900), Mark(2, B, 1900), Mark(3, A, 2900)];
        Assert.ThrowsAny<XunitException>(() => Verify(marks, killed: (A, 1000)));
        Assert.Equal(1, Verify(marks, strict: false).Overlaps);
    }

    [Fact]
    public void Steps_out_of_order_fail()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Verify([Mark(1, A, 900), Mark(3, A, 1900), Mark(2, A, 1950)], strict: false));
        Assert.Contains("step 3 (pid 101) ran right after step 1", failure.Message);
    }

    [Fact]
    public void A_committed_step_missing_from_the_effects_fails()
    {
        Assert.ThrowsAny<XunitException>(() => Verify([Mark(1, A, 900), Mark(2, A, 1900)]));
    }

    [Fact]
    public void A_history_that_records_a_sequence_twice_fails()
    {
        StepHistoryEntry[] history = [.. History(), Step(3, 3100)];
        var failure = Assert.ThrowsAny<XunitException>(() => Verify([Mark(1, A, 900), Mark(2, A, 1900), Mark(3, A, 2900)], history: history));
        Assert.Contains("tally-0 records a sequence twice", failure.Message);
    }

    private static TallyReport Verify(Mark[] marks, (int Pid, long At)? killed = null, bool strict = true, StepHistoryEntry[]? history = null)
    {
        var kills = killed is { } k ? new Dictionary<int, DateTimeOffset> { [k.Pid] = DateTimeOffset.FromUnixTimeMilliseconds(k.At) } : [];
        return TallyChecks.Verify(new TallyRun(1, 3, marks, kills), new Dictionary<string, IReadOnlyList<StepHistoryEntry>> { ["tally-0"] = history ?? History() }, strict);
    }

    private static Mark Mark(int step, int pid, long at) => new("tally-0", step, pid, at);

    private static StepHistoryEntry[] History() => [Step(1, 1000), Step(2, 2000), Step(3, 3000)];

    private static StepHistoryEntry Step(int step, long endedAt) =>
        new(step, step, "Mark", 1, null, DateTimeOffset.FromUnixTimeMilliseconds(endedAt), step.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
}
