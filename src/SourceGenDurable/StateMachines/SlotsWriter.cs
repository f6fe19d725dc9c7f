using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SourceGenDurable.StateMachines;

/// <summary>
/// Writes slots as JSON (a checkpoint's, or a new instance's inputs) with one buffer and one <see cref="Utf8JsonWriter"/>
/// per thread, reused for every write on it. A write is synchronous, so a run that moves between threads at its awaits
/// uses whichever thread's writer it is on; a run no longer holds a writer of its own from checkpoint to checkpoint,
/// nor does each start create one.
/// </summary>
internal sealed class SlotsWriter
{
    /// <summary>A buffer that grew past this for one large write is not kept for the thread's next writes.</summary>
    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static SlotsWriter? t_free;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    private SlotsWriter() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>The JSON of <paramref name="slots"/>.</summary>
    public static string Write(IWorkflowSlots slots, JsonSerializerOptions options) => Write(slots, options, out _);

    /// <summary>The JSON of <paramref name="slots"/>, and its size in bytes of UTF-8: the length written, counted for free.</summary>
    public static string Write(IWorkflowSlots slots, JsonSerializerOptions options, out int utf8Bytes)
    {
        // Taken rather than borrowed: a write that starts another on this thread (a converter writing slots) gets one
        // of its own.
        var writer = t_free ?? new SlotsWriter();
        t_free = null;
        try
        {
            return writer.WriteJson(slots, options, out utf8Bytes);
        }
        finally
        {
            if (writer._buffer.Capacity <= MaxKeptCapacity)
            {
                t_free = writer;
            }
        }
    }

    private string WriteJson(IWorkflowSlots slots, JsonSerializerOptions options, out int utf8Bytes)
    {
        // Reset also clears what a write that threw left behind.
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        slots.Write(_writer, options);
        _writer.Flush();
        utf8Bytes = _buffer.WrittenCount;
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
