using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Try statements with durable awaits nested in each other, in loops, and failing in their own handlers.</summary>
public sealed partial class TryWorkflows
{
    /// <summary>A return from an inner try passes two awaiting finally blocks, innermost first.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(-1)]
    public async Task<string> ReturnThroughTwoAwaitingFinallyBlocks(WorkflowContext ctx, int n)
    {
        var trail = "start";
        try
        {
            try
            {
                var value = await Validate(n);
                trail += $"|value {value}";
                return trail;
            }
            finally
            {
                trail += "|inner";
                await ctx.Step("inner-finally", ct => log.Do("inner-finally", trail));
            }
        }
        finally
        {
            trail += "|outer";
            await ctx.Step("outer-finally", ct => log.Do("outer-finally", trail));
        }
    }

    /// <summary>A step fails inside a catch body that awaits; an outer catch handles the new exception after a finally awaits.</summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(-2)]
    [Inputs(0)]
    public async Task<string> FailureInsideACompensatingCatch(WorkflowContext ctx, int n)
    {
        try
        {
            try
            {
                return $"ok {await Validate(n)}";
            }
            catch (CorpusException first)
            {
                await ctx.Step("compensate", ct => log.Do("compensate", first.Message));
                await Validate(n - 1);
                return "compensated";
            }
            finally
            {
                await ctx.Step("cleanup", ct => log.Do("cleanup", n));
            }
        }
        catch (CorpusException second)
        {
            return $"gave up: {second.Message}";
        }
    }

    /// <summary>A loop whose body catches, awaits in the catch, and continues, then breaks out through an awaiting finally.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(5)]
    public async Task<int> RetryLoopWithCompensation(WorkflowContext ctx, int start)
    {
        var attempts = 0;
        var value = start;
        while (true)
        {
            attempts++;
            try
            {
                if (attempts > 4)
                {
                    break;
                }

                var validated = await Validate(value - 2);
                if (validated > 10)
                {
                    break;
                }

                value++;
                continue;
            }
            catch (CorpusException e) when (attempts < 3)
            {
                await ctx.Step("log-failure", ct => log.Do("log-failure", $"{attempts}:{e.Message}"));
                value += 2;
            }
            finally
            {
                await ctx.Step("tick", ct => log.Do("tick", attempts));
            }
        }

        return (attempts * 100) + value;
    }

    /// <summary>A finally body throws after its awaits: the new exception replaces the pending one, as in C#.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(-1)]
    public async Task<int> FinallyThatThrowsAfterAwaiting(WorkflowContext ctx, int n)
    {
        try
        {
            return await Validate(n);
        }
        finally
        {
            await ctx.Step("finally-step", ct => log.Do("finally-step", n));
            if (n < 0)
            {
                throw new InvalidOperationException($"finally failed for {n}");
            }
        }
    }
}
