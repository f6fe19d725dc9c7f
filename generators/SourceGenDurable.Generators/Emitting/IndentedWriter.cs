using System;
using System.Collections.Generic;
using System.Text;

namespace SourceGenDurable.Generators.Emitting;

/// <summary>
/// Writes C# text line by line at the current indentation, with <c>\n</c> line endings. Lines can be mapped to the
/// user's source with <c>#line</c> directives: <see cref="Map"/> maps the next line (or lines) written, and any line
/// written after a mapped one without a mapping of its own is preceded by <c>#line hidden</c>, so the machinery between
/// the user's statements never borrows their lines.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly List<Chunk> _chunks = new();
    private int _depth;
    private string? _pendingMapping;
    private bool _mapped;

    /// <param name="depth">The indentation to start at: text written at its final depth can carry <c>#line</c> character offsets.</param>
    public IndentedWriter(int depth = 0) => _depth = depth;

    /// <summary>What was written, one chunk per <see cref="Line"/> or <see cref="Lines"/> call or directive.</summary>
    public IReadOnlyList<Chunk> Chunks => _chunks;

    /// <summary>
    /// Maps the next <see cref="Line"/> or <see cref="Lines"/> call to a span of <paramref name="path"/> (lines and
    /// characters 1-based, the end inclusive): its first sequence point gets that span, and the lines after its first
    /// follow on from <paramref name="startLine"/>. The path is written as it is: a <c>#line</c> file name has no escapes.
    /// </summary>
    public IndentedWriter Map(string path, int startLine, int startCharacter, int endLine, int endCharacter)
    {
        // The character offset is where the mapped text starts on the next line: its indentation.
        _pendingMapping = $"#line ({startLine}, {startCharacter}) - ({endLine}, {endCharacter}) {_depth * IndentUnit.Length} \"{path}\"";
        return this;
    }

    /// <summary>Ends a mapped stretch: what follows is hidden from the debugger until the next mapping.</summary>
    public IndentedWriter Hide()
    {
        _pendingMapping = null;
        if (_mapped)
        {
            _chunks.Add(new Chunk("#line hidden", ChunkKind.Directive));
            _mapped = false;
        }

        return this;
    }

    public IndentedWriter Line(string line = "") => Lines(line);

    /// <summary>Writes a statement that may span lines (a rewritten statement), indenting its first line.</summary>
    public IndentedWriter Lines(string text)
    {
        if (text.Length > 0)
        {
            if (_pendingMapping is { } mapping)
            {
                _chunks.Add(new Chunk(mapping, ChunkKind.Directive));
                _pendingMapping = null;
                _mapped = true;
            }
            else
            {
                Hide();
            }
        }

        // Only the first line is indented. Later lines are the user's, with the user's own whitespace and line breaks: a
        // #line directive offsets only the first line, so they keep their columns only where the user had them, and a
        // verbatim or raw string spanning them keeps its text (a \r\n its \r).
        var indented = text.Length > 0 ? string.Concat(System.Linq.Enumerable.Repeat(IndentUnit, _depth)) + text : text;
        _chunks.Add(new Chunk(indented, text.Length == 0 ? ChunkKind.Blank : ChunkKind.Statement));
        return this;
    }

    /// <summary>Text already indented and mapped (a lowered body), written as it is.</summary>
    public IndentedWriter Raw(string text)
    {
        _chunks.Add(new Chunk(text, ChunkKind.Statement));
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes the block.</summary>
    public Block OpenBlock(string header)
    {
        Line(header).Line("{");
        _depth++;
        return new Block(this);
    }

    /// <summary>Whether anything written so far holds <paramref name="text"/> (a jump to a label, say).</summary>
    public bool Mentions(string text) => _chunks.Exists(c => c.Kind == ChunkKind.Statement && c.Text.Contains(text));

    public override string ToString() => ToString(_chunks);

    public static string ToString(IEnumerable<Chunk> chunks)
    {
        var text = new StringBuilder();
        foreach (var chunk in chunks)
        {
            text.Append(chunk.Text).Append('\n');
        }

        return text.ToString();
    }

    public readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;

        public Block(IndentedWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line("}");
        }
    }
}

internal enum ChunkKind
{
    Blank,
    Directive,
    Statement,
}

/// <summary>One call's text: a statement (its lines joined by <c>\n</c>, indented), a directive, or a blank line.</summary>
internal sealed record Chunk(string Text, ChunkKind Kind);
