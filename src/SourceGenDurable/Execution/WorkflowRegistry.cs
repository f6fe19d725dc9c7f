using System.Collections.Concurrent;
using System.ComponentModel;

namespace SourceGenDurable.Execution;

/// <summary>
/// Every workflow compiled into the process. Generated module initializers fill it, so registration needs
/// neither reflection nor a hand-written list.
/// </summary>
public static class WorkflowRegistry
{
    private static readonly ConcurrentDictionary<string, WorkflowDefinition> Definitions = new(StringComparer.Ordinal);

    /// <summary>Adds a generated definition. Called by generated code.</summary>
    /// <exception cref="InvalidOperationException">Another workflow already has this name.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var existing = Definitions.GetOrAdd(definition.Name, definition);
        if (!ReferenceEquals(existing, definition) && existing.GetType() != definition.GetType())
        {
            throw new InvalidOperationException(
                $"Two workflows are named '{definition.Name}'. Give one of them another name with [DurableWorkflow(Name = \"...\")].");
        }
    }

    /// <summary>The names of every registered workflow, sorted.</summary>
    public static IReadOnlyList<string> Names => Definitions.Keys.Order(StringComparer.Ordinal).ToArray();

    internal static bool TryGet(string name, out WorkflowDefinition definition) =>
        Definitions.TryGetValue(name, out definition!);
}
