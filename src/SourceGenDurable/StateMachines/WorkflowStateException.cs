namespace SourceGenDurable.StateMachines;

/// <summary>The saved state of an instance cannot be read back into its slots.</summary>
public sealed class WorkflowStateException : Exception
{
    /// <summary>Creates the exception with a message that names the slot and the problem.</summary>
    public WorkflowStateException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
