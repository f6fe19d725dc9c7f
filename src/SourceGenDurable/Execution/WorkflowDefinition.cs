using System.ComponentModel;
using System.Text.Json;
using SourceGenDurable.StateMachines;

namespace SourceGenDurable.Execution;

/// <summary>
/// What the engine knows of one workflow: its name, the layout of its state machine, and how to run it from a
/// saved state. Generated once per <see cref="DurableWorkflowAttribute">[DurableWorkflow]</see> method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class WorkflowDefinition
{
    /// <summary>Creates a definition.</summary>
    protected WorkflowDefinition(string name, string layoutFingerprint)
    {
        Name = name;
        LayoutFingerprint = layoutFingerprint;
    }

    /// <summary>
    /// The name of a workflow of a generic class, closed over <paramref name="typeArguments"/>:
    /// <c>prefix&lt;System.Int32, Shop.Customer&gt;suffix</c>. Each type argument is spelled by its namespace-qualified
    /// name, generic arguments included and assembly versions left out, so the name is stable across builds.
    /// </summary>
    protected static string ClosedGenericName(string prefix, string suffix, params Type[] typeArguments)
    {
        ArgumentNullException.ThrowIfNull(typeArguments);
        return $"{prefix}<{string.Join(", ", typeArguments.Select(StableName))}>{suffix}";
    }

    private static string StableName(Type type) =>
        type.IsArray ? $"{StableName(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]"
        : type.IsConstructedGenericType ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(", ", type.GenericTypeArguments.Select(StableName))}]"
        : type.FullName ?? type.Name;

    /// <summary>The name stored with every instance.</summary>
    public string Name { get; }

    /// <summary>
    /// A hash of the checkpoint states and of the names and types of the slots. An instance saved under another
    /// fingerprint is never resumed by this definition.
    /// </summary>
    public string LayoutFingerprint { get; }

    /// <summary>Reads the slots saved by a checkpoint.</summary>
    /// <exception cref="WorkflowStateException">A slot is missing or does not deserialize.</exception>
    public abstract IWorkflowSlots ReadSlots(JsonElement slots, JsonSerializerOptions options);

    /// <summary>Reads the inputs of a new instance: a JSON object with one property per workflow parameter.</summary>
    /// <exception cref="WorkflowStateException">An input is missing or does not deserialize.</exception>
    public abstract IWorkflowSlots ReadInputs(JsonElement inputs, JsonSerializerOptions options);

    /// <summary>Runs the state machine from <see cref="WorkflowRun.ResumeState"/> to its end.</summary>
    public abstract Task RunAsync(IServiceProvider services, WorkflowRun run, IWorkflowSlots slots);
}
