using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.PerformanceProjects;
using Xunit.Abstractions;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// All analyzers over a generated project of 200 workflows and 1,000 helper methods that the workflows call, in chains
/// ten deep, some ending in a clock read and some looping back. It prints the time; it asserts only what is reported,
/// since the machines that run it are shared.
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private const int Workflows = AnalyzerProject.Workflows;
    private const int Helpers = AnalyzerProject.Helpers;

    [Fact]
    public async Task All_analyzers_over_200_workflows_and_1000_helpers()
    {
        var compilation = AnalyzerProject.Compile();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowShapeAnalyzer(), new WorkflowRulesAnalyzer());
        for (var run = 1; run <= 2; run++)
        {
            // A new compilation each run, as after a keystroke: nothing is cached across compilations.
            var fresh = ProjectCompilation.Reparsed(compilation);
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
            Assert.Equal(AnalyzerProject.ExpectedClockReads, diagnostics.Count(d => d.Id == "SGD0010"));
            Assert.Equal(diagnostics.Length, diagnostics.Count(d => d.Id == "SGD0010"));
        }
    }
}
