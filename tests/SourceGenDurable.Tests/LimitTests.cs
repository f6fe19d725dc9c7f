using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Client;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// What a caller sends and what a workflow produces is held to the limits of <see cref="DurableWorkflowOptions"/>, and
/// every refusal names the value, its size, the limit and the option that raises it.
/// </summary>
public sealed class LimitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Task<DurableTestHost> StartAsync(FakeServices services, Action<DurableWorkflowOptions>? limits = null) =>
        DurableTestHost.StartAsync(s => s.AddSingleton(services).AddTransient<ShippingWorkflows>(), limits);

    [Fact]
    public async Task A_10_000_character_id_and_a_10_MB_input_are_refused_with_the_size_the_limit_and_the_option_and_nothing_is_stored()
    {
        await using var host = await StartAsync(new FakeServices());
        var longId = new string('i', 10_000);

        var id = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartRenewalAsync("ada", workflowId: longId));
        Assert.Equal("workflowId", id.ParamName);
        Assert.Contains("The workflow id is 10000 characters long", id.Message);
        Assert.Contains("the limit is 256", id.Message);
        Assert.Contains("SourceGenDurable:MaxWorkflowIdLength", id.Message);

        var input = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartRenewalAsync(new string('c', 10 * 1024 * 1024), workflowId: "large-input"));
        Assert.Equal("input", input.ParamName);
        // {"customer":"...","__result2":null}: the 10 MB string and 32 bytes of JSON around it (a start's slots besides
        // the inputs are null).
        Assert.Contains("The input of workflow 'renewal' is 10485792 bytes of JSON; the limit is 1048576", input.Message);
        Assert.Contains("SourceGenDurable:MaxInputBytes", input.Message);

        Assert.Null(await host.Client.GetWorkflowAsync(longId));
        Assert.Null(await host.Client.GetWorkflowAsync("large-input"));
        Assert.Empty((await host.Client.ListWorkflowsAsync(new WorkflowQuery())).Items);

        // At the limits, a start is accepted.
        await host.Client.StartRenewalAsync(new string('c', 1024 * 1024 - 32), workflowId: new string('k', 256));
        Assert.Single((await host.Client.ListWorkflowsAsync(new WorkflowQuery())).Items);
    }

    [Fact]
    public async Task The_id_and_input_limits_are_options()
    {
        await using var host = await StartAsync(new FakeServices(), o => (o.MaxWorkflowIdLength, o.MaxInputBytes) = (5, 40));

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartRenewalAsync("ada", workflowId: "sixsix"));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartRenewalAsync("adalovelace", workflowId: "five5"));
        await host.Client.StartRenewalAsync("ada", workflowId: "five5");
        Assert.NotNull(await host.Client.GetWorkflowAsync("five5"));
    }

    [Fact]
    public async Task A_child_id_derived_from_a_parent_id_at_the_limit_is_not_held_to_it()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services, o => o.MaxWorkflowIdLength = 10);

        var handle = await host.Client.StartFulfilAsync("order", workflowId: "0123456789");

        Assert.Equal("label orderx2, 50", await handle.GetResultAsync());
        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("0123456789/2.0"))!.Status);
    }

    [Fact]
    public async Task A_child_input_over_the_limit_refuses_the_childs_start_into_the_parent_which_can_catch_it()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services, o => o.MaxInputBytes = 100);

        var result = await (await host.Client.StartLargeChildInputAsync(200, workflowId: "parent")).GetResultAsync();

        // {"order":"...","parcels":1}: the 200-character order and 24 bytes of JSON around it.
        Assert.StartsWith("refused: The input of workflow 'ship' is 224 bytes of JSON; the limit is 100", result);
        Assert.Contains("SourceGenDurable:MaxInputBytes", result);
        Assert.Null(await host.Client.GetWorkflowAsync("parent/1.0"));
        Assert.Equal(0, services.CountOf("label"));
    }

    [Fact]
    public async Task A_step_result_over_the_limit_fails_its_attempt_without_a_retry_and_the_workflow_catches_it()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services, o => o.MaxResultBytes = 1000);

        var result = await (await host.Client.StartLargeStepResultAsync(5000, workflowId: "large")).GetResultAsync();

        Assert.StartsWith("caught: The result of step 'fetch' of workflow 'large' is 5002 bytes of JSON; the limit is 1000.", result);
        Assert.Contains("not retried", result);
        Assert.EndsWith("or raise SourceGenDurable:MaxResultBytes.", result);
        Assert.Equal(1, services.CountOf("fetch"));
        var attempt = Assert.Single(await host.Store.GetStepAttemptsAsync("large", default));
        Assert.True(attempt.Final);
        Assert.Equal(typeof(WorkflowLimitExceededException).FullName, attempt.Error.Type);

        Assert.Equal("fetched 998", await (await host.Client.StartLargeStepResultAsync(998, workflowId: "at-the-limit")).GetResultAsync());
    }

    [Fact]
    public async Task A_step_result_over_the_limit_is_not_run_again_after_a_restart_and_the_workflow_catches_it_again()
    {
        var services = new FakeServices();
        services.Gates["report"] = new TaskCompletionSource();
        void Limit(IServiceCollection s) => s.AddTransient<ShippingWorkflows>().Configure<DurableWorkflowOptions>(o => o.MaxResultBytes = 1000);
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services, Limit))
        {
            await first.Client.StartLargeStepResultAsync(5000, workflowId: "large");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("report") == 1), "the workflow caught the failure and reports it");
        }

        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services, Limit);

        // Rebuilt from the recorded attempt as the type the catch names; the step itself does not run again.
        Assert.StartsWith("caught: The result of step 'fetch' of workflow 'large' is 5002 bytes", await second.Client.GetResultAsync<string>("large"));
        Assert.Equal(1, services.CountOf("fetch"));
        Assert.Equal(2, services.CountOf("report"));
    }

    [Fact]
    public async Task A_step_result_that_cannot_be_serialized_fails_its_attempt_without_a_retry()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services);

        Assert.Equal("caught: NotSupportedException", await (await host.Client.StartUnrecordableStepResultAsync(workflowId: "type")).GetResultAsync());

        Assert.Equal(1, services.CountOf("describe"));
        var attempt = Assert.Single(await host.Store.GetStepAttemptsAsync("type", default));
        Assert.True(attempt.Final);
        Assert.Equal(typeof(NotSupportedException).FullName, attempt.Error.Type);
    }

    [Fact]
    public async Task A_checkpoint_over_the_limit_fails_the_workflow_past_its_catch_blocks_and_names_its_largest_slots()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services, o => o.MaxCheckpointBytes = 1000);

        var failed = await Assert.ThrowsAsync<WorkflowFailedException>(async () => await (await host.Client.StartLargeCheckpointAsync(5000, workflowId: "cp")).GetResultAsync());

        Assert.Equal(typeof(WorkflowLimitExceededException).FullName, failed.Error.Type);
        Assert.Matches(@"^Checkpoint \d+ of workflow 'cp' is \d+ bytes of JSON; the limit is 1000\. Its largest slots: 'big' \(5002 bytes\), ", failed.Error.Message);
        Assert.Contains("'small' (3 bytes)", failed.Error.Message);
        Assert.EndsWith("or raise SourceGenDurable:MaxCheckpointBytes.", failed.Error.Message);
        Assert.Equal(WorkflowStatus.Failed, (await host.Client.GetWorkflowAsync("cp"))!.Status);
        Assert.Equal(new[] { "first" }, services.Calls);
        Assert.Empty(await host.Store.GetStepsAsync("cp", default));

        Assert.Equal(501, await (await host.Client.StartLargeCheckpointAsync(500, workflowId: "small-enough")).GetResultAsync());
    }

    [Fact]
    public async Task A_workflow_result_over_the_limit_fails_the_workflow()
    {
        var services = new FakeServices();
        await using var host = await StartAsync(services, o => o.MaxResultBytes = 100);

        var failed = await Assert.ThrowsAsync<WorkflowFailedException>(async () => await (await host.Client.StartLargeResultAsync(200, workflowId: "res")).GetResultAsync());

        Assert.Equal(typeof(WorkflowLimitExceededException).FullName, failed.Error.Type);
        Assert.StartsWith("The result of workflow 'res' (large-result) is 202 bytes of JSON; the limit is 100.", failed.Error.Message);
        Assert.EndsWith("or raise SourceGenDurable:MaxResultBytes.", failed.Error.Message);
        Assert.Equal(WorkflowStatus.Failed, (await host.Client.GetWorkflowAsync("res"))!.Status);

        Assert.Equal(new string('w', 98), await (await host.Client.StartLargeResultAsync(98, workflowId: "at-the-limit")).GetResultAsync());
    }
}
