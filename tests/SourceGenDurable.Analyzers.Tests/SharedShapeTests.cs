using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SourceGenDurable.PerformanceProjects;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// The analyzers that read a workflow's shape (the shape rules and SGD0008, and SGD0014 in an AOT project) share one
/// analysis of each workflow method per compilation.
/// </summary>
public sealed class SharedShapeTests
{
    [Fact]
    public async Task Each_workflow_is_analyzed_once_for_the_shape_rules_and_the_json_context_rule()
    {
        var compilation = AnalyzerProject.Compile();
        var seen = new CompilationSeen();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowShapeAnalyzer(), new JsonContextAnalyzer(), seen);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new PublishAot()), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // SGD0014 ran: the project registers no JSON context, and its workflows keep an int across checkpoints only.
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != "SGD0014");
        var shapes = WorkflowShapes.Of(seen.Compilation!);
        Assert.Equal(2 * AnalyzerProject.Workflows, shapes.Reads);
        Assert.Equal(AnalyzerProject.Workflows, shapes.Analyses);
    }

    [Fact]
    public void A_cancelled_analysis_is_not_kept_for_the_next_analyzer()
    {
        var compilation = AnalyzerProject.Compile();
        var syntax = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()).First(m => m.AttributeLists.Count > 0);
        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        var method = model.GetDeclaredSymbol(syntax)!;
        var shapes = WorkflowShapes.Of(compilation);

        Assert.ThrowsAny<OperationCanceledException>(() => shapes.Get(method, syntax, model, new CancellationToken(canceled: true)));
        var shape = shapes.Get(method, syntax, model, CancellationToken.None);

        Assert.False(shape.Checkpoints.IsEmpty);
        Assert.Equal(2, shapes.Analyses);
    }

    /// <summary>Records the compilation the analyzers see, which the analysis driver makes from the one it is given.</summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026 // a test probe, not a shipped analyzer
    private sealed class CompilationSeen : DiagnosticAnalyzer
    {
        public Compilation? Compilation { get; private set; }

        // An analyzer that can report nothing is not run.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("PROBE01", "Probe", "Probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context) => context.RegisterCompilationStartAction(start => Compilation = start.Compilation);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026

    /// <summary>The options of a project that publishes with Native AOT, as the package makes them visible to analyzers.</summary>
    private sealed class PublishAot : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(("build_property.PublishAot", "true"));
        private static readonly Options None = new();

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(params (string Key, string Value)[] values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = values.FirstOrDefault(v => v.Key == key).Value;
                return value is not null;
            }
        }
    }
}
