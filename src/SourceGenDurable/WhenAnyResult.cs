using System.Text.Json;
using SourceGenDurable.StateMachines;

namespace SourceGenDurable;

/// <summary>
/// Which operation of a <see cref="WorkflowContext.WhenAny"/> ended first, and its result. It is saved in checkpoints
/// like any local, so the result is kept as JSON and read back with the type the caller knows the operation has.
/// </summary>
/// <param name="Index">The position of the operation that ended first, in the order given to <c>WhenAny</c>.</param>
/// <param name="Result">Its result as JSON; null for a timer or an operation without a result.</param>
public sealed record WhenAnyResult(int Index, JsonElement? Result)
{
    private static readonly JsonSerializerOptions DefaultOptions = WorkflowSerializerOptions.CreateDefault().Options;

    /// <summary>The winning operation's result as <typeparamref name="T"/>.</summary>
    /// <param name="options">The options workflows are serialized with, when the application registered its own <c>WorkflowSerializerOptions</c>.</param>
    /// <exception cref="InvalidOperationException">The operation that ended first has no result.</exception>
    public T GetResult<T>(JsonSerializerOptions? options = null) =>
        Result is { } result
            ? StateMachines.SlotSerializer.Deserialize<T>(result, options ?? DefaultOptions)
            : throw new InvalidOperationException(
                $"Operation {Index} of the WhenAny ended first and has no result (a timer, or an operation that returns Task); check Index before reading the result.");
}
