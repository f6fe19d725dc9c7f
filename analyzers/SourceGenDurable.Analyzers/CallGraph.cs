using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>Something a method reaches, and the calls that lead to it from that method: <c>Price -&gt; DateTime.Now</c>.</summary>
internal sealed class Finding
{
    public Finding(string target, string chain, BannedApi? api, StateWrite? write = null)
    {
        Target = target;
        Chain = chain;
        Api = api;
        Write = write;
    }

    public Finding(StateWrite write)
        : this(write.Display, write.Display, null, write)
    {
    }

    /// <summary>The banned API or the durable operation: <c>DateTime.Now</c>, <c>WorkflowContext.Step</c>.</summary>
    public string Target { get; }

    public string Chain { get; }

    /// <summary>The banned API, or null for a durable operation.</summary>
    public BannedApi? Api { get; }

    /// <summary>The write to state outside the slots, for rule 7's findings.</summary>
    public StateWrite? Write { get; }

    public Finding Through(string caller) => new(Target, caller + " -> " + Chain, Api, Write);
}

/// <summary>
/// The first banned API use, the first durable operation and the first writes to state outside the slots that a
/// method reaches, directly or through calls.
/// </summary>
internal sealed class CallSummary
{
    public static readonly CallSummary Clean = new(null, null, null, null);

    public CallSummary(Finding? banned, Finding? durable, Finding? staticState, Finding? ownState)
    {
        Banned = banned;
        Durable = durable;
        StaticState = staticState;
        OwnState = ownState;
    }

    public Finding? Banned { get; }

    public Finding? Durable { get; }

    /// <summary>A write to static state, which is outside the slots whoever calls the method.</summary>
    public Finding? StaticState { get; }

    /// <summary>
    /// A write to the state of the object the method runs on, reached through calls on that same object: state outside
    /// the slots when the workflow calls the method on itself.
    /// </summary>
    public Finding? OwnState { get; }

    /// <summary>Whether nothing is reached that SGD0009 or SGD0010 reports (state writes are SGD0007's, a separate question).</summary>
    public bool IsClean => Banned is null && Durable is null;
}

/// <summary>
/// Follows calls from a workflow body into methods, property accessors and constructors of the compilation (rules 7, 9
/// and 10). Each method is summarized once per compilation, when a workflow first reaches it, so a keystroke in a
/// workflow re-reads only that workflow; a method called from a hundred workflows is walked once.
/// </summary>
internal sealed class CallGraph
{
    private readonly Compilation _compilation;
    private readonly BannedApis _banned;
    private readonly StateWrites _writes;
    private readonly ConcurrentDictionary<IMethodSymbol, CallSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ILookup<INamedTypeSymbol, INamedTypeSymbol>> _derivedTypes;

