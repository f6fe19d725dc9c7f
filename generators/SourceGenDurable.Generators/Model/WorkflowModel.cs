namespace SourceGenDurable.Generators.Model;

/// <summary>Everything the emitter needs to write one workflow's file; values only (strings, records of them), so it compares by value.</summary>
/// <param name="TypePath">The namespace and the classes, by metadata name, dot-separated: where hint names start.</param>
/// <param name="Body">The lowered body's statements, in order.</param>
/// <param name="SourcePath">The user's file, which the statements of <paramref name="Body"/> map to with <c>#line</c> directives, so the rest of the method is hidden; null when they map to none.</param>
internal sealed record WorkflowModel(
    string TypePath,
    EquatableArray<string> FileUsings,
    string? Namespace,
    EquatableArray<string> NamespaceUsings,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string WorkflowType,
    string ClassName,
    string ClientAccessibility,
    string MethodName,
    string WorkflowNamePrefix,
    string WorkflowNameSuffix,
    EquatableArray<string> TypeParameters,
    string TypeParameterConstraints,
    string? ResultType,
    string ContextParameter,
    EquatableArray<SlotModel> Slots,
    EquatableArray<CaughtExceptionModel>? CaughtExceptions,
    EquatableArray<LoweredStatement> Body,
    string? SourcePath,
    string LayoutFingerprint)
{
    public string HintName => $"{TypePath}.{MethodName}.g.cs";

    /// <summary>Whether the workflow's class is generic: its definition is generic too, and registered per closed class.</summary>
    public bool IsGeneric => TypeParameters.Count > 0;

    /// <summary>The workflow's name; for a generic class with its type parameters, which run time replaces with the type arguments.</summary>
    public string WorkflowName => IsGeneric ? $"{WorkflowNamePrefix}<{string.Join(", ", TypeParameters)}>{WorkflowNameSuffix}" : WorkflowNamePrefix + WorkflowNameSuffix;

    /// <summary><c>&lt;T, U&gt;</c>, or nothing for a non-generic class.</summary>
    public string TypeParameterList => IsGeneric ? $"<{string.Join(", ", TypeParameters)}>" : "";
}

/// <summary>A workflow of a generic class: the class implements <c>IDurableWorkflowClass</c> by registering each of them.</summary>
internal sealed record GenericWorkflowModel(string TypePath, string? Namespace, EquatableArray<ContainingTypeModel> ContainingTypes, string MethodName);

/// <summary>An exception type a catch clause of the workflow names, which a resumed workflow can rebuild by its name.</summary>
/// <param name="RuntimeName">The name <c>Type.FullName</c> gives, as saved in an exception description.</param>
/// <param name="Type">The fully qualified C# type.</param>
internal sealed record CaughtExceptionModel(string RuntimeName, string Type);

/// <summary>A type the workflow method is declared in, outermost first.</summary>
/// <param name="TypeParameterList"><c>&lt;T&gt;</c> for a generic type, empty otherwise.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name, string TypeParameterList);

/// <summary>One checkpoint slot: an input or a local that lives across a checkpoint.</summary>
/// <param name="Identifier">The C# identifier, escaped when it is a keyword.</param>
/// <param name="JsonName">The property name in the stored JSON.</param>
/// <param name="Type">The fully qualified type.</param>
/// <param name="IsInput">Whether the slot is a workflow parameter.</param>
internal sealed record SlotModel(string Identifier, string JsonName, string Type, bool IsInput);
