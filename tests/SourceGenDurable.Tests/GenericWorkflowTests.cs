using SourceGenDurable.Hosting;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>Workflows of a generic class: one workflow per closed class, registered when started or with AddWorkflowClass.</summary>
public sealed class GenericWorkflowTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Each_closed_class_is_a_workflow_of_its_own_named_with_its_type_arguments()
    {
        await using var host = await TestHost.StartAsync(_database.ConnectionString);

        var ofInt = await host.Client.StartSaveAsync(5, workflowId: "int");
        var ofString = await host.Client.StartSaveAsync("five", workflowId: "string");

        Assert.Equal("Repo<System.Int32>.Save", ofInt.WorkflowName);
        Assert.Equal("Repo<System.String>.Save", ofString.WorkflowName);
        Assert.Equal("Int32:5!", await ofInt.GetResultAsync());
        Assert.Equal("String:five!", await ofString.GetResultAsync());
    }

    [Fact]
    public async Task A_host_resumes_a_closed_class_it_registered_with_AddWorkflowClass_and_sets_it_aside_without()
    {
        var services = new FakeServices();
        services.Gates["store"] = new TaskCompletionSource();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartSaveAsync(5, workflowId: "resumed");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("store") == 1), "the instance waits in the store step");
        }

        // As if an earlier process had started a Repo<long>: nothing in this test process names Repo<long> but
        // AddWorkflowClass below (the registry is process-wide, so no other test may start one).
        _database.Execute("UPDATE workflow_instances SET name = 'Repo<System.Int64>.Save' WHERE id = 'resumed'");
        services.Gates.Clear();
        await using (var unregistered = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await TestHost.EventuallyAsync(async () => (await unregistered.Client.GetWorkflowAsync("resumed"))!.SetAsideReason is not null, "the instance is set aside");
            var setAside = (await unregistered.Client.GetWorkflowAsync("resumed"))!;
            Assert.Equal(WorkflowStatus.Running, setAside.Status);
            Assert.Contains("No workflow named 'Repo<System.Int64>.Save'", setAside.SetAsideReason);
            Assert.Contains("AddWorkflowClass<", setAside.SetAsideReason);
        }

        await using var registered = await TestHost.StartAsync(
            _database.ConnectionString, services, s => s.AddWorkflowClass<Repo<long>>().AddWorkflowClass<Repo<long>>());

        Assert.Equal("Int32:5!", await registered.Client.GetResultAsync<string>("resumed"));
        Assert.Equal(1, services.CountOf("key"));
        Assert.Equal(2, services.CountOf("store"));
    }
}
