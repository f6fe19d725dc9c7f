using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over <c>source</c>, checks its markup as <see cref="AnalyzerVerifier{TAnalyzer}"/>
/// does, applies every fix <typeparamref name="TCodeFix"/> offers and compares the result with <c>fixedSource</c>.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        TestSetup.Configure(test);
        test.FixedState.Sources.Add(("GlobalUsings.cs", TestSetup.GlobalUsings));
        return test.RunAsync(CancellationToken.None);
    }
}
