using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>What the worker does with instances it cannot run as they are: nothing is lost, and the others keep running.</summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task An_instance_whose_state_does_not_deserialize_is_set_aside_intact_the_others_still_run_and_once_fixed_it_resumes()
    {
        var services = new FakeServices();
        var gate = new TaskCompletionSource();
        services.Gates["charge"] = gate;
        string savedSlots;
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartProcessOrderAsync(new Order("bad", "ada", 1m, 1m), workflowId: "corrupt");
            await first.Client.StartProcessOrderAsync(new Order("good", "bob", 2m, 1m), workflowId: "healthy");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 2), "both instances wait in the charge step");
            savedSlots = (await first.Store.GetAsync("corrupt", default))!.Slots;
        }

        const string corruptSlots = """{"order":{"Id":"bad","Customer":"ada","Total":"not a number","Shipping":1},"reservation":null,"charge":null,"total":0}""";
        _database.Execute("UPDATE workflow_instances SET slots = $slots WHERE id = 'corrupt'", ("$slots", corruptSlots));
        services.Gates.Clear();
        await using var second = await TestHost.StartAsync(_database.ConnectionString, services);

        Assert.Equal(new Receipt("res-good", "ch-good", 3m), await second.Client.GetResultAsync<Receipt>("healthy"));
        await TestHost.EventuallyAsync(async () => (await second.Client.GetWorkflowAsync("corrupt"))!.SetAsideReason is not null, "the corrupt instance is set aside");
        var setAside = Assert.Single(await second.Client.GetSetAsideWorkflowsAsync());
        Assert.Equal("corrupt", setAside.Id);
        Assert.Contains("The saved state of 'corrupt' (OrderWorkflows.ProcessOrder) at checkpoint 0 could not be read", setAside.SetAsideReason);
        Assert.Contains("Slot 'order' does not deserialize", setAside.SetAsideReason);
        Assert.Contains("ResumeAsync", setAside.SetAsideReason);
        var stored = (await second.Store.GetAsync("corrupt", default))!;
        Assert.Equal(WorkflowStatus.Running, stored.Status);
        Assert.Equal(0, stored.State);
        Assert.Equal(corruptSlots, stored.Slots);
        Assert.Null(stored.Error);
        Assert.Single(await second.Store.GetStepsAsync("corrupt", default));

        // The record fixed, resuming it in the host that set it aside finishes it from its checkpoint.
        _database.Execute("UPDATE workflow_instances SET slots = $slots WHERE id = 'corrupt'", ("$slots", savedSlots));
        Assert.True(await second.Client.ResumeAsync("corrupt"));
        Assert.Equal(new Receipt("res-bad", "ch-bad", 2m), await second.Client.GetResultAsync<Receipt>("corrupt"));
        Assert.Equal(2, services.CountOf("reserve"));
        Assert.Empty(await second.Client.GetSetAsideWorkflowsAsync());
    }

    [Fact]
    public async Task An_instance_saved_under_another_layout_is_set_aside_intact_and_finishes_under_matching_code()
    {
        var services = new FakeServices();
        services.Gates["charge"] = new TaskCompletionSource();
        string fingerprint;
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "old-layout");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 1), "the instance waits in the charge step");
            fingerprint = (await first.Store.GetAsync("old-layout", default))!.LayoutFingerprint;
        }

        // As if the instance had been saved by an older build whose state machine had other slots.
        _database.Execute("UPDATE workflow_instances SET layout_fingerprint = '00000000deadbeef' WHERE id = 'old-layout'");
        services.Gates.Clear();
        await using (var mismatched = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await TestHost.EventuallyAsync(async () => (await mismatched.Client.GetWorkflowAsync("old-layout"))!.SetAsideReason is not null, "the instance is set aside");
            var setAside = (await mismatched.Store.GetAsync("old-layout", default))!;
            Assert.Equal(WorkflowStatus.Running, setAside.Status);
            Assert.Equal(0, setAside.State);
            Assert.Contains("00000000deadbeef", setAside.SetAsideReason);
            Assert.Contains(fingerprint, setAside.SetAsideReason);
            Assert.Contains("OrderWorkflows.ProcessOrder", setAside.SetAsideReason);
            Assert.Equal(1, services.CountOf("charge"));
        }

        // A host running the code the instance was saved with finishes it from where it stopped.
        _database.Execute("UPDATE workflow_instances SET layout_fingerprint = $fingerprint WHERE id = 'old-layout'", ("$fingerprint", fingerprint));
        await using var matching = await TestHost.StartAsync(_database.ConnectionString, services);
        Assert.Equal(new Receipt("res-o-1", "ch-o-1", 45m), await matching.Client.GetResultAsync<Receipt>("old-layout"));
        Assert.Equal(1, services.CountOf("reserve"));
        Assert.Null((await matching.Client.GetWorkflowAsync("old-layout"))!.SetAsideReason);
    }

    [Fact]
    public async Task An_instance_of_a_workflow_this_host_does_not_have_is_set_aside_intact()
    {
        var services = new FakeServices();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            services.Gates["charge"] = new TaskCompletionSource();
            await first.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "renamed");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 1), "the instance waits in the charge step");
        }

        _database.Execute("UPDATE workflow_instances SET name = 'Retired.Workflow' WHERE id = 'renamed'");
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services);

        await TestHost.EventuallyAsync(async () => (await host.Client.GetWorkflowAsync("renamed"))!.SetAsideReason is not null, "the instance is set aside");
        var instance = (await host.Client.GetWorkflowAsync("renamed"))!;
        Assert.Equal(WorkflowStatus.Running, instance.Status);
        Assert.Contains("No workflow named 'Retired.Workflow' is compiled into this host", instance.SetAsideReason);
    }
}
