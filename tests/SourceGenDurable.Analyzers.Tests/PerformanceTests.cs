using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// All analyzers over a generated project of 200 workflows and 1,000 helper methods that the workflows call, in chains
/// ten deep, some ending in a clock read and some looping back. It prints the time; it asserts only what is reported,
/// since the machines that run it are shared.
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private const int Workflows = 200;
    private const int Helpers = 1_000;
    private const int ChainLength = 10;

    [Fact]
    public async Task All_analyzers_over_200_workflows_and_1000_helpers()
    {
        var compilation = CSharpCompilation.Create(
            "Generated",
            new[] { TestSetup.GlobalUsings, HelperSource(), WorkflowSource() }.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowShapeAnalyzer(), new WorkflowRulesAnalyzer());
        for (var run = 1; run <= 2; run++)
        {
            // A new compilation each run, as after a keystroke: nothing is cached across compilations.
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options)));
            var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            var clock = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            clock.Stop();

            var diagnostics = result.GetAllDiagnostics();
            var byId = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
            output.WriteLine($"run {run}: {clock.ElapsedMilliseconds} ms wall clock (binding included) for {Workflows} workflows and {Helpers} helpers; {string.Join(", ", byId)}");
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                output.WriteLine($"  {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:0} ms in analyzer callbacks");
            }

            // Every fifth chain starts a clock read ten calls away; every workflow calls two chain starts.
            Assert.Equal(Workflows * 2 / 5, diagnostics.Count(d => d.Id == "SGD0010"));
            Assert.Equal(diagnostics.Length, diagnostics.Count(d => d.Id == "SGD0010"));
        }
    }

    /// <summary>
    /// Chains of <see cref="ChainLength"/> helpers: H(i) calls H(i + 1). The last of chain c reads the clock when c is a
    /// multiple of 5, and calls back to its chain's first helper otherwise (a cycle).
    /// </summary>
    private static string HelperSource()
    {
        var source = new StringBuilder("public static class Helpers\n{\n");
        for (var i = 0; i < Helpers; i++)
        {
            var chain = i / ChainLength;
            var next = i % ChainLength < ChainLength - 1 ? $"H{i + 1}(n - 1)"
                : chain % 5 == 0 ? "DateTime.UtcNow.Second"
                : $"H{chain * ChainLength}(n - 1)";
            source.Append($"    public static int H{i}(int n) => n <= 0 ? {i} : {next} + n;\n");
        }

        return source.Append("}\n").ToString();
    }

    /// <summary>Twenty classes of ten workflows; workflow w calls the first helpers of chains 2w and 2w + 1 (mod 100) between steps.</summary>
    private static string WorkflowSource()
    {
        var chains = Helpers / ChainLength;
        var source = new StringBuilder();
        for (var w = 0; w < Workflows; w++)
        {
            if (w % 10 == 0)
            {
                source.Append($"public partial class Workflows{w / 10}\n{{\n");
            }

            source.Append($$"""
                    [DurableWorkflow]
                    public async Task<int> Run{{w}}(WorkflowContext ctx, int input)
                    {
                        var first = await ctx.Step("first", ct => Task.FromResult(input + 1));
                        var a = Helpers.H{{(2 * w % chains) * ChainLength}}(first);
                        var second = await Double(a);
                        var b = Helpers.H{{((2 * w) + 1) % chains * ChainLength}}(second);
                        var list = new List<int> { first, second, a, b };
                        for (var i = 0; i < list.Count; i++)
                        {
                            list[i] = await Double(list[i]);
                        }

                        return await ctx.Step("sum", ct => Task.FromResult(list.Sum() + ctx.UtcNow.Second));
                    }

                """);
            if (w % 10 == 9)
            {
                source.Append("    [DurableStep]\n    private Task<int> Double(int v) => Task.FromResult(v * 2);\n}\n");
            }
        }

        return source.ToString();
    }
}
