using System.ComponentModel;
using System.Text.Json;
using SourceGenDurable.Execution;

namespace SourceGenDurable.StateMachines;

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
