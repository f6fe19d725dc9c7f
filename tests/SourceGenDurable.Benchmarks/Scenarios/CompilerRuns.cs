using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SourceGenDurable.Analyzers;
using SourceGenDurable.Benchmarks.Harness;
using SourceGenDurable.Generators;
using SourceGenDurable.PerformanceProjects;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// Goal 7: the generator and the analyzers over the generated 200-workflow projects their performance tests time
/// (tests/Shared/PerformanceProjects.cs, compiled into those tests and into this suite). Everything runs in this
/// process, as in the IDE's: the first run of each pays the JIT and is reported on a line of its own; the repeats
/// after it are what a keystroke costs once the compiler is warm.
/// </summary>
internal static class CompilerRuns
{
    private const string Generator = "SourceGenDurable generator";
    private const string Baseline = "baseline: attribute-only generator";
    private const string Analyzers = "SourceGenDurable analyzers";

    public sealed record GeneratorTimes(Samples Cold, Samples Incremental, Samples BaselineCold, Samples BaselineIncremental);

    public static GeneratorTimes Generators(Sizes sizes, Report report)
    {
        var project = $"{GeneratorProject.Workflows} workflows x 30 statements";
        var cold = new List<double>();
        var firstEdit = new List<double>();
        var secondEdit = new List<double>();
        var baselineCold = new List<double>();
        var baselineEdit = new List<double>();

        // Repeat 0 is the first run in this process; each repeat is a project the generator has not seen (its
        // process-wide model cache is keyed by the methods' documentation ids, so each repeat has its own namespace).
        for (var repeat = 0; repeat <= sizes.CompilerRepeats; repeat++)
        {
            var sources = GeneratorProject.Sources($"Perf{repeat}");
            var compilation = ProjectCompilation.Compile(sources);
            var edited = compilation.SyntaxTrees.First();
            var once = compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 2))));
            var twice = compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 3))));

            GeneratorDriver driver = CSharpGeneratorDriver.Create([new WorkflowGenerator().AsSourceGenerator()], parseOptions: ProjectCompilation.ParseOptions);
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            var coldMs = clock.Elapsed.TotalMilliseconds;
            var generated = driver.GetRunResult().GeneratedTrees.Length;
            if (generated != GeneratorProject.Workflows)
            {
                throw new InvalidOperationException($"The generator emitted {generated} files for {GeneratorProject.Workflows} workflows.");
            }

            clock.Restart();
            driver = driver.RunGenerators(once);
            var firstEditMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            driver.RunGenerators(twice);
            var secondEditMs = clock.Elapsed.TotalMilliseconds;

            GeneratorDriver baseline = CSharpGeneratorDriver.Create([new AttributeOnlyGenerator().AsSourceGenerator()], parseOptions: ProjectCompilation.ParseOptions);
            // The baseline gets compilations of its own: the ones above have bound their declarations already.
            var fresh = ProjectCompilation.Reparsed(compilation);
            var freshEdited = fresh.SyntaxTrees.First();
            var freshOnce = fresh.ReplaceSyntaxTree(freshEdited, freshEdited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 2))));
            clock.Restart();
            baseline = baseline.RunGenerators(fresh);
            var baselineColdMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            baseline.RunGenerators(freshOnce);
            var baselineEditMs = clock.Elapsed.TotalMilliseconds;

            if (repeat == 0)
            {
                report.Add($"{project}: cold run, first in the process (JIT)", Generator, "ms", Samples.Of(coldMs));
                report.Add($"{project}: incremental run after one edit, first in the process", Generator, "ms", Samples.Of(firstEditMs));
                continue;
            }

            cold.Add(coldMs);
            firstEdit.Add(firstEditMs);
            secondEdit.Add(secondEditMs);
            baselineCold.Add(baselineColdMs);
            baselineEdit.Add(baselineEditMs);
        }

        var coldSamples = report.Add($"{project}: cold run (new driver, new compilation)", Generator, "ms", new Samples(cold)).Values;
        var editSamples = report.Add($"{project}: incremental run after editing one workflow", Generator, "ms", new Samples(firstEdit)).Values;
        report.Add($"{project}: incremental run after a second edit", Generator, "ms", new Samples(secondEdit));
        var result = new GeneratorTimes(
            coldSamples,
            editSamples,
            report.Add($"{project}: cold run (new driver, new compilation)", Baseline, "ms", new Samples(baselineCold)).Values,
            report.Add($"{project}: incremental run after editing one workflow", Baseline, "ms", new Samples(baselineEdit)).Values);
        return result;
    }

    /// <summary>Both analyzers over a new compilation of the analyzers' project each run (binding included), as after a keystroke.</summary>
    public static async Task<Samples> AnalyzersAsync(Sizes sizes, Report report)
    {
        var project = $"{AnalyzerProject.Workflows} workflows and {AnalyzerProject.Helpers:N0} helpers, new compilation";
        var compilation = AnalyzerProject.Compile();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowShapeAnalyzer(), new WorkflowRulesAnalyzer());
        var times = new List<double>();
        for (var repeat = 0; repeat <= sizes.CompilerRepeats; repeat++)
        {
            var withAnalyzers = ProjectCompilation.Reparsed(compilation).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var clock = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var reported = result.GetAllDiagnostics();
            if (reported.Length != AnalyzerProject.ExpectedClockReads || reported.Any(d => d.Id != "SGD0010"))
            {
                throw new InvalidOperationException($"The analyzers reported {string.Join(", ", reported.GroupBy(d => d.Id).Select(g => $"{g.Key}x{g.Count()}"))}; expected SGD0010x{AnalyzerProject.ExpectedClockReads}.");
            }

            if (repeat == 0)
            {
                report.Add($"{project}: first run in the process (JIT)", Analyzers, "ms", Samples.Of(elapsed));
            }
            else
            {
                times.Add(elapsed);
            }
        }

        return report.Add($"{project}", Analyzers, "ms", new Samples(times)).Values;
    }
}
