using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// Retry policies: backoff waits are durable timers, every failed attempt is recorded with its error, a step that uses
/// up its attempts throws into the workflow (the original object, or after a restart a rebuilt one), and the body sees
/// one idempotency key on every attempt.
/// </summary>
public sealed class RetryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Backoff_waits_grow_by_the_coefficient_up_to_the_maximum_and_the_instance_sleeps_through_each()
    {
        var flaky = new FlakyService();
        flaky.Failures["Charge"] = 3;
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));
        var start = host.UtcNow;

        var handle = await host.Client.StartBackoffAsync("o-1", workflowId: "backoff-1");
        await host.WaitUntilIdleAsync();
        await AssertSleepingUntilAsync(host, "backoff-1", start + TimeSpan.FromMinutes(1));

        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(59));
        Assert.Single(flaky.Attempts);

        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, flaky.Attempts.Count);
        await AssertSleepingUntilAsync(host, "backoff-1", start + TimeSpan.FromMinutes(3)); // 1 + 2
        // The status tells which step is being retried and which attempt comes next.
        Assert.Equal(new StepProgress(null, null, "Charge", 3), (await host.Client.GetWorkflowAsync("backoff-1"))!.Progress);

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(3, flaky.Attempts.Count);
        await AssertSleepingUntilAsync(host, "backoff-1", start + TimeSpan.FromMinutes(6)); // 1 + 2 + 3 (4, capped at 3)

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("charged o-1", await handle.GetResultAsync());
        Assert.Equal([1, 2, 3, 4], flaky.Attempts.Select(a => a.Attempt));

        var attempts = await host.Store.GetStepAttemptsAsync("backoff-1", CancellationToken.None);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal(("Charge", "System.InvalidOperationException", false), (a.StepName, a.Error.Type, a.Final)));
        Assert.Equal(["Charge failed on attempt 1", "Charge failed on attempt 2", "Charge failed on attempt 3"], attempts.Select(a => a.Error.Message));
        Assert.Equal([start, start + TimeSpan.FromMinutes(1), start + TimeSpan.FromMinutes(3)], attempts.Select(a => a.EndedAt));
        Assert.All(attempts, a => Assert.Contains(nameof(FlakyService.CallAsync), a.Error.StackTrace));
        Assert.Equal(4, Assert.Single(await host.Store.GetStepsAsync("backoff-1", CancellationToken.None)).Attempts);
        Assert.Equal(new StepProgress("Charge", start + TimeSpan.FromMinutes(6), null, 0), (await host.Client.GetWorkflowAsync("backoff-1"))!.Progress);
    }

    [Fact]
    public async Task A_step_retried_an_hour_later_holds_no_worker_and_a_new_host_finishes_it_with_the_same_idempotency_key()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var firstFlaky = new FlakyService();
        firstFlaky.Failures["sync"] = 1;
        await using (var first = await StartAsync(firstFlaky, clock))
        {
            await first.Client.StartHourlyAsync("acme", workflowId: "hourly-1");
            await TestHost.WaitForStatusAsync(first, "hourly-1", WorkflowStatus.Sleeping);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(1), (await first.Client.GetWorkflowAsync("hourly-1"))!.WakeAt);
        }

        // The first host and every object of it are gone; the second one starts when the retry is due.
        clock.Advance(TimeSpan.FromHours(1));
        var secondFlaky = new FlakyService();
        await using var second = await StartAsync(secondFlaky, clock);
        Assert.Equal("synced acme", await second.Client.GetResultAsync<string>("hourly-1"));

        var first1 = Assert.Single(firstFlaky.Attempts);
        var second2 = Assert.Single(secondFlaky.Attempts);
        Assert.Equal((1, 2), (first1.Attempt, second2.Attempt));
        Assert.Equal(first1.IdempotencyKey, second2.IdempotencyKey);
        Assert.StartsWith("hourly-1:", first1.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(("hourly-1", "sync"), (second2.WorkflowId, second2.StepName));
        var attempt = Assert.Single(await second.Store.GetStepAttemptsAsync("hourly-1", CancellationToken.None));
        Assert.Equal(("sync", 1, "sync failed on attempt 1"), (attempt.StepName, attempt.Attempt, attempt.Error.Message));
        Assert.Equal(2, Assert.Single(await second.Store.GetStepsAsync("hourly-1", CancellationToken.None)).Attempts);
    }

    [Fact]
    public async Task An_exception_of_a_type_derived_from_one_in_DoNotRetry_is_not_retried_and_reaches_the_workflow_catch()
    {
        var flaky = new FlakyService();
        flaky.Failures["Submit"] = 5;
        flaky.Throws["Submit"] = message => new ArgumentNullException("order", message);
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));

        var result = await (await host.Client.StartValidateAsync("o-2", workflowId: "validate-1")).GetResultAsync();

        Assert.StartsWith("rejected: Submit failed on attempt 1", result, StringComparison.Ordinal);
        Assert.Single(flaky.Attempts);
        var attempt = Assert.Single(await host.Store.GetStepAttemptsAsync("validate-1", CancellationToken.None));
        Assert.Equal(("System.ArgumentNullException", true), (attempt.Error.Type, attempt.Final));
    }

    [Fact]
    public async Task A_step_that_uses_up_its_attempts_throws_its_own_exception_object_into_the_workflow_catch_while_the_process_lives()
    {
        var flaky = new FlakyService();
        flaky.Failures["reserve"] = 2;
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));

        var handle = await host.Client.StartExhaustedAsync("o-3", workflowId: "exhausted-1");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("original InvalidOperationException: reserve failed on attempt 2", await handle.GetResultAsync());
        var attempts = await host.Store.GetStepAttemptsAsync("exhausted-1", CancellationToken.None);
        Assert.Equal([(1, false), (2, true)], attempts.Select(a => (a.Attempt, a.Final)));
        // Another step of the same instance has another key.
        Assert.Equal(2, flaky.Attempts.Select(a => a.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task After_a_restart_a_used_up_step_is_not_run_again_and_its_exception_is_rebuilt_as_the_type_the_workflow_catches()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var firstFlaky = new FlakyService();
        firstFlaky.Failures["reserve"] = 2;
        firstFlaky.Hangs["compensate"] = true;
        await using (var first = await StartAsync(firstFlaky, clock))
        {
            await first.Client.StartExhaustedAsync("o-4", workflowId: "exhausted-2");
            await TestHost.WaitForStatusAsync(first, "exhausted-2", WorkflowStatus.Sleeping);
            clock.Advance(TimeSpan.FromMinutes(1));

            // Both attempts are recorded and the catch block is compensating when the host stops.
            await TestHost.EventuallyAsync(() => Task.FromResult(firstFlaky.Attempts.Any(a => a.StepName == "compensate")), "the compensation starts");
        }

        var secondFlaky = new FlakyService();
        await using var second = await StartAsync(secondFlaky, clock);

        Assert.Equal("rebuilt InvalidOperationException: reserve failed on attempt 2", await second.Client.GetResultAsync<string>("exhausted-2"));
        Assert.Equal(["compensate"], secondFlaky.Attempts.Select(a => a.StepName));
        Assert.Equal(firstFlaky.Attempts.Last().IdempotencyKey, secondFlaky.Attempts.Single().IdempotencyKey);
        Assert.Equal(2, (await second.Store.GetStepAttemptsAsync("exhausted-2", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_used_up_step_whose_exception_type_the_workflow_does_not_name_is_the_original_in_process_and_a_StepFailedException_after_a_restart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var inProcess = new FlakyService();
        inProcess.Failures["parse"] = 2;
        inProcess.Throws["parse"] = message => new FormatException(message);
        await using (var host = await StartAsync(inProcess, clock))
        {
            Assert.Equal(
                "System.FormatException: parse failed on attempt 2",
                await (await host.Client.StartExhaustedUnnamedAsync("o-5", workflowId: "unnamed-1")).GetResultAsync());
        }

        var firstFlaky = new FlakyService();
        firstFlaky.Failures["parse"] = 2;
        firstFlaky.Throws["parse"] = message => new FormatException(message);
        firstFlaky.Hangs["report"] = true;
        await using (var first = await StartAsync(firstFlaky, clock))
        {
            await first.Client.StartExhaustedUnnamedAsync("o-6", workflowId: "unnamed-2");
            await TestHost.EventuallyAsync(() => Task.FromResult(firstFlaky.Attempts.Any(a => a.StepName == "report")), "the report starts");
        }

        await using var second = await StartAsync(new FlakyService(), clock);
        Assert.Equal(
            "StepFailedException of parse after 2: System.FormatException: parse failed on attempt 2",
            await second.Client.GetResultAsync<string>("unnamed-2"));
    }

    [Fact]
    public async Task A_step_that_uses_up_its_attempts_uncaught_fails_the_workflow_with_the_original_type_and_every_attempt_recorded()
    {
        var flaky = new FlakyService();
        flaky.Failures["sync"] = 3;
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));

        var handle = await host.Client.StartHourlyAsync("acme", workflowId: "hourly-2");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.Equal(WorkflowStatus.Failed, (await host.Client.GetWorkflowAsync("hourly-2"))!.Status);

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        Assert.Contains("System.InvalidOperationException", failure.Message, StringComparison.Ordinal);
        Assert.Equal([(1, false), (2, false), (3, true)], (await host.Store.GetStepAttemptsAsync("hourly-2", CancellationToken.None)).Select(a => (a.Attempt, a.Final)));
        Assert.Empty(await host.Store.GetStepsAsync("hourly-2", CancellationToken.None));
    }

    [Fact]
    public async Task StepContext_is_set_only_while_a_step_body_runs()
    {
        var flaky = new FlakyService();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));

        Assert.Equal("synced acme", await (await host.Client.StartHourlyAsync("acme")).GetResultAsync());
        Assert.Null(StepContext.Current);
        Assert.Equal(1, Assert.Single(flaky.Attempts).Attempt);
    }

    private static async Task AssertSleepingUntilAsync(DurableTestHost host, string id, DateTimeOffset wakeAt)
    {
        var info = (await host.Client.GetWorkflowAsync(id))!;
        Assert.Equal((WorkflowStatus.Sleeping, wakeAt), (info.Status, info.WakeAt));
    }

    private Task<TestHost> StartAsync(FlakyService flaky, TimeProvider clock) =>
        TestHost.StartAsync(_database.ConnectionString, configure: s => s.AddSingleton(flaky).AddSingleton(clock));
}
