using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SourceGenDurable.Shared;

/// <summary>
/// The runtime and framework types the generator and the analyzers recognize, resolved once per compilation as
/// symbols: a type is recognized by symbol identity, so a nullable annotation or a type of the same name elsewhere
/// never changes the answer, as comparing display strings would.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> ByCompilation = new();

    private KnownTypes(Compilation compilation)
    {
        DurableWorkflowAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.DurableWorkflowAttribute);
        DurableStepAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.DurableStepAttribute);
        WorkflowContext = compilation.GetTypeByMetadataName(KnownTypeNames.WorkflowContext);
        Task = compilation.GetTypeByMetadataName(KnownTypeNames.Task);
        TaskOfT = compilation.GetTypeByMetadataName(KnownTypeNames.TaskOfT);
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
    }

    public INamedTypeSymbol? DurableWorkflowAttribute { get; }

    public INamedTypeSymbol? DurableStepAttribute { get; }

    public INamedTypeSymbol? WorkflowContext { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    /// <summary>The non-generic <c>ValueTask</c>, whose static members make completed value tasks.</summary>
    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Exception { get; }

    /// <summary>The known types of <paramref name="compilation"/>, resolved on first use and kept while it lives.</summary>
    public static KnownTypes Of(Compilation compilation) => ByCompilation.GetValue(compilation, static c => new KnownTypes(c));

    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c>, with any annotation and type argument.</summary>
    public bool IsTask(ITypeSymbol type) => Is(type.OriginalDefinition, Task) || Is(type.OriginalDefinition, TaskOfT);

    /// <summary>The non-generic <c>Task</c> or <c>ValueTask</c>, which declare the factories of completed tasks (<c>Task.FromResult</c>).</summary>
    public bool IsTaskFactoryType(ITypeSymbol type) => Is(type, Task) || Is(type, ValueTask);

    /// <summary>The <c>T</c> of a <c>Task&lt;T&gt;</c>, or null for any other type.</summary>
    public ITypeSymbol? TaskResult(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && Is(generic.ConstructedFrom, TaskOfT) ? generic.TypeArguments[0] : null;

    public bool IsWorkflowContext(ITypeSymbol? type) => Is(type?.OriginalDefinition, WorkflowContext);

    public bool IsCancellationToken(ITypeSymbol type) => Is(type, CancellationToken);

    /// <summary>Exactly <c>System.Exception</c>, not a type derived from it.</summary>
    public bool IsException(ITypeSymbol type) => Is(type, Exception);

    public bool IsDurableWorkflowAttribute(AttributeData attribute) => Is(attribute.AttributeClass, DurableWorkflowAttribute);

    public bool IsDurableStepAttribute(AttributeData attribute) => Is(attribute.AttributeClass, DurableStepAttribute);

    /// <summary>Whether <paramref name="method"/> is declared <c>[DurableWorkflow]</c>.</summary>
    public bool IsWorkflow(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsDurableWorkflowAttribute(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        // The default comparer ignores nullable annotations: 'WorkflowContext?' is the context.
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
