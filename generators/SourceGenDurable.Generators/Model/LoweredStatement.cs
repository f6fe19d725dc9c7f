namespace SourceGenDurable.Generators.Model;

/// <summary>What a statement of a lowered body does to the flow of control, which is all the passes after the flattening read.</summary>
internal enum LoweredKind
{
    /// <summary>Code that goes on to the next statement, or, as a conditional jump, to <see cref="LoweredStatement.Label"/>.</summary>
    Code,

    /// <summary>Code that never goes on to the next statement: a return, a throw, a <c>goto case</c>.</summary>
    Exit,

    /// <summary>The lowering's own <c>goto</c> to <see cref="LoweredStatement.Label"/>; dropped where nothing can reach it.</summary>
    Jump,

    /// <summary>The throw written after a flattened statement that cannot complete; dropped where nothing can reach it.</summary>
    Trap,

    /// <summary>The label <see cref="LoweredStatement.Label"/>; dropped when nothing jumps to it.</summary>
    Label,

    /// <summary>A comment, a pragma or a blank line: no code.</summary>
    Note,

    /// <summary>
    /// Where a resume enters the body, or the try block this statement heads; <see cref="LoweredStatement.Label"/> is
    /// the label that leads into that block's region (null for the body). The dispatch pass writes it out, so the
    /// emitter never sees one.
    /// </summary>
    Dispatch,
}

/// <summary>Where a statement was in the user's workflow method: 1-based lines and characters, the end inclusive.</summary>
internal readonly record struct SourceSpan(int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>
/// One statement of a lowered body, as the lowering leaves it and the emitter writes it: its text (copied code keeps the
/// user's own line breaks), its depth in the body's blocks, and the place in the user's method it maps to; null is
/// machinery, hidden from the debugger.
/// </summary>
/// <param name="Label">The label a <see cref="LoweredKind.Label"/> is, or a jump goes to; null for other statements.</param>
internal sealed record LoweredStatement(LoweredKind Kind, string Text, int Depth, SourceSpan? Source, string? Label = null)
{
    /// <summary>Whether the statement never goes on to the next one.</summary>
    public bool EndsFlow => Kind is LoweredKind.Exit or LoweredKind.Jump or LoweredKind.Trap;
}
