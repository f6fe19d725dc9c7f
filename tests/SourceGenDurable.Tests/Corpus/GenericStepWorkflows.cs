using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

public sealed partial class GenericStepWorkflows(StepLog log)
{
    /// <summary>A generic [DurableStep] method called with inferred and explicit type arguments.</summary>
    [DurableWorkflow]
    [Inputs(3)]
    [Inputs(0)]
    public async Task<string> GenericSteps(WorkflowContext ctx, int n)
    {
        var number = await Echo(n * 2);
        var text = await Echo<string>($"v{number}");
        var list = await Echo(new List<int> { number, n });
        return $"{text}:{list.Sum()}";
    }

    [DurableStep]
    private Task<T> Echo<T>(T value) => log.Run("Echo", value, () => value);
}
