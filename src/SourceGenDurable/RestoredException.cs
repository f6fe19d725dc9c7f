
namespace SourceGenDurable;

/// <summary>
/// An exception that was caught before a checkpoint and is needed again after a resume, when the original object is
/// gone: it carries the original type name, message and stack text. <see cref="StepFailedException"/> is the one a
/// step that used up its attempts throws.
/// </summary>
public class RestoredException : Exception
{
    /// <summary>Rebuilds the exception that <paramref name="original"/> describes.</summary>
    public RestoredException(WorkflowError original)
        : base((original ?? throw new ArgumentNullException(nameof(original))).Message)
    {
        Original = original;
    }

    /// <summary>The exception as it was first caught.</summary>
    public WorkflowError Original { get; }

    /// <inheritdoc />
    public override string? StackTrace => Original.StackTrace;
}
