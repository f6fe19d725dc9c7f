// Compiled into SourceGenDurable.Generators.Tests, SourceGenDurable.Analyzers.Tests and SourceGenDurable.Benchmarks
// (each project includes this file with <Compile Include=... Link=...>): the generated projects that the generator's
// and the analyzers' performance tests time, and that the benchmark suite times again with repeats. One definition,
// so that the suite and the tests measure the same code.
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SourceGenDurable.PerformanceProjects;

/// <summary>Parse options, references and usings the generated projects compile with.</summary>
internal static class ProjectCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>What the SDK's implicit usings give a console project.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The implicit usings plus the runtime's namespace, for sources that show only the workflow.</summary>
    public const string GlobalUsings = ImplicitUsings + "\n" + "global using SourceGenDurable;";

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location),
    ];

    /// <summary>
    /// A user's project with warnings as errors and nullable reference types, with the implicit usings as a last file
    /// (the sources are Workflow0.cs, Workflow1.cs, ...). What the generator tests compile.
    /// </summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, string assemblyName = "TestWorkflows") => CSharpCompilation.Create(
        assemblyName,
        sources.Append(ImplicitUsings).Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Workflow{i}.cs")),
        References,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>A new compilation of the same texts, parsed again: nothing is cached across compilations, as after a keystroke.</summary>
    public static CSharpCompilation Reparsed(CSharpCompilation compilation) => compilation
        .RemoveAllSyntaxTrees()
        .AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));
}

/// <summary>
/// The generator's project (from the lowering issue): 200 workflows of 30 statements each, one per file, with loops,
/// branches, a try block and ten checkpoints. The edit changes one statement inside the first workflow's body.
/// </summary>
internal static class GeneratorProject
{
    public const int Workflows = 200;

    /// <summary>
    /// The sources of the project. The generator the compiler loads keeps a process-wide cache of models keyed by the
    /// method's documentation id and text: a different <paramref name="ns"/> gives a project it has not seen, for a
    /// cold run in a process that ran the generator before.
    /// </summary>
    public static string[] Sources(string ns = "Perf") => Enumerable.Range(0, Workflows).Select(i => Workflow(i, ns)).ToArray();

    /// <summary>The first workflow with its <c>total += 1;</c> statements changed to <c>total += <paramref name="increment"/>;</c>.</summary>
    public static string EditFirst(string[] sources, int increment) =>
        sources[0].Replace("total += 1;", $"total += {increment};", StringComparison.Ordinal);

    /// <summary>A workflow of 30 statements: loops, branches, a try block and ten checkpoints.</summary>
    public static string Workflow(int index, string ns = "Perf")
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
            namespace {{ns}};
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
}

#pragma warning disable RS1036, RS1038, RS1041 // a generator run in this process only, never loaded by a compiler
/// <summary>
/// The baseline the generator's times are read against: a generator that only finds the same attributes and emits
/// a comment per type, so that what any attribute-driven generator pays on the project can be told apart.
/// </summary>
[Generator]
internal sealed class AttributeOnlyGenerator : IIncrementalGenerator
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
#pragma warning restore RS1036, RS1038, RS1041

/// <summary>
/// The analyzers' project (from the analyzer issue): 200 workflows and 1,000 helper methods that the workflows call,
/// in chains ten deep, some ending in a clock read and some looping back.
/// </summary>
internal static class AnalyzerProject
{
    public const int Workflows = 200;
    public const int Helpers = 1_000;
    public const int ChainLength = 10;

    /// <summary>Every fifth chain starts a clock read ten calls away; every workflow calls two chain starts.</summary>
    public const int ExpectedClockReads = Workflows * 2 / 5;

    /// <summary>The project as the analyzer tests compile it: the global usings, the helpers, the workflows.</summary>
    public static CSharpCompilation Compile() => CSharpCompilation.Create(
        "Generated",
        new[] { ProjectCompilation.GlobalUsings, HelperSource(), WorkflowSource() }.Select(s => CSharpSyntaxTree.ParseText(s, ProjectCompilation.ParseOptions)),
        Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(WorkflowContext).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// Chains of <see cref="ChainLength"/> helpers: H(i) calls H(i + 1). The last of chain c reads the clock when c is a
    /// multiple of 5, and calls back to its chain's first helper otherwise (a cycle).
    /// </summary>
    public static string HelperSource()
    {
        var source = new StringBuilder("public static class Helpers\n{\n");
        for (var i = 0; i < Helpers; i++)
        {
            var chain = i / ChainLength;
            var next = i % ChainLength < ChainLength - 1 ? $"H{i + 1}(n - 1)"
                : chain % 5 == 0 ? "DateTime.UtcNow.Second"
                : $"H{chain * ChainLength}(n - 1)";
            source.Append($"    public static int H{i}(int n) => n <= 0 ? {i} : {next} + n;\n");
        }

        return source.Append("}\n").ToString();
    }

    /// <summary>Twenty classes of ten workflows; workflow w calls the first helpers of chains 2w and 2w + 1 (mod 100) between steps.</summary>
    public static string WorkflowSource()
    {
        var chains = Helpers / ChainLength;
        var source = new StringBuilder();
        for (var w = 0; w < Workflows; w++)
        {
            if (w % 10 == 0)
            {
                source.Append($"public partial class Workflows{w / 10}\n{{\n");
            }

            source.Append($$"""
                    [DurableWorkflow]
                    public async Task<int> Run{{w}}(WorkflowContext ctx, int input)
                    {
                        var first = await ctx.Step("first", ct => Task.FromResult(input + 1));
                        var a = Helpers.H{{(2 * w % chains) * ChainLength}}(first);
                        var second = await Double(a);
                        var b = Helpers.H{{((2 * w) + 1) % chains * ChainLength}}(second);
                        var list = new List<int> { first, second, a, b };
                        for (var i = 0; i < list.Count; i++)
                        {
                            list[i] = await Double(list[i]);
                        }

                        return await ctx.Step("sum", ct => Task.FromResult(list.Sum() + ctx.UtcNow.Second));
                    }

                """);
            if (w % 10 == 9)
            {
                source.Append("    [DurableStep]\n    private Task<int> Double(int v) => Task.FromResult(v * 2);\n}\n");
            }
        }

        return source.ToString();
    }
}
