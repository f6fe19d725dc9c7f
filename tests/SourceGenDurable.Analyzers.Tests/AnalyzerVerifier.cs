using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over C# source written against the real SourceGenDurable runtime and
/// compares what it reports with the markup in the source (<c>{|SGD0101:Name|}</c> or <c>{|#0:Name|}</c>) and
/// the expected diagnostics.
/// </summary>
/// <remarks>
/// The framework comes from Basic.Reference.Assemblies.Net100, which ships the reference assemblies inside the
/// package, so nothing is downloaded at test time. <see cref="ReferenceAssemblies"/> is set to a set with no
/// reference-assembly package and no packages, which the testing library resolves to no references without
/// asking NuGet for anything (its own default, like <c>ReferenceAssemblies.Net.Net90</c>, would download a
/// reference pack).
/// </remarks>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Usings every test source gets, as a second document, so the sources show only the workflow.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using SourceGenDurable;
        """;

    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = new TAnalyzer().SupportedDiagnostics;

    /// <summary>
    /// An expected diagnostic with the analyzer's descriptor for <paramref name="id"/>, so that
    /// <see cref="DiagnosticResult.WithArguments"/> checks the formatted message too.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.Single(d => d.Id == id));

    /// <summary>Fails unless the analyzer reports exactly the markup in <paramref name="source"/> and <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.Sources.Add(("GlobalUsings.cs", GlobalUsings));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            // An empty, package-less set: resolving it needs no network (see the remarks on the class).
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Net100.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location));
        }

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
    }
}