    public CallGraph(Compilation compilation, BannedApis banned, StateWrites writes)
    {
        _compilation = compilation;
        _banned = banned;
        _writes = writes;
        _derivedTypes = new Lazy<ILookup<INamedTypeSymbol, INamedTypeSymbol>>(IndexDerivedTypes, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The method of the compilation that <paramref name="operation"/> runs, whose body is not part of the workflow
    /// body itself; null for anything else. A property counts through its getter (its setter when assigned), an object
    /// creation through its constructor. Local functions and lambdas are part of the body they are declared in, and
    /// steps and workflows are where side effects and durable operations belong, so none of those is followed.
    /// </summary>
    public static IMethodSymbol? Callee(IOperation operation)
    {
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            IPropertyReferenceOperation property => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation
                ? property.Property.SetMethod
                : property.Property.GetMethod,
            _ => null,
        };
        if (method is null || method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke ||
            method.DeclaringSyntaxReferences.IsEmpty || method.IsExtern)
        {
            return null;
        }

        var known = operation.SemanticModel is { } model ? KnownTypes.Of(model.Compilation) : null;
        foreach (var attribute in method.GetAttributes())
        {
            if (known is not null && (known.IsDurableStepAttribute(attribute) || known.IsDurableWorkflowAttribute(attribute)))
            {
                return null;
            }
        }

        return method.PartialImplementationPart ?? method.ReducedFrom ?? method.OriginalDefinition;
    }

    /// <summary>Whether <paramref name="operation"/> calls a method on the object that runs it (<c>Bump()</c>, <c>this.Total</c>).</summary>
    public static bool IsOnSelf(IOperation operation)
    {
        var instance = operation switch
        {
            IInvocationOperation invocation => invocation.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
        return instance?.WithoutConversions() is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }

    /// <summary>How a callee is named in a chain: <c>Price</c>, <c>new Calculator</c>, <c>IClock.Now</c> for an interface, abstract or virtual member.</summary>
    public static string Name(IMethodSymbol method)
    {
        var name = method.MethodKind switch
        {
            MethodKind.Constructor => "new " + method.ContainingType.Name,
            MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol!.Name,
            _ => method.Name,
        };
        return method.IsAbstract || method.IsVirtual ? method.ContainingType.Name + "." + name : name;
    }

    public CallSummary Summarize(IMethodSymbol method, CancellationToken cancellationToken) =>
        Summarize(method, new List<IMethodSymbol>(), cancellationToken).Summary;

    /// <summary>
    /// Summarizes <paramref name="method"/> depth first. <paramref name="path"/> holds the methods being summarized;
    /// a call back into one of them (a cycle) adds nothing there, since that method's own walk covers it. A summary
    /// that relied on such a method deeper than itself is incomplete until that method finishes, so it is returned but
    /// not cached (<c>Lowest</c> is the depth of the shallowest method it relied on).
    /// </summary>
    private (CallSummary Summary, int Lowest) Summarize(IMethodSymbol method, List<IMethodSymbol> path, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var cached))
        {
            return (cached, int.MaxValue);
        }

        var depth = path.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
        if (depth >= 0)
        {
            return (CallSummary.Clean, depth);
        }

        depth = path.Count;
        path.Add(method);
        Finding? banned = null;
        Finding? durable = null;
        Finding? staticState = null;
        Finding? ownState = null;
        var lowest = int.MaxValue;
        // [Pure] says the method changes no state: its writes (and its callees') are not looked for.
        var pure = _writes.IsPure(method);
        bool Done() => banned is not null && durable is not null && (pure || (staticState is not null && ownState is not null));

        // An interface or abstract member has no body, and a virtual one may be overridden: what it reaches is what any
        // implementation or override of the compilation reaches, since the one that runs is chosen at run time (by
        // dependency injection, typically). An override runs on the same object, so its own state is the caller's too.
        foreach (var implementation in MayBeOverridden(method) ? Implementations(method) : [])
        {
            var (summary, implementationLowest) = Summarize(implementation, path, cancellationToken);
            lowest = Math.Min(lowest, implementationLowest);
            var name = implementation.ContainingType.Name + "." + Name(implementation);
            banned ??= summary.Banned?.Through(name);
            durable ??= summary.Durable?.Through(name);
            if (!pure)
            {
                staticState ??= summary.StaticState?.Through(name);
                ownState ??= summary.OwnState?.Through(name);
            }
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            // The callee may be in another file than the workflow: its body is bound with that file's model, which
            // the analyzer driver caches for the compilation (RS1030 is about models created per node, not this).
#pragma warning disable RS1030
            var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(declaration, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in OutsideSteps(body))
            {
                if (banned is null && _banned.Match(operation) is { } api)
                {
                    banned = new Finding(BannedApis.Display(operation), BannedApis.Display(operation), api);
                }

                if (durable is null && operation is IInvocationOperation { Syntax: InvocationExpressionSyntax call } &&
                    DurableOperation.Classify(call, model, method.ContainingType, cancellationToken) is not null)
                {
                    var target = BannedApis.Display(operation);
                    durable = new Finding(target, target, null);
                }

                if (!pure && (staticState is null || ownState is null) && _writes.Find(operation, method) is { } write)
                {
                    if (write.IsStatic)
                    {
                        staticState ??= new Finding(write);
                    }
                    else
                    {
                        ownState ??= new Finding(write);
                    }
                }

                if (!Done() && Callee(operation) is { } callee)
                {
                    var (summary, calleeLowest) = Summarize(callee, path, cancellationToken);
                    lowest = Math.Min(lowest, calleeLowest);
                    banned ??= summary.Banned?.Through(Name(callee));
                    durable ??= summary.Durable?.Through(Name(callee));
                    if (!pure)
                    {
                        staticState ??= summary.StaticState?.Through(Name(callee));
                        if (IsOnSelf(operation))
                        {
                            ownState ??= summary.OwnState?.Through(Name(callee));
                        }
                    }
                }

                if (Done())
                {
                    break;
                }
            }
        }

        path.RemoveAt(depth);
        var result = banned is null && durable is null && staticState is null && ownState is null
            ? CallSummary.Clean
            : new CallSummary(banned, durable, staticState, ownState);
        var complete = lowest >= depth || Done();
        if (complete)
        {
            _summaries.TryAdd(method, result);
        }

        return (result, complete ? int.MaxValue : lowest);
    }

