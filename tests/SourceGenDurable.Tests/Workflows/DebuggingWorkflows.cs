namespace SourceGenDurable.Tests.Workflows;

/// <summary>
/// Workflows that fail at a known line, for <see cref="DebuggingTests"/>: the line a stack trace must name ends with
/// its marker comment.
/// </summary>
public sealed partial class DebuggingWorkflows
{
    [DurableWorkflow]
    public async Task<int> FailAfterResume(WorkflowContext ctx, int amount)
    {
        var doubled = await ctx.Step("double", ct => Task.FromResult(amount * 2));
        await ctx.Sleep(TimeSpan.FromHours(1));
        if (doubled > 10)
        {
            throw new InvalidOperationException($"{doubled} is too much"); // the body throws here
        }

        return doubled;
    }

    [DurableWorkflow]
    public async Task<int> FailInStep(WorkflowContext ctx, string text)
    {
        await ctx.Sleep(TimeSpan.FromHours(1));
        return await ctx.Step("parse", ct =>
        {
            var parsed = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture); // the step throws here
            return Task.FromResult(parsed);
        }, new RetryPolicy { MaxAttempts = 1 });
    }
}
