using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class BranchWorkflows
{
    /// <summary>
    /// Throw expressions beside awaiting branches, in a switch expression's arms and on one side of '?:': the branch
    /// that throws has no value to keep, and throws where C# would, into the workflow's own catch.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(2)]
    public async Task<int> ThrowExpressionsBesideAwaits(WorkflowContext ctx, int n)
    {
        try
        {
            var fee = n switch
            {
                0 => await Double(n + 1),
                1 => throw new CorpusException("no fee for one"),
                _ => await Double(n) + 1,
            };
            var checkedFee = fee > 3 ? await Double(fee) : throw new CorpusException($"fee {fee} too low");
            return checkedFee;
        }
        catch (CorpusException e)
        {
            return -e.Message.Length;
        }
    }
}
