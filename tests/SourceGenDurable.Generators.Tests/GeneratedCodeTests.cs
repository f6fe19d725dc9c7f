using Microsoft.CodeAnalysis;

namespace SourceGenDurable.Generators.Tests;

/// <summary>Generated code compiles wherever the workflow does, and the generator stays silent where it cannot lower.</summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Code_between_checkpoints_keeps_the_usings_and_aliases_it_was_written_with()
    {
        var files = GeneratorHarness.Generate("""
            using System.Text;
            using SourceGenDurable;
            using Json = System.Text.Json.JsonSerializer;

            namespace App
            {
                using static System.Math;

                public partial class Reports
                {
                    [DurableWorkflow]
                    public async Task<string> Build(WorkflowContext ctx, int rows)
                    {
                        var text = new StringBuilder().Append(Max(rows, 1)).ToString();
                        var saved = await ctx.Step("save", ct => Task.FromResult(Json.Serialize(text)));
                        return saved;
                    }
                }
            }
            """);

        Assert.Contains("using static System.Math;", files.Single().Text);
    }

    [Theory]
    [InlineData("/src/Orders.cs", "\n")]
    [InlineData("/src/Orders.cs", "\r\n")]
    [InlineData("/src/Say \"hi\".cs", "\n")] // a path no #line directive can name: nothing is mapped
    public void A_verbatim_or_raw_string_spanning_lines_keeps_its_text_beside_durable_awaits(string path, string lineBreak)
    {
        var verbatim = string.Join(lineBreak, "@\"first", "    second \"", "");
        var raw = string.Join(lineBreak, "\"\"\"", "            raw", "              indented", "        \"\"\"");
        var source = string.Join(lineBreak, """
            using SourceGenDurable;
            namespace App;
            public partial class Texts
            {
                [DurableWorkflow]
                public async Task<string> Build(WorkflowContext ctx, int n)
                {
                    var a = VERBATIM + await Twice(n) + @"
              third";
                    var b = n > 0 && RAW.Length == await Twice(n);
                    return a + b;
                }

                [DurableStep] private Task<int> Twice(int value) => Task.FromResult(value * 2);
            }
            """.Split('\n')).Replace("VERBATIM", verbatim.TrimEnd('\r', '\n'), StringComparison.Ordinal).Replace("RAW", raw, StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compile(source);
        compilation = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == "Workflow0.cs"),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path));

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("App.Texts.Build.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(verbatim.TrimEnd('\r', '\n'), generated, StringComparison.Ordinal);
        Assert.Contains(string.Join(lineBreak, "@\"", "  third\""), generated, StringComparison.Ordinal);
        Assert.Contains(raw, generated, StringComparison.Ordinal);
        Assert.Equal(path.Contains('"', StringComparison.Ordinal), !generated.Contains("#line (", StringComparison.Ordinal));
    }

    [Fact]
    public void A_context_parameter_annotated_as_nullable_is_the_context_and_the_workflow_is_lowered()
    {
        var files = GeneratorHarness.Generate("""
            #nullable enable
            using SourceGenDurable;
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> Process(WorkflowContext? ctx, int n)
                {
                    var doubled = await ctx!.Step("double", ct => Task.FromResult(n * 2));
                    return doubled + 1;
                }
            }
            """);

        var text = files.Single(f => f.HintName == "Orders.Process.g.cs").Text;
        Assert.Contains("await __run.StepAsync<int>(0, \"double\"", text);
        Assert.Contains("await __run.CheckpointAsync(0, __slots);", text);
    }

    [Fact]
    public void A_partial_workflow_method_is_lowered_from_its_implementing_declaration()
    {
        var files = GeneratorHarness.Generate("""
            using SourceGenDurable;
            public partial class Orders
            {
                public partial Task<int> Process(WorkflowContext ctx, int n);

                [DurableWorkflow]
                public partial async Task<int> Process(WorkflowContext ctx, int n)
                {
                    var doubled = await ctx.Step("double", ct => Task.FromResult(n * 2));
                    return doubled + 1;
                }
            }
            """);

        // Lowered (and compiled without a warning) from the body of the implementing declaration.
        var text = files.Single(f => f.HintName == "Orders.Process.g.cs").Text;
        Assert.Contains("await __run.StepAsync<int>(0, \"double\"", text);
    }

    [Fact]
    public void A_workflow_the_analyzers_reject_gets_no_generated_code_and_no_generated_errors()
    {
        var compilation = GeneratorHarness.Compile("""
            using SourceGenDurable;
            public partial class Loops
            {
                [DurableWorkflow]
                public async Task<int> Sum(WorkflowContext ctx, int n)
                {
                    using (var stream = new System.IO.MemoryStream())
                    {
                        return await ctx.Step("check", ct => Task.FromResult(n + (int)stream.Length));
                    }
                }
            }
            """);

        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Methods_with_several_problems_get_no_generated_code_and_the_rest_of_the_class_still_compiles()
    {
        var compilation = GeneratorHarness.Compile("""
            using SourceGenDurable;
            public sealed class Counter
            {
                public int Count { get; private set; }
            }

            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> Broken(WorkflowContext ctx, int n)
                {
                    using var stream = new System.IO.MemoryStream();
                    Func<int, int> twice = v => v * 2;
                    var counter = new Counter();
                    await ctx.Step("a", ct => Task.FromResult(n));
                    return twice(n) + counter.Count + (int)stream.Length + DateTime.UtcNow.Second;
                }

                [DurableWorkflow]
                public static async Task<int> BrokenExpression<T>(WorkflowContext ctx, T input) =>
                    await Charge(1) + await ((Func<Task<int>>)(() => Charge(2)))();

                [DurableWorkflow]
                public async Task<int> Fine(WorkflowContext ctx, int n) => await Charge(n);

                [DurableStep]
                private static Task<int> Charge(int amount) => Task.FromResult(amount);
            }
            """);

        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains(generated, name => name.Contains("Fine", StringComparison.Ordinal));
        Assert.DoesNotContain(generated, name => name.Contains("Broken", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Every_workflow_of_a_class_adds_its_start_method_to_one_client_extension_class()
    {
        var files = GeneratorHarness.Generate("""
            using SourceGenDurable;
            namespace App;
            public partial class Pair
            {
                [DurableWorkflow] public async Task A(WorkflowContext ctx) { await ctx.Step("a", ct => Task.CompletedTask); }
                [DurableWorkflow] public async Task<int> B(WorkflowContext ctx, int x) { return await ctx.Step("b", ct => Task.FromResult(x)); }
            }
            """);

        Assert.Equal(["App.Pair.A.g.cs", "App.Pair.B.g.cs"], files.Select(f => f.HintName));
        Assert.All(files, f => Assert.Contains("public static partial class PairWorkflowClientExtensions", f.Text));
    }

    [Fact]
    public void A_generic_workflow_class_nested_in_a_class_with_every_kind_of_constraint_compiles_without_warnings()
    {
        var files = GeneratorHarness.Generate("""
            using SourceGenDurable;
            public static partial class Outer
            {
                internal partial class Cache<TKey, TValue, TStruct, TNew>
                    where TKey : notnull
                    where TValue : class?
                    where TStruct : unmanaged
                    where TNew : System.Collections.Generic.List<TKey>, new()
                {
                    [DurableWorkflow]
                    public async Task<TValue?> Fill(WorkflowContext ctx, TKey key, TStruct size)
                    {
                        var keys = new TNew { key };
                        var value = await ctx.Step("load", ct => Task.FromResult(default(TValue)));
                        return keys.Count > 0 && size.Equals(default(TStruct)) ? value : null;
                    }
                }
            }
            """);

        Assert.Contains(files, f => f.Text.Contains("file sealed class FillWorkflowDefinition<TKey, TValue, TStruct, TNew> : global::SourceGenDurable.Execution.WorkflowDefinition where TKey : notnull where TValue : class? where TStruct : unmanaged where TNew : global::System.Collections.Generic.List<TKey>, new()"));
        Assert.Contains(files, f => f.HintName == "Outer.Cache`4.DurableWorkflowClass.g.cs" && f.Text.Contains("partial class Cache<TKey, TValue, TStruct, TNew> : global::SourceGenDurable.Execution.IDurableWorkflowClass"));
    }
    [Fact]
    public void A_lowered_goto_case_finds_its_section_when_the_constant_converts_to_the_switch_type()
    {
        // Each goto case names its section with a constant of another type than the case label's: the compiler
        // matches them after converting both to the governing type (long, double), so the lowering must too.
        var files = GeneratorHarness.Generate("""
            using SourceGenDurable;
            public partial class Switches
            {
                [DurableWorkflow]
                public async Task<long> OnLong(WorkflowContext ctx, long n)
                {
                    var total = 0L;
                    switch (n)
                    {
                        case 1:
                            total += await ctx.Step("one", ct => Task.FromResult(1L));
                            goto case 2L;
                        case 2L:
                            try
                            {
                                total += await ctx.Step("two", ct => Task.FromResult(2L));
                                if (total < 3) goto case 3;
                            }
                            finally
                            {
                                total += await ctx.Step("fee", ct => Task.FromResult(10L));
                            }
                            break;
                        case (byte)3:
                            total += 3;
                            goto case 1;
                    }

                    return total;
                }

                [DurableWorkflow]
                public async Task<double> OnDouble(WorkflowContext ctx, double x)
                {
                    switch (x)
                    {
                        case 0.5:
                            goto case 2;
                        case 2.0:
                            return await ctx.Step("two", ct => Task.FromResult(x * 2));
                    }

                    return x;
                }
            }
            """);

        Assert.All(files, f => Assert.DoesNotContain("goto case", f.Text));
    }
    [Fact]
    public void A_local_read_in_a_try_block_before_its_checkpoint_is_saved_because_a_resume_enters_the_block_at_its_start()
    {
        var files = GeneratorHarness.Generate("""
            using SourceGenDurable;
            public partial class Tries
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int[] values)
                {
                    var total = 0;
                    foreach (var value in values)
                    {
                        var doubled = value * 2;
                        try
                        {
                            var sum = await ctx.Step("add", ct => Task.FromResult(doubled + value));
                            total += sum;
                        }
                        finally
                        {
                            await ctx.Step("audit", ct => Task.FromResult(total));
                        }
                    }

                    return total;
                }
            }
            """);

        Assert.Contains("__slots.doubled", files.Single(f => f.HintName == "Tries.Run.g.cs").Text);
    }
}
