using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Pipeline;
using SourceGenDurable.PerformanceProjects;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Tests;

/// <summary>Compiles test sources with the generator attached, the way a user's project with warnings as errors does.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = ProjectCompilation.ParseOptions;

    public static CSharpCompilation Compile(params string[] sources) => ProjectCompilation.Compile(sources);

    public static GeneratorDriver CreateDriver(bool trackSteps = false, WorkflowModelCache? models = null) => CSharpGeneratorDriver.Create(
        [new WorkflowGenerator(models ?? new WorkflowModelCache()).AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Runs the generator and returns the generated files, ordered by hint name. Fails when the generator reports a
    /// diagnostic or when the output does not compile without warnings.
    /// </summary>
    public static IReadOnlyList<(string HintName, string Text)> Generate(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(Compile(sources), out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        var generated = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.True(generated.Length > 0, "The generator emitted nothing: the analyzers reject the workflow.");
        return generated
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();
    }

    /// <summary>
    /// The one generated file of a workflow <c>Run(WorkflowContext ctx, int n)</c> returning an int, with
    /// <paramref name="body"/> as its body, beside two steps (<c>Load(int)</c> giving an int, <c>Name(int)</c> a string)
    /// and a helper that is no step (<c>Text(int)</c>, a string or null).
    /// </summary>
    public static string GenerateWorkflow(string body) => Generate(WorkflowSource(body)).Single().Text;

    /// <summary>The source <see cref="GenerateWorkflow"/> generates from: the workflow <c>Flows.Run</c> and its steps.</summary>
    public static string WorkflowSource(string body) => $$"""
        using SourceGenDurable;
        namespace App;
        public partial class Flows
        {
            [DurableWorkflow]
            public async Task<int> Run(WorkflowContext ctx, int n)
            {
        {{body}}
            }

            [DurableStep]
            private Task<int> Load(int n) => Task.FromResult(n * 2);

            [DurableStep]
            private Task<string> Name(int n) => Task.FromResult($"n{n}");

            private static string? Text(int n) => n > 1 ? "text" : null;
        }
        """;

    /// <summary>
    /// The workflow <see cref="WorkflowSource"/> makes of <paramref name="body"/>, bound, with a lowering context for it
    /// and nothing lowered yet: a test runs one pass of the lowering alone on it.
    /// </summary>
    public static (BlockSyntax Block, LoweringContext Context) Bound(string body)
    {
        var compilation = Compile(WorkflowSource(body));
        var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains("[DurableWorkflow]", StringComparison.Ordinal));
        var syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "Run");
        var model = compilation.GetSemanticModel(tree);
        var method = (IMethodSymbol)model.GetDeclaredSymbol(syntax)!;
        var shape = WorkflowShape.Analyze(method, syntax, model, CancellationToken.None);
        var workflow = WorkflowBinder.Bind(method, syntax, shape, CancellationToken.None);
        Assert.NotNull(workflow);

        var names = new LocalNames(workflow.Model, shape, workflow.Block, workflow.SlotFields);
        return (workflow.Block, new LoweringContext(workflow.Model, shape, workflow.SlotFields, names, workflow.ResultType, "Rebuild"));
    }

    /// <summary>That <paramref name="first"/> is written in <paramref name="generated"/>, and <paramref name="later"/> after it.</summary>
    public static void AssertWrittenBefore(string generated, string first, string later)
    {
        var at = generated.IndexOf(first, StringComparison.Ordinal);
        Assert.True(at >= 0 && generated.IndexOf(later, StringComparison.Ordinal) > at, generated);
    }
}
