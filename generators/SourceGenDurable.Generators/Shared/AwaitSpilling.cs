using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>
/// Plans durable awaits that sit inside a larger expression, the way the C# compiler's await spiller does: every
/// durable await becomes a checkpoint statement before the statement that uses its result, and every operand that C#
/// evaluates before such an await, and that could observe the difference, is evaluated into a temporary first, so
/// the order of evaluation stays the source's.
/// </summary>
internal static partial class AwaitSpilling
{
    /// <summary>
    /// The durable awaits and the operands to evaluate into temporaries of the expressions a statement evaluates
    /// (<see cref="Roots"/>), in evaluation order, or why they cannot be planned. The durable awaits are numbered
    /// in that order from <paramref name="firstState"/>, the order in which they become checkpoints (see <see cref="Steps"/>).
    /// </summary>
    /// <remarks>
    /// An expression that evaluates an operand with a durable await on one path only (<c>?:</c>, <c>&amp;&amp;</c>,
    /// <c>||</c>, <c>??</c>, <c>??=</c>) is itself a step: it becomes an if statement writing a temporary, and each conditional
    /// operand has a plan of its own.
    /// </remarks>
    public static string? Plan(
        IReadOnlyList<ExpressionSyntax> roots, Func<AwaitExpressionSyntax, bool> isDurable, SemanticModel model, int firstState, out ImmutableArray<SpillStep> plan)
    {
        var steps = new List<SpillStep>();
        var planner = new Planner(isDurable, model, steps, new StateNumbers { Next = firstState });
        foreach (var root in roots)
        {
            planner.Walk(root);
            if (planner.Reason is { } reason)
            {
                plan = default;
                return reason;
            }
        }

        plan = steps.ToImmutableArray();
        return null;
    }

    /// <summary>Every step of <paramref name="plan"/>, those of the conditional operands after their branching step, in state order.</summary>
    public static IEnumerable<SpillStep> Steps(IEnumerable<SpillStep> plan) =>
        plan.SelectMany(step => step is SpilledBranching branching ? branching.Branches.SelectMany(b => Steps(b.Plan)).Prepend(step) : [step]);

