namespace SourceGenDurable.Generators.Model;

/// <summary>Everything the emitter needs to write one workflow's file; strings only, so it compares by value.</summary>
internal sealed record WorkflowModel(
    string HintName,
    EquatableArray<string> FileUsings,
    string? Namespace,
    EquatableArray<string> NamespaceUsings,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string WorkflowType,
    string ClassName,
    string ClientAccessibility,
    string MethodName,
    string WorkflowName,
    string? ResultType,
    string ContextParameter,
    EquatableArray<SlotModel> Slots,
    EquatableArray<LoweredStatement> Body,
    string LayoutFingerprint);

/// <summary>A type the workflow method is declared in, outermost first.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>One checkpoint slot: an input or a local that lives across a checkpoint.</summary>
/// <param name="Identifier">The C# identifier, escaped when it is a keyword.</param>
/// <param name="JsonName">The property name in the stored JSON.</param>
/// <param name="Type">The fully qualified type.</param>
/// <param name="IsInput">Whether the slot is a workflow parameter.</param>
internal sealed record SlotModel(string Identifier, string JsonName, string Type, bool IsInput);

/// <summary>A statement of the resumable method: user code as rewritten, or a checkpoint.</summary>
internal sealed record LoweredStatement(string? Code, CheckpointModel? Checkpoint);

/// <summary>One durable operation and the commit after it.</summary>
/// <param name="State">The state number a resume jumps to.</param>
/// <param name="Spills">Declarations that evaluate a step's arguments once, before its first attempt.</param>
/// <param name="Target">Where the result goes (a slot), or null when nothing reads it.</param>
/// <param name="ResultType">The step's result type, or null for a step without one.</param>
/// <param name="StepName">A C# expression for the step name.</param>
/// <param name="MaxAttempts">How many times the step body may run.</param>
/// <param name="Body">A C# lambda from a cancellation token to the step's task.</param>
internal sealed record CheckpointModel(
    int State,
    EquatableArray<string> Spills,
    string? Target,
    string? ResultType,
    string StepName,
    int MaxAttempts,
    string Body);
