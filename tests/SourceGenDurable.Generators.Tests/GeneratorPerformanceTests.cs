using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGenDurable.Generators.Parsing;
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
    private const int Workflows = 200;

    [Fact]
    public void Editing_one_of_200_workflows_changes_and_emits_only_that_one()
    {
        var sources = Enumerable.Range(0, Workflows).Select(Workflow).ToArray();
        var compilation = GeneratorHarness.Compile(sources);

        var models = new WorkflowModelCache();
        var cold = Stopwatch.StartNew();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, models).RunGenerators(compilation);
        cold.Stop();
        Assert.Equal(Workflows, driver.GetRunResult().GeneratedTrees.Length);

        var edited = compilation.SyntaxTrees.First();
        var changed = edited.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            sources[0].Replace("total += 1;", "total += 2;", StringComparison.Ordinal)));
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
            sources[0].Replace("total += 1;", "total += 3;", StringComparison.Ordinal)))));
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

    /// <summary>A workflow of 30 statements: loops, branches, a try block and ten checkpoints.</summary>
    private static string Workflow(int index)
    {
        var body = new StringBuilder();
        body.AppendLine("var total = seed;");
        for (var block = 0; block < 5; block++)
        {
            body.AppendLine($$"""
                for (var i{{block}} = 0; i{{block}} < 3; i{{block}}++)
                {
                    total += 1;
                    var v{{block}} = await ctx.Step("s{{block}}", ct => Task.FromResult(total));
                    if (v{{block}} > 100) break;
                }
                try
                {
                    total = await Add(total, {{block}});
                }
                catch (InvalidOperationException)
                {
                    total--;
                }
                """);
        }

        body.AppendLine("return total;");
        return $$"""
            using SourceGenDurable;
            namespace Perf;
            public partial class Workflow{{index}}
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int seed)
                {
            {{body}}
                }

                [DurableStep] private Task<int> Add(int a, int b) => Task.FromResult(a + b);
            }
            """;
    }

#pragma warning disable RS1036, RS1041 // a test-only generator, run in this process and never loaded by a compiler
    [Generator]
    private sealed class AttributeOnlyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "SourceGenDurable.DurableWorkflowAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntax, _) => syntax.TargetSymbol.ContainingType.Name);
            context.RegisterSourceOutput(names, static (output, name) => output.AddSource($"{name}.g.cs", $"// {name}"));
        }
    }
#pragma warning restore RS1036, RS1041
}
