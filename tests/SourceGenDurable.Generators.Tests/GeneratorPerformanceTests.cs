using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGenDurable.Generators.Pipeline;
using SourceGenDurable.PerformanceProjects;
using Xunit.Abstractions;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// The generator runs in the IDE on every keystroke. 200 workflows of 30 statements each: the times of a cold run and
/// of an incremental run after editing one workflow are reported next to a baseline generator measured in the same
/// run (tests assert no time: the machines are shared). Only the edited workflow may be lowered again, and only its
/// file emitted again: ForAttributeWithMetadataName runs the transform for every workflow on a new compilation, and
/// the <see cref="WorkflowModelCache"/> answers it for the unchanged ones.
/// </summary>
public sealed class GeneratorPerformanceTests(ITestOutputHelper output)
{
    private const int Workflows = GeneratorProject.Workflows;

    [Fact]
    public void Editing_one_of_200_workflows_changes_and_emits_only_that_one()
    {
        var sources = GeneratorProject.Sources();
        var compilation = GeneratorHarness.Compile(sources);

        var models = new WorkflowModelCache();
        var cold = Stopwatch.StartNew();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, models).RunGenerators(compilation);
        cold.Stop();
        Assert.Equal(Workflows, driver.GetRunResult().GeneratedTrees.Length);

        var edited = compilation.SyntaxTrees.First();
        var changed = edited.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            GeneratorProject.EditFirst(sources, 2)));
        var incremental = Stopwatch.StartNew();
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(edited, changed)).GetRunResult().Results.Single();
        incremental.Stop();

        var reasons = result.TrackedSteps[WorkflowGenerator.TrackingNames.LowerableWorkflows].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(Workflows, reasons.Count);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(Workflows - 1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Equal(Workflows + 1, models.Lowerings);
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(1, emitted);

        // A second edit: the first incremental run still pays one-time costs (JIT, the new compilation's declarations).
        var again = Stopwatch.StartNew();
        driver.RunGenerators(compilation.ReplaceSyntaxTree(edited, edited.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            GeneratorProject.EditFirst(sources, 3)))));
        again.Stop();
        Assert.Equal(Workflows + 2, models.Lowerings);

        // Baseline in the same run: a generator that only finds the same attributes, so the numbers above can be read
        // against what any attribute-driven generator pays on this compilation.
        GeneratorDriver baselineDriver = CSharpGeneratorDriver.Create([new AttributeOnlyGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        var baselineCold = Stopwatch.StartNew();
        baselineDriver = baselineDriver.RunGenerators(compilation);
        baselineCold.Stop();
        var baselineIncremental = Stopwatch.StartNew();
        baselineDriver.RunGenerators(compilation.ReplaceSyntaxTree(edited, changed));
        baselineIncremental.Stop();

        var parsed = result.TrackedSteps[WorkflowGenerator.TrackingNames.Workflows].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Modified));
        output.WriteLine("parsed models: " + string.Join(", ", parsed.GroupBy(r => r).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine(
            $"{Workflows} workflows x 30 statements: cold run {cold.Elapsed.TotalMilliseconds:0} ms, " +
            $"incremental run after one edit {incremental.Elapsed.TotalMilliseconds:0} ms, after another edit {again.Elapsed.TotalMilliseconds:0} ms; " +
            $"baseline generator that only finds the attributes: cold {baselineCold.Elapsed.TotalMilliseconds:0} ms, incremental {baselineIncremental.Elapsed.TotalMilliseconds:0} ms");
    }
}
