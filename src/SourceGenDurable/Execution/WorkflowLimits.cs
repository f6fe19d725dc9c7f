using System.Text;
using System.Text.Json;

namespace SourceGenDurable.Execution;

/// <summary>
/// The checks of what a user sends or a workflow produces against the limits of <see cref="DurableWorkflowOptions"/>,
/// with errors that name the value, its size, the limit and the option that raises it.
/// </summary>
internal static class WorkflowLimits
{
    private const string Section = DurableWorkflowOptions.SectionName + ":";

    /// <summary>How many of a checkpoint's slots its error names, largest first.</summary>
    private const int LargestSlotsNamed = 3;

    /// <summary>
    /// Whether <paramref name="json"/> is over <paramref name="limit"/> bytes of UTF-8, and its size when it is. A UTF-16
    /// character is at most 3 bytes of UTF-8 (a surrogate pair, 2 characters, is 4), so text a third of the limit long
    /// is under it without counting: the usual small value costs a comparison.
    /// </summary>
    public static bool IsOver(string json, int limit, out int bytes)
    {
        if (json.Length <= limit / 3)
        {
            bytes = 0;
            return false;
        }

        bytes = Encoding.UTF8.GetByteCount(json);
        return bytes > limit;
    }

    /// <summary>An event name longer than <see cref="DurableWorkflowOptions.MaxEventNameLength"/> is refused.</summary>
    /// <exception cref="ArgumentException">The name is too long.</exception>
    public static void CheckEventName(DurableWorkflowOptions limits, string eventName)
    {
        if (eventName.Length > limits.MaxEventNameLength)
        {
            throw new ArgumentException(
                $"The event name is {eventName.Length} characters long ('{eventName[..Math.Min(eventName.Length, 40)]}...'); the limit is {limits.MaxEventNameLength}. " +
                $"Use a short name and put data in the payload, or raise {Section}{nameof(DurableWorkflowOptions.MaxEventNameLength)}.",
                nameof(eventName));
        }
    }

    /// <summary>An event payload over <see cref="DurableWorkflowOptions.MaxEventPayloadBytes"/> of JSON is refused.</summary>
    /// <exception cref="ArgumentException">The payload is too large.</exception>
    public static void CheckEventPayload(DurableWorkflowOptions limits, string eventName, string json)
    {
        if (IsOver(json, limits.MaxEventPayloadBytes, out var bytes))
        {
            throw new ArgumentException(
                $"The payload of event '{eventName}' is {bytes} bytes of JSON; the limit is {limits.MaxEventPayloadBytes}. " +
                $"Store large data elsewhere and send a reference to it, or raise {Section}{nameof(DurableWorkflowOptions.MaxEventPayloadBytes)}.",
                "payload");
        }
    }

    /// <summary>A start with an id longer than <see cref="DurableWorkflowOptions.MaxWorkflowIdLength"/> is refused.</summary>
    /// <exception cref="ArgumentException">The id is too long.</exception>
    public static void CheckWorkflowId(DurableWorkflowOptions limits, string workflowId)
    {
        if (workflowId.Length > limits.MaxWorkflowIdLength)
        {
            throw new ArgumentException(
                $"The workflow id is {workflowId.Length} characters long ('{workflowId[..Math.Min(workflowId.Length, 40)]}...'); the limit is {limits.MaxWorkflowIdLength}. " +
                $"Use a short key as the id and put data in the input, or raise {Section}{nameof(DurableWorkflowOptions.MaxWorkflowIdLength)}.",
                nameof(workflowId));
        }
    }

    /// <summary>A start whose inputs, <paramref name="bytes"/> of JSON, are over <see cref="DurableWorkflowOptions.MaxInputBytes"/> is refused.</summary>
    /// <exception cref="ArgumentException">The input is too large.</exception>
    public static void CheckInput(DurableWorkflowOptions limits, string workflowName, int bytes)
    {
        if (bytes > limits.MaxInputBytes)
        {
            throw new ArgumentException(
                $"The input of workflow '{workflowName}' is {bytes} bytes of JSON; the limit is {limits.MaxInputBytes}. " +
                $"Store large data elsewhere and pass a reference to it, or raise {Section}{nameof(DurableWorkflowOptions.MaxInputBytes)}.",
                "input");
        }
    }

    /// <summary>A step's result over <see cref="DurableWorkflowOptions.MaxResultBytes"/> fails its attempt, which is not retried.</summary>
    /// <exception cref="WorkflowLimitExceededException">The result is too large.</exception>
    public static void CheckStepResult(DurableWorkflowOptions limits, string workflowId, string stepName, string json)
    {
        if (IsOver(json, limits.MaxResultBytes, out var bytes))
        {
            throw Exceeded(
                $"The result of step '{stepName}' of workflow '{workflowId}' is {bytes} bytes of JSON; the limit is {limits.MaxResultBytes}. " +
                "The step is not retried: it would return as much again. Store large data elsewhere and return a reference to it, or raise ",
                bytes,
                limits.MaxResultBytes,
                nameof(DurableWorkflowOptions.MaxResultBytes));
        }
    }

    /// <summary>A workflow's result over <see cref="DurableWorkflowOptions.MaxResultBytes"/> fails the workflow.</summary>
    /// <exception cref="WorkflowLimitExceededException">The result is too large.</exception>
    public static void CheckWorkflowResult(DurableWorkflowOptions limits, string workflowId, string workflowName, string json)
    {
        if (IsOver(json, limits.MaxResultBytes, out var bytes))
        {
            throw Exceeded(
                $"The result of workflow '{workflowId}' ({workflowName}) is {bytes} bytes of JSON; the limit is {limits.MaxResultBytes}. " +
                "Store large data elsewhere and return a reference to it, or raise ",
                bytes,
                limits.MaxResultBytes,
                nameof(DurableWorkflowOptions.MaxResultBytes));
        }
    }

    /// <summary>
    /// The failure of a checkpoint whose slots, <paramref name="bytes"/> of JSON, are over
    /// <see cref="DurableWorkflowOptions.MaxCheckpointBytes"/>: it names the largest slots.
    /// </summary>
    public static WorkflowLimitExceededException CheckpointTooLarge(DurableWorkflowOptions limits, string workflowId, int state, string slots, int bytes) =>
        Exceeded(
            $"Checkpoint {state} of workflow '{workflowId}' is {bytes} bytes of JSON; the limit is {limits.MaxCheckpointBytes}. " +
            $"Its largest slots: {LargestSlots(slots)}. Keep large data out of the inputs and locals that live across durable awaits " +
            "(store it elsewhere and keep a reference), or raise ",
            bytes,
            limits.MaxCheckpointBytes,
            nameof(DurableWorkflowOptions.MaxCheckpointBytes));

    /// <summary>The largest slots of a checkpoint and their sizes: <c>'items' (3145778 bytes), 'order' (81 bytes)</c>.</summary>
    private static string LargestSlots(string slots)
    {
        using var document = JsonDocument.Parse(slots);
        return string.Join(
            ", ",
            document.RootElement.EnumerateObject()
                .Select(slot => (slot.Name, Bytes: Encoding.UTF8.GetByteCount(slot.Value.GetRawText())))
                .OrderByDescending(slot => slot.Bytes)
                .Take(LargestSlotsNamed)
                .Select(slot => $"'{slot.Name}' ({slot.Bytes} bytes)"));
    }

    private static WorkflowLimitExceededException Exceeded(string message, int size, int limit, string option) =>
        new($"{message}{Section}{option}.", size, limit, Section + option);
}
