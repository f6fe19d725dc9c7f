using System.Globalization;
using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs("a,b,c")]
    [Inputs("")]
    public async Task<int> AwaitAsReceiver(WorkflowContext ctx, string csv)
    {
        var count = (await Split(csv)).Count(p => p.Length > 0);
        var first = (await Split(csv)).FirstOrDefault()?.ToUpperInvariant() ?? "none";
        return (count * 100) + first.Length;
    }

}
