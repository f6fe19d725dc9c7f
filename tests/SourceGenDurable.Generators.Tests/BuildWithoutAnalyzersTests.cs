using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.Generators.Pipeline;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// A build can skip the analyzers (<c>RunAnalyzers=false</c>, often set to speed up CI) while source generators still
/// run. A workflow the generator cannot lower must then still fail the build with the analyzers' error, at the same
/// place, instead of silently leaving the build; with the analyzers running, the generator says nothing, so no error
/// is reported twice.
/// </summary>
public sealed class BuildWithoutAnalyzersTests
{
    // The delegate lives across the checkpoint (SGD0106); the class is not partial either (SGD0101).
    private const string Unlowerable = """
        using SourceGenDurable;
        namespace App;
        public class Orders
        {
            [DurableWorkflow]
            public async Task<int> Process(WorkflowContext ctx, int n)
            {
                Func<int, int> twice = v => v * 2;
                await ctx.Step("a", ct => Task.FromResult(n));
                return twice(n);
            }

            [DurableWorkflow]
            public async Task<int> Fine(WorkflowContext ctx, int n) => await ctx.Step("b", ct => Task.FromResult(n));
        }

        public partial class Shipping
        {
            [DurableWorkflow]
            public async Task<int> Ship(WorkflowContext ctx, int n) => await ctx.Step("c", ct => Task.FromResult(n + 1));
        }
        """;

    [Fact]
    public void With_RunAnalyzers_false_the_generator_reports_the_shape_errors_where_the_analyzers_would()
    {
        var (diagnostics, generated) = Run(Unlowerable, ("RunAnalyzers", "false"));

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ThenBy(d => d.Id),
            d => AssertError(d, "SGD0101", 6, 28, "Workflow 'Process' is declared in 'Orders', which is not partial: add the 'partial' modifier so the generator can add the workflow's state machine to it"),
            d => AssertError(d, "SGD0106", 8, 24, "Workflow 'Process' cannot be generated: 'twice' of type 'System.Func<int, int>' lives across a checkpoint, but delegates cannot be checkpointed"),
            d => AssertError(d, "SGD0101", 14, 28, "Workflow 'Fine' is declared in 'Orders', which is not partial: add the 'partial' modifier so the generator can add the workflow's state machine to it"));
        Assert.Equal(["App.Shipping.Ship.g.cs"], generated.Where(s => s.EndsWith(".Ship.g.cs", StringComparison.Ordinal)));
        Assert.DoesNotContain(generated, s => s.Contains("Orders", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("true", null, null)]
    [InlineData("", null, null)]
    // RunAnalyzers set wins over RunAnalyzersDuringBuild, as in the compiler's targets.
    [InlineData("true", "false", null)]
    // RunAnalyzersDuringBuild=false keeps the IDE's live analysis, which its design-time builds serve.
    [InlineData(null, "false", "true")]
    public void While_the_analyzers_run_the_generator_reports_nothing(string? runAnalyzers, string? duringBuild, string? designTime)
    {
        var (diagnostics, generated) = Run(Unlowerable, ("RunAnalyzers", runAnalyzers), ("RunAnalyzersDuringBuild", duringBuild), ("DesignTimeBuild", designTime));

        Assert.Empty(diagnostics);
        Assert.Contains(generated, s => s.EndsWith(".Ship.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void With_RunAnalyzersDuringBuild_false_a_command_line_build_gets_the_errors(string? designTime)
    {
        var (diagnostics, _) = Run(Unlowerable, ("RunAnalyzersDuringBuild", "FALSE "), ("DesignTimeBuild", designTime));

        Assert.Equal(["SGD0101", "SGD0101", "SGD0106"], diagnostics.Select(d => d.Id).Order());
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("true", "true", true)]
    [InlineData("true", null, false)]
    [InlineData(null, "false", false)]
    public void Visual_Studio_builds_for_Run_Tests_and_Start_Debugging_get_the_errors_when_they_skip_the_analyzers(
        string? warningsAsErrors, string? optimize, bool skipped)
    {
        var (diagnostics, _) = Run(
            Unlowerable,
            ("IsImplicitlyTriggeredBuild", "true"),
            ("UsingMicrosoftNETSdk", "true"),
            ("TreatWarningsAsErrors", warningsAsErrors),
            ("OptimizeImplicitlyTriggeredBuild", optimize));

        Assert.Equal(skipped ? 3 : 0, diagnostics.Length);
    }

    [Fact]
    public void The_errors_fail_the_build_and_an_edit_elsewhere_reuses_them()
    {
        var compilation = GeneratorHarness.Compile(Unlowerable);
        var driver = CreateDriver(("RunAnalyzers", "false")).RunGeneratorsAndUpdateCompilation(compilation, out _, out var first);
        Assert.Contains(first, d => d.Id == "SGD0106" && d.Severity == DiagnosticSeverity.Error);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public sealed class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(first.Select(d => d.ToString()).Order(), result.Diagnostics.Select(d => d.ToString()).Order());
        Assert.All(
            result.TrackedSteps[WorkflowGenerator.TrackingNames.Workflows].SelectMany(s => s.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
    }

    private static void AssertError(Diagnostic diagnostic, string id, int line, int column, string message)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((id, DiagnosticSeverity.Error, line, column, message), (diagnostic.Id, diagnostic.Severity, start.Line + 1, start.Character + 1, diagnostic.GetMessage()));
        Assert.Equal($"https://github.com/sourcegendurable/sourcegendurable/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Generated) Run(string source, params (string Property, string? Value)[] properties)
    {
        var result = CreateDriver(properties).RunGenerators(GeneratorHarness.Compile(source)).GetRunResult().Results.Single();
        return (result.Diagnostics, result.GeneratedSources.Select(s => s.HintName).ToList());
    }

    private static GeneratorDriver CreateDriver(params (string Property, string? Value)[] properties) => CSharpGeneratorDriver.Create(
        [new WorkflowGenerator(new WorkflowModelCache()).AsSourceGenerator()],
        parseOptions: GeneratorHarness.ParseOptions,
        optionsProvider: new BuildProperties(properties.Where(p => p.Value is not null).ToDictionary(p => $"build_property.{p.Property}", p => p.Value!)),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The MSBuild properties a project makes visible to the compiler, as its generated .editorconfig passes them.</summary>
    private sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new([]);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
