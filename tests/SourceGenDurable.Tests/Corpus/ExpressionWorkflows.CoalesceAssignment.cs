using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>
/// A null-coalescing assignment whose right side awaits: the step runs only while the variable is null, so in a loop
/// it runs once, and a crash between the step and the next commit neither runs it again nor loses its value.
/// </summary>
public sealed partial class ExpressionWorkflows
{
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(3)]
    public async Task<string> CoalescingAssignmentsAwaitOnlyWhileNull(WorkflowContext ctx, int n)
    {
        int? cached = n > 2 ? n : null;
        string? name = null;
        var parts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            name ??= await Describe($"round {i}");
            parts.Add($"{name}:{(cached ??= await Double(i + 1)) + i}");
        }

        return string.Join(",", parts) + $"|{cached}";
    }
}
