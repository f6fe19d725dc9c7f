using System.ComponentModel;

namespace SourceGenDurable.Execution;

/// <summary>
/// A generic class with <see cref="DurableWorkflowAttribute">[DurableWorkflow]</see> methods. The generator implements
/// it: a generic class has no closed type that a module initializer could register, so each closed class registers
/// its workflows when it is named, with
/// <see cref="Hosting.DurableWorkflowsServiceCollectionExtensions.AddWorkflowClass{TClass}"/> or by starting one of them.
/// </summary>
public interface IDurableWorkflowClass
{
    /// <summary>Registers the workflows of this closed class. Idempotent and thread-safe. Implemented by generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract void RegisterWorkflows();
}
