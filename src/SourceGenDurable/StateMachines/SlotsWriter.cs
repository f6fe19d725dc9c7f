using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SourceGenDurable.StateMachines;

/// <summary>
/// Writes an instance's slots as the JSON of its checkpoints, reusing one buffer and one <see cref="Utf8JsonWriter"/>
/// for every checkpoint of a run rather than creating both for each.
/// </summary>
internal sealed class SlotsWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public SlotsWriter() => _writer = new Utf8JsonWriter(_buffer);

    public string Write(IWorkflowSlots slots, JsonSerializerOptions options)
    {
        // Reset also clears what a write that threw left behind.
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        slots.Write(_writer, options);
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
