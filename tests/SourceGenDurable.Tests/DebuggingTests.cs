using System.Runtime.CompilerServices;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// An exception thrown by a workflow names the line of the workflow method it was thrown at, in the user's file, not a
/// line of the generated state machine: the generator maps the statements it copies with #line directives, and this
/// project's portable PDB carries them into stack traces.
/// </summary>
public sealed class DebuggingTests
{
    [Fact]
    public async Task An_exception_thrown_by_the_workflow_body_after_a_resume_names_the_workflows_file_and_line()
    {
        await using var host = await DurableTestHost.StartAsync();
        var handle = await host.Client.StartFailAfterResumeAsync(6, workflowId: "fails-in-body");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());

        Assert.Equal("12 is too much", failure.Error.Message);
        var frame = FirstFrame(failure.Error.StackTrace);
        Assert.Contains(nameof(DebuggingWorkflows.FailAfterResume), frame);
        Assert.EndsWith($"{Path.DirectorySeparatorChar}DebuggingWorkflows.cs:line {MarkedLine("// the body throws here")}", frame);
    }

    [Fact]
    public async Task An_exception_thrown_by_a_step_lambda_after_a_resume_names_the_workflows_file_and_line()
    {
        await using var host = await DurableTestHost.StartAsync();
        var handle = await host.Client.StartFailInStepAsync("twelve", workflowId: "fails-in-step");
        await host.WaitUntilIdleAsync();
        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());

        Assert.Equal(typeof(FormatException).FullName, failure.Error.Type);
        var frame = failure.Error.StackTrace!.Split('\n').Select(l => l.Trim()).First(l => l.Contains(nameof(DebuggingWorkflows.FailInStep), StringComparison.Ordinal));
        Assert.EndsWith($"{Path.DirectorySeparatorChar}DebuggingWorkflows.cs:line {MarkedLine("// the step throws here")}", frame);
    }

    /// <summary>The first frame of <paramref name="stackTrace"/> in the workflows' code (the ones before it are the runtime's).</summary>
    private static string FirstFrame(string? stackTrace)
    {
        Assert.NotNull(stackTrace);
        return stackTrace.Split('\n').Select(l => l.Trim()).First(l => l.Contains(nameof(DebuggingWorkflows), StringComparison.Ordinal));
    }

    /// <summary>The line of DebuggingWorkflows.cs that ends with <paramref name="marker"/>, read from the source.</summary>
    private static int MarkedLine(string marker, [CallerFilePath] string thisFile = "")
    {
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(thisFile)!, "Workflows", "DebuggingWorkflows.cs"));
        return Array.FindIndex(lines, l => l.EndsWith(marker, StringComparison.Ordinal)) + 1;
    }
}
