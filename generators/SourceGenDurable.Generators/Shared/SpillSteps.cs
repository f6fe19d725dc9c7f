using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>One step of a spill plan: what is evaluated, in order, before the statement that holds it runs.</summary>
internal abstract record SpillStep(ExpressionSyntax Expression);

/// <summary>A durable await: checkpoint <paramref name="State"/>, whose result goes to a temporary.</summary>
internal sealed record SpilledAwait(AwaitExpressionSyntax Await, int State) : SpillStep(Await);

/// <summary>An operand C# evaluates before a later durable await: evaluated into a temporary first.</summary>
internal sealed record SpilledOperand(ExpressionSyntax Operand, ITypeSymbol Type) : SpillStep(Operand);

/// <summary>
/// The value a compound assignment to a member or an element reads from its target before the durable await in its
/// right side (<c>order.Total += await ...</c>): read into a temporary first, and combined with the right side where
/// the assignment is copied (<c>order.Total = (int)(temporary + ...)</c>).
/// </summary>
internal sealed record SpilledCompoundValue(AssignmentExpressionSyntax Assignment, ITypeSymbol Type) : SpillStep(Assignment.Left);

/// <summary>
/// An expression that evaluates an operand with a durable await on one path only (<c>?:</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>??</c>, <c>??=</c>, <c>?.</c>, a switch expression): flattened code writing a temporary of its converted type.
/// </summary>
/// <param name="Branches">Each operand evaluated on one path only, in source order, with its own plan.</param>
/// <param name="ReadsFirstAgain">
/// Whether the operand evaluated on every path (a <c>?.</c>'s receiver) is read again after the awaits rather than
/// kept in a temporary: a variable, or a member reached from one, which nothing the awaits run can assign. A
/// temporary would come back from a checkpoint as a copy of the object, and a call on it would change the copy.
/// </param>
internal sealed record SpilledBranching(
    ExpressionSyntax Branching, ITypeSymbol Type, ImmutableArray<(ExpressionSyntax Branch, ImmutableArray<SpillStep> Plan)> Branches, bool ReadsFirstAgain = false)
    : SpillStep(Branching)
{
    /// <summary>
    /// Whether nothing reads the expression's value: it is a statement of its own (<c>v ??= await x;</c>,
    /// <c>list?.Add(await x);</c>) or a for loop's initializer or incrementor, or a <c>?.</c> call of a void method,
    /// which has none.
    /// </summary>
    public bool ValueUnused => Type.SpecialType == SpecialType.System_Void || Branching.Parent switch
    {
        ExpressionStatementSyntax => true,
        ForStatementSyntax loop => loop.Condition != Branching,
        _ => false,
    };

    /// <summary>The plan of one of <see cref="Branches"/>.</summary>
    public ImmutableArray<SpillStep> PlanOf(ExpressionSyntax branch) => Branches.FirstOrDefault(b => b.Branch == branch).Plan is { IsDefault: false } plan ? plan : ImmutableArray<SpillStep>.Empty;

    /// <summary>Whether one of <see cref="Branches"/> contains a durable await.</summary>
    public bool Awaits(ExpressionSyntax branch) => !PlanOf(branch).IsEmpty;
}
