using System;
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
    private readonly StringBuilder _text = new();
    private int _depth;
    private string? _pendingMapping;
    private bool _mapped;

    /// <param name="depth">The indentation to start at: text written at its final depth can carry <c>#line</c> character offsets.</param>
    public IndentedWriter(int depth = 0) => _depth = depth;

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
            _text.Append("#line hidden\n");
            _mapped = false;
        }

        return this;
    }

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            if (_pendingMapping is { } mapping)
            {
                _text.Append(mapping).Append('\n');
                _pendingMapping = null;
                _mapped = true;
            }
            else
            {
                Hide();
            }

            for (var i = 0; i < _depth; i++)
            {
                _text.Append(IndentUnit);
            }
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes text that may span lines (a rewritten statement), indenting each line.</summary>
    public IndentedWriter Lines(string text)
    {
        var first = true;
        foreach (var line in text.Split('\n'))
        {
            // The lines after the first continue the mapping of the first, however many there are.
            if (first || line.TrimEnd('\r').Length == 0)
            {
                Line(line.TrimEnd('\r'));
            }
            else
            {
                Continue(line.TrimEnd('\r'));
            }

            first = false;
        }

        return this;
    }

    /// <summary>Text already indented and mapped (a lowered body), written as it is.</summary>
    public IndentedWriter Raw(string text)
    {
        _text.Append(text).Append('\n');
        return this;
    }

    /// <summary>A further line of the statement the last line began, under the same mapping.</summary>
    private void Continue(string line)
    {
        for (var i = 0; i < _depth; i++)
        {
            _text.Append(IndentUnit);
        }

        _text.Append(line).Append('\n');
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
