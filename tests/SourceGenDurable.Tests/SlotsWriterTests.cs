using System.Text.Json;
using SourceGenDurable.StateMachines;

namespace SourceGenDurable.Tests;

/// <summary>Slots are written as JSON with a writer kept per thread: each write stands alone whatever came before it.</summary>
public sealed class SlotsWriterTests
{
    private static readonly JsonSerializerOptions Options = new();

    [Fact]
    public void Writes_on_one_thread_each_hold_only_their_own_slots()
    {
        Assert.Equal("""{"total":1,"name":"ada"}""", SlotsWriter.Write(new Slots(w => { w.WriteNumber("total", 1); w.WriteString("name", "ada"); }), Options));
        Assert.Equal("""{"i":2}""", SlotsWriter.Write(new Slots(w => w.WriteNumber("i", 2)), Options));
    }

    [Fact]
    public void A_write_that_threw_leaves_nothing_behind_for_the_next()
    {
        Assert.Throws<InvalidOperationException>(() => SlotsWriter.Write(
            new Slots(w =>
            {
                w.WriteNumber("half", 1);
                throw new InvalidOperationException("a slot that cannot be written");
            }),
            Options));

        Assert.Equal("""{"whole":3}""", SlotsWriter.Write(new Slots(w => w.WriteNumber("whole", 3)), Options));
    }

    [Fact]
    public void A_write_made_while_another_is_writing_on_the_same_thread_gets_a_writer_of_its_own()
    {
        string? inner = null;
        var outer = SlotsWriter.Write(
            new Slots(w =>
            {
                w.WriteNumber("before", 1);
                inner = SlotsWriter.Write(new Slots(x => x.WriteString("nested", "yes")), Options);
                w.WriteNumber("after", 2);
            }),
            Options);

        Assert.Equal("""{"before":1,"after":2}""", outer);
        Assert.Equal("""{"nested":"yes"}""", inner);
    }

    [Fact]
    public void A_large_write_is_whole_and_the_next_small_one_is_too()
    {
        var large = new string('x', 200_000);
        Assert.Equal($$"""{"large":"{{large}}"}""", SlotsWriter.Write(new Slots(w => w.WriteString("large", large)), Options));
        Assert.Equal("""{"small":1}""", SlotsWriter.Write(new Slots(w => w.WriteNumber("small", 1)), Options));
    }

    private sealed class Slots(Action<Utf8JsonWriter> properties) : IWorkflowSlots
    {
        public void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }
    }
}
