using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class SwitchWorkflows
{
    [DurableWorkflow]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(3)]
    public async Task<int> GotoCase(WorkflowContext ctx, int n)
    {
        var total = 0;
        switch (await Mod3(n))
        {
            case 1:
                total += await Work(1);
                goto case 2;
            case 2:
                total += await Work(2);
                goto default;
            default:
                total += await Work(3);
                break;
        }

        return total;
    }
}
