using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over C# source written against the real SourceGenDurable runtime (see
/// <see cref="TestSetup"/>) and compares what it reports with the markup in the source (<c>{|SGD0101:Name|}</c> or
/// <c>{|#0:Name|}</c>) and the expected diagnostics.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = new TAnalyzer().SupportedDiagnostics;

    /// <summary>
    /// An expected diagnostic with the analyzer's descriptor for <paramref name="id"/>, so that
    /// <see cref="DiagnosticResult.WithArguments"/> checks the formatted message too.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.Single(d => d.Id == id));

    /// <summary>Fails unless the analyzer reports exactly the markup in <paramref name="source"/> and <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        TestSetup.Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
