using SourceGenDurable.Generators.Lowering;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// The passes after the flattening, each on statements written by hand: the dispatch pass (a resume reaches its
/// checkpoint through the try regions around it) and the unreachable-code pass (labels and jumps nothing can use go).
/// </summary>
public sealed class LoweringPassTests
{
    [Fact]
    public void A_dispatch_jumps_to_the_region_on_the_way_and_the_regions_dispatch_to_the_checkpoint()
    {
        var body = Body(
            Dispatch(0, entry: null),
            Code(0, "// checkpoint 0"),
            Label(0, "__resume0"),
            Label(0, "__try_L4"),
            Code(0, "try"),
            Code(0, "{"),
            Dispatch(1, entry: "__try_L4"),
            Label(1, "__try_L4_body"),
            Code(1, "try"),
            Code(1, "{"),
            Dispatch(2, entry: "__try_L4_body"),
            Label(2, "__resume1"),
            Code(1, "}"),
            Code(1, "catch { }"),
            Label(1, "__resume2"),
            Code(0, "}"),
            Code(0, "finally { }"));

        var written = RegionDispatch.Write(body, checkpoints: 3).Statements;

        Assert.DoesNotContain(written, s => s.Kind == LoweredKind.Dispatch);
        Assert.Equal(
            [
                "switch (__state)", "{", "case 0: goto __resume0;", "case 1: goto __try_L4;", "case 2: goto __try_L4;", "}", "",
                "// checkpoint 0", "__resume0:;", "__try_L4:;", "try", "{",
                "switch (__state)", "{", "case 1: goto __try_L4_body;", "case 2: goto __resume2;", "}", "",
                "__try_L4_body:;", "try", "{",
                "switch (__state)", "{", "case 1: goto __resume1;", "}", "",
                "__resume1:;", "}", "catch { }", "__resume2:;", "}", "finally { }",
            ],
            written.Select(s => s.Text));
        Assert.Equal("__try_L4", written.Single(s => s.Text == "case 1: goto __try_L4;").Label);
        Assert.Equal(3, written.Single(s => s.Text == "case 1: goto __resume1;").Depth);
    }

    [Fact]
    public void A_region_without_a_checkpoint_gets_no_dispatch()
    {
        var body = Body(Dispatch(0, entry: null), Code(0, "try"), Code(0, "{"), Dispatch(1, entry: "__try_L2"), Code(1, "x++;"), Code(0, "}"));

        var written = RegionDispatch.Write(body, checkpoints: 0).Statements;

        Assert.Equal(["try", "{", "x++;", "}"], written.Select(s => s.Text));
    }

    [Fact]
    public void Labels_nothing_jumps_to_go_and_labels_copied_code_jumps_to_stay()
    {
        var body = Body(["__while_L3_break"],
            Label(0, "__if_L2_end"),
            Label(0, "__while_L3_break"),
            new LoweredStatement(LoweredKind.Code, "if (x) goto __for_L5_top;", 0, null, "__for_L5_top"),
            Label(0, "__for_L5_top"));

        var kept = UnreachableCode.Remove(body).Statements;

        Assert.Equal(["__while_L3_break:;", "if (x) goto __for_L5_top;", "__for_L5_top:;"], kept.Select(s => s.Text));
    }

    [Fact]
    public void A_jump_after_a_statement_that_never_completes_goes_and_so_does_the_label_only_it_used()
    {
        var body = Body(
            new LoweredStatement(LoweredKind.Exit, "return 1;", 0, new SourceSpan(3, 9, 3, 18)),
            Code(0, "// checkpoint 1"),
            new LoweredStatement(LoweredKind.Jump, "goto __if_L2_end;", 0, null, "__if_L2_end"),
            new LoweredStatement(LoweredKind.Trap, UnreachableCode.EndNotReached, 0, null),
            Label(0, "__if_L2_end"),
            Code(0, "x++;"),
            new LoweredStatement(LoweredKind.Jump, "goto __while_L7_top;", 0, null, "__while_L7_top"),
            Label(0, "__while_L7_top"));

        var kept = UnreachableCode.Remove(body).Statements;

        // The comment is a note, not a statement: the jump after it still follows the return.
        Assert.Equal(["return 1;", "// checkpoint 1", "x++;", "goto __while_L7_top;", "__while_L7_top:;"], kept.Select(s => s.Text));
        Assert.Equal(new SourceSpan(3, 9, 3, 18), kept[0].Source);
    }

    private static LoweredBody Body(params LoweredStatement[] statements) => Body([], statements);

    private static LoweredBody Body(string[] copiedJumps, params LoweredStatement[] statements) =>
        new(statements, [], RebuildsExceptions: false, SourcePath: null, copiedJumps);

    private static LoweredStatement Code(int depth, string text) =>
        new(text.StartsWith("//", StringComparison.Ordinal) ? LoweredKind.Note : LoweredKind.Code, text, depth, null);

    private static LoweredStatement Label(int depth, string label) => new(LoweredKind.Label, $"{label}:;", depth, null, label);

    private static LoweredStatement Dispatch(int depth, string? entry) => new(LoweredKind.Dispatch, "", depth, null, entry);
}
