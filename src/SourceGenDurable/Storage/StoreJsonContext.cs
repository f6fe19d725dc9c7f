using System.Text.Json.Serialization;

namespace SourceGenDurable.Storage;

[JsonSerializable(typeof(WorkflowError))]
[JsonSerializable(typeof(ChildOutcome))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
