using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// The spill pass runs over the whole body before the flattening: it writes, for each statement with durable awaits
/// inside its expressions, the code that makes them stand alone, kept by the node it is evaluated before, and the
/// flattening places that code where the node is evaluated.
/// </summary>
public sealed class SpillPassTests
{
    [Fact]
    public void A_statement_is_spilled_as_one_before_it_is_flattened()
    {
        var (block, spilled) = Spill("""
                var total = n + await Load(n);
                return total;
            """);

        var statement = block.Statements[0];
        var code = Texts(spilled.Before(statement));

        // The operand C# reads before the await, then the await as a checkpoint of its own, into temporaries.
        Assert.Equal(1, code.Count(text => text.StartsWith("await __run.CheckpointAsync(0,", StringComparison.Ordinal)));
        Assert.True(code.FindIndex(text => text.EndsWith("= __slots.n;", StringComparison.Ordinal)) < code.FindIndex(text => text.StartsWith("__slots.__await0 = await __run.StepAsync<int>(0,", StringComparison.Ordinal)));
        Assert.Null(spilled.Before(block.Statements[1]));
    }

    [Fact]
    public void Each_declarator_of_a_declaration_is_spilled_apart()
    {
        var (block, spilled) = Spill("""
                int a = await Load(1) + 1, b = await Load(a);
                return a + b;
            """);

        var declarators = ((LocalDeclarationStatementSyntax)block.Statements[0]).Declaration.Variables;
        Assert.Null(spilled.Before(block.Statements[0]));
        Assert.Contains("__resume0:;", Texts(spilled.Before(declarators[0])));
        Assert.DoesNotContain("__resume1:;", Texts(spilled.Before(declarators[0])));
        Assert.Contains("__resume1:;", Texts(spilled.Before(declarators[1])));
    }

    [Fact]
    public void Each_clause_of_a_for_loop_is_spilled_apart_as_it_runs_at_a_time_of_its_own()
    {
        var (block, spilled) = Spill("""
                var sum = 0;
                for (var i = await Load(0); i < await Load(3); i += await Load(1))
                {
                    sum += i;
                }

                return sum;
            """);

        var loop = (ForStatementSyntax)block.Statements[1];
        Assert.Null(spilled.Before(loop));
        Assert.Contains("__resume0:;", Texts(spilled.Before(loop.Declaration!.Variables[0])));
        Assert.Contains("__resume1:;", Texts(spilled.Before(loop.Condition!)));
        Assert.Contains("__resume2:;", Texts(spilled.Before(loop.Incrementors[0])));
    }

    [Fact]
    public void A_spilled_await_in_a_moved_catch_body_rebuilds_the_caught_exception_after_a_resume()
    {
        // The spill pass runs before the flattening knows which catch body a statement is in: the checkpoint finds its
        // catch clauses itself.
        var generated = GeneratorHarness.GenerateWorkflow("""
                try
                {
                    await Load(n);
                }
                catch (System.InvalidOperationException e)
                {
                    var total = n + await Load(e.Message.Length);
                    return total;
                }

                return 0;
            """);

        GeneratorHarness.AssertWrittenBefore(generated, "__resume1:;", "e__0 ??= new global::System.InvalidOperationException(");
        Assert.Contains("__slots.__await1 = await __run.StepAsync<int>(1,", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_written_elsewhere_is_placed_as_deep_as_where_it_goes_and_takes_the_place_mapped_there()
    {
        var fragment = new LoweredBodyBuilder();
        fragment.Note("// checkpoint 0");
        fragment.Code("x = 1;");
        using (fragment.OpenBlock("if (x > 0)"))
        {
            fragment.Jump("__if_L3_end");
        }

        var output = new LoweredBodyBuilder();
        using (output.Indent())
        {
            output.Map(new SourceSpan(3, 5, 3, 20));
            output.Write(fragment);
        }

        Assert.Equal([1, 1, 1, 1, 2, 1], output.Statements.Select(s => s.Depth));
        Assert.Equal(new SourceSpan(3, 5, 3, 20), output.Statements[0].Source);
        Assert.All(output.Statements.Skip(1), s => Assert.Null(s.Source));
        Assert.True(output.JumpsTo("__if_L3_end"));
    }

    private static List<string> Texts(LoweredBodyBuilder? fragment)
    {
        Assert.NotNull(fragment);
        return fragment.Statements.Select(s => s.Text).ToList();
    }

    /// <summary>Binds the harness's workflow <c>Run(WorkflowContext ctx, int n)</c> with <paramref name="body"/> and runs the spill pass alone.</summary>
    private static (BlockSyntax Block, SpilledCode Spilled) Spill(string body)
    {
        var (block, context) = GeneratorHarness.Bound(body);
        return (block, SpillPass.Run(context));
    }
}
