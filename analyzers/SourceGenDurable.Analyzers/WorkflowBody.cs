using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// The rules that read one workflow body (1 to 7, 9 and 10, and step names for 11). The body is the
/// <c>[DurableWorkflow]</c> method with its lambdas and local functions, minus the bodies of <c>ctx.Step</c>: that is
/// the code that runs again, from the last checkpoint, after a restart.
/// </summary>
internal sealed class WorkflowBody
{
    /// <summary>The diagnostic property that holds the expression the code fix writes.</summary>
    public const string ReplacementProperty = "Replacement";

    private readonly IMethodSymbol _workflow;
    private readonly string _context;
    private readonly BannedApis _banned;
    private readonly CallGraph _calls;
    private readonly StateWrites _writes;
    private readonly ConcurrentQueue<(string Name, Location Location, IMethodSymbol? StepMethod)> _stepNames = new();

    public WorkflowBody(IMethodSymbol workflow, BannedApis banned, CallGraph calls, StateWrites writes)
    {
        _writes = writes;
        _workflow = workflow;
        _context = workflow.Parameters.FirstOrDefault()?.Name ?? "ctx";
        _banned = banned;
        _calls = calls;
    }

    /// <summary>
    /// Rules 1 to 5 on a banned API, 7 on a collection changed in place or on a call that writes state, 9 and 10 on a
    /// call into code that reaches a banned API or a durable operation, and the hint on a delegate it cannot follow.
    /// </summary>
    public void AnalyzeUse(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (!operation.IsInWorkflowBody())
        {
            return;
        }

        if (operation is IInvocationOperation { Syntax: InvocationExpressionSyntax call } &&
            DurableOperation.Classify(call, operation.SemanticModel!, _workflow.ContainingType, context.CancellationToken) is { } durable)
        {
            RecordStepName(durable, call, operation.SemanticModel!);
            return;
        }

        if (operation is IInvocationOperation && _writes.Find(operation, _workflow) is { } mutation)
        {
            ReportWrite(context, mutation, operation.Syntax.GetLocation(), chain: null);
            return;
        }

        if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke && ReceivedDelegate(invoke) is { } received)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnfollowedDelegate, operation.Syntax.GetLocation(), received));
            return;
        }

        if (_banned.Match(operation) is { } api)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (Replacement(api, operation) is { } replacement)
            {
                properties = properties.Add(ReplacementProperty, replacement);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                api.Descriptor, operation.Syntax.GetLocation(), properties, BannedApis.Display(operation), string.Format(api.Advice, _context)));
            return;
        }

        if (CallGraph.Callee(operation) is not { } callee)
        {
            return;
        }

        var summary = _calls.Summarize(callee, context.CancellationToken);
        var location = operation.Syntax.GetLocation();
        if (summary.Durable is { } reached)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DurableOperationOutsideWorkflowBody, location, CallGraph.Name(callee), reached.Target, Chain(callee, reached)));
        }

        if (summary.Banned is { Api: { } banned } found)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ViolationThroughCall, location, CallGraph.Name(callee), found.Target, Chain(callee, found), banned.Reason));
        }

        // A write through a property setter of this object or of static state is reported as the write itself (AnalyzeWrite).
        var written = summary.StaticState ?? (CallGraph.IsOnSelf(operation) ? summary.OwnState : null);
        if (written is { Write: { } write } &&
            !(callee.MethodKind == MethodKind.PropertySet && operation.Parent is IAssignmentOperation assignment && _writes.Find(assignment, _workflow) is not null))
        {
            ReportWrite(context, write, location, Chain(callee, written));
        }
    }

    /// <summary>Rule 6: an await of anything but a durable operation, unless another rule already reports what it awaits.</summary>
    public void AnalyzeAwait(OperationAnalysisContext context)
    {
        var operand = ((IAwaitOperation)context.Operation).Operation.WithoutConversions();
        // 'await x.ConfigureAwait(...)' awaits x: SGD0005 reports a 'false', and the rest is about x.
        var awaited = operand;
        while (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
        {
            awaited = configured.WithoutConversions();
        }

        if (!context.Operation.IsInWorkflowBody() || _banned.Match(operand) is not null || _banned.Match(awaited) is not null ||
            IsAlreadyComplete(awaited))
        {
            return;
        }

        if (awaited is IInvocationOperation { Syntax: InvocationExpressionSyntax call } invocation &&
            (DurableOperation.Classify(call, awaited.SemanticModel!, _workflow.ContainingType, context.CancellationToken) is not null ||
             (CallGraph.Callee(invocation) is { } callee && !_calls.Summarize(callee, context.CancellationToken).IsClean)))
        {
            return;
        }

        var name = awaited is IInvocationOperation target
            ? target.TargetMethod.ContainingType.Name + "." + target.TargetMethod.Name
            : awaited.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonDurableAwait, awaited.Syntax.GetLocation(), name));
    }

    /// <summary>
    /// Rule 7: a write to a field or property of the workflow object, to a captured constructor parameter, or to static
    /// state, or to an element of a collection or array one of them holds.
    /// </summary>
    public void AnalyzeWrite(OperationAnalysisContext context)
    {
        if (!context.Operation.IsInWorkflowBody())
        {
            ReportStepWrite(context);
            return;
        }

        if (_writes.Find(context.Operation, _workflow) is { } write)
        {
            var target = context.Operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => context.Operation,
            };
            ReportWrite(context, write, target.Syntax.GetLocation(), chain: null);
        }
    }

    /// <summary>
    /// Rule 16: a foreach over a local or parameter whose body awaits a durable operation, and changes an element
    /// through the loop's variable. The elements left to visit are saved with each checkpoint, apart from the
    /// collection, so after a resume the variable is a copy and the change never reaches the collection.
    /// </summary>
    public void AnalyzeForEach(OperationAnalysisContext context)
    {
        if (context.Operation is not IForEachLoopOperation loop || !loop.IsInWorkflowBody() ||
            loop.Collection.WithoutConversions() is not { } collection || collection is not (ILocalReferenceOperation or IParameterReferenceOperation) ||
            loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var variable } || !LiveVariables.ComesBackAsCopy(variable.Type) ||
            !loop.Body.Descendants().Any(o => o is IAwaitOperation awaited && IsDurable(awaited, context.CancellationToken)))
        {
            return;
        }

        foreach (var write in loop.Body.Descendants())
        {
            var changed = write switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IInvocationOperation { Instance: { } instance } call when _writes.IsMutator(call.TargetMethod) => instance,
                _ => null,
            };
            if (changed is not null && changed is not ILocalReferenceOperation && RootsAt(changed, variable))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ForEachVariableIsCopy, write.Syntax.GetLocation(), variable.Name, collection.Syntax.ToString()));
            }
        }
    }

    private bool IsDurable(IAwaitOperation awaited, System.Threading.CancellationToken cancellationToken) =>
        awaited.IsInWorkflowBody() &&
        awaited.Operation.WithoutConversions() is IInvocationOperation { Syntax: InvocationExpressionSyntax call } invocation &&
        DurableOperation.Classify(call, invocation.SemanticModel!, _workflow.ContainingType, cancellationToken) is not null;

    /// <summary>Whether <paramref name="target"/> is <paramref name="variable"/> itself or reached from it through members and elements.</summary>
    private static bool RootsAt(IOperation target, ILocalSymbol variable)
    {
        for (var current = target.WithoutConversions(); current is not null;)
        {
            if (current is ILocalReferenceOperation local)
            {
                return SymbolEqualityComparer.Default.Equals(local.Local, variable);
            }

            current = current.Container();
        }

        return false;
    }

    /// <summary>
    /// Rule 15: inside a <c>ctx.Step</c> body, an assignment to a local or a parameter declared outside it, in the
    /// workflow. It happens when the step runs, and never when a resumed workflow gets the step's recorded result.
    /// </summary>
    private static void ReportStepWrite(OperationAnalysisContext context)
    {
        var target = context.Operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        var (variable, kind) = target switch
        {
            ILocalReferenceOperation local => ((ISymbol)local.Local, "a local"),
            IParameterReferenceOperation parameter => (parameter.Parameter, "a parameter"),
            _ => (null, null),
        };
        if (variable is null || StepBodyOf(context.Operation) is not { } step ||
            variable.DeclaringSyntaxReferences.Any(r => step.Body.Syntax.Span.Contains(r.Span)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StepAssignsWorkflowVariable, target!.Syntax.GetLocation(), variable.Name, kind, step.Name));
    }

    /// <summary>The innermost <c>ctx.Step</c> body <paramref name="operation"/> is in, with the step's name as written.</summary>
    private static (IAnonymousFunctionOperation Body, string Name)? StepBodyOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation body && current.StartsNonWorkflowCode() &&
                body.Parent?.Parent?.Parent is IInvocationOperation step)
            {
                var name = step.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
                return (body, name?.ConstantValue is { HasValue: true, Value: string text } ? text : name?.Syntax.ToString() ?? "");
            }
        }

        return null;
    }

    /// <summary>
    /// Reports SGD0007 on <paramref name="write"/>, made in the body or, when <paramref name="chain"/> is given, through
    /// the calls it names.
    /// </summary>
    private void ReportWrite(OperationAnalysisContext context, StateWrite write, Location location, string? chain)
    {
        var workflowClass = _workflow.ContainingType.Name;
        var (name, what) = write.Member switch
        {
            IFieldSymbol { IsStatic: true } => (StateWrites.Qualified(write.Member), "a static field"),
            IPropertySymbol { IsStatic: true } => (StateWrites.Qualified(write.Member), "a static property"),
            IFieldSymbol => (write.Member.Name, $"a field of the workflow class '{workflowClass}'"),
            IPropertySymbol => (write.Member.Name, $"a property of the workflow class '{workflowClass}'"),
            _ => (write.Member.Name, $"a constructor parameter captured by the workflow class '{workflowClass}'"),
        };
        if (write.IsMutation)
        {
            what += $" holding a collection that '{write.Display}' changes";
        }

        if (chain is not null)
        {
            what += write.IsMutation ? $" through a call ({chain})" : $", written through a call ({chain})";
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StateOutsideSlots, location, name, what));
    }

    /// <summary>
    /// How the delegate that <paramref name="invocation"/> invokes is named when the workflow receives it from outside
    /// (a field, a property, a captured constructor parameter, an input), so the call graph cannot know what it runs;
    /// null for a delegate the body makes itself.
    /// </summary>
    private static string? ReceivedDelegate(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance?.WithoutConversions();
        if (receiver is IConditionalAccessInstanceOperation)
        {
            // 'handler?.Invoke()': the receiver is the operand of the enclosing conditional access.
            for (var parent = invocation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    receiver = access.Operation.WithoutConversions();
                    break;
                }
            }
        }

        return receiver switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Ordinary } } parameter =>
                parameter.Parameter.Name,
            _ => null,
        };
    }

    /// <summary>Rule 11: a <c>ctx.Step</c> named like a <c>[DurableStep]</c> method that the same workflow awaits.</summary>
    public void ReportStepNameClashes(OperationBlockAnalysisContext context)
    {
        var methodSteps = _stepNames.Where(s => s.StepMethod is not null).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().StepMethod!);
        foreach (var (name, location, _) in _stepNames.Where(s => s.StepMethod is null))
        {
            if (methodSteps.TryGetValue(name, out var method))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.StepMisuse,
                    location,
                    method.Name,
                    $"has the step name '{name}', which '{_context}.Step(\"{name}\", ...)' in workflow '{_workflow.Name}' also uses: give each step its own name, so that the step history tells them apart"));
            }
        }
    }

    private void RecordStepName(DurableOperation durable, InvocationExpressionSyntax call, SemanticModel model)
    {
        if (durable.Kind == DurableOperationKind.StepMethod)
        {
            _stepNames.Enqueue((durable.StepName!, call.GetLocation(), durable.Method));
        }
        else if (durable.Kind == DurableOperationKind.ContextStep && call.ArgumentList.Arguments.FirstOrDefault() is { } first &&
                 model.GetConstantValue(first.Expression) is { HasValue: true, Value: string name })
        {
            _stepNames.Enqueue((name, first.GetLocation(), null));
        }
    }

    private string Chain(IMethodSymbol callee, Finding finding) => $"{_workflow.Name} -> {CallGraph.Name(callee)} -> {finding.Chain}";

    /// <summary>
    /// The code fix's expression, when the replacement means the same as the use. A replacement that is a timer only
    /// means the same when it is awaited: a Task.Delay kept in a variable is not a checkpoint.
    /// </summary>
    private string? Replacement(BannedApi api, IOperation operation)
    {
        if (api.Replacement is null ||
            (operation.Type is { } type && KnownTypes.Of(operation.SemanticModel!.Compilation).IsTask(type) && operation.ParentWithoutConversions() is not IAwaitOperation))
        {
            return null;
        }

        var argument = operation is IInvocationOperation { Arguments: [{ } first] } ? first.Value.Syntax.ToString() : "";
        return string.Format(api.Replacement, _context, argument);
    }

    /// <summary>Whether the awaited task is complete when created (<c>Task.FromResult</c>, <c>Task.CompletedTask</c>): awaiting it loses nothing.</summary>
    private static bool IsAlreadyComplete(IOperation awaited)
    {
        ISymbol? member = awaited switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        return member is { IsStatic: true, ContainingType: { } type } &&
            member.Name is "FromResult" or "FromException" or "FromCanceled" or "CompletedTask" or "Yield" &&
            KnownTypes.Of(awaited.SemanticModel!.Compilation).IsTaskFactoryType(type);
    }
}
