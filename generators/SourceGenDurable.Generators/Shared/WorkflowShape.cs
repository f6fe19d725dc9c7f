using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Shared;

/// <summary>A reason the generator cannot lower a workflow, reported by the analyzers at <see cref="Location"/>.</summary>
internal readonly struct ShapeProblem
{
    public ShapeProblem(string id, Location location, params string[] messageArgs)
    {
        Id = id;
        Location = location;
        MessageArgs = messageArgs;
    }

    public string Id { get; }

    public Location Location { get; }

    public string[] MessageArgs { get; }
}

/// <summary>How a checkpoint statement uses the result of its durable operation.</summary>
internal enum CheckpointForm
{
    /// <summary><c>await op;</c></summary>
    Discard,

    /// <summary><c>x = await op;</c></summary>
    Assign,

    /// <summary><c>var x = await op;</c></summary>
    Declare,

    /// <summary><c>return await op;</c></summary>
    Return,
}

/// <summary>A top-level statement of a workflow body that awaits a durable operation.</summary>
internal sealed class CheckpointSite
{
    public CheckpointSite(int statementIndex, CheckpointForm form, InvocationExpressionSyntax invocation, DurableOperation operation, ISymbol? target)
    {
        StatementIndex = statementIndex;
        Form = form;
        Invocation = invocation;
        Operation = operation;
        Target = target;
    }

    public int StatementIndex { get; }

    public CheckpointForm Form { get; }

    public InvocationExpressionSyntax Invocation { get; }

    public DurableOperation Operation { get; }

    /// <summary>The local or parameter that receives the result, for <see cref="CheckpointForm.Assign"/> and <see cref="CheckpointForm.Declare"/>.</summary>
    public ISymbol? Target { get; }
}

/// <summary>
/// The one place that decides whether a <c>[DurableWorkflow]</c> method can be lowered, where its checkpoints are,
/// and which variables live across them. The generator lowers what it accepts; the analyzers report what it rejects.
/// </summary>
internal sealed class WorkflowShape
{
    private WorkflowShape(ImmutableArray<ShapeProblem> problems, ImmutableArray<CheckpointSite> checkpoints, ImmutableArray<ISymbol> slotVariables)
    {
        Problems = problems;
        Checkpoints = checkpoints;
        SlotVariables = slotVariables;
    }

    public ImmutableArray<ShapeProblem> Problems { get; }

    public ImmutableArray<CheckpointSite> Checkpoints { get; }

    /// <summary>The inputs (every parameter but the context) and the locals read after some checkpoint, in declaration order.</summary>
    public ImmutableArray<ISymbol> SlotVariables { get; }

