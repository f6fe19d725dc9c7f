using System;
using System.Text;
using SourceGenDurable.Generators.Model;

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
    private readonly StringBuilder _text = new();
    private int _depth;
    private (string Path, SourceSpan Span)? _pendingMapping;
    private bool _mapped;

    /// <summary>
    /// Maps the next <see cref="Line"/> or <see cref="Lines"/> call to <paramref name="span"/> of <paramref name="path"/>:
    /// its first sequence point gets that span, and the lines after its first follow on from the span's first line.
    /// The path is written as it is: a <c>#line</c> file name has no escapes.
    /// </summary>
    public IndentedWriter Map(string path, SourceSpan span)
    {
        _pendingMapping = (path, span);
        return this;
    }

    /// <summary>Ends a mapped stretch: what follows is hidden from the debugger until the next mapping.</summary>
    public IndentedWriter Hide()
    {
        _pendingMapping = null;
        if (_mapped)
        {
            _text.Append("#line hidden\n");
            _mapped = false;
        }

        return this;
    }

    public IndentedWriter Line(string line = "") => Lines(line);

    /// <summary>
    /// Writes a statement that may span lines (copied code), indenting its first line <paramref name="deeper"/> levels
    /// more than the current indentation.
    /// </summary>
    public IndentedWriter Lines(string text, int deeper = 0)
    {
        if (text.Length == 0)
        {
            _text.Append('\n');
            return this;
        }

        var indentation = string.Concat(System.Linq.Enumerable.Repeat(IndentUnit, _depth + deeper));
        if (_pendingMapping is { } mapping)
        {
            // The character offset is where the mapped text starts on its line: its indentation.
            var (path, span) = mapping;
            _text.Append($"#line ({span.StartLine}, {span.StartCharacter}) - ({span.EndLine}, {span.EndCharacter}) {indentation.Length} \"{path}\"\n");
            _pendingMapping = null;
            _mapped = true;
        }
        else
        {
            Hide();
        }

        // Only the first line is indented. Later lines are the user's, with the user's own whitespace and line breaks: a
        // #line directive offsets only the first line, so they keep their columns only where the user had them, and a
        // verbatim or raw string spanning them keeps its text (a \r\n its \r).
        _text.Append(indentation).Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes the block.</summary>
    public Block OpenBlock(string header)
    {
        Line(header).Line("{");
        _depth++;
        return new Block(this);
    }

    public override string ToString() => _text.ToString();

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
