using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>Finding the checkpoints: which awaits are durable operations, how each statement uses one, and the spill plans of those inside larger expressions.</summary>
internal sealed partial class WorkflowShape
{
    private static ImmutableArray<CheckpointSite> FindCheckpoints(
        IMethodSymbol method,
        BlockSyntax body,
        SemanticModel model,
        ImmutableArray<ShapeProblem>.Builder problems,
        Dictionary<StatementSyntax, ImmutableArray<SpillStep>> spillPlans,
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
                reason = PlanSpills(host, body, IsDurable, model, checkpoints.Count, spillPlans);
                if (reason is null)
                {
                    foreach (var await in AwaitSpilling.Steps(spillPlans[host]).OfType<SpilledAwait>())
                    {
                        if (await.State != checkpoints.Count)
                        {
                            throw new System.InvalidOperationException($"The spill plan numbered the durable await '{await.Await}' {await.State}, but it is checkpoint {checkpoints.Count}.");
                        }

                        var call = (InvocationExpressionSyntax)Unparenthesize(await.Await.Expression);
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

    /// <summary>
    /// Plans every durable await of <paramref name="host"/>, numbering them from <paramref name="firstState"/>;
    /// returns why it cannot be planned, or null.
    /// </summary>
    private static string? PlanSpills(
        StatementSyntax host,
        BlockSyntax body,
        System.Func<AwaitExpressionSyntax, bool> isDurable,
        SemanticModel model,
        int firstState,
        Dictionary<StatementSyntax, ImmutableArray<SpillStep>> spillPlans)
    {
        if (AwaitSpilling.Roots(host) is not { } roots)
        {
            return LargerExpression;
        }

        if (WhyEnclosingStatementsNotLowered(host, body) is { } enclosing)
        {
            return enclosing;
        }

        if (AwaitSpilling.Plan(roots, isDurable, model, firstState, out var plan) is { } reason)
        {
            return reason;
        }

        spillPlans[host] = plan;
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
}
