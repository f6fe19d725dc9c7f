using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// What a debugger reads: the portable PDB of a workflow compiled with the generator. The generated state machine's
/// sequence points must name the user's file, at the lines of the statements it copied, so a breakpoint there binds
/// and stepping goes from one of the user's lines to the next; everything else in it is hidden.
/// </summary>
public sealed class SequencePointTests
{
    /// <summary>Every line that ends with this comment holds a statement the debugger stops at; no other line does.</summary>
    private const string Stop = "// stop";

    [Fact]
    public void The_state_machine_maps_a_loop_a_try_catch_finally_with_awaits_and_an_await_inside_an_expression_to_the_users_lines()
    {
        const string path = "/src/My Workflows/Orders.cs";
        var source = """
            using SourceGenDurable;
            namespace Debugging;
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> Process(WorkflowContext ctx, int count)
                {
                    var total = 0; // stop
                    for (var i = 0; i < count; i++) // stop
                    {
                        var price = await Price(i); // stop
                        if (price > 100) break; // stop
                        total += price; // stop
                    }

                    try
                    {
                        total += await Price(total) * 2; // stop
                    }
                    catch (InvalidOperationException e) when (e.Message != "skip") // stop
                    {
                        await ctx.Step("compensate", ct => Task.FromResult(total)); // stop
                        total = -1; // stop
                    }
                    finally
                    {
                        await ctx.Step("audit", ct => Task.FromResult(total)); // stop
                    }

                    var label = total switch // stop
                    {
                        > 10 => "large", // stop
                        _ => "small", // stop
                    };
                    return label.Length + total; // stop
                }

                [DurableStep] private Task<int> Price(int item) => Task.FromResult(item * 3);
            }
            """;

        var stateMachine = CompileWithPdb(source, path).MethodsOf("<__Process_Resume>").Single();

        AssertMapsTo(LinesWith(source, Stop), path, stateMachine);
        Assert.Contains(stateMachine, p => p.IsHidden);
    }

    [Fact]
    public void Switch_statements_do_loops_foreach_loops_and_short_circuit_awaits_map_to_the_users_lines()
    {
        const string path = "/src/Flow.cs";
        var source = """
            using SourceGenDurable;
            namespace Debugging;
            public partial class Flow
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int n)
                {
                    var total = 0; // stop
                    foreach (var item in new[] { 1, 2, 3 }) // stop
                    {
                        total += await Twice(item); // stop
                    }

                    do
                    {
                        total = await Twice(total); // stop
                    }
                    while (total < 100); // stop

                    switch (n) // stop
                    {
                        case 1:
                            total += await Twice(1); // stop
                            break; // stop
                        default:
                            total = n > 5 ? await Twice(n) : n; // stop
                            break; // stop
                    }

                    var ok = total > 0 && await Twice(total) > 0; // stop
                    return ok ? total : 0; // stop
                }

                [DurableStep] private Task<int> Twice(int value) => Task.FromResult(value * 2);
            }
            """;

        AssertMapsTo(LinesWith(source, Stop), path, CompileWithPdb(source, path).MethodsOf("<__Run_Resume>").Single());
    }

    [Fact]
    public void Step_lambdas_spread_over_lines_and_an_expression_bodied_workflow_keep_the_users_lines_and_a_path_is_written_as_it_is()
    {
        // A #line file name has no escapes: a backslash in the path must reach the PDB as one backslash.
        const string path = @"C:\src\Lambdas.cs";
        var source = """
            using SourceGenDurable;
            namespace Debugging;
            public partial class Lambdas
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int n)
                {
                    var value = await ctx.Step("load", async ct => // stop
                    { // lambda
                        await Task.Yield(); // lambda
                        return n + 1; // lambda
                    }); // lambda
                    var other = await ctx.Step( // stop
                        "other",
                        async ct =>
                        { // lambda
                            await Task.Yield(); // lambda
                            return value * 2; // lambda
                        }); // lambda
                    return value + other; // stop
                }

                [DurableWorkflow]
                public async Task<int> Short(WorkflowContext ctx, int n) =>
                    await ctx.Step("short", ct => Task.FromResult(n)); // stop-short
            }
            """;

        var pdb = CompileWithPdb(source, path);

        AssertMapsTo(LinesWith(source, Stop), path, pdb.MethodsOf("<__Run_Resume>").Single());

        // A step's lambda is a method of its own; its lines are the lambda's lines in the user's file, also when the
        // step's arguments start on lines of their own.
        var lambdas = pdb.Methods.Where(m => m.Any(p => !p.IsHidden && p.Document == path && LinesWith(source, "// lambda").Contains(p.Line))).ToList();
        Assert.NotEmpty(lambdas);
        AssertMapsTo(LinesWith(source, "// lambda"), path, lambdas.SelectMany(m => m).ToList());

        AssertMapsTo(LinesWith(source, "// stop-short"), path, pdb.MethodsOf("<__Short_Resume>").Single());
    }

