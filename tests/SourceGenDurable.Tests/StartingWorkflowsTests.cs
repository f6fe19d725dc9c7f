using System.Text.Json;
using SourceGenDurable.Client;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

public sealed class StartingWorkflowsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Starting_an_existing_id_returns_the_existing_instance_and_starts_nothing()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        var first = await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "same");
        await first.GetResultAsync();
        var second = await host.Client.StartProcessOrderAsync(new Order("o-other", "bob", 1m, 1m), workflowId: "same");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await second.GetResultAsync());
        Assert.Equal(1, services.CountOf("reserve"));
    }

    [Fact]
    public async Task Starting_an_existing_id_as_another_workflow_is_refused()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        await host.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "taken");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.StartNotifyAsync("ada", 2, workflowId: "taken"));

        Assert.Contains("'taken' already exists as workflow 'OrderWorkflows.ProcessOrder'", error.Message);
    }

    [Fact]
    public async Task A_workflow_started_without_an_id_gets_a_fresh_one()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var a = await host.Client.StartNotifyAsync("ada", 2);
        var b = await host.Client.StartNotifyAsync("ada", 2);

        Assert.NotEqual(a.Id, b.Id);
        await a.GetResultAsync();
        await b.GetResultAsync();
    }

    [Fact]
    public async Task A_workflow_can_be_started_by_name_with_json_inputs()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("""{"customer":"ada","times":2}""");

        var handle = await host.Client.StartWorkflowAsync("notify", input.RootElement, "by-name");
        await handle.GetResultAsync();

        Assert.Equal(WorkflowStatus.Completed, (await host.Client.GetWorkflowAsync("by-name"))!.Status);
    }

    [Fact]
    public async Task Starting_a_name_that_is_not_registered_names_the_registered_workflows()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("{}");

        var error = await Assert.ThrowsAsync<WorkflowNotRegisteredException>(() => host.Client.StartWorkflowAsync("OrderWorkflows.ProcesOrder", input.RootElement));

        Assert.Contains("No workflow named 'OrderWorkflows.ProcesOrder' is registered", error.Message);
        Assert.Contains("OrderWorkflows.ProcessOrder", error.Message.Split("Registered workflows:")[1]);
        Assert.Null(await host.Client.GetWorkflowAsync("OrderWorkflows.ProcesOrder"));
    }

    [Fact]
    public async Task Inputs_that_do_not_fit_the_workflow_are_refused_with_the_missing_parameter()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);
        using var input = JsonDocument.Parse("""{"customer":"ada"}""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartWorkflowAsync("notify", input.RootElement, "bad-input"));

        Assert.Contains("no slot 'times'", error.Message);
        Assert.Null(await host.Client.GetWorkflowAsync("bad-input"));
    }

    [Fact]
    public async Task Waiting_for_an_unknown_id_says_so()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var error = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Client.WaitForCompletionAsync("nobody"));

        Assert.IsAssignableFrom<KeyNotFoundException>(error); // as before this exception type existed
        Assert.Equal("nobody", error.WorkflowId);
        Assert.Contains("'nobody'", error.Message);
    }
}