    /// <summary>The expressions a statement evaluates before its own work, in order, where awaits can be spilled.</summary>
    public static IReadOnlyList<ExpressionSyntax>? Roots(StatementSyntax statement) => statement switch
    {
        ExpressionStatementSyntax s => [s.Expression],
        ReturnStatementSyntax { Expression: { } e } => [e],
        ThrowStatementSyntax { Expression: { } e } => [e],
        // A using declaration's resource exists once its initializer has run, after the awaits in it: one of a single
        // resource is spilled like any declaration.
        LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: 0 } s when !s.IsConst && (s.UsingKeyword.RawKind == 0 || s.Declaration.Variables.Count == 1)
            => Initializers(s.Declaration).ToList(),
        // A using statement's resource, likewise, exists once its expression has run; the awaits of its body are refused.
        UsingStatementSyntax { AwaitKeyword.RawKind: 0, Declaration: { Variables.Count: 1 } d } => Initializers(d).ToList(),
        UsingStatementSyntax { AwaitKeyword.RawKind: 0, Declaration: null, Expression: { } e } => [e],
        IfStatementSyntax s => [s.Condition],
        WhileStatementSyntax s => [s.Condition],
        ForStatementSyntax s => [.. Initializers(s.Declaration), .. s.Initializers, .. s.Condition is null ? [] : new[] { s.Condition }, .. s.Incrementors],
        DoStatementSyntax s => [s.Condition],
        // The governing expression, then each case guard: a guard runs only when its pattern matched, where the lowered
        // switch jumps to it, so its awaits are spilled there (see SpillPass.PartsOf).
        SwitchStatementSyntax s => [s.Expression, .. Guards(s)],
        CommonForEachStatementSyntax { AwaitKeyword.RawKind: 0 } s => [s.Expression],
        _ => null,
    };

    /// <summary>The operand evaluated on every path, and the operands evaluated on one path only.</summary>
    public static (ExpressionSyntax First, ExpressionSyntax[] Conditional)? ShortCircuit(ExpressionSyntax expression) => expression switch
    {
        ConditionalExpressionSyntax e => (e.Condition, [e.WhenTrue, e.WhenFalse]),
        BinaryExpressionSyntax e when e.IsKind(SyntaxKind.LogicalAndExpression) || e.IsKind(SyntaxKind.LogicalOrExpression) || e.IsKind(SyntaxKind.CoalesceExpression)
            => (e.Left, [e.Right]),
        ConditionalAccessExpressionSyntax e when e.Expression is not (MemberBindingExpressionSyntax or ElementBindingExpressionSyntax) => (e.Expression, [e.WhenNotNull]),
        // 'v ??= b': b, and the assignment, only when v is null. On a member or an element, the planner checks that
        // reading the target again for the assignment is what C# does (WhyTargetNotReadTwice).
        AssignmentExpressionSyntax e when e.IsKind(SyntaxKind.CoalesceAssignmentExpression) &&
            e.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax => (e.Left, [e.Right]),
        // A guard runs only when its arm's pattern matched, and only if no arm above was taken.
        SwitchExpressionSyntax e => (e.GoverningExpression, e.Arms.SelectMany(a => a.WhenClause is null ? [a.Expression] : new[] { a.WhenClause.Condition, a.Expression }).ToArray()),
        _ => null,
    };

    /// <summary>The conditions of a switch statement's case guards, in order.</summary>
    public static IEnumerable<ExpressionSyntax> Guards(SwitchStatementSyntax @switch) =>
        @switch.Sections.SelectMany(s => s.Labels).OfType<CasePatternSwitchLabelSyntax>().Where(l => l.WhenClause is not null).Select(l => l.WhenClause!.Condition);

    private static IEnumerable<ExpressionSyntax> Initializers(VariableDeclarationSyntax? declaration) =>
        declaration?.Variables.Where(v => v.Initializer is not null).Select(v => v.Initializer!.Value) ?? [];

    /// <summary>The state number the next durable await planned gets.</summary>
    private sealed class StateNumbers
    {
        public int Next { get; set; }
    }

    private sealed partial class Planner(Func<AwaitExpressionSyntax, bool> isDurable, SemanticModel model, List<SpillStep> plan, StateNumbers states)
    {
        public string? Reason { get; private set; }

        public void Walk(ExpressionSyntax expression)
        {
            if (Reason is not null || !ContainsDurableAwait(expression))
            {
                return;
            }

            if (expression is AwaitExpressionSyntax durable && isDurable(durable))
            {
                WalkInOrder(Operands(Unparenthesize(durable.Expression)) ?? []);
                plan.Add(new SpilledAwait(durable, states.Next++));
                return;
            }

            if (ShortCircuit(expression) is { } shortCircuit && shortCircuit.Conditional.Any(ContainsDurableAwait))
            {
                if (expression is AssignmentExpressionSyntax { Left: not IdentifierNameSyntax } coalesce && WhyTargetNotReadTwice(coalesce) is { } why)
                {
                    Reason ??= why;
                    return;
                }

                Walk(shortCircuit.First);
                var branches = ImmutableArray.CreateBuilder<(ExpressionSyntax, ImmutableArray<SpillStep>)>();
                foreach (var branch in shortCircuit.Conditional)
                {
                    var branchPlan = new List<SpillStep>();
                    var inner = new Planner(isDurable, model, branchPlan, states);
                    inner.Walk(branch);
                    Reason ??= inner.Reason;
                    branches.Add((branch, branchPlan.ToImmutableArray()));
                }

                var type = model.GetTypeInfo(expression).ConvertedType;
                var access = expression as ConditionalAccessExpressionSyntax;
                var receiver = access is null ? null : model.GetTypeInfo(access.Expression).Type;
                var readsReceiverAgain = access is not null && IsStableRead(access.Expression);
                if (!(CanHoldInTemporary(type) || (access is not null && type?.SpecialType == SpecialType.System_Void)) ||
                    (expression is SwitchExpressionSyntax governed && !CanHoldInTemporary(model.GetTypeInfo(governed.GoverningExpression).Type)) ||
                    (expression.IsKind(SyntaxKind.CoalesceExpression) && !CanHoldInTemporary(model.GetTypeInfo(((BinaryExpressionSyntax)expression).Left).Type)) ||
                    (access is not null && !readsReceiverAgain && !CanHoldInTemporary(receiver)))
                {
                    Reason ??= $"the value of '{expression}' cannot be saved in a checkpoint; assign the awaited result to a local first";
                }
                else if (access is not null && !readsReceiverAgain)
                {
                    Reason ??= CopiedObject(access.Expression, receiver);
                }

                if (type is not null)
                {
                    plan.Add(new SpilledBranching(expression, type, branches.ToImmutable(), readsReceiverAgain));
                }

                return;
            }

            // A compound assignment reads its target before its right side runs: one to a member or an element, or to
            // a variable that its right side assigns before an await, keeps the value read first.
            if (expression is AssignmentExpressionSyntax compound &&
                !compound.IsKind(SyntaxKind.SimpleAssignmentExpression) && !compound.IsKind(SyntaxKind.CoalesceAssignmentExpression) &&
                ContainsDurableAwait(compound.Right) &&
                (compound.Left is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax || IsChangedBy(compound.Left, [compound.Right])))
            {
                WalkCompound(compound);
                return;
            }

            var operands = Operands(expression);
            if (operands is null)
            {
                Reason ??= $"a durable await inside {Describe(expression)} is not lowered yet; assign its result to a local first ('var x = await ...;')";
                return;
            }

            WalkInOrder(operands);
        }

        /// <summary>Operands before the last one that awaits are evaluated first in C#: spill those that could change.</summary>
        private void WalkInOrder(IReadOnlyList<ExpressionSyntax> operands)
        {
            var last = -1;
            for (var i = 0; i < operands.Count; i++)
            {
                if (ContainsDurableAwait(operands[i]))
                {
                    last = i;
                }
            }

            for (var i = 0; i <= last && Reason is null; i++)
            {
                WithLater([.. operands.Skip(i + 1).Take(last - i)], operands[i]);
            }
        }

        /// <summary>An operand C# evaluates before a later durable await: its own awaits, or itself into a temporary if it could change.</summary>
        private void EvaluateFirst(ExpressionSyntax operand)
        {
            if (ContainsDurableAwait(operand))
            {
                Walk(operand);
            }
            else if (NeedsSpill(operand) || IsChangedLater(operand))
            {
                var type = model.GetTypeInfo(operand).Type;
                if (!CanHoldInTemporary(type))
                {
                    Reason = $"'{operand}' is evaluated before a durable await in the same expression, and its value cannot be saved in a checkpoint; assign the awaited result to a local first";
                    return;
                }

                if (CopiedObject(operand, type) is { } copied)
                {
                    Reason = copied;
                    return;
                }

                plan.Add(new SpilledOperand(operand, type!));
            }
        }

        /// <summary>
        /// A compound assignment to a member or an element (<c>order.Total += await ...</c>) reads its target before its
        /// right side runs, so a null object or an index out of range throws before the await: the target's object and
        /// indices are evaluated first, then its value into a temporary, which the assignment combines with the right
        /// side afterwards.
        /// </summary>
        private void WalkCompound(AssignmentExpressionSyntax compound)
        {
            var targetOperands = TargetOperands(compound.Left).ToList();
            for (var i = 0; i < targetOperands.Count; i++)
            {
                WithLater([.. targetOperands.Skip(i + 1), compound.Right], targetOperands[i]);
                if (Reason is not null)
                {
                    return;
                }
            }

            var type = model.GetTypeInfo(compound.Left).Type;
            if (model.GetSymbolInfo(compound.Left).Symbol is IEventSymbol || !CanHoldInTemporary(type) || LiveVariables.ComesBackAsCopy(type))
            {
                Reason = $"'{compound.Left}' is read before the durable await on the right of '{compound.OperatorToken.Text}', and its value cannot be saved in a checkpoint as it is; assign the awaited result to a local first";
                return;
            }

            plan.Add(new SpilledCompoundValue(compound, type!));
            Walk(compound.Right);
        }

        /// <summary>
        /// Why <paramref name="operand"/>, kept in a temporary across a durable await, would not be what C# reads: a saved
        /// object comes back from a checkpoint as a copy, so a call on it, or given it, after a resume would change the
        /// copy, not the object the workflow goes on to read. Null for a value, or a new object (or one a
        /// with-expression copies anyway), which has no identity anyone else holds.
        /// </summary>
        private static string? CopiedObject(ExpressionSyntax operand, ITypeSymbol? type) =>
            LiveVariables.ComesBackAsCopy(type) && !IsCopyable(operand)
                ? $"'{operand}' is an object read before a durable await in the same expression, and after a resume it would be a copy of it, not the object itself; assign the awaited result to a local first"
                : null;

        private static bool IsCopyable(ExpressionSyntax operand) =>
            Unparenthesize(operand) is BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax ||
            (operand.Parent is WithExpressionSyntax with && with.Expression == operand);

        private static bool CanHoldInTemporary(ITypeSymbol? type) =>
            type is { IsAnonymousType: false, IsRefLikeType: false, TypeKind: not TypeKind.Error and not TypeKind.Delegate and not TypeKind.Pointer };

        /// <summary>
        /// Whether C# evaluating <paramref name="operand"/> before a later await, rather than after it, could differ.
        /// Constants, lambdas, <c>this</c> and type names cannot; locals, parameters and members of <c>this</c> are read
        /// again after the await, which differs only if the step itself assigns them.
        /// </summary>
        private bool NeedsSpill(ExpressionSyntax operand)
        {
            operand = Unparenthesize(operand);
            if (operand is LiteralExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or AnonymousFunctionExpressionSyntax
                or DefaultExpressionSyntax or TypeOfExpressionSyntax or PredefinedTypeSyntax || model.GetConstantValue(operand).HasValue)
            {
                return false;
            }

            return !IsStableRead(operand);
        }

        /// <summary>
        /// A local, a parameter, <c>this</c>, a type, or a field or property reached from one of them. Reading it again
        /// after the await gives the same value unless the step itself assigns it, and it keeps object identity, which
        /// a temporary saved in a checkpoint would not: after a resume a saved copy is a different object.
        /// </summary>
        private bool IsStableRead(ExpressionSyntax operand)
        {
            operand = Unparenthesize(operand);
            if (operand is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return true;
            }

            if (operand is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return false;
            }

            return model.GetSymbolInfo(operand).Symbol switch
            {
                ILocalSymbol or IParameterSymbol or INamedTypeSymbol or INamespaceSymbol or IMethodSymbol => true,
                IFieldSymbol or IPropertySymbol => operand is not MemberAccessExpressionSyntax access || IsStableRead(access.Expression),
                _ => false,
            };
        }

        /// <summary>
        /// Why '<c>o.P ??= await x</c>' or '<c>a[i] ??= await x</c>' cannot read its target once for the test and again
        /// for the assignment, as the lowering does, where C# evaluates its object and index once; null when both come to
        /// the same: it is a statement of its own (nothing reads its value), and its object and index are variables,
        /// constants and arithmetic on them that its right side does not assign.
        /// </summary>
        private string? WhyTargetNotReadTwice(AssignmentExpressionSyntax assignment)
        {
            ExpressionSyntax[] parts = assignment.Left switch
            {
                MemberAccessExpressionSyntax member => [member.Expression],
                ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.All(a => a.RefKindKeyword.RawKind == 0 && a.NameColon is null) =>
                    [element.Expression, .. element.ArgumentList.Arguments.Select(a => a.Expression)],
                _ => [],
            };
            return parts.Length > 0 && assignment.Parent is ExpressionStatementSyntax && parts.All(part => IsRepeatableRead(part, assignment.Right))
                ? null
                : $"a durable await on the right of '??=' whose target is '{assignment.Left}' is lowered only as a statement of its own, " +
                  "on an object and index that are variables its right side does not assign (the target is read again for the assignment); " +
                  $"write 'if ({assignment.Left} is null) {{ {assignment.Left} = await ...; }}'";
        }

        /// <summary>Whether reading <paramref name="part"/> again after <paramref name="between"/> gives what it gave before.</summary>
        private bool IsRepeatableRead(ExpressionSyntax part, ExpressionSyntax between)
        {
            part = Unparenthesize(part);
            return part switch
            {
                LiteralExpressionSyntax => true,
                BinaryExpressionSyntax binary when !binary.IsKind(SyntaxKind.CoalesceExpression) && !binary.IsKind(SyntaxKind.IsExpression) && !binary.IsKind(SyntaxKind.AsExpression) =>
                    IsRepeatableRead(binary.Left, between) && IsRepeatableRead(binary.Right, between),
                PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.IndexExpression) =>
                    IsRepeatableRead(unary.Operand, between),
                _ => IsStableRead(part) && !IsChangedBy(part, [between]),
            };
        }

        private bool ContainsDurableAwait(SyntaxNode node) =>
            node.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax).OfType<AwaitExpressionSyntax>().Any(isDurable);
    }

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static string Describe(ExpressionSyntax expression) => expression switch
    {
        ConditionalExpressionSyntax => "a branch of '?:' (it would run only on one path)",
        BinaryExpressionSyntax => $"the right operand of '{((BinaryExpressionSyntax)expression).OperatorToken.Text}' (it would run only on one path)",
        ConditionalAccessExpressionSyntax => "a '?.' expression",
        AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) => "the right operand of '??=' (it would run only on one path)",
        AssignmentExpressionSyntax assignment => $"an assignment to '{assignment.Left}'",
        _ => Words(expression.Kind().ToString()) is var words && "aeiou".IndexOf(words[0]) >= 0 ? $"an {words}" : $"a {words}",
    };

    /// <summary><c>CollectionExpression</c> as "collection expression".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
