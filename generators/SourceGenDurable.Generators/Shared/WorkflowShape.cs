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

    /// <summary>An await inside a larger expression: its result goes to a temporary the statement reads.</summary>
    Spilled,
}

/// <summary>A statement of a workflow body that awaits a durable operation: a checkpoint.</summary>
internal sealed class CheckpointSite
{
    public CheckpointSite(StatementSyntax statement, CheckpointForm form, InvocationExpressionSyntax invocation, DurableOperation operation, ISymbol? target)
    {
        Statement = statement;
        Await = invocation.Ancestors().OfType<AwaitExpressionSyntax>().First();
        Form = form;
        Invocation = invocation;
        Operation = operation;
        Target = target;
    }

    public StatementSyntax Statement { get; }

    public AwaitExpressionSyntax Await { get; }

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
    private readonly WorkflowBlock? _block;

    private WorkflowShape(
        WorkflowBlock? block,
        ImmutableArray<ShapeProblem> problems,
        ImmutableArray<CheckpointSite> checkpoints,
        ImmutableArray<ISymbol> slotVariables,
        ImmutableHashSet<SyntaxNode> flattened,
        ImmutableDictionary<StatementSyntax, ImmutableArray<SpillItem>> spillPlans,
        ImmutableDictionary<ExpressionSyntax, ImmutableArray<SpillItem>> branchPlans,
        ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>> fanOuts)
    {
        _block = block;
        FanOuts = fanOuts;
        BranchPlans = branchPlans;
        // Found in the block that was read; reported where the user wrote it.
        Problems = block is null ? problems : problems.Select(p => new ShapeProblem(p.Id, block.Locate(p.Location), p.MessageArgs)).ToImmutableArray();
        Checkpoints = checkpoints;
        SlotVariables = slotVariables;
        Flattened = flattened;
        SpillPlans = spillPlans;
    }

    public ImmutableArray<ShapeProblem> Problems { get; }

    /// <summary>The block the checkpoints and slots were found in (see <see cref="WorkflowBlock"/>), or null when the body was not read.</summary>
    public BlockSyntax? Body => _block?.Block;

    /// <summary>The model that binds <see cref="Body"/>.</summary>
    public SemanticModel? Model => _block?.Model;

    /// <summary>The checkpoints in source order; a checkpoint's index is its state number.</summary>
    public ImmutableArray<CheckpointSite> Checkpoints { get; }

    /// <summary>The inputs (every parameter but the context) and the locals read after some checkpoint, in declaration order.</summary>
    public ImmutableArray<ISymbol> SlotVariables { get; }

    /// <summary>The statements that contain a checkpoint: the lowering rewrites them into labels and jumps.</summary>
    public ImmutableHashSet<SyntaxNode> Flattened { get; }

    /// <summary>
    /// For each statement with durable awaits inside larger expressions: its durable awaits and the operands to
    /// evaluate into temporaries before them, in evaluation order (see <see cref="AwaitSpilling"/>).
    /// </summary>
    public ImmutableDictionary<StatementSyntax, ImmutableArray<SpillItem>> SpillPlans { get; }

    /// <summary>The plans of the operands that <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c> and <c>??</c> evaluate on one path only.</summary>
    public ImmutableDictionary<ExpressionSyntax, ImmutableArray<SpillItem>> BranchPlans { get; }

    /// <summary>The operations each <c>ctx.WhenAll</c>/<c>ctx.WhenAny</c> checkpoint runs, in order.</summary>
    public ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>> FanOuts { get; }

    /// <summary>Where a location found in <see cref="Body"/> is in the user's code.</summary>
    public Location Locate(Location location) => _block?.Locate(location) ?? location;

