using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

internal enum DurableOperationKind
{
    /// <summary><c>ctx.Step(name, body)</c>.</summary>
    ContextStep,

    /// <summary>A call to a <c>[DurableStep]</c> method of the workflow's class.</summary>
    StepMethod,

    /// <summary><c>ctx.Sleep(duration)</c>: a durable timer.</summary>
    Sleep,

    /// <summary><c>ctx.SleepUntil(dueTime)</c>: a durable timer.</summary>
    SleepUntil,

    /// <summary><c>ctx.WaitForEvent&lt;T&gt;(name[, timeout])</c>: a durable wait for an event.</summary>
    WaitForEvent,

    /// <summary>A call to a <c>[DurableWorkflow]</c> method: starts it as a child instance and waits for its outcome.</summary>
    ChildWorkflow,

    /// <summary><c>ctx.WhenAll(...)</c>: a fan-out over durable operations, waiting for all.</summary>
    WhenAll,

    /// <summary><c>ctx.WhenAny(...)</c>: a fan-out over durable operations, waiting for the first.</summary>
    WhenAny,
}

/// <summary>A call that is a durable operation: awaiting it directly in a workflow body is a checkpoint.</summary>
internal sealed class DurableOperation
{
    private const int DefaultMaxAttempts = 3;

    private DurableOperation(
        DurableOperationKind kind, IMethodSymbol method, ITypeSymbol? resultType, string? stepName, int maxAttempts, ImmutableArray<KeyValuePair<string, TypedConstant>> retryArguments = default)
    {
        RetryArguments = retryArguments.IsDefault ? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty : retryArguments;
        Kind = kind;
        Method = method;
        ResultType = resultType;
        StepName = stepName;
        MaxAttempts = maxAttempts;
    }

    public DurableOperationKind Kind { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c>, or null for a step without a result.</summary>
    public ITypeSymbol? ResultType { get; }

    /// <summary>The step name of a <c>[DurableStep]</c> method; null for <c>ctx.Step</c>, whose name is an argument.</summary>
    public string? StepName { get; }

    public int MaxAttempts { get; }

    /// <summary>
    /// The retry policy arguments of a <c>[DurableStep]</c> besides <c>MaxAttempts</c> (first delay, backoff, maximum
    /// delay, exceptions not retried), as written; empty for immediate retries.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, TypedConstant>> RetryArguments { get; }

    /// <summary><c>ctx.WhenAll</c> or <c>ctx.WhenAny</c>: its arguments are the durable operations it runs.</summary>
    public bool IsFanOut => Kind is DurableOperationKind.WhenAll or DurableOperationKind.WhenAny;

    /// <summary>A method of the workflow's context (called on its context parameter), not a <c>[DurableStep]</c> method.</summary>
    public bool IsContextOperation => Kind is not (DurableOperationKind.StepMethod or DurableOperationKind.ChildWorkflow);

    /// <summary>The operation's call as the user wrote it, without a step body: <c>ctx.Step("charge", ...)</c>, <c>Reserve(order)</c>.</summary>
    public string Describe(InvocationExpressionSyntax call) =>
        Kind == DurableOperationKind.ContextStep && call.ArgumentList.Arguments.Count > 1
            ? $"{call.Expression}({call.ArgumentList.Arguments[0]}, ...)"
            : call.ToString();

    /// <summary>Classifies <paramref name="invocation"/>; null when it is not a durable operation.</summary>
    public static DurableOperation? Classify(InvocationExpressionSyntax invocation, SemanticModel model, INamedTypeSymbol workflowType, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var known = KnownTypes.Of(model.Compilation);
        var resultType = known.TaskResult(method.ReturnType);
        if (known.IsWorkflowContext(method.ContainingType))
        {
            DurableOperationKind? kind = method.Name switch
            {
                "Step" => DurableOperationKind.ContextStep,
                "Sleep" => DurableOperationKind.Sleep,
                "SleepUntil" => DurableOperationKind.SleepUntil,
                "WaitForEvent" => DurableOperationKind.WaitForEvent,
                "WhenAll" => DurableOperationKind.WhenAll,
                "WhenAny" => DurableOperationKind.WhenAny,
                _ => null,
            };
            return kind is { } contextKind ? new DurableOperation(contextKind, method, resultType, null, DefaultMaxAttempts) : null;
        }

        // A workflow of this class or of another one: the engine starts it by name, as a child instance.
        if (known.IsWorkflow(method))
        {
            return new DurableOperation(DurableOperationKind.ChildWorkflow, method, resultType, null, DefaultMaxAttempts);
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, workflowType.OriginalDefinition))
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (!known.IsDurableStepAttribute(attribute))
            {
                continue;
            }

            var maxAttempts = DefaultMaxAttempts;
            var retry = ImmutableArray.CreateBuilder<KeyValuePair<string, TypedConstant>>();
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "MaxAttempts" && argument.Value.Value is int attempts)
                {
                    maxAttempts = attempts;
                }
                else if (argument.Key != "Name" && argument.Key != "MaxAttempts")
                {
                    retry.Add(argument);
                }
            }

            return new DurableOperation(DurableOperationKind.StepMethod, method, resultType, StepNameOf(method, attribute), maxAttempts, retry.ToImmutable());
        }

        return null;
    }

    /// <summary>The step name of a <c>[DurableStep]</c> method: its pinned <c>Name</c>, or the method's name.</summary>
    public static string StepNameOf(IMethodSymbol method, AttributeData stepAttribute)
    {
        foreach (var argument in stepAttribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string pinned)
            {
                return pinned;
            }
        }

        return method.Name;
    }
}
