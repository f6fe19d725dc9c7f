using System.Text.Json.Serialization;

namespace SourceGenDurable.Hosting;

/// <summary>Store choices and JSON contexts for <see cref="DurableWorkflowOptions"/>.</summary>
public static class DurableWorkflowOptionsExtensions
{
    /// <summary>Stores instances in the SQLite database that <paramref name="connectionString"/> names.</summary>
    public static DurableWorkflowOptions UseSqlite(this DurableWorkflowOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options.ConnectionString = connectionString;
        options.Store = null;
        return options;
    }

    /// <summary>
    /// Serializes the workflows' own types (inputs, results, slots, step results, events) with
    /// <paramref name="context"/>, a <see cref="JsonSerializerContext"/> of the application, ahead of the runtime's.
    /// Native AOT needs it for every such type; primitives, strings, dates, GUIDs, enums and their arrays, lists and
    /// dictionaries need none. The SGD0014 analyzer names the types no context registered here covers.
    /// </summary>
    /// <example><code>services.AddDurableWorkflows(o => o.UseSqlite("Data Source=orders.db").UseJsonContext(OrdersJson.Default));</code></example>
    public static DurableWorkflowOptions UseJsonContext(this DurableWorkflowOptions options, JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!options.JsonContexts.Contains(context))
        {
            options.JsonContexts.Add(context);
        }

        return options;
    }
}
