using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Client;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>Operators list instances by workflow, status and start time, page by page, and read a step history.</summary>
public sealed class ListingTests
{
    [Fact]
    public async Task Instances_are_filtered_by_workflow_status_and_start_time()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var early = host.UtcNow;
        await host.Client.StartRenewalAsync("ada", workflowId: "r1");
        await host.Client.StartRenewalAsync("bob", workflowId: "r2");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        var later = host.UtcNow;
        await host.Client.StartUntilAsync(later - TimeSpan.FromDays(1), workflowId: "u1");
        await host.WaitUntilIdleAsync();

        Assert.Equal(["r1", "r2", "u1"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery())));
        Assert.Equal(["r1", "r2"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(WorkflowName: "renewal"))));
        Assert.Equal(["r1", "r2"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(Status: WorkflowStatus.Sleeping))));
        Assert.Equal(["u1"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(Status: WorkflowStatus.Completed))));
        Assert.Equal(["u1"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(CreatedFrom: later))));
        Assert.Equal(["r1", "r2"], Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(CreatedFrom: early, CreatedBefore: later))));
        Assert.Empty(Ids(await host.Client.ListWorkflowsAsync(new WorkflowQuery(WorkflowName: "renewal", Status: WorkflowStatus.Completed))));
    }

    [Fact]
    public async Task Pages_cover_every_instance_once_in_start_order_and_the_last_page_has_no_token()
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(new FakeServices()));
        var started = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            started.Add((await host.Client.StartUntilAsync(host.UtcNow + TimeSpan.FromDays(1), workflowId: $"w{i}")).Id);

            // Several instances share a millisecond: the id breaks the tie.
            if (i % 3 == 2)
            {
                await host.AdvanceTimeAsync(TimeSpan.FromMilliseconds(1));
            }
        }

        var seen = new List<string>();
        var query = new WorkflowQuery(PageSize: 3);
        var pages = 0;
        do
        {
            var page = await host.Client.ListWorkflowsAsync(query);
            pages++;
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(Ids(page));
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        Assert.Equal(3, pages);
        Assert.Equal(started, seen);
    }

    [Fact]
    public async Task A_bad_page_size_or_a_made_up_token_is_refused_with_what_to_pass_instead()
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(new FakeServices()));

        var size = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.ListWorkflowsAsync(new WorkflowQuery(PageSize: 0)));
        var token = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ListWorkflowsAsync(new WorkflowQuery(ContinuationToken: "page-2")));

        Assert.Contains("PageSize must be between 1 and 1000", size.Message);
        Assert.Contains("'page-2' is not a continuation token", token.Message);
        Assert.Contains("ContinuationToken of the previous WorkflowPage", token.Message);
    }

    [Fact]
    public async Task The_history_lists_committed_steps_in_order_with_their_results()
    {
        var services = new FakeServices();
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(services));
        var handle = await host.Client.StartRenewalAsync("ada", workflowId: "history");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromDays(30));
        await handle.GetResultAsync();

        var history = await host.Client.GetHistoryAsync("history");

        Assert.Equal(["notice", "renew"], history.Select(s => s.Name));
        Assert.Equal(history.Select(s => s.Sequence).Order(), history.Select(s => s.Sequence));
        Assert.Equal("\"renewed ada\"", history[^1].ResultJson);
        Assert.All(history, step => Assert.Equal((1, null), (step.Attempt, step.Error)));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Client.GetHistoryAsync("nobody"));
    }

    [Fact]
    public async Task The_history_shows_each_failed_attempt_with_its_error_before_the_attempt_that_completed_the_step()
    {
        var flaky = new FlakyService();
        flaky.Failures["Charge"] = 2;
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(flaky));
        var handle = await host.Client.StartBackoffAsync("o-7", workflowId: "retried");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        await handle.GetResultAsync();

        var history = await host.Client.GetHistoryAsync("retried");

        Assert.Equal(
            [("Charge", 1, "Charge failed on attempt 1", null), ("Charge", 2, "Charge failed on attempt 2", null), ("Charge", 3, null, "\"charged o-7\"")],
            history.Select(e => (e.Name, e.Attempt, e.Error?.Message, e.ResultJson)));
        // Every entry has its start: the failed attempts' and the attempt that completed the step, after its backoff.
        Assert.All(history, e => Assert.True(e.StartedAt <= e.EndedAt));
        Assert.True(history[2].StartedAt >= history[1].EndedAt + TimeSpan.FromMinutes(1));
        Assert.Equal(history.Select(e => e.EndedAt).Order(), history.Select(e => e.EndedAt));
    }

    private static List<string> Ids(WorkflowPage page) => page.Items.Select(i => i.Id).ToList();
}
