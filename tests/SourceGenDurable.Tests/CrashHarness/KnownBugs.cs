namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// Bugs in the runtime or the generator that corpus inputs reproduce. An input marked with one is a skipped theory
/// row with the reason below; fix the bug, remove the marker, and the row runs.
/// </summary>
public static class KnownBugs
{
    public const string TupleFieldsDropped =
        "Bug: ValueTuple values serialize as {} (WorkflowSerializerOptions.CreateDefault has IncludeFields off and tuple elements are fields), " +
        "so a tuple result is stored as {} and a tuple slot comes back as default after a resume. See the crash-harness report.";

    public const string NaNSlotFailsCheckpoint =
        "Bug: a double slot holding NaN or an infinity cannot be written by WorkflowSerializerOptions.CreateDefault (no AllowNamedFloatingPointLiterals), " +
        "so the checkpoint throws ArgumentException and the workflow fails where the method returns normally.";

    public const string CheckpointRunTwice =
        "Bug: a goto loop around a checkpoint in the method body is accepted by WorkflowShape, but the second pass commits the same checkpoint " +
        "number again and the store's (instance_id, checkpoint) key fails the workflow with 'Step ... is already recorded'.";
}
