using System.Text.Json.Serialization;

namespace SourceGenDurable.Storage;

[JsonSerializable(typeof(WorkflowError))]
[JsonSerializable(typeof(WorkflowOutcome))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