    [Fact]
    public void Later_lines_of_a_statement_keep_the_users_columns_so_lambdas_and_fan_out_branches_there_start_where_the_user_wrote_them()
    {
        const string path = "/src/Columns.cs";
        var source = """
            using SourceGenDurable;
            namespace Debugging;
            public partial class Columns
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int[] items)
                {
                    var value = await ctx.Step(
                        "load",
                        async ct =>
                        {
                            await Task.Yield();
                            return items.Length;
                        });
                    var sums = await ctx.WhenAll(
                        items.Select(item =>
                            Twice(item)));
                    var more = await ctx.WhenAll(items
                        .Where(i => i > 0)
                        .Select(i => Twice(i)));
                    var both = await ctx.WhenAny(
                        Twice(1),
                        Twice(value));
                    if (value > 10)
                        value -= 1;
                    try
                    {
                        value = checked(value *
                            2);
                    }
                    catch (OverflowException)
                    {
                        if (value > 0)
                            value = 0;
                    }

                    return sums.Length + more.Length + both.Index + value;
                }

                [DurableStep] private Task<int> Twice(int number) => Task.FromResult(number * 2);
            }
            """;

        var pdb = CompileWithPdb(source, path);

        // The user's own method is compiled too; every place it stops, apart from its braces, the generated one must
        // stop at the same line and column.
        var own = pdb.Points(m => m.Contains("<Run>", StringComparison.Ordinal)).Where(p => !p.IsHidden && p.Document == path).ToList();
        var braces = own.Where(p => source.Split('\n')[p.Line - 1].Trim() is "{" or "}" && p.StartColumn == 5);
        var generated = pdb.Points(m => m.Contains("__Run_Resume", StringComparison.Ordinal)).Where(p => !p.IsHidden && p.Document == path)
            .Select(p => (p.Line, p.StartColumn)).ToHashSet();
        var starts = own.Except(braces).Select(p => (p.Line, p.StartColumn)).ToList();

        Assert.Contains(starts, s => s.Line > 8 && s.StartColumn > 13);
        Assert.All(starts, start => Assert.Contains(start, generated));
    }

    /// <summary>Every sequence point that is not hidden names the user's file, and together they cover exactly <paramref name="lines"/>.</summary>
    private static void AssertMapsTo(List<int> lines, string path, List<Point> points)
    {
        Assert.Equal(lines.ToHashSet(), points.Where(p => !p.IsHidden && p.Document == path).Select(p => p.Line).ToHashSet());
        Assert.DoesNotContain(points, p => !p.IsHidden && p.Document != path);
    }

    private static List<int> LinesWith(string source, string marker) => source.Split('\n')
        .Select((line, index) => (Line: line.TrimEnd('\r'), Number: index + 1))
        .Where(l => l.Line.EndsWith(marker, StringComparison.Ordinal))
        .Select(l => l.Number)
        .ToList();

    /// <summary>
    /// Compiles <paramref name="source"/>, at <paramref name="path"/>, with the generator, and reads the sequence points
    /// of every method from the portable PDB.
    /// </summary>
    private static Pdb CompileWithPdb(string source, string path)
    {
        var compilation = GeneratorHarness.Compile(source);
        var trees = compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(
            SourceText.From(t.ToString(), Encoding.UTF8), GeneratorHarness.ParseOptions, t.FilePath == "Workflow0.cs" ? path : t.FilePath));
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees)
            .WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Debug));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);

        using var pe = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var result = output.Emit(pe, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        pe.Position = 0;
        pdbStream.Position = 0;
        using var peReader = new PEReader(pe);
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var metadata = peReader.GetMetadataReader();
        var debug = pdbProvider.GetMetadataReader();
        var methods = new List<(string Type, string Method, List<Point> Points)>();
        foreach (var handle in metadata.MethodDefinitions)
        {
            var method = metadata.GetMethodDefinition(handle);
            var type = metadata.GetString(metadata.GetTypeDefinition(method.GetDeclaringType()).Name);
            var points = debug.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints()
                .Select(p => new Point(p.IsHidden, p.IsHidden ? 0 : p.StartLine, p.Document.IsNil ? "" : debug.GetString(debug.GetDocument(p.Document).Name))
                {
                    StartColumn = p.IsHidden ? 0 : p.StartColumn,
                    EndLine = p.IsHidden ? 0 : p.EndLine,
                    EndColumn = p.IsHidden ? 0 : p.EndColumn,
                })
                .ToList();
            methods.Add((type, metadata.GetString(method.Name), points));
        }

        return new Pdb(methods);
    }

    private sealed record Point(bool IsHidden, int Line, string Document)
    {
        public int StartColumn { get; init; }
        public int EndLine { get; init; }
        public int EndColumn { get; init; }
    }

    private sealed class Pdb(List<(string Type, string Method, List<Point> Points)> methods)
    {
        public IEnumerable<List<Point>> Methods => methods.Select(m => m.Points);

        /// <summary>The sequence points of the methods whose type or name is accepted by <paramref name="name"/>.</summary>
        public IEnumerable<Point> Points(Func<string, bool> name) =>
            methods.Where(m => name(m.Type) || name(m.Method)).SelectMany(m => m.Points);

        /// <summary>The methods of the type whose name starts with <paramref name="prefix"/>: an async method's state machine.</summary>
        public IEnumerable<List<Point>> MethodsOf(string prefix) =>
            methods.Where(m => m.Type.StartsWith(prefix, StringComparison.Ordinal) && m.Points.Count > 0).Select(m => m.Points);
    }
}
