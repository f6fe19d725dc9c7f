namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// A using declaration after the last checkpoint of its block disposes its resource at the end of that block. Flattened,
/// a nested block is no block of its own: the rest of it is written in braces of their own, so the resource is disposed
/// where the user's block ended, and no jump of the lowering goes to after the declaration (CS8648). In copied code, a
/// break or continue that became a goto before a using declaration would jump over it (CS8648 too): the rest of that
/// block gets braces as well.
/// </summary>
public sealed class UsingDeclarationTests
{
    private const string Prologue = """
        using SourceGenDurable;
        namespace App;
        public partial class Files
        {
            [DurableWorkflow]
            public async Task<int> Run(WorkflowContext ctx, int n)
            {
                var total = 0;

        """;

    private const string Epilogue = """

                return total;
            }
        }
        """;

    [Theory]
    // In an if, with an else and code after it.
    [InlineData("""
        if (n > 1)
        {
            total += await ctx.Step("a", ct => Task.FromResult(n));
            using var writer = new System.IO.StringWriter();
            writer.Write(total);
            total += writer.ToString().Length;
        }
        else
        {
            total = 7;
        }
        """)]
    // In a loop body, left by continue and break after the declaration.
    [InlineData("""
        for (var i = 0; i < n; i++)
        {
            total += await ctx.Step("a", ct => Task.FromResult(i));
            using var writer = new System.IO.StringWriter();
            if (i == 1)
            {
                continue;
            }

            if (i == 3)
            {
                break;
            }

            writer.Write(i);
            total += writer.ToString().Length;
        }
        """)]
    // In a try block whose finally awaits, with a return before it (routed past the finally's own labels).
    [InlineData("""
        try
        {
            if (n > 3)
            {
                return 1;
            }

            total += await ctx.Step("a", ct => Task.FromResult(n));
            using var writer = new System.IO.StringWriter();
            writer.Write(total);
            if (n == 2)
            {
                return writer.ToString().Length;
            }
        }
        finally
        {
            total += await ctx.Step("b", ct => Task.FromResult(n));
        }
        """)]
    // In a catch block and in a finally block that await.
    [InlineData("""
        try
        {
            total += await ctx.Step("a", ct => Task.FromResult(n));
        }
        catch (System.InvalidOperationException)
        {
            total += await ctx.Step("b", ct => Task.FromResult(n));
            using var writer = new System.IO.StringWriter();
            writer.Write(total);
        }
        finally
        {
            total += await ctx.Step("c", ct => Task.FromResult(n));
            using var other = new System.IO.StringWriter();
            other.Write(total);
        }
        """)]
    // A rest that never completes, in a block of a switch section.
    [InlineData("""
        switch (n)
        {
            case 1:
            {
                total += await ctx.Step("a", ct => Task.FromResult(n));
                using var writer = new System.IO.StringWriter();
                writer.Write(total);
                return writer.ToString().Length;
            }

            default:
                total += await ctx.Step("b", ct => Task.FromResult(n));
                break;
        }
        """)]
    // Copied code without a checkpoint: a break and a continue that become gotos, before and after a using declaration.
    [InlineData("""
        foreach (var item in new[] { n, await ctx.Step("a", ct => Task.FromResult(n)) })
        {
            if (item == 3)
            {
                break;
            }

            using var writer = new System.IO.StringWriter();
            if (item == 1)
            {
                continue;
            }

            using var other = new System.IO.StringWriter();
            total += item;
        }
        """)]
    [InlineData("""
        for (var i = 0; i < n; i++)
        {
            total += await ctx.Step("a", ct => Task.FromResult(i));
            if (i > 0)
            {
                if (i == 2)
                {
                    break;
                }

                using var writer = new System.IO.StringWriter();
                total += writer.ToString().Length;
            }
        }
        """)]
    public void A_using_declaration_after_the_last_checkpoint_of_a_nested_block_compiles_and_is_disposed_with_the_block(string statement)
    {
        var generated = GeneratorHarness.Generate(Prologue + Indented(statement) + Epilogue).Single().Text;

        Assert.Contains("using var ", generated, StringComparison.Ordinal);
    }

    private static string Indented(string statement) =>
        string.Join("\n", statement.Split('\n').Select(line => line.Length == 0 ? line : "        " + line));
}