    /// <summary>
    /// Every reason the method cannot be lowered, as the compiler reports every error of a method: declaration
    /// problems do not stop the body from being read, and one problem in the body does not hide another. Only a
    /// method that is not async or has no context is not read further, since every finding there would follow from that.
    /// </summary>
    public static WorkflowShape Analyze(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<ShapeProblem>();
        var readable = CheckSignature(method, syntax, model, problems, cancellationToken);
        var block = readable ? WorkflowBlock.Of(method, syntax, model, cancellationToken) : null;
        if (block is null)
        {
            return new WorkflowShape(
                null, problems.ToImmutable(), ImmutableArray<CheckpointSite>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableHashSet<SyntaxNode>.Empty,
                ImmutableDictionary<StatementSyntax, ImmutableArray<SpillItem>>.Empty, ImmutableDictionary<ExpressionSyntax, ImmutableArray<SpillItem>>.Empty,
                ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>>.Empty);
        }

        var body = block.Block;
        model = block.Model;
        var known = KnownTypes.Of(model.Compilation);
        method = block.Method;
        var spillPlans = new Dictionary<StatementSyntax, ImmutableArray<SpillItem>>();
        var branchPlans = new Dictionary<ExpressionSyntax, List<SpillItem>>();
        var fanOuts = new Dictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>>();
        var checkpoints = FindCheckpoints(method, body, model, problems, spillPlans, branchPlans, fanOuts, cancellationToken);
        var plans = spillPlans.ToImmutableDictionary();
        var branches = branchPlans.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray());
        var flattened = checkpoints
            .SelectMany(c => c.Statement.AncestorsAndSelf().TakeWhile(a => a != body.Parent).OfType<StatementSyntax>())
            .ToImmutableHashSet<SyntaxNode>();
        var reportedResources = CheckFlattenedStatements(body, checkpoints, flattened, model, problems);