    private static bool MayBeOverridden(IMethodSymbol method) =>
        method.IsAbstract || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed);

    /// <summary>The members of the compilation's types that implement or override <paramref name="member"/> (an interface, abstract or virtual member).</summary>
    private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol member)
    {
        foreach (var type in _derivedTypes.Value[member.ContainingType.OriginalDefinition])
        {
            var implementation = member.ContainingType.TypeKind == TypeKind.Interface
                ? type.AllInterfaces
                    .Where(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, member.ContainingType.OriginalDefinition))
                    .SelectMany(i => i.GetMembers(member.Name))
                    .Where(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, member.OriginalDefinition))
                    .Select(m => type.FindImplementationForInterfaceMember(m))
                    .OfType<IMethodSymbol>()
                    .FirstOrDefault()
                : type.GetMembers(member.Name).OfType<IMethodSymbol>().FirstOrDefault(m => Overrides(m, member));
            if (implementation is { IsAbstract: false, DeclaringSyntaxReferences.IsEmpty: false })
            {
                yield return implementation.OriginalDefinition;
            }
        }
    }

    private static bool Overrides(IMethodSymbol method, IMethodSymbol member)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Each interface and base class of the compilation's types, with the types of the compilation that implement or
    /// derive from it. Built once per compilation, the first time a workflow calls through an interface or abstract member.
    /// </summary>
    private ILookup<INamedTypeSymbol, INamedTypeSymbol> IndexDerivedTypes()
    {
        var pairs = new List<(INamedTypeSymbol Base, INamedTypeSymbol Type)>();
        var namespaces = new Stack<INamespaceOrTypeSymbol>();
        namespaces.Push(_compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    namespaces.Push(container);
                }

                if (member is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class or TypeKind.Struct } type)
                {
                    pairs.AddRange(type.AllInterfaces.Select(i => (i.OriginalDefinition, type)));
                    for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                    {
                        pairs.Add((baseType.OriginalDefinition, type));
                    }
                }
            }
        }

        return pairs.ToLookup<(INamedTypeSymbol Base, INamedTypeSymbol Type), INamedTypeSymbol, INamedTypeSymbol>(p => p.Base, p => p.Type, SymbolEqualityComparer.Default);
    }

    /// <summary>Every operation under <paramref name="root"/>, in source order, except those inside <c>ctx.Step</c> bodies and <c>nameof</c>.</summary>
    private static IEnumerable<IOperation> OutsideSteps(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation.StartsNonWorkflowCode())
            {
                continue;
            }

            yield return operation;
            var children = new List<IOperation>(operation.ChildOperations);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
