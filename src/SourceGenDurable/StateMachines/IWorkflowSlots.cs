using System.ComponentModel;
using System.Text.Json;

namespace SourceGenDurable.StateMachines;

/// <summary>
/// The checkpoint slots of one workflow instance: its inputs and every local that lives across a durable await.
/// Implemented by generated code; the engine serializes it with every checkpoint.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWorkflowSlots
{
    /// <summary>Writes the slots as one JSON object, one property per slot.</summary>
    void Write(Utf8JsonWriter writer, JsonSerializerOptions options);
}
