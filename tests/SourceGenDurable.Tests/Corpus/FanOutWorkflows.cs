using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Fan-outs between ordinary checkpoints: several steps at once (each recorded as it completes, so a crash after a
/// fan-out's steps ran runs none of them again), steps that fail inside a fan-out, steps together with timers, and an
/// event raced against a timer. A fan-out's steps run concurrently, in any order: the harness compares each fan-out's
/// entries in any order (by branch), and everything around it in order (see <see cref="FanOutOrder"/>).
/// </summary>
public sealed partial class FanOutWorkflows(StepLog log)
{
    /// <summary>WhenAll over a Select of steps (one per line), then over fixed steps, with a step before and after.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(1)]
    [Inputs(0)]
    public async Task<string> PriceLines(WorkflowContext ctx, int lines)
    {
        await Open(lines);
        var prices = await ctx.WhenAll(Enumerable.Range(0, lines).Select(line => Price(line)));
        var extras = await ctx.WhenAll(Price(100), Price(101));
        await Close(prices.Sum() + extras[0] + extras[1]);
        return $"{string.Join("+", prices)}|{extras[0]},{extras[1]}";
    }

    /// <summary>
    /// WhenAll over two fixed steps of the same type, then over steps of different types (one of them a ctx.Step), and
    /// results that live across the checkpoints after them.
    /// </summary>
    [DurableWorkflow]
    [Inputs("ord-7", 2)]
    [Inputs("x", 0)]
    public async Task<string> ShipAndInvoice(WorkflowContext ctx, string order, int parcels)
    {
        var labels = await ctx.WhenAll(Label(order, parcels), Label(order, parcels + 1));
        await ctx.WhenAll(Ship(order, labels[0] + labels[1]), ctx.Step("invoice", ct => log.Run("invoice", order, () => order.Length * 3)));
        await Close(labels[0] * 100 + labels[1]);
        return $"{order}: {labels[0]}/{labels[1]}";
    }

    /// <summary>
    /// A fan-out whose step fails (after its attempts) while the others succeed, one of them after a transient failure;
    /// the workflow catches the failure and releases what it asked for, one step after the other.
    /// A SKU ending in '!' is refused, one ending in '?' fails once (twice for '??').
    /// </summary>
    [DurableWorkflow]
    [InputsJson("""{"skus":["tea","cup","mug"]}""")]
    [InputsJson("""{"skus":["tea","cup!","mug?"]}""")]
    [InputsJson("""{"skus":["tea!","cup!"]}""")]
    public async Task<string> ReserveAll(WorkflowContext ctx, string[] skus)
    {
        var outcome = "";
        try
        {
            var reserved = await ctx.WhenAll(skus.Select(sku => Reserve(sku)));
            outcome = "reserved " + string.Join(",", reserved);
        }
        catch (CorpusException e)
        {
            outcome = "refused: " + e.Message;
            foreach (var sku in skus)
            {
                await Release(sku);
            }
        }

        await Close(outcome.Length);
        return outcome;
    }

    /// <summary>
    /// As <see cref="ReserveAll"/>, after a step, but the compensation is a fan-out too: a second fan-out in the same
    /// stretch between two commits (the first one failed, so it made no commit). The second fan-out is keyed
    /// by its ordinal since the commit, so it does not take the first one's records for its own (a bug the corpus found).
    /// </summary>
    [DurableWorkflow]
    [InputsJson("""{"skus":["tea","cup"]}""")]
    [InputsJson("""{"skus":["tea","cup!","mug"]}""")]
    [InputsJson("""{"skus":["cup!"]}""")]
    public async Task<string> ReserveAllOrReleaseAll(WorkflowContext ctx, string[] skus)
    {
        await Open(skus.Length);
        var outcome = "";
        try
        {
            var reserved = await ctx.WhenAll(skus.Select(sku => Reserve(sku)));
            outcome = "reserved " + string.Join(",", reserved);
        }
        catch (CorpusException e)
        {
            outcome = "refused: " + e.Message;
            var released = await ctx.WhenAll(skus.Select(sku => Release(sku)));
            outcome += "; released " + string.Join(",", released);
        }

        await Close(outcome.Length);
        return outcome;
    }

    /// <summary>
    /// A step together with timers: WhenAll ends with the last timer, and the clock shows it (a zero timer is due at
    /// once). Then WhenAll over one timer and a step. The time between them is kept by a step, as ctx.UtcNow read
    /// again after a resume is later.
    /// </summary>
    [DurableWorkflow]
    [Inputs(5)]
    [Inputs(0)]
    public async Task<string> NotifyAndCoolDown(WorkflowContext ctx, int hours)
    {
        await ctx.WhenAll(Notify("ada", hours), ctx.Sleep(TimeSpan.FromHours(hours)), ctx.Sleep(TimeSpan.FromHours(2)));
        var cooled = await Stamp(ctx.UtcNow.ToString("HH"));
        await ctx.WhenAll(ctx.Sleep(TimeSpan.FromHours(1)), Notify("bob", hours + 1));
        await Close(ctx.UtcNow.Hour);
        return $"{cooled} {ctx.UtcNow:HH}";
    }

    /// <summary>
    /// A fan-out tried again after its failure was caught, with no commit in between: the second try makes the attempt
    /// that succeeds ('??' fails the first two attempts, which are all a try has). The second try runs its
    /// steps again: it is a new fan-out, not the first one's records (a bug the corpus found).
    /// </summary>
    [DurableWorkflow]
    [InputsJson("""{"skus":["tea","mug??"]}""")]
    public async Task<string> ReserveWithRetry(WorkflowContext ctx, string[] skus)
    {
        var tries = 0;
        while (true)
        {
            tries++;
            try
            {
                var reserved = await ctx.WhenAll(skus.Select(sku => Reserve(sku)));
                await Close(tries);
                return $"reserved {string.Join(",", reserved)} in {tries} tries";
            }
            catch (TransientStepException) when (tries < 2)
            {
            }
        }
    }

    /// <summary>
    /// Approvals raced against a deadline, the way a workflow gives an approver two days: the script has one approval,
    /// so the first request is approved in time (the clock has not moved) and every later one expires (the clock moved
    /// to the deadline) and is escalated.
    /// </summary>
    [DurableWorkflow]
    [Raises("approval:{\"By\":\"ada\",\"Amount\":7}")]
    [Inputs(1)]
    [Inputs(3)]
    public async Task<string> ApproveBeforeDeadline(WorkflowContext ctx, int requests)
    {
        var trail = "";
        for (var i = 0; i < requests; i++)
        {
            await Request(i);
            var first = await ctx.WhenAny(ctx.WaitForEvent<Approval>("approval"), ctx.Sleep(TimeSpan.FromDays(2)));
            if (first.Index == 0)
            {
                var approval = first.GetResult<Approval>();
                await Close(approval.Amount);
                trail += $"{approval.By}:{approval.Amount}@{ctx.UtcNow:MM-dd};";
            }
            else
            {
                await Escalate(i, ctx.UtcNow.ToString("MM-dd"));
                trail += $"expired@{ctx.UtcNow:MM-dd};";
            }
        }

        return trail;
    }

    /// <summary>
    /// An event wait with its own timeout raced against a timer: the event wins while the script has one, then the
    /// shorter of the two deadlines decides (the wait's timeout is thrown out of WhenAny and caught).
    /// </summary>
    [DurableWorkflow]
    [Raises("payment:{\"By\":\"bank\",\"Amount\":40}")]
    [Inputs(3, 1)]
    [Inputs(3, 5)]
    public async Task<string> PaymentOrReminder(WorkflowContext ctx, int days, int timeoutDays)
    {
        var trail = "";
        for (var i = 0; i < 2; i++)
        {
            try
            {
                var first = await ctx.WhenAny(ctx.WaitForEvent<Approval>("payment", TimeSpan.FromDays(timeoutDays)), ctx.Sleep(TimeSpan.FromDays(days)));
                trail += first.Index == 0 ? $"paid {first.GetResult<Approval>().Amount}@{ctx.UtcNow:dd};" : $"remind@{ctx.UtcNow:dd};";
                await Remind(i, first.Index);
            }
            catch (TimeoutException)
            {
                trail += $"timeout@{ctx.UtcNow:dd};";
                await Escalate(i, ctx.UtcNow.ToString("MM-dd"));
            }
        }

        return trail;
    }

    [DurableStep]
    private Task Open(int lines) => log.Do("Open", new { lines });

    [DurableStep]
    private Task<int> Price(int line) => log.Run("Price", new { line }, () => (line * 7) + 1);

    [DurableStep]
    private Task Close(int total) => log.Do("Close", new { total });

    [DurableStep]
    private Task<int> Label(string order, int parcels) => log.Run("Label", new { order, parcels }, () => order.Length + parcels);

    [DurableStep]
    private Task Ship(string order, int parcels) => log.Do("Ship", new { order, parcels });

    [DurableStep(MaxAttempts = 2)]
    private Task<string> Reserve(string sku) =>
        log.RunFlaky("Reserve", sku, sku.Count(c => c == '?'), () => sku.EndsWith('!') ? throw new CorpusException($"{sku.TrimEnd('!')} is out of stock") : sku.ToUpperInvariant());

    [DurableStep]
    private Task<string> Release(string sku) => log.Run("Release", sku, () => sku.TrimEnd('!', '?'));

    [DurableStep]
    private Task<string> Stamp(string time) => log.Run("Stamp", time, () => time);

    [DurableStep]
    private Task Notify(string who, int hours) => log.Do("Notify", new { who, hours });

    [DurableStep]
    private Task Request(int index) => log.Do("Request", index);

    [DurableStep]
    private Task Escalate(int index, string day) => log.Do("Escalate", new { index, day });

    [DurableStep]
    private Task Remind(int index, int winner) => log.Do("Remind", new { index, winner });
}
