
namespace SourceGenDurable;

/// <summary>
/// A step used up its attempts in an earlier run of the instance (before a restart or a durable backoff), and its last
/// exception is of a type the workflow's catch clauses do not name, so it cannot be rebuilt as that type: this carries
/// its type name, message and stack text instead. While the process that ran the last attempt lives, the workflow gets
/// the original exception object; a type the workflow catches by name is rebuilt as that type. It is a
/// <see cref="RestoredException"/>, and <c>catch (Exception)</c> catches it.
/// </summary>
public sealed class StepFailedException : RestoredException
{
    /// <summary>Describes the last failure of step <paramref name="stepName"/> after <paramref name="attempts"/> attempts.</summary>
    public StepFailedException(string stepName, int attempts, WorkflowError lastError)
        : base(lastError)
    {
        StepName = stepName;
        Attempts = attempts;
    }

    /// <summary>The step that failed.</summary>
    public string StepName { get; }

    /// <summary>How many attempts the step made.</summary>
    public int Attempts { get; }
}
