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

    /// <summary>The options of the host running the workflow body on this flow, so that its JSON contexts read the result.</summary>
    internal static readonly AsyncLocal<JsonSerializerOptions?> RunOptions = new();

    /// <summary>The winning operation's result as <typeparamref name="T"/>.</summary>
    /// <param name="options">
    /// The options to read it with; by default those of the host running the workflow (with the contexts registered
    /// with <c>UseJsonContext</c>), or the default options outside a workflow.
    /// </param>
    /// <exception cref="InvalidOperationException">The operation that ended first has no result.</exception>
    public T GetResult<T>(JsonSerializerOptions? options = null) =>
        Result is { } result
            ? StateMachines.SlotSerializer.Deserialize<T>(result, options ?? RunOptions.Value ?? DefaultOptions)
            : throw new InvalidOperationException(
                $"Operation {Index} of the WhenAny ended first and has no result (a timer, or an operation that returns Task); check Index before reading the result.");
}
