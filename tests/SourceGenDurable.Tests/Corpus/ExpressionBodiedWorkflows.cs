using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// Workflows with an expression body, lowered as the block it means: <c>{ return expr; }</c>, or <c>{ expr; }</c>
/// without a result. One checkpoint, several spilled into one expression, and checkpoints on one branch only.
/// </summary>
public sealed partial class ExpressionBodiedWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs(21)]
    [Inputs(0)]
    [Inputs(-4)]
    public async Task<int> Doubled(WorkflowContext ctx, int x) => await Charge(x * 2);

    [DurableWorkflow]
    [Inputs("ada")]
    [Inputs("")]
    public async Task Notify(WorkflowContext ctx, string customer) => await ctx.Step("email", ct => log.Do("email", customer));

    [DurableWorkflow]
    [Inputs(3, 4)]
    [Inputs(0, -1)]
    public async Task<string> Receipt(WorkflowContext ctx, int a, int b) =>
        $"{await Charge(a)} + {await ctx.Step("fee", ct => log.Run("fee", b, () => b * 10))} = {await Charge(a + b) + b * 10}";

    [DurableWorkflow]
    [Inputs(2)]
    [Inputs(7)]
    public async Task<int> OneBranch(WorkflowContext ctx, int n) =>
        n > 5
            ? await Charge(n)
            : await ctx.Step("small", ct => log.Run("small", n, () => n - 1)) + await Charge(n * 100);

    [DurableStep]
    private Task<int> Charge(int amount) => log.Run("Charge", amount, () => amount + 1);
}
