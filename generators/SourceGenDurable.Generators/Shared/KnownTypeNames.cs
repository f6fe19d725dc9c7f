namespace SourceGenDurable.Shared;

/// <summary>Metadata names of the runtime types the generator and the analyzers recognize.</summary>
internal static class KnownTypeNames
{
    public const string DurableWorkflowAttribute = "SourceGenDurable.DurableWorkflowAttribute";
    public const string DurableStepAttribute = "SourceGenDurable.DurableStepAttribute";
    public const string WorkflowContext = "SourceGenDurable.WorkflowContext";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
}
