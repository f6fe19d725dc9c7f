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
    EquatableArray<CaughtExceptionModel>? CaughtExceptions,
    string Body,
    string LayoutFingerprint);

/// <summary>An exception type a catch clause of the workflow names, which a resumed workflow can rebuild by its name.</summary>
/// <param name="RuntimeName">The name <c>Type.FullName</c> gives, as saved in an exception description.</param>
/// <param name="Type">The fully qualified C# type.</param>
internal sealed record CaughtExceptionModel(string RuntimeName, string Type);

/// <summary>A type the workflow method is declared in, outermost first.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>One checkpoint slot: an input or a local that lives across a checkpoint.</summary>
/// <param name="Identifier">The C# identifier, escaped when it is a keyword.</param>
/// <param name="JsonName">The property name in the stored JSON.</param>
/// <param name="Type">The fully qualified type.</param>
/// <param name="IsInput">Whether the slot is a workflow parameter.</param>
internal sealed record SlotModel(string Identifier, string JsonName, string Type, bool IsInput);
