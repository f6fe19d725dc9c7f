namespace SourceGenDurable;

/// <summary>A serializable description of an exception: it outlives the process that threw it.</summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="StackTrace">The stack as text, when known.</param>
public sealed record WorkflowError(string Type, string Message, string? StackTrace)
{
    /// <summary>Describes <paramref name="exception"/>.</summary>
    public static WorkflowError From(Exception exception) => exception is RestoredException restored
        ? restored.Original
        : new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace);

    /// <inheritdoc />
    public override string ToString() => $"{Type}: {Message}";
}
