namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// Flattening puts the blocks around checkpoints into one scope, where two local functions of one name would clash
/// (CS0128): each gets a name of its own, at its declaration and at every call, generic or not.
/// </summary>
public sealed class LocalFunctionTests
{
    [Fact]
    public void Local_functions_of_one_name_in_sibling_flattened_blocks_are_renamed_at_declaration_and_calls()
    {
        var generated = GeneratorHarness.Generate("""
            using SourceGenDurable;
            namespace App;
            public partial class Scores
            {
                [DurableWorkflow]
                public async Task<int> Run(WorkflowContext ctx, int n)
                {
                    var x = 0;
                    if (n > 1)
                    {
                        var k = await ctx.Step("a", ct => Task.FromResult(n));
                        int Score() => k + x;
                        T Pick<T>(T v) => v;
                        x += Score() + Pick(1) + Pick<int>(2);
                    }
                    else
                    {
                        var k = await ctx.Step("b", ct => Task.FromResult(n + 1));
                        int Score() => k * 2;
                        T Pick<T>(T v) => v;
                        x += Score() + Pick(3) + Pick<int>(4);
                    }

                    int Once() => x;
                    return Once();
                }
            }
            """).Single().Text;

        Assert.Contains("int Score__0() =>", generated, StringComparison.Ordinal);
        Assert.Contains("Score__0() + Pick__1(1) + Pick__1<int>(2)", generated, StringComparison.Ordinal);
        Assert.Contains("Score__2() + Pick__3(3) + Pick__3<int>(4)", generated, StringComparison.Ordinal);
        Assert.Contains("int Once() =>", generated, StringComparison.Ordinal);
    }
}
