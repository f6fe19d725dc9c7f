using System.Text.Json.Serialization;

namespace SourceGenDurable.Storage;

[JsonSerializable(typeof(WorkflowError))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
