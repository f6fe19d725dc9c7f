namespace SourceGenDurable.Tests.Workflows;

public sealed record Approval(string By, int Amount);

/// <summary>Workflows that sleep, wait for events and can be cancelled; every step goes through <see cref="FakeServices"/>.</summary>
public sealed partial class PrimitiveWorkflows(FakeServices services)
{
    [DurableWorkflow(Name = "renewal")]
    public async Task<string> Renewal(WorkflowContext ctx, string customer)
    {
        await ctx.Step("notice", ct => services.CallAsync("notice", customer, ct));
        await ctx.Sleep(TimeSpan.FromDays(30));
        return await ctx.Step("renew", ct => services.CallAsync("renew", $"renewed {customer}", ct));
    }

    [DurableWorkflow(Name = "until")]
    public async Task<int> Until(WorkflowContext ctx, DateTimeOffset due)
    {
        await ctx.SleepUntil(due);
        return await ctx.Step("after", ct => services.CallAsync("after", 1, ct));
    }

    [DurableWorkflow(Name = "approvals")]
    public async Task<string> Approvals(WorkflowContext ctx, int count)
    {
        await ctx.Step("intake", ct => services.CallAsync("intake", count, ct));
        var names = "";
        for (var i = 0; i < count; i++)
        {
            var approval = await ctx.WaitForEvent<Approval>("approval");
            names += $"{approval.By}:{approval.Amount};";
        }

        return names;
    }

    [DurableWorkflow]
    public async Task<string> TellTimeouts(WorkflowContext ctx)
    {
        try
        {
            await ctx.WaitForEvent<string>("signature", TimeSpan.FromMinutes(5));
            return "signed";
        }
        catch (EventTimeoutException e)
        {
            return $"no {e.EventName} in time";
        }
    }

    [DurableWorkflow(Name = "approval-or-escalation")]
    public async Task<string> ApprovalOrEscalation(WorkflowContext ctx, int hours)
    {
        string outcome;
        try
        {
            var approval = await ctx.WaitForEvent<Approval>("approval", TimeSpan.FromHours(hours));
            outcome = $"approved by {approval.By}";
        }
        catch (TimeoutException)
        {
            await ctx.Step("escalate", ct => services.CallAsync("escalate", hours, ct));
            outcome = "escalated";
        }

        // A second wait: an approval raised after the first wait timed out is delivered here.
        var late = await ctx.WaitForEvent<Approval>("approval");
        return $"{outcome}, then {late.By}";
    }

    [DurableWorkflow(Name = "typed-approval")]
    public async Task<string> TypedApproval(WorkflowContext ctx)
    {
        try
        {
            return (await ctx.WaitForEvent<Approval>("approval")).By;
        }
        catch (EventPayloadException e)
        {
            await ctx.Step("complain", ct => services.CallAsync("complain", e.Message, ct));
            var retry = await ctx.WaitForEvent<Approval>("approval");
            return $"{retry.By} after a bad payload";
        }
    }

    [DurableWorkflow(Name = "order-with-compensation")]
    public async Task<string> OrderWithCompensation(WorkflowContext ctx, string order)
    {
        await ctx.Step("reserve", ct => services.CallAsync("reserve", order, ct));
        try
        {
            var paid = await ctx.WaitForEvent<bool>("paid");
            await ctx.Step("ship", ct => services.CallAsync("ship", paid, ct));
            return "shipped";
        }
        finally
        {
            // Compensation: runs when the order ships and when it is cancelled, and its step can finish either way.
            await ctx.Step("release", ct => services.CallAsync("release", order, ct));
        }
    }

    [DurableWorkflow(Name = "cleanup-on-cancel")]
    public async Task<string> CleanupOnCancel(WorkflowContext ctx)
    {
        try
        {
            await ctx.Sleep(TimeSpan.FromDays(1));
            return "slept";
        }
        catch (WorkflowCancelledException)
        {
            await ctx.Step("cleanup", ct => services.CallAsync("cleanup", ctx.CancellationToken.IsCancellationRequested, ct));
            return "cleaned up";
        }
    }

    [DurableWorkflow(Name = "long-step")]
    public async Task<int> LongStep(WorkflowContext ctx)
    {
        await ctx.Step("long", ct => services.CallAsync("long", 1, ct));
        return await ctx.Step("never", ct => services.CallAsync("never", 2, ct));
    }

    [DurableWorkflow]
    public async Task<int> LongStepMethod(WorkflowContext ctx)
    {
        await Long("long", CancellationToken.None);
        return await ctx.Step("never", ct => services.CallAsync("never", 2, ct));
    }

    // The call passes CancellationToken.None, which the step does not get: it gets the attempt's token.
    [DurableStep]
    private Task<int> Long(string call, CancellationToken cancellationToken) => services.CallAsync(call, 1, cancellationToken);
}
