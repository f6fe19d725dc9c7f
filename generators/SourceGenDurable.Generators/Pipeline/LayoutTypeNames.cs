using System.Text.RegularExpressions;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// The names runtime types have in a layout fingerprint. A fingerprint hashes the type names of the slots, and saved
/// instances resume only under the fingerprint they were saved with, so a runtime type that moves to another namespace
/// keeps the name it had when it could first be a slot: instances saved by earlier builds keep resuming.
/// </summary>
internal static class LayoutTypeNames
{
    private static readonly Regex Moved = new(
        @"(?<![\w.])global::SourceGenDurable\.(?<name>WorkflowStatus|WorkflowError|StepProgress|RestoredException|DurableStoreException|SqliteSynchronousMode|WorkflowSerializerOptions|DurableWorkflowOptions|WorkflowNotRegisteredException|WorkflowFailedException|WorkflowNotFoundException|WorkflowFinishedException)\b" +
        @"|(?<![\w.])global::SourceGenDurable\.Execution\.(?<name>WorkflowDefinition)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// <paramref name="type"/> (fully qualified) with each moved runtime type spelled as it was first published.
    /// </summary>
    public static string Of(string type) => type.IndexOf("global::SourceGenDurable.", System.StringComparison.Ordinal) < 0
        ? type
        : Moved.Replace(type, m => "global::SourceGenDurable." + Before(m.Groups["name"].Value) + "." + m.Groups["name"].Value);

    private static string Before(string name) => name switch
    {
        "WorkflowStatus" or "WorkflowError" or "DurableStoreException" or "SqliteSynchronousMode" => "Storage",
        "RestoredException" or "WorkflowSerializerOptions" => "Execution",
        "DurableWorkflowOptions" => "Hosting",
        "WorkflowDefinition" => "StateMachines",
        _ => "Client",
    };
}