    public static WorkflowShape Analyze(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<ShapeProblem>();
        CheckSignature(method, syntax, problems);
        if (problems.Count > 0 || syntax.Body is null)
        {
            return new WorkflowShape(problems.ToImmutable(), ImmutableArray<CheckpointSite>.Empty, ImmutableArray<ISymbol>.Empty);
        }

        var checkpoints = FindCheckpoints(method, syntax.Body, model, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new WorkflowShape(problems.ToImmutable(), checkpoints, ImmutableArray<ISymbol>.Empty);
        }

        var slots = FindSlotVariables(method, syntax.Body, checkpoints, model);
        foreach (var slot in slots)
        {
            var type = slot is ILocalSymbol local ? local.Type : ((IParameterSymbol)slot).Type;
            if (slot is ILocalSymbol && !IsDeclaredByTopLevelStatement(slot, syntax.Body))
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    slot.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"'{slot.Name}' lives across a checkpoint but is declared by a pattern, 'out var' or deconstruction, which this version does not lower yet; declare it with its own statement ('var {slot.Name} = ...;')"));
            }
            else if (WhyNotCheckpointable(type) is { } reason)
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    slot.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"'{slot.Name}' of type '{type.ToDisplayString()}' lives across a checkpoint, but {reason} cannot be checkpointed"));
            }
        }

        return new WorkflowShape(problems.ToImmutable(), checkpoints, slots);
    }

    private static void CheckSignature(IMethodSymbol method, MethodDeclarationSyntax syntax, ImmutableArray<ShapeProblem>.Builder problems)
    {
        var name = syntax.Identifier.GetLocation();
        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(new ShapeProblem(DiagnosticIds.ContainingTypeNotPartial, name, method.Name, type.Identifier.ValueText));
            }
        }

        if (!syntax.Modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowNotAsync, name, method.Name));
        }

        if (method.Parameters.Length == 0 || method.Parameters[0].Type.ToDisplayString() != KnownTypeNames.WorkflowContext)
        {
            var location = syntax.ParameterList.Parameters.Count > 0 ? syntax.ParameterList.Parameters[0].GetLocation() : syntax.ParameterList.GetLocation();
            problems.Add(new ShapeProblem(DiagnosticIds.FirstParameterNotContext, location, method.Name));
        }

        var returnType = method.ReturnType.OriginalDefinition.ToDisplayString();
        if (returnType != "System.Threading.Tasks.Task" && returnType != "System.Threading.Tasks.Task<TResult>")
        {
            problems.Add(new ShapeProblem(DiagnosticIds.ReturnTypeNotTask, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
        }

        var unsupported =
            syntax.Body is null ? "it has an expression body; give it a block body" :
            method.IsStatic ? "it is static; make it an instance method (the class is created through dependency injection)" :
            method.IsGenericMethod ? "it has type parameters, which this version does not support yet" :
            method.ContainingType.TypeKind != TypeKind.Class ? "it is not declared in a class" :
            ContainingTypes(method).Any(t => t.IsGenericType) ? "its class is generic, which this version does not support yet" :
            method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams) ? "it has a ref, out, in or params parameter; inputs are passed by value" :
            method.ContainingType.GetMembers(method.Name).Count(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypeNames.DurableWorkflowAttribute)) > 1
                ? "another [DurableWorkflow] method of its class has the same name; give each workflow method its own name"
                : null;
        if (unsupported is not null)
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowShapeNotSupported, name, method.Name, unsupported));
        }
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            yield return type;
        }
    }

    private static ImmutableArray<CheckpointSite> FindCheckpoints(
        IMethodSymbol method, BlockSyntax body, SemanticModel model, ImmutableArray<ShapeProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var checkpoints = ImmutableArray.CreateBuilder<CheckpointSite>();
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var operation = DurableOperation.Classify(invocation, model, method.ContainingType, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            var site = ClassifySite(method, body, invocation, operation, model, out var reason);
            if (site is null)
            {
                problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, invocation.GetLocation(), reason!));
                continue;
            }

            if (WhyOperationNotLowered(method, invocation, operation, model) is { } operationReason)
            {
                problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, invocation.GetLocation(), operationReason));
                continue;
            }

            var openUsing = body.Statements.Take(site.StatementIndex).OfType<LocalDeclarationStatementSyntax>()
                .FirstOrDefault(d => !d.UsingKeyword.IsKind(SyntaxKind.None));
            if (openUsing is not null)
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.DurableAwaitNotLowered,
                    invocation.GetLocation(),
                    $"the using declaration of '{openUsing.Declaration.Variables[0].Identifier.ValueText}' is still in scope here, and a resource cannot survive a restart; dispose it before the durable await"));
                continue;
            }

            checkpoints.Add(site);
        }

        return checkpoints.ToImmutable();
    }

    private static CheckpointSite? ClassifySite(
        IMethodSymbol method, BlockSyntax body, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model, out string? reason)
    {
        reason = null;
        SyntaxNode node = invocation;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (invocation.Ancestors().TakeWhile(a => a != body).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            reason = "it is inside a lambda or local function; a durable operation must be awaited in the workflow body itself";
            return null;
        }

        if (node.Parent is not AwaitExpressionSyntax awaitExpression)
        {
            reason = "it is not awaited directly; write 'await' in front of the call";
            return null;
        }

        var statement = invocation.Ancestors().OfType<StatementSyntax>().First();
        if (statement.Parent != body)
        {
            reason = $"it is inside {Describe(statement)}; this version of the generator lowers durable awaits only in statements directly in the workflow body";
            return null;
        }

        var index = body.Statements.IndexOf(statement);
        var value = Unparenthesize(awaitExpression);
        switch (statement)
        {
            case ExpressionStatementSyntax expression when Unparenthesize(expression.Expression) == value:
                return new CheckpointSite(index, CheckpointForm.Discard, invocation, operation, null);

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when
                assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Unparenthesize(assignment.Right) == value:
                var target = model.GetSymbolInfo(assignment.Left).Symbol;
                if (assignment.Left is IdentifierNameSyntax && (target is ILocalSymbol || target is IParameterSymbol { IsThis: false }))
                {
                    return new CheckpointSite(index, CheckpointForm.Assign, invocation, operation, target);
                }

                // '_ = await op;' assigns nothing: it is the same checkpoint as 'await op;'.
                if (assignment.Left is IdentifierNameSyntax && target is IDiscardSymbol)
                {
                    return new CheckpointSite(index, CheckpointForm.Discard, invocation, operation, null);
                }

                if (assignment.Left is DeclarationExpressionSyntax or TupleExpressionSyntax)
                {
                    reason = "its result is deconstructed; assign it to a local first ('var x = await ...;') and deconstruct that";
                    return null;
                }

                reason = "its result is assigned to a field, property or element; assign it to a local first";
                return null;

            case LocalDeclarationStatementSyntax declaration when
                declaration.UsingKeyword.IsKind(SyntaxKind.None) &&
                declaration.Declaration.Variables.Count == 1 &&
                declaration.Declaration.Variables[0].Initializer is { } initializer &&
                Unparenthesize(initializer.Value) == value:
                return new CheckpointSite(index, CheckpointForm.Declare, invocation, operation, model.GetDeclaredSymbol(declaration.Declaration.Variables[0]));

            case ReturnStatementSyntax { Expression: { } returned } when Unparenthesize(returned) == value:
                return new CheckpointSite(index, CheckpointForm.Return, invocation, operation, null);

            default:
                reason = "it is part of a larger expression; assign its result to a local first ('var x = await ...;')";
                return null;
        }
    }

    private static string? WhyOperationNotLowered(IMethodSymbol method, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model)
    {
        if (operation.Kind == DurableOperationKind.ContextStep)
        {
            var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? model.GetSymbolInfo(access.Expression).Symbol : null;
            return SymbolEqualityComparer.Default.Equals(receiver, method.Parameters[0])
                ? null
                : $"call Step on the workflow's own context parameter '{method.Parameters[0].Name}'";
        }

        var returnType = operation.Method.ReturnType.OriginalDefinition.ToDisplayString();
        if (returnType != "System.Threading.Tasks.Task" && returnType != "System.Threading.Tasks.Task<TResult>")
        {
            return $"step method '{operation.Method.Name}' returns '{operation.Method.ReturnType.ToDisplayString()}'; a step returns Task or Task<T>";
        }

        if (operation.Method.IsGenericMethod)
        {
            return $"step method '{operation.Method.Name}' is generic, which this version does not support yet";
        }

        if (model.GetOperation(invocation) is IInvocationOperation call &&
            call.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray || a.Parameter?.RefKind != RefKind.None))
        {
            return $"the arguments of step '{operation.Method.Name}' use ref, out, in or params, which cannot be captured for a retry";
        }

        return null;
    }

    private static ImmutableArray<ISymbol> FindSlotVariables(IMethodSymbol method, BlockSyntax body, ImmutableArray<CheckpointSite> checkpoints, SemanticModel model)
    {
        var live = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var last = body.Statements.Count - 1;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.StatementIndex < last)
            {
                var flow = model.AnalyzeDataFlow(body.Statements[checkpoint.StatementIndex + 1], body.Statements[last]);
                if (flow is { Succeeded: true })
                {
                    live.UnionWith(flow.DataFlowsIn.Where(s => s is ILocalSymbol));
                }
            }
        }

        // Inputs are slots whether or not they are read later: a new instance is stored as its inputs.
        return method.Parameters.Skip(1).Cast<ISymbol>()
            .Concat(live.OrderBy(s => s.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
            .ToImmutableArray();
    }

    private static bool IsDeclaredByTopLevelStatement(ISymbol local, BlockSyntax body) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement },
        } && statement.Parent == body;

    private static string? WhyNotCheckpointable(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } => "anonymous types have no constructor that System.Text.Json can call, so they",
        { IsRefLikeType: true } => "ref structs",
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers",
        { TypeKind: TypeKind.Delegate } => "delegates",
        _ => null,
    };

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static string Describe(StatementSyntax statement)
    {
        for (SyntaxNode? node = statement; node is not null && node is not BaseMethodDeclarationSyntax; node = node.Parent)
        {
            if (node.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax })
            {
                return node switch
                {
                    IfStatementSyntax => "an if statement",
                    WhileStatementSyntax => "a while loop",
                    DoStatementSyntax => "a do loop",
                    ForStatementSyntax => "a for loop",
                    CommonForEachStatementSyntax => "a foreach loop",
                    TryStatementSyntax => "a try statement",
                    SwitchStatementSyntax => "a switch statement",
                    UsingStatementSyntax => "a using statement",
                    LockStatementSyntax => "a lock statement",
                    LabeledStatementSyntax => "a labeled statement",
                    BlockSyntax => "a nested block",
                    _ => $"a {node.Kind()} statement",
                };
            }
        }

        return "a nested statement";
    }
}
