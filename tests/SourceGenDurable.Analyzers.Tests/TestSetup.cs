using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace SourceGenDurable.Analyzers.Tests;

/// <summary>
/// What every analyzer and code-fix test compiles against: the real SourceGenDurable runtime, the .NET 10 reference
/// assemblies, the usings the sources leave out, C# latest with nullable reference types.
/// </summary>
/// <remarks>
/// The framework comes from Basic.Reference.Assemblies.Net100, which ships the reference assemblies inside the
/// package, so nothing is downloaded at test time. <see cref="ReferenceAssemblies"/> is set to a set with no
/// reference-assembly package and no packages, which the testing library resolves to no references without
/// asking NuGet for anything (its own default, like <c>ReferenceAssemblies.Net.Net90</c>, would download a
/// reference pack).
/// </remarks>
internal static class TestSetup
{
    /// <summary>Usings every test source gets, as a second document, so the sources show only the workflow.</summary>
    public const string GlobalUsings = SourceGenDurable.PerformanceProjects.ProjectCompilation.GlobalUsings;

    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        // An empty, package-less set: resolving it needs no network (see the remarks on the class).
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location));
        test.TestState.Sources.Add(("GlobalUsings.cs", GlobalUsings));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }
}
