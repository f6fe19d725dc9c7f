using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Fan-outs between ordinary checkpoints: a crash after a fan-out's steps recorded their results runs none of them
/// again, and a fan-out's results live across the checkpoints after it. The harness compares the order in which steps
/// run, which is not fixed between concurrent steps, so each fan-out here runs one step (with a timer or a wait);
/// FanOutTests covers steps that run concurrently.
/// </summary>
public sealed partial class FanOutWorkflows(StepLog log)
{
    /// <summary>WhenAll over a Select, then over fixed operations, with a step before and after.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(0)]
    public async Task<string> PriceLines(WorkflowContext ctx, int lines)
    {
        await Open(lines);
        var prices = await ctx.WhenAll(Enumerable.Range(0, lines).Select(line => Price(line)));
        var tax = 0;
        await ctx.WhenAll(Open(lines + 10), ctx.Sleep(TimeSpan.FromHours(1)));
        tax = (await ctx.WhenAll(Price(100)))[0];
        await Close(prices.Sum() + tax);
        return $"{string.Join("+", prices)}|{tax}|{ctx.UtcNow:HH}";
    }

    /// <summary>An approval raced against a timer, the way a workflow gives an approver a deadline.</summary>
    [DurableWorkflow]
    [Raises("approval:{\"By\":\"ada\",\"Amount\":7}")]
    [Inputs("ada")]
    public async Task<string> ApproveBeforeDeadline(WorkflowContext ctx, string who)
    {
        var first = await ctx.WhenAny(ctx.WaitForEvent<Approval>("approval"), ctx.Sleep(TimeSpan.FromDays(2)));
        var approved = first.Index == 0 ? first.GetResult<Approval>() : null;
        await Close(approved?.Amount ?? -1);
        return approved is null ? $"{who}: expired" : $"{who}: {approved.By} {approved.Amount}";
    }

    [DurableStep]
    private Task Open(int lines) => log.Do("Open", new { lines });

    [DurableStep]
    private Task<int> Price(int line) => log.Run("Price", new { line }, () => (line * 7) + 1);

    [DurableStep]
    private Task Close(int total) => log.Do("Close", new { total });
}
