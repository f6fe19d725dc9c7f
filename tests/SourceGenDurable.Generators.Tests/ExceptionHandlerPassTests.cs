using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Lowering;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// The exception-handler pass runs before the flattening: for each try it writes the pending exception, the pending
/// jump and the moved catch clauses around the try's statements, routing jumps by where they are
/// (<see cref="JumpTargets"/>) rather than by a scope the flattening hands it.
/// </summary>
public sealed class ExceptionHandlerPassTests
{
    private const string BreakLeavingATry = """
            var i = 0;
            while (i < n)
            {
                try
                {
                    if (i == 2) break;
                    await Load(i);
                }
                finally
                {
                    await Load(-1);
                }

                i++;
            }

            return i;
        """;

    [Fact]
    public void The_scope_of_a_statement_follows_from_where_it_is()
    {
        var (block, context) = GeneratorHarness.Bound(BreakLeavingATry);
        var loop = (WhileStatementSyntax)block.Statements[1];
        var @try = (TryStatementSyntax)((BlockSyntax)loop.Statement).Statements[0];
        var tryLabel = context.Regions.LabelOf(@try);

        // In the protected region a break leaves through the finally, and so does a return.
        var inside = context.Targets.ScopeOf(@try.Block.Statements[0]);
        Assert.Equal($"{tryLabel}_leave_break", inside.BreakLabel);
        Assert.Equal($"{tryLabel}_leave_return", inside.ReturnLabel);

        // The finally body is outside it: a break there goes to the loop's end.
        var @finally = context.Targets.ScopeOf(@try.Finally!.Block.Statements[0]);
        Assert.Equal($"{context.Targets.LabelOf(loop)}_break", @finally.BreakLabel);
        Assert.Null(@finally.ReturnLabel);
        Assert.Null(context.Targets.ScopeOf(block.Statements[2]).BreakLabel);
    }

    [Fact]
    public void A_break_leaving_a_try_is_recorded_and_taken_after_the_finally_before_anything_is_flattened()
    {
        var (block, context) = GeneratorHarness.Bound(BreakLeavingATry);
        var loop = (WhileStatementSyntax)block.Statements[1];
        var @try = (TryStatementSyntax)((BlockSyntax)loop.Statement).Statements[0];
        var (tryLabel, loopLabel) = (context.Regions.LabelOf(@try), context.Targets.LabelOf(loop));

        var code = ExceptionHandlerPass.Run(context).Of(@try);

        Assert.Empty(context.Out.Statements);
        Assert.NotNull(code.Finally);
        var exits = Texts(code.Finally.Exits);
        Assert.Equal(["goto " + tryLabel + "_finally;", tryLabel + "_leave_break:;", "__slots.__try0_branch = 1;", "goto " + tryLabel + "_finally;"], exits);

        // The loop has a continue label too, but no jump leaves the try by it: that exit, number 2, is not written.
        var tail = Texts(code.Finally.Tail);
        Assert.Contains($"if (__slots.__try0_branch == 1) goto {loopLabel}_break;", tail);
        Assert.DoesNotContain(tail, text => text.Contains("== 2", StringComparison.Ordinal));

        // An exception leaving the protected region is kept as pending, in memory and as a saved description.
        var head = Texts(code.Finally.Head);
        Assert.Contains($"{tryLabel}_pendingException = __exception;", head);
        Assert.Contains("__slots.__try0_pending = global::SourceGenDurable.WorkflowError.From(__exception);", head);
        Assert.Equal($"{tryLabel}_finally:;", head[^1]);
    }

    [Fact]
    public void A_jump_that_ends_a_loop_inside_the_try_does_not_leave_it()
    {
        var (block, context) = GeneratorHarness.Bound("""
                var i = 0;
                while (i < n)
                {
                    try
                    {
                        for (var j = 0; j < 3; j++)
                        {
                            if (j == 1) continue;
                            if (j == 2) break;
                        }

                        await Load(i);
                    }
                    finally
                    {
                        await Load(-1);
                    }

                    i++;
                }

                return i;
            """);
        var @try = (TryStatementSyntax)((BlockSyntax)((WhileStatementSyntax)block.Statements[1]).Statement).Statements[0];

        Assert.All(context.Targets.ExitsOf(@try), exit => Assert.False(exit.Taken));
        var code = ExceptionHandlerPass.Run(context).Of(@try);
        Assert.DoesNotContain(Texts(code.Finally!.Exits), text => text.Contains("_leave_", StringComparison.Ordinal));
        Assert.DoesNotContain(Texts(code.Finally!.Tail), text => text.Contains("_branch ==", StringComparison.Ordinal));
    }

    [Fact]
    public void A_continue_in_a_switch_inside_the_try_leaves_it_and_a_break_there_ends_the_switch()
    {
        var (block, context) = GeneratorHarness.Bound("""
                var i = 0;
                while (i < n)
                {
                    i++;
                    try
                    {
                        switch (i)
                        {
                            case 1:
                                continue;
                            default:
                                break;
                        }

                        await Load(i);
                    }
                    finally
                    {
                        await Load(-1);
                    }
                }

                return i;
            """);
        var loop = (WhileStatementSyntax)block.Statements[1];
        var @try = (TryStatementSyntax)((BlockSyntax)loop.Statement).Statements[1];
        var label = context.Regions.LabelOf(@try);

        // Numbered as the loop around offers them: the break 1, the continue 2.
        Assert.Equal<(string, string, bool)>(
            [($"{context.Targets.LabelOf(loop)}_break", $"{label}_leave_break", false), ($"{context.Targets.LabelOf(loop)}_continue", $"{label}_leave_continue", true)],
            context.Targets.ExitsOf(@try).ToArray());
        var tail = Texts(ExceptionHandlerPass.Run(context).Of(@try).Finally!.Tail);
        Assert.Contains($"if (__slots.__try0_branch == 2) goto {context.Targets.LabelOf(loop)}_continue;", tail);
    }

    [Fact]
    public void A_catch_body_that_awaits_moves_after_the_try_and_its_catch_only_records_what_it_caught()
    {
        var (block, context) = GeneratorHarness.Bound("""
                try
                {
                    await Load(n);
                }
                catch (System.InvalidOperationException e) when (e.Message.Length > 0)
                {
                    await Load(e.Message.Length);
                }
                catch (System.ArgumentException)
                {
                    return -1;
                }

                return 0;
            """);
        var @try = (TryStatementSyntax)block.Statements[0];
        var label = context.Regions.LabelOf(@try);

        var code = ExceptionHandlerPass.Run(context).Of(@try);

        Assert.Null(code.Finally);
        var catches = Texts(code.Catches);
        Assert.Contains("catch (global::System.InvalidOperationException e) when (!__run.IsSuspending && (e.Message.Length > 0))", catches);
        Assert.Contains("__slots.__try0_catch = 1;", catches);
        Assert.Contains("catch (System.ArgumentException) when (!__run.IsSuspending)", catches);
        Assert.Contains(catches, text => text.Contains("return -1;", StringComparison.Ordinal));

        Assert.NotNull(code.Moved);
        var moved = Assert.Single(code.Moved.Bodies);
        Assert.Same(@try.Catches[0], moved.Clause);
        Assert.Equal([$"if (__slots.__try0_catch == 1) goto {label}_catch0;", $"goto {label}_catches_end;"], Texts(code.Moved.Dispatch));
        Assert.Equal($"{label}_catch0:;", Texts(moved.Head)[0]);
    }

    private static List<string> Texts(LoweredBodyBuilder fragment) => fragment.Statements.Select(s => s.Text).ToList();
}
