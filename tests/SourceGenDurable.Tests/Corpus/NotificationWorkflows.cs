using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Workflows without a result (Task): discards, an early return, a pinned workflow name, a throw.</summary>
public sealed partial class NotificationWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs("ada", 2)]
    [Inputs("bob", 0)]
    public async Task Notify(WorkflowContext ctx, string customer, int reminders)
    {
        await ctx.Step("email", ct => log.Do("email", customer));
        _ = await ctx.Step("count", ct => log.Run("count", reminders, () => reminders * 2));
        var text = $"{customer}: {reminders} reminder(s)";
        await Send(text);
        if (reminders == 0)
        {
            return;
        }

        await ctx.Step("sms", ct => log.Do("sms", text));
    }

    [DurableWorkflow(Name = "corpus-escalate")]
    [Inputs(1)]
    [Inputs(3)]
    public async Task Escalate(WorkflowContext ctx, int level)
    {
        await ctx.Step("page", ct => log.Do("page", level));
        await Send($"level {level}");
        if (level > 2)
        {
            throw new CorpusException($"level {level} cannot be escalated");
        }

        await ctx.Step("resolve", ct => log.Do("resolve", level));
    }

    [DurableStep]
    private Task Send(string text) => log.Do("Send", text);
}
