using SourceGenDurable.Tests.CrashHarness;
namespace SourceGenDurable.Tests.Corpus;

public sealed partial class SwitchWorkflows
{
    /// <summary>
    /// In a switch on a long, each goto case names its section with a constant of another type (int, long, byte)
    /// than the case label: the sections are found after converting both to long, also leaving a try whose finally awaits.
    /// </summary>
    [DurableWorkflow]
    [Inputs(1L)]
    [Inputs(2L)]
    [Inputs(3L)]
    [Inputs(7L)]
    public async Task<long> GotoCaseWithConvertedConstants(WorkflowContext ctx, long code)
    {
        long total = 0;
        for (var round = 0; round < 2; round++)
        {
            switch (code + round)
            {
                case 1:
                    total += await Work((int)total);
                    goto case 2L;
                case 2L:
                    try
                    {
                        total += await Work(10);
                        if (total % 2 == 1)
                        {
                            goto case 3;
                        }
                    }
                    finally
                    {
                        total += await Fee((int)total * 10);
                    }

                    break;
                case (byte)3:
                    total *= 3;
                    if (total < 100)
                    {
                        goto case 1;
                    }

                    break;
                default:
                    total -= await Mod3((int)code);
                    break;
            }
        }

        return total;
    }
}