        var slots = method.Parameters.Skip(1).Cast<ISymbol>()
            .Concat(LiveVariables.AcrossCheckpoints(
                    body, checkpoints.Select(c => c.Statement), plans.Keys, checkpoints.Where(c => c.Form == CheckpointForm.Spilled).Select(c => c.Await), model)
                .Where(s => !reportedResources.Contains(s))
                .OrderBy(s => s.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
            .ToImmutableArray();
        // A caught exception is not saved as it is: its description is, and the exception is rebuilt after a resume.
        foreach (var caught in slots.Where(s => s.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is CatchDeclarationSyntax).ToList())
        {
            slots = slots.Remove(caught);
            var type = ((ILocalSymbol)caught).Type;
            if (!known.IsException(type) &&
                !(type is INamedTypeSymbol named && named.InstanceConstructors.Any(c =>
                    c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String)))
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    caught.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"the caught exception '{caught.Name}' is used after a durable await in its catch block, but '{type.ToDisplayString()}' has no public constructor taking a message, so it cannot be rebuilt after a restart; catch Exception, or read what you need before the durable await"));
            }
        }

        foreach (var slot in slots)
        {
            var type = slot is ILocalSymbol local ? local.Type : ((IParameterSymbol)slot).Type;
            if (slot is ILocalSymbol && !IsDeclaredWhereLoweringCanAssignIt(slot, flattened))
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    slot.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"'{slot.Name}' lives across a checkpoint (a goto can jump back across one), but it is declared by a statement without durable awaits whose variables this version does not save (a case pattern, or a for, foreach or using variable); declare it with its own statement ('var {slot.Name} = ...;')"));
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

        return new WorkflowShape(block, problems.ToImmutable(), checkpoints, slots, flattened, plans, branches, fanOuts.ToImmutableDictionary());
    }

    /// <summary>Reports the declaration's problems; returns whether the body can be read (the method is async and takes a context).</summary>
    private static bool CheckSignature(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, ImmutableArray<ShapeProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var name = syntax.Identifier.GetLocation();
        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(new ShapeProblem(DiagnosticIds.ContainingTypeNotPartial, name, method.Name, type.Identifier.ValueText));
            }
        }

        var isAsync = syntax.Modifiers.Any(SyntaxKind.AsyncKeyword);
        if (!isAsync)
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowNotAsync, name, method.Name, ReturnedDurableOperation(method, syntax, model, cancellationToken) ?? ""));
        }

        var known = KnownTypes.Of(model.Compilation);
        var hasContext = method.Parameters.Length > 0 && known.IsWorkflowContext(method.Parameters[0].Type);
        if (!hasContext)
        {
            var location = syntax.ParameterList.Parameters.Count > 0 ? syntax.ParameterList.Parameters[0].GetLocation() : syntax.ParameterList.GetLocation();
            problems.Add(new ShapeProblem(DiagnosticIds.FirstParameterNotContext, location, method.Name));
        }

        if (!known.IsTask(method.ReturnType))
        {
            problems.Add(new ShapeProblem(DiagnosticIds.ReturnTypeNotTask, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
        }

        var unsupported = new[]
        {
            syntax.Body is null && syntax.ExpressionBody is null ? "it has no body; declare the workflow with its body" : null,
            method.IsStatic ? "it is static; make it an instance method (the class is created through dependency injection)" : null,
            method.IsGenericMethod ? "it has type parameters, which this version does not support yet" : null,
            method.ContainingType.TypeKind != TypeKind.Class ? "it is not declared in a class" : null,
            ContainingTypes(method).Skip(1).Any(t => t.IsGenericType)
                ? "a class it is nested in is generic; only the workflow's own class may be generic (each closed class registers with AddWorkflowClass<...>())" : null,
            method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams) ? "it has a ref, out, in or params parameter; inputs are passed by value" : null,
            ContainingTypes(method).Any(t => t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                ? "its class is private or protected; the generated definition and client need it to be at least internal" : null,
            method.Parameters.Skip(1).Select(p => p.Type).Append(method.ReturnType).FirstOrDefault(t => !IsVisibleInAssembly(t)) is { } hidden
                ? $"its input or result type '{hidden.ToDisplayString()}' is private or protected; the generated client needs it to be at least internal" : null,
            method.ContainingType.GetMembers(method.Name).Count(m => m is IMethodSymbol other && known.IsWorkflow(other)) > 1
                ? "another [DurableWorkflow] method of its class has the same name; give each workflow method its own name" : null,
        };
        foreach (var reason in unsupported.OfType<string>())
        {
            problems.Add(new ShapeProblem(DiagnosticIds.WorkflowShapeNotSupported, name, method.Name, reason));
        }

        return isAsync && hasContext;
    }

    /// <summary>
    /// For a workflow that is not async: ", so ... it returns ..." naming the durable operation whose task it returns
    /// (its expression body or a return statement), which is never awaited and so never a checkpoint; else null.
    /// </summary>
    private static string? ReturnedDurableOperation(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var returned = syntax.ExpressionBody is { } arrow
            ? [arrow.Expression]
            : syntax.Body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>() ?? [];
        var operation = returned
            .Select(Unparenthesize)
            .OfType<InvocationExpressionSyntax>()
            .Select(call => (Call: call, Operation: DurableOperation.Classify(call, model, method.ContainingType, cancellationToken)))
            .FirstOrDefault(o => o.Operation is not null);
        return operation.Operation is { } durable
            ? $", so the durable operation '{durable.Describe(operation.Call)}' whose task it returns is never awaited and never becomes a checkpoint"
            : null;
    }

    private static bool IsVisibleInAssembly(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsVisibleInAssembly(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(IsVisibleInAssembly) &&
            Enumerable.Repeat(named, 1).Concat(ContainingTypesOf(named)).All(t => t.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)),
        _ => true,
    };

    private static IEnumerable<INamedTypeSymbol> ContainingTypesOf(INamedTypeSymbol type)
    {
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            yield return containing;
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
        IMethodSymbol method,
        BlockSyntax body,
        SemanticModel model,
        ImmutableArray<ShapeProblem>.Builder problems,
        Dictionary<StatementSyntax, ImmutableArray<SpillItem>> spillPlans,
        Dictionary<ExpressionSyntax, List<SpillItem>> branchPlans,
        Dictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>> fanOuts,
        CancellationToken cancellationToken)
    {
        var checkpoints = ImmutableArray.CreateBuilder<CheckpointSite>();
        var operations = new Dictionary<InvocationExpressionSyntax, DurableOperation>();
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (DurableOperation.Classify(invocation, model, method.ContainingType, cancellationToken) is { } operation)
            {
                operations[invocation] = operation;
            }
        }

        bool IsDurable(AwaitExpressionSyntax await) => Unparenthesize(await.Expression) is InvocationExpressionSyntax call && operations.ContainsKey(call);

        // The operations a fan-out runs are part of its checkpoint, not checkpoints of their own.
        var branches = new HashSet<InvocationExpressionSyntax>();
        foreach (var fanOut in operations.Where(o => o.Value.IsFanOut).Select(o => o.Key))
        {
            var found = FanOutBranches.Find(fanOut, operations, out var problem);
            fanOuts[fanOut] = found.ToImmutableArray();
            foreach (var branch in found)
            {
                branches.Add(branch.Invocation);
                if (WhyOperationNotLowered(method, branch.Invocation, branch.Operation, model) is { } reason)
                {
                    problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, branch.Invocation.GetLocation(), reason));
                }
            }

            if (problem is { } invalid)
            {
                problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, invalid.Node.GetLocation(), invalid.Reason));
            }
        }

        foreach (var pair in operations.OrderBy(o => o.Key.SpanStart))
        {
            var (invocation, operation) = (pair.Key, pair.Value);
            if (branches.Contains(invocation) || checkpoints.Any(c => c.Invocation == invocation) || problems.Any(p => p.Location.SourceSpan == invocation.GetLocation().SourceSpan))
            {
                continue;
            }

            var host = invocation.Ancestors().OfType<StatementSyntax>().First();
            var site = ClassifySite(body, invocation, operation, model, out var reason);
            if (site is not null && operations.Keys.Count(o => o != invocation && !branches.Contains(o) && host.Span.Contains(o.Span) && !IsInFunction(o, host)) > 0)
            {
                // Another durable await in the same statement, such as one in this operation's arguments.
                (site, reason) = (null, LargerExpression);
            }

            if (site is null && reason == LargerExpression)
            {
                reason = PlanSpills(host, body, IsDurable, model, spillPlans, branchPlans);
                if (reason is null)
                {
                    IEnumerable<SpillItem> Items(IEnumerable<SpillItem> plan) =>
                        plan.SelectMany(item => item.Kind == SpillKind.Branching
                            ? AwaitSpilling.ShortCircuit(item.Expression)!.Value.Conditional.Where(branchPlans.ContainsKey).SelectMany(b => Items(branchPlans[b])).Prepend(item)
                            : [item]);
                    foreach (var await in Items(spillPlans[host]).Where(i => i.Kind == SpillKind.DurableAwait).Select(i => (AwaitExpressionSyntax)i.Expression))
                    {
                        var call = (InvocationExpressionSyntax)Unparenthesize(await.Expression);
                        var callReason = WhyOperationNotLowered(method, call, operations[call], model);
                        if (callReason is not null)
                        {
                            problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, call.GetLocation(), callReason));
                        }

                        checkpoints.Add(new CheckpointSite(host, CheckpointForm.Spilled, call, operations[call], null));
                    }

                    continue;
                }
            }

            reason ??= WhyOperationNotLowered(method, invocation, operation, model);
            if (site is null || reason is not null)
            {
                problems.Add(new ShapeProblem(DiagnosticIds.DurableAwaitNotLowered, invocation.GetLocation(), reason!));
                continue;
            }

            checkpoints.Add(site);
        }

        return checkpoints.ToImmutable();
    }

    private static bool IsInFunction(SyntaxNode node, SyntaxNode within) =>
        node.Ancestors().TakeWhile(a => a != within).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    private const string LargerExpression = "it is part of a larger expression or condition; assign its result to a local first ('var x = await ...;')";

    /// <summary>Plans every durable await of <paramref name="host"/>; returns why it cannot be planned, or null.</summary>
    private static string? PlanSpills(
        StatementSyntax host,
        BlockSyntax body,
        System.Func<AwaitExpressionSyntax, bool> isDurable,
        SemanticModel model,
        Dictionary<StatementSyntax, ImmutableArray<SpillItem>> spillPlans,
        Dictionary<ExpressionSyntax, List<SpillItem>> branchPlans)
    {
        if (AwaitSpilling.Roots(host) is not { } roots)
        {
            return LargerExpression;
        }

        if (WhyEnclosingStatementsNotLowered(host, body) is { } enclosing)
        {
            return enclosing;
        }

        var plan = new List<SpillItem>();
        foreach (var root in roots)
        {
            if (AwaitSpilling.Plan(root, isDurable, model, plan, branchPlans) is { } reason)
            {
                return reason;
            }
        }

        spillPlans[host] = plan.ToImmutableArray();
        return null;
    }

    private static CheckpointSite? ClassifySite(BlockSyntax body, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model, out string? reason)
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
        var site = ClassifyStatement(statement, Unparenthesize(awaitExpression), invocation, operation, model, out reason);
        if (site is null)
        {
            return null;
        }

        reason = WhyEnclosingStatementsNotLowered(statement, body);
        return reason is null ? site : null;
    }

    private static CheckpointSite? ClassifyStatement(
        StatementSyntax statement, ExpressionSyntax value, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model, out string? reason)
    {
        reason = null;
        switch (statement)
        {
            case ExpressionStatementSyntax expression when Unparenthesize(expression.Expression) == value:
                return new CheckpointSite(statement, CheckpointForm.Discard, invocation, operation, null);

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when
                assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Unparenthesize(assignment.Right) == value:
                var target = model.GetSymbolInfo(assignment.Left).Symbol;
                if (assignment.Left is IdentifierNameSyntax && (target is ILocalSymbol || target is IParameterSymbol { IsThis: false }))
                {
                    return new CheckpointSite(statement, CheckpointForm.Assign, invocation, operation, target);
                }

                // '_ = await op;' assigns nothing: it is the same checkpoint as 'await op;'.
                if (assignment.Left is IdentifierNameSyntax && target is IDiscardSymbol)
                {
                    return new CheckpointSite(statement, CheckpointForm.Discard, invocation, operation, null);
                }


                // A field, property or element target: the spiller evaluates the target's receiver first, as C# does.
                reason = LargerExpression;
                return null;

            case LocalDeclarationStatementSyntax declaration when
                declaration.UsingKeyword.IsKind(SyntaxKind.None) &&
                declaration.Declaration.Variables.Count == 1 &&
                declaration.Declaration.Variables[0].Initializer is { } initializer &&
                Unparenthesize(initializer.Value) == value:
                return new CheckpointSite(statement, CheckpointForm.Declare, invocation, operation, model.GetDeclaredSymbol(declaration.Declaration.Variables[0]));

            case ReturnStatementSyntax { Expression: { } returned } when Unparenthesize(returned) == value:
                return new CheckpointSite(statement, CheckpointForm.Return, invocation, operation, null);

            default:
                reason = LargerExpression;
                return null;
        }
    }

    /// <summary>Why a statement around a checkpoint cannot be flattened into labels and jumps, or null when all can.</summary>
    private static string? WhyEnclosingStatementsNotLowered(StatementSyntax statement, BlockSyntax body)
    {
        SyntaxNode child = statement;
        for (var node = statement.Parent; node is not null && node != body.Parent; child = node, node = node.Parent)
        {
            var reason = node switch
            {
                BlockSyntax or IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                    or SwitchSectionSyntax or SwitchStatementSyntax or LabeledStatementSyntax => null,
                CommonForEachStatementSyntax { AwaitKeyword.RawKind: not 0 } => "it is inside an 'await foreach', whose enumerator cannot be saved; materialize the sequence in a step first",
                CommonForEachStatementSyntax => null,
                TryStatementSyntax or CatchClauseSyntax or FinallyClauseSyntax => null,
                UsingStatementSyntax => "it is inside a using statement, and the resource it holds (a connection, a stream, a lock) cannot survive a restart; dispose it before the durable await",
                LockStatementSyntax => "it is inside a lock statement; a lock cannot be held across a checkpoint (C# forbids await inside lock)",
                CheckedStatementSyntax => "it is inside a checked or unchecked block, which this version does not lower yet; use checked(...) expressions",
                UnsafeStatementSyntax or FixedStatementSyntax => "it is inside an unsafe or fixed block (C# forbids await there)",
                _ => $"it is inside a {node.Kind()}, which this version does not lower yet",
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// Constructs that contain a checkpoint and that the lowering cannot flatten as they are written. Returns the
    /// resources of the using declarations it reports, which are therefore not reported again as slots.
    /// </summary>
    private static HashSet<ISymbol> CheckFlattenedStatements(
        BlockSyntax body, ImmutableArray<CheckpointSite> checkpoints, ImmutableHashSet<SyntaxNode> flattened, SemanticModel model, ImmutableArray<ShapeProblem>.Builder problems)
    {
        var resources = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in flattened)
        {
            switch (node)
            {
                case CommonForEachStatementSyntax loop when model.GetForEachStatementInfo(loop) is var info &&
                    (info.ElementType is null || !IsEnumerableOf(model.GetTypeInfo(loop.Expression).Type, info.ElementType, model)):
                    problems.Add(new ShapeProblem(
                        DiagnosticIds.DurableAwaitNotLowered,
                        loop.Expression.GetLocation(),
                        "this foreach loop contains a durable await, so its collection is read into a list when the loop starts; it must be an IEnumerable<T>"));
                    break;

                case BlockSyntax block:
                    foreach (var declaration in block.Statements.OfType<LocalDeclarationStatementSyntax>().Where(d => !d.UsingKeyword.IsKind(SyntaxKind.None)))
                    {
                        var resource = declaration.Declaration.Variables[0].Identifier.ValueText;
                        var inScope = checkpoints.Where(c => c.Statement.SpanStart > declaration.SpanStart && block.Span.Contains(c.Statement.Span)).ToList();
                        var reported = inScope.Count > 0 || block.Parent is not (BaseMethodDeclarationSyntax or TryStatementSyntax);
                        if (reported)
                        {
                            resources.UnionWith(declaration.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)).OfType<ISymbol>());
                        }

                        foreach (var checkpoint in inScope)
                        {
                            problems.Add(new ShapeProblem(
                                DiagnosticIds.DurableAwaitNotLowered,
                                checkpoint.Invocation.GetLocation(),
                                $"the using declaration of '{resource}' is still in scope here, and a resource cannot survive a restart; dispose it before the durable await"));
                        }

                        if (reported && inScope.Count == 0)
                        {
                            problems.Add(new ShapeProblem(
                                DiagnosticIds.DurableAwaitNotLowered,
                                declaration.GetLocation(),
                                $"the using declaration of '{resource}' is in a block that contains a durable await, which this version does not lower yet; use a using statement with braces"));
                        }
                    }

                    break;
            }
        }

        return resources;
    }

    private static bool IsEnumerableOf(ITypeSymbol? collection, ITypeSymbol element, SemanticModel model)
    {
        var enumerable = model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).Construct(element);
        return collection is not null && model.Compilation.ClassifyConversion(collection, enumerable).IsImplicit;
    }

    private static string? WhyOperationNotLowered(IMethodSymbol method, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model)
    {
        if (operation.IsContextOperation)
        {
            var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? model.GetSymbolInfo(access.Expression).Symbol : null;
            return SymbolEqualityComparer.Default.Equals(receiver, method.Parameters[0])
                ? null
                : $"call {operation.Method.Name} on the workflow's own context parameter '{method.Parameters[0].Name}'";
        }

        if (operation.Kind == DurableOperationKind.ChildWorkflow)
        {
            return WhyChildNotLowered(method, invocation, operation, model);
        }

        if (!KnownTypes.Of(model.Compilation).IsTask(operation.Method.ReturnType))
        {
            return $"step method '{operation.Method.Name}' returns '{operation.Method.ReturnType.ToDisplayString()}'; a step returns Task or Task<T>";
        }

        if (model.GetOperation(invocation) is IInvocationOperation call &&
            call.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray || a.Parameter?.RefKind != RefKind.None))
        {
            return $"the arguments of step '{operation.Method.Name}' use ref, out, in or params, which cannot be captured for a retry";
        }

        return null;
    }

    /// <summary>
    /// A child workflow is started by name and run on an instance of its class that the engine creates, so the call's
    /// receiver is never evaluated: it must be this class or a member that holds the child's class, with no side effects.
    /// </summary>
    private static string? WhyChildNotLowered(IMethodSymbol method, InvocationExpressionSyntax invocation, DurableOperation operation, SemanticModel model)
    {
        var child = operation.Method;
        if (child.ContainingType.IsGenericType)
        {
            return $"child workflow '{child.Name}' is declared in generic class '{child.ContainingType.Name}', which cannot be started as a child yet; call a workflow of a non-generic class";
        }

        var receiver = invocation.Expression switch
        {
            IdentifierNameSyntax or GenericNameSyntax => null,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => null,
            MemberAccessExpressionSyntax access => model.GetSymbolInfo(access.Expression).Symbol ?? (ISymbol)method,
            _ => method,
        };
        var held = receiver switch
        {
            null => true,
            IFieldSymbol or IPropertySymbol => SymbolEqualityComparer.Default.Equals(receiver.ContainingType.OriginalDefinition, method.ContainingType.OriginalDefinition),
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } =>
                SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, method.ContainingType.OriginalDefinition),
            _ => false,
        };
        if (!held)
        {
            return $"child workflow '{child.Name}' is called on '{((MemberAccessExpressionSyntax)invocation.Expression).Expression}'; call it on this class, or on a field, property or constructor parameter of this class that holds the child's class";
        }

        var context = (model.GetOperation(invocation) as IInvocationOperation)?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        return context is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, method.Parameters[0])
            ? null
            : $"pass the workflow's own context parameter '{method.Parameters[0].Name}' as the context of child workflow '{child.Name}'";
    }

    private static bool IsDeclaredWhereLoweringCanAssignIt(ISymbol local, ImmutableHashSet<SyntaxNode> flattened) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } } } => true,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: ForStatementSyntax loop } } => flattened.Contains(loop),
            ForEachStatementSyntax loop => flattened.Contains(loop),
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<CasePatternSwitchLabelSyntax>().FirstOrDefault() is { } label =>
                label.Parent?.Parent is { } @switch && flattened.Contains(@switch),
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<ForEachVariableStatementSyntax>().FirstOrDefault() is { } loop =>
                loop.Variable.Span.Contains(designation.Span) && flattened.Contains(loop),
            // A switch expression arm's pattern: the lowering copies the variable out of the pattern, as for a case label.
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<SwitchExpressionArmSyntax>().FirstOrDefault() is { } arm &&
                arm.Pattern.Span.Contains(designation.Span) => true,
            // 'x is T n' and 'x is not T n': the lowering captures the variable into its field when it is assigned.
            SingleVariableDesignationSyntax designation when designation.Ancestors().TakeWhile(a => a is not StatementSyntax).OfType<IsPatternExpressionSyntax>().Any() => true,
            // 'out var x' and deconstruction: the lowering passes or assigns the slot's field instead.
            SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax or ParenthesizedVariableDesignationSyntax } => true,
            _ => false,
        };

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
}
