using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>SGD0004: I/O in a workflow body runs again every time the workflow resumes before the next checkpoint; a step runs it once and records the result.</summary>
public sealed class SGD0004SideEffectOutsideStepTests
{
    [Fact]
    public Task File_network_database_process_console_and_environment_calls_are_reported() =>
        Verify.VerifyAsync(
            """
            using System.IO;
            using System.Net.Http;

            public partial class Orders(HttpClient http, System.Data.Common.DbConnection db)
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string path)
                {
                    var text = {|#0:File.ReadAllText(path)|};
                    using var stream = {|SGD0004:File.OpenRead(path)|};
                    {|SGD0004:stream.ReadByte()|};
                    var exists = {|SGD0004:Directory.Exists(path)|};
                    var page = {|SGD0004:http.GetStringAsync("https://example.com")|};
                    {|SGD0004:db.Open()|};
                    {|SGD0004:System.Diagnostics.Process.Start("ls")|};
                    {|SGD0004:Console.WriteLine(text)|};
                    var home = {|#1:Environment.GetEnvironmentVariable("HOME")|};
                    return await ctx.Step("a", ct => Task.FromResult(text.Length + (exists ? 1 : 0) + (home?.Length ?? 0)));
                }
            }
            """,
            Verify.Diagnostic("SGD0004").WithLocation(0).WithMessage(
                "'File.ReadAllText' does I/O in the workflow body, where it runs again every time the workflow resumes before the next checkpoint: move it into a [DurableStep] method or a 'ctx.Step'"),
            Verify.Diagnostic("SGD0004").WithLocation(1).WithArguments(
                "Environment.GetEnvironmentVariable", "read it in a step, or pass it in as an input, so that a resume on another machine sees the same value"));

    [Fact]
    public Task Io_in_a_step_body_in_a_step_method_and_outside_workflows_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using System.IO;

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string path)
                {
                    var text = await ctx.Step("read", ct => File.ReadAllTextAsync(path, ct));
                    await Log(text);
                    var writer = new StringWriter();
                    writer.Write(text);
                    return writer.ToString().Length;
                }

                [DurableStep]
                private Task Log(string text)
                {
                    Console.WriteLine(text);
                    return Task.CompletedTask;
                }

                public string NotAWorkflow(string path) => File.ReadAllText(path);
            }
            """);

    /// <summary>A MemoryStream is bytes in memory; living across a checkpoint is its problem, and SGD0008's.</summary>
    [Fact]
    public Task In_memory_streams_are_not_io_in_the_body_or_through_a_helper() =>
        Verify.VerifyAsync(
            """
            using System.IO;

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx, string text)
                {
                    int length;
                    using (var buffer = new MemoryStream())
                    {
                        buffer.WriteByte(1);
                        buffer.Write(Bytes(text));
                        buffer.Position = 0;
                        buffer.CopyTo(new MemoryStream());
                        length = (int)buffer.Length;
                    }

                    return await ctx.Step("a", ct => Task.FromResult(length));
                }

                private static byte[] Bytes(string text)
                {
                    using var memory = new MemoryStream();
                    memory.Write(System.Text.Encoding.UTF8.GetBytes(text));
                    return memory.ToArray();
                }
            }
            """);
}
