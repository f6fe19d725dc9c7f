using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>An approval a workflow waits for.</summary>
public sealed record Approval(string By, int Amount);

/// <summary>
/// Durable timers and event waits inside control flow. The harness moves the clock to each timer and raises each
/// scripted event only once the instance is saved as waiting, so every wait suspends the instance for real, and the
/// crashes land around those suspensions too.
/// </summary>
public sealed partial class WaitWorkflows(StepLog log)
{
    /// <summary>A loop that sleeps between its steps; the time read after each sleep lives across the next checkpoint.</summary>
    [DurableWorkflow]
    [Inputs(3, 2)]
    [Inputs(1, 30)]
    [Inputs(0, 5)]
    public async Task<string> RemindDaily(WorkflowContext ctx, int reminders, int days)
    {
        var trail = "";
        for (var i = 0; i < reminders; i++)
        {
            await ctx.Sleep(TimeSpan.FromDays(days));
            var at = ctx.UtcNow;
            await Remind(i, at.ToString("yyyy-MM-dd"));
            trail += $"{at:MM-dd};";
        }

        await ctx.SleepUntil(ctx.UtcNow.AddHours(-1)); // already due: returns without suspending
        return trail;
    }

    /// <summary>
    /// Approvals with a timeout in a loop: the scripted events arrive in order, and once they run out each wait times
    /// out into the catch, which records the escalation with a step.
    /// </summary>
    [DurableWorkflow]
    [Raises("approval:{\"By\":\"ada\",\"Amount\":10}", "approval:{\"By\":\"bob\",\"Amount\":5}")]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(4)]
    public async Task<string> CollectApprovals(WorkflowContext ctx, int needed)
    {
        var total = 0;
        var escalations = 0;
        for (var i = 0; i < needed; i++)
        {
            try
            {
                var approval = await ctx.WaitForEvent<Approval>("approval", TimeSpan.FromHours(48));
                total += await Approve(approval.By, approval.Amount);
            }
            catch (TimeoutException)
            {
                escalations++;
                await Escalate(i, ctx.UtcNow.ToString("MM-dd HH"));
            }
        }

        return $"{total}/{escalations}";
    }

    /// <summary>
    /// A wait inside a finally after a step that fails, inside a switch: the compensation waits for its own event, and
    /// the step's exception leaves the workflow after it.
    /// </summary>
    [DurableWorkflow]
    [Raises("release:{\"By\":\"ops\",\"Amount\":1}", "release:{\"By\":\"ops\",\"Amount\":2}")]
    [Inputs("hold")]
    [Inputs("fail")]
    [Inputs("skip")]
    public async Task<int> HoldAndRelease(WorkflowContext ctx, string mode)
    {
        var released = 0;
        switch (mode)
        {
            case "hold":
            case "fail":
                try
                {
                    await Reserve(mode);
                }
                finally
                {
                    var release = await ctx.WaitForEvent<Approval>("release");
                    released = await Approve(release.By, release.Amount);
                }

                break;
            default:
                await ctx.Sleep(TimeSpan.FromMinutes(5));
                break;
        }

        return released;
    }

    /// <summary>An event of one name does not answer a wait for another; the second name's event comes first in the script.</summary>
    [DurableWorkflow]
    [Raises("second:{\"By\":\"b\",\"Amount\":2}", "first:{\"By\":\"a\",\"Amount\":1}", "first:{\"By\":\"c\",\"Amount\":3}")]
    [Inputs(true)]
    [Inputs(false)]
    public async Task<string> InOrderByName(WorkflowContext ctx, bool both)
    {
        var a = await ctx.WaitForEvent<Approval>("first");
        var b = await ctx.WaitForEvent<Approval>("second", TimeSpan.FromMinutes(1));
        var c = both ? await ctx.WaitForEvent<Approval>("first", TimeSpan.FromMinutes(1)) : null;
        await Approve(a.By + b.By + c?.By, a.Amount + b.Amount + (c?.Amount ?? 0));
        return $"{a.By}{b.By}{c?.By}";
    }

    [DurableStep]
    private Task Remind(int index, string day) => log.Do("Remind", new { index, day });

    [DurableStep]
    private Task<int> Approve(string by, int amount) => log.Run("Approve", new { by, amount }, () => amount);

    [DurableStep]
    private Task Escalate(int index, string at) => log.Do("Escalate", new { index, at });

    [DurableStep]
    private Task Reserve(string mode) =>
        log.Run("Reserve", mode, () => mode == "fail" ? throw new CorpusException("reservation refused") : true);
}
