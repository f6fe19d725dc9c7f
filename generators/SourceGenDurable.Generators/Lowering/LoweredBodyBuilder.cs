using System;
using System.Collections.Generic;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Collects the statements of a lowered body in order, each with what it does to the flow of control (see
/// <see cref="LoweredKind"/>): labels and jumps are statements of their own kinds, so the passes after the flattening
/// read them as such rather than from text. <see cref="Map"/> maps the next statement to a place in the user's method.
/// </summary>
internal sealed class LoweredBodyBuilder
{
    private readonly List<LoweredStatement> _statements = new();
    private readonly HashSet<string> _copiedJumps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _jumps = new(StringComparer.Ordinal);
    private SourceSpan? _pendingSource;
    private int _depth;

    public IReadOnlyList<LoweredStatement> Statements => _statements;

    /// <summary>The labels that copied code (a <c>break</c> or <c>return</c> rewritten into a jump) goes to.</summary>
    public IReadOnlyCollection<string> CopiedJumps => _copiedJumps;

    /// <summary>Maps the next statement written (not a blank line) to <paramref name="source"/>.</summary>
    public void Map(SourceSpan source) => _pendingSource = source;

    public LoweredBodyBuilder Code(string text) => Add(LoweredKind.Code, text);

    /// <summary>A statement that never completes (a return or a throw).</summary>
    public LoweredBodyBuilder Exit(string text) => Add(LoweredKind.Exit, text);

    /// <summary>Code that may go to <paramref name="label"/> (a <c>case</c> of a dispatch, a guarded return).</summary>
    public LoweredBodyBuilder CodeJumpingTo(string text, string label) => Add(LoweredKind.Code, text, label);

    public LoweredBodyBuilder Jump(string label) => Add(LoweredKind.Jump, $"goto {label};", label);

    public LoweredBodyBuilder JumpIf(string condition, string label) => Add(LoweredKind.Code, $"if ({condition}) goto {label};", label);

    public LoweredBodyBuilder Label(string label) => Add(LoweredKind.Label, $"{label}:;", label);

    /// <summary>The throw after a flattened statement the compiler proves cannot complete (see <see cref="UnreachableCode"/>).</summary>
    public LoweredBodyBuilder Trap() => Add(LoweredKind.Trap, UnreachableCode.EndNotReached);

    /// <summary>Where a resume enters the region of the try block being written (see <see cref="RegionDispatch"/>); <paramref name="entry"/> leads into it.</summary>
    public LoweredBodyBuilder Dispatch(string? entry) => Add(LoweredKind.Dispatch, "", entry);

    /// <summary>A comment or a pragma; without text, a blank line.</summary>
    public LoweredBodyBuilder Note(string text = "") => Add(LoweredKind.Note, text);

    /// <summary>Copied code jumps to <paramref name="labels"/>: they stay, wherever the jumps are.</summary>
    public void CopiedCodeJumpsTo(IEnumerable<string> labels) => _copiedJumps.UnionWith(labels);

    /// <summary>Whether anything written so far may jump to <paramref name="label"/>.</summary>
    public bool JumpsTo(string label) => _copiedJumps.Contains(label) || _jumps.Contains(label);

    /// <summary>
    /// Writes what <paramref name="fragment"/> holds, as deep here as it is in its own blocks, with the jumps it makes
    /// (code another pass wrote for this place, see <see cref="SpilledCode"/>). A place mapped here and not yet written
    /// goes to its first statement, as it would if the fragment had been written here.
    /// </summary>
    public void Write(LoweredBodyBuilder fragment)
    {
        foreach (var statement in fragment._statements)
        {
            var source = statement.Source;
            if (statement.Text.Length > 0)
            {
                (source, _pendingSource) = (source ?? _pendingSource, null);
            }

            _statements.Add(statement with { Depth = statement.Depth + _depth, Source = source });
        }

        _jumps.UnionWith(fragment._jumps);
        _copiedJumps.UnionWith(fragment._copiedJumps);
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes the block.</summary>
    public Block OpenBlock(string header)
    {
        Code(header).Code("{");
        _depth++;
        return new Block(this, brace: true);
    }

    /// <summary>
    /// Opens a block of its own, without a header; disposing the result closes it. When its end cannot be reached
    /// (<paramref name="completes"/> false), the closing brace counts as a statement that never completes.
    /// </summary>
    public Block OpenBraces(bool completes)
    {
        Code("{");
        _depth++;
        return new Block(this, brace: true, endsFlow: !completes);
    }

    /// <summary>What is written until the result is disposed is one level deeper, without braces (a switch section's statements).</summary>
    public Block Indent()
    {
        _depth++;
        return new Block(this, brace: false);
    }

    private LoweredBodyBuilder Add(LoweredKind kind, string text, string? label = null)
    {
        var source = text.Length == 0 ? null : _pendingSource;
        if (text.Length > 0)
        {
            _pendingSource = null;
        }

        _statements.Add(new LoweredStatement(kind, text, _depth, source, label));
        if (label is not null && kind is not (LoweredKind.Label or LoweredKind.Dispatch))
        {
            _jumps.Add(label);
        }

        return this;
    }

    public readonly struct Block : IDisposable
    {
        private readonly LoweredBodyBuilder _builder;
        private readonly bool _brace;
        private readonly bool _endsFlow;

        public Block(LoweredBodyBuilder builder, bool brace, bool endsFlow = false) => (_builder, _brace, _endsFlow) = (builder, brace, endsFlow);

        public void Dispose()
        {
            _builder._depth--;
            if (_brace)
            {
                _builder.Add(_endsFlow ? LoweredKind.Exit : LoweredKind.Code, "}");
            }
        }
    }
}
