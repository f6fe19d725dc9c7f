using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// Every analyzer over the workflows that are known to be right: the lowering corpus, the runtime tests' workflows and
/// the sample. Any diagnostic here is a false positive (or a real bug in that code, to fix there).
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>The implicit usings of the test and sample projects (ImplicitUsings=enable).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public Task The_lowering_corpus_and_the_runtime_tests_workflows_get_no_diagnostic() =>
        AssertNoDiagnosticAsync(
            "tests/SourceGenDurable.Tests/Corpus/*.cs",
            "tests/SourceGenDurable.Tests/Workflows/*.cs",
            "tests/SourceGenDurable.Tests/CrashHarness/CorpusAttributes.cs",
            "tests/SourceGenDurable.Tests/CrashHarness/StepLog.cs",
            "tests/SourceGenDurable.Tests/CrashHarness/SimulatedCrashException.cs");

    /// <summary>The sample is its own compilation: its workflow names may repeat the tests' (SGD0012 is per compilation).</summary>
    [Fact]
    public Task The_sample_gets_no_diagnostic() =>
        AssertNoDiagnosticAsync("samples/OrderProcessing/OrderWorkflows.cs", "samples/OrderProcessing/Services.cs");

    private async Task AssertNoDiagnosticAsync(params string[] patterns)
    {
        var root = RepositoryRoot();
        var files = patterns
            .SelectMany(p => Directory.GetFiles(Path.Combine(root, Path.GetDirectoryName(p)!), Path.GetFileName(p)))
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            Net100.References.All
                .Append(MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowShapeAnalyzer(), new WorkflowRulesAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var workflows = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()).OfType<AttributeSyntax>()
            .Count(a => a.Name.ToString().StartsWith("DurableWorkflow", StringComparison.Ordinal));
        output.WriteLine($"{files.Count} files, {workflows} workflows, {diagnostics.Length} diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.Empty(diagnostics);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
