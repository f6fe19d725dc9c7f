using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.Loader;
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
            var (coldMs, firstEditMs, secondEditMs) = Time(new WorkflowGenerator(), sources);

            GeneratorDriver baseline = CSharpGeneratorDriver.Create([new AttributeOnlyGenerator().AsSourceGenerator()], parseOptions: ProjectCompilation.ParseOptions);
            // The baseline gets compilations of its own: the generator's have bound their declarations already.
            var fresh = ProjectCompilation.Compile(sources);
            var freshEdited = fresh.SyntaxTrees.First();
            var freshOnce = fresh.ReplaceSyntaxTree(freshEdited, freshEdited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 2))));
            var clock = Stopwatch.StartNew();
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

    /// <summary>
    /// This build's generator against another build of it, in one process and in turns, so that both meet the same
    /// state of the machine: on this shared two-core machine a process's times drift by tens of percent, which
    /// separate processes would read as a difference between the builds. The other build
    /// (<paramref name="otherGenerator"/>, its SourceGenDurable.Generators.dll) is loaded into a load context of its own.
    /// Each repeat runs both, the order swapped every repeat, each on a project neither has seen; the ratios are of
    /// the repeat's pair, this build's time over the other's.
    /// </summary>
    public static async Task GeneratorsAgainstAsync(Sizes sizes, Report report, string otherGenerator)
    {
        var assembly = LoadOther(otherGenerator, "SourceGenDurable.Generators.dll");
        var other = (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType(typeof(WorkflowGenerator).FullName!, throwOnError: true)!)!;
        var (ours, theirs) = await InTurnsAsync(sizes, (oursNow, repeat) =>
            Task.FromResult(Time(oursNow ? new WorkflowGenerator() : other, GeneratorProject.Sources($"Perf{repeat}{(oursNow ? "Ours" : "Theirs")}"))));
        var project = $"{GeneratorProject.Workflows} workflows x 30 statements, in turns with {assembly.Location}";
        ReportPairs(report, $"{project}: cold run", "SourceGenDurable generator", ours.Select(t => t.Cold), theirs.Select(t => t.Cold));
        ReportPairs(report, $"{project}: incremental run after one edit", "SourceGenDurable generator", ours.Select(t => t.FirstEdit), theirs.Select(t => t.FirstEdit));
    }

    /// <summary>
    /// One generator over a new project: its cold run (a new driver and compilation), then an incremental run after
    /// editing the first workflow, then after a second edit.
    /// </summary>
    private static (double Cold, double FirstEdit, double SecondEdit) Time(IIncrementalGenerator generator, string[] sources)
    {
        var compilation = ProjectCompilation.Compile(sources);
        var edited = compilation.SyntaxTrees.First();
        var once = compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 2))));
        var twice = compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(SourceText.From(GeneratorProject.EditFirst(sources, 3))));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: ProjectCompilation.ParseOptions);
        var clock = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        var cold = clock.Elapsed.TotalMilliseconds;
        var result = driver.GetRunResult();
        if (result.GeneratedTrees.Length != GeneratorProject.Workflows || !result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The generator emitted {result.GeneratedTrees.Length} files for {GeneratorProject.Workflows} workflows, and {result.Diagnostics.Length} diagnostics.");
        }

        clock.Restart();
        driver = driver.RunGenerators(once);
        var firstEdit = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        driver.RunGenerators(twice);
        return (cold, firstEdit, clock.Elapsed.TotalMilliseconds);
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
            var elapsed = await TimeAsync(analyzers, compilation);
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

    /// <summary>
    /// This build's analyzers against another build of them (<paramref name="otherAnalyzers"/>, its
    /// SourceGenDurable.Analyzers.dll), in one process and in turns, as <see cref="GeneratorsAgainstAsync"/> does for the generator.
    /// </summary>
    public static async Task AnalyzersAgainstAsync(Sizes sizes, Report report, string otherAnalyzers)
    {
        var other = LoadOther(otherAnalyzers, "SourceGenDurable.Analyzers.dll");
        ImmutableArray<DiagnosticAnalyzer> Of(Type shape, Type rules) =>
            [(DiagnosticAnalyzer)Activator.CreateInstance(shape)!, (DiagnosticAnalyzer)Activator.CreateInstance(rules)!];
        var ours = Of(typeof(WorkflowShapeAnalyzer), typeof(WorkflowRulesAnalyzer));
        var theirs = Of(other.GetType(typeof(WorkflowShapeAnalyzer).FullName!, throwOnError: true)!, other.GetType(typeof(WorkflowRulesAnalyzer).FullName!, throwOnError: true)!);
        var compilation = AnalyzerProject.Compile();
        var (oursTimes, theirsTimes) = await InTurnsAsync(sizes, (oursNow, _) => TimeAsync(oursNow ? ours : theirs, compilation));
        var project = $"{AnalyzerProject.Workflows} workflows and {AnalyzerProject.Helpers:N0} helpers, new compilation, in turns with {other.Location}";
        ReportPairs(report, project, "SourceGenDurable analyzers", oursTimes, theirsTimes);
    }

    /// <summary>
    /// Runs this build (<c>run(true, repeat)</c>) and the other (<c>run(false, repeat)</c>) in turns, the order swapped
    /// every repeat; the first pair, where each build pays its JIT, is left out.
    /// </summary>
    private static async Task<(List<T> Ours, List<T> Theirs)> InTurnsAsync<T>(Sizes sizes, Func<bool, int, Task<T>> run)
    {
        var (ours, theirs) = (new List<T>(), new List<T>());
        for (var repeat = 0; repeat <= sizes.CompilerRepeats * 5; repeat++)
        {
            var oursFirst = repeat % 2 == 0;
            var first = await run(oursFirst, repeat);
            var second = await run(!oursFirst, repeat);
            if (repeat > 0)
            {
                ours.Add(oursFirst ? first : second);
                theirs.Add(oursFirst ? second : first);
            }
        }

        return (ours, theirs);
    }

    /// <summary>Each build's times, and each pair's ratio, this build's over the other's.</summary>
    private static void ReportPairs(Report report, string scenario, string system, IEnumerable<double> ours, IEnumerable<double> theirs)
    {
        var (mine, other) = (ours.ToList(), theirs.ToList());
        report.Add(scenario, $"{system} (this build)", "ms", new Samples(mine));
        report.Add(scenario, $"{system} (other build)", "ms", new Samples(other));
        report.Add($"{scenario}, each pair", "this build / other build", "ratio", new Samples(mine.Zip(other, (a, b) => a / b)));
    }

    /// <summary>Another build's assembly, in a load context of its own so that it sits beside this build's.</summary>
    private static System.Reflection.Assembly LoadOther(string path, string fileName)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"--against names no file: '{full}'. Give the {fileName} of the build to compare with (build it in a worktree of that commit).", full);
        }

        return new AssemblyLoadContext($"other build of {fileName}").LoadFromAssemblyPath(full);
    }

    /// <summary>The analyzers over a new compilation of the project (binding included), as after a keystroke; checks what they report.</summary>
    private static async Task<double> TimeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CSharpCompilation compilation)
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

        return elapsed;
    }
}
