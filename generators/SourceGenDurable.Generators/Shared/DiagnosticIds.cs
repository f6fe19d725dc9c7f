namespace SourceGenDurable.Shared;

/// <summary>
/// The ids of the workflow shape diagnostics. The generator skips exactly the workflows that get one of these, and
/// the analyzers report them, so both read the same rules from <see cref="WorkflowShape"/>.
/// </summary>
internal static class DiagnosticIds
{
    public const string ContainingTypeNotPartial = "SGD0101";
    public const string WorkflowNotAsync = "SGD0102";
    public const string FirstParameterNotContext = "SGD0103";
    public const string ReturnTypeNotTask = "SGD0104";
    public const string DurableAwaitNotLowered = "SGD0105";
    public const string WorkflowShapeNotSupported = "SGD0106";
}
