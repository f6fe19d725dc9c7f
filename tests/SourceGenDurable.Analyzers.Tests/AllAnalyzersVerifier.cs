using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// Runs the shape analyzer and the rules analyzer together, as a build does, so a test can show that the diagnostics
/// of one do not hide the other's (see <see cref="AnalyzerVerifier{TAnalyzer}"/> for the markup).
/// </summary>
internal static class AllAnalyzersVerifier
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors =
        new WorkflowShapeAnalyzer().SupportedDiagnostics.AddRange(new WorkflowRulesAnalyzer().SupportedDiagnostics);

    /// <inheritdoc cref="AnalyzerVerifier{TAnalyzer}.Diagnostic"/>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.Single(d => d.Id == id));

    /// <inheritdoc cref="AnalyzerVerifier{TAnalyzer}.VerifyAsync"/>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        TestSetup.Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpAnalyzerTest<WorkflowShapeAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new WorkflowShapeAnalyzer(), new WorkflowRulesAnalyzer()];
    }
}
