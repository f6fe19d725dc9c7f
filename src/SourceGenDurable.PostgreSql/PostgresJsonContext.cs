using System.Text.Json.Serialization;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>The records the store keeps as JSON text: an instance's error, and a child's outcome in its parent's inbox.</summary>
[JsonSerializable(typeof(WorkflowError))]
[JsonSerializable(typeof(WorkflowOutcome))]
internal sealed partial class PostgresJsonContext : JsonSerializerContext;
