using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Durable awaits inside try, catch (with filters) and finally; exceptions that cross checkpoints; break, continue
/// and return through an awaiting finally; using statements whose scope has no durable await.
/// </summary>
public sealed partial class TryWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(4)]
    [Inputs(-4)]
    [Inputs(0)]
    public async Task<string> CatchWithFilter(WorkflowContext ctx, int n)
    {
        try
        {
            var value = await Validate(n);
            return $"ok {value}";
        }
        catch (CorpusException e) when (e.Message.Contains("negative", StringComparison.Ordinal))
        {
            return "negative";
        }
        catch (CorpusException e)
        {
            return $"invalid: {e.Message}";
        }
    }

    /// <summary>Compensation: durable awaits inside a catch block, one of which may throw again.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(-3)]
    [Inputs(0)]
    public async Task<int> AwaitInCatch(WorkflowContext ctx, int n)
    {
        try
        {
            return await Validate(n);
        }
        catch (CorpusException e)
        {
            await ctx.Step("compensate", ct => log.Do("compensate", e.Message));
            return await Validate(-n);
        }
    }

    /// <summary>An exception thrown by a step is caught, a later step runs, then 'throw;' rethrows it: after a resume it must keep its type and message.</summary>
    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(-2)]
    public async Task<int> CatchStepExceptionThenRethrowAfterLaterStep(WorkflowContext ctx, int n)
    {
        try
        {
            return await Validate(n);
        }
        catch (CorpusException e)
        {
            await ctx.Step("report", ct => log.Do("report", e.Message));
            await ctx.Step("notify", ct => log.Do("notify", n));
            throw;
        }
    }

    /// <summary>A return value and a pending exception must both survive the checkpoint in the finally.</summary>
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(-1)]
    public async Task<int> AwaitInFinally(WorkflowContext ctx, int n)
    {
        var result = 0;
        try
        {
            result = await Validate(n);
            return result;
        }
        finally
        {
            await ctx.Step("cleanup", ct => log.Do("cleanup", result));
        }
    }

    [DurableWorkflow]
    [InputsJson("""{"n":5,"targets":["a","b"]}""")]
    [InputsJson("""{"n":-5,"targets":["a","b"]}""")]
    [InputsJson("""{"n":-5,"targets":[]}""")]
    [InputsJson("""{"n":-5,"targets":["a","fail","b"]}""")]
    public async Task<string> FinallyInsideForeachInsideCatch(WorkflowContext ctx, int n, string[] targets)
    {
        var notes = new List<string>();
        try
        {
            notes.Add($"value {await Validate(n)}");
        }
        catch (CorpusException e)
        {
            foreach (var target in targets)
            {
                try
                {
                    notes.Add(await Notify(target, e.Message));
                }
                finally
                {
                    await ctx.Step("notified", ct => log.Do("notified", target));
                }
            }
        }

        return string.Join("; ", notes);
    }

    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    [Inputs(9)]
    public async Task<int> BreakOutOfTryWhoseFinallyAwaits(WorkflowContext ctx, int stopAt)
    {
        var rounds = 0;
        for (var i = 0; i < 4; i++)
        {
            try
            {
                if (i == stopAt)
                {
                    break;
                }

                rounds += await Validate(i + 1);
            }
            finally
            {
                await ctx.Step("round-end", ct => log.Do("round-end", i));
            }
        }

        return rounds;
    }

    /// <summary>continue and return leave a try whose finally awaits; the returned string is computed before the finally runs.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    [Inputs(6)]
    public async Task<string> ContinueAndReturnThroughAwaitingFinally(WorkflowContext ctx, int n)
    {
        var trail = new List<int>();
        for (var i = 0; i < n; i++)
        {
            try
            {
                if (i % 2 == 0)
                {
                    continue;
                }

                if (i == 3)
                {
                    return $"returned {string.Join(",", trail)}";
                }

                trail.Add(await Validate(i));
            }
            finally
            {
                trail.Add(await ctx.Step("finally", ct => log.Run("finally", i, () => -i)));
            }
        }

        return string.Join(",", trail);
    }

    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(-1)]
    public async Task<string> NestedTryCatchFinally(WorkflowContext ctx, int n)
    {
        var trail = new List<string>();
        try
        {
            try
            {
                trail.Add($"v{await Validate(n)}");
            }
            catch (CorpusException) when (n < 0)
            {
                trail.Add("caught");
                trail.Add($"v{await Validate(-n)}");
                throw new InvalidOperationException("retried: " + string.Join(",", trail));
            }
        }
        catch (InvalidOperationException e)
        {
            trail.Add(await ctx.Step("outer", ct => log.Run("outer", e.Message, () => e.Message.Length.ToString(CultureInfo.InvariantCulture))));
        }
        finally
        {
            trail.Add("finally");
        }

        return string.Join("|", trail);
    }

    /// <summary>foreach → try → while, with a catch that awaits and continues the foreach.</summary>
    [DurableWorkflow]
    [InputsJson("""{"values":[1,-2,3]}""")]
    [InputsJson("""{"values":[]}""")]
    [InputsJson("""{"values":[0]}""")]
    public async Task<int> DeepNesting(WorkflowContext ctx, int[] values)
    {
        var total = 0;
        foreach (var value in values)
        {
            try
            {
                var attempts = 0;
                while (attempts < 2)
                {
                    attempts++;
                    total += await Validate(value * attempts);
                }
            }
            catch (CorpusException)
            {
                total -= await ctx.Step("penalty", ct => log.Run("penalty", value, () => 1));
                continue;
            }

            total += 1000;
        }

        return total;
    }

    /// <summary>using statements between durable awaits in a loop, and a using declaration after the last one.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    public async Task<string> UsingScopesWithoutDurableAwait(WorkflowContext ctx, int count)
    {
        var parts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var raw = await ctx.Step("read", ct => log.Run("read", i, () => $"line{i}"));
            using (var reader = new StringReader(raw))
            {
                parts.Add(reader.ReadToEnd().ToUpperInvariant());
            }

            await ctx.Step("written", ct => log.Do("written", parts.Count));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(string.Join("+", parts));
        return writer.ToString();
    }

    [DurableStep(MaxAttempts = 1)]
    private Task<int> Validate(int n) => log.Run("Validate", n, () => n switch
    {
        < 0 => throw new CorpusException($"{n} is negative"),
        0 => throw new CorpusException("zero is not allowed"),
        _ => n * 10,
    });

    [DurableStep(MaxAttempts = 1)]
    private Task<string> Notify(string target, string message) =>
        log.Run("Notify", new { target, message }, () => target == "fail" ? throw new CorpusException($"cannot notify {target}") : $"{target}: {message}");
}
