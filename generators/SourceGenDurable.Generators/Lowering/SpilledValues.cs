using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>What spilling evaluated before the statement that copied code comes from, and the temporaries holding it.</summary>
/// <param name="Expressions">Spilled awaits and operands: copied code reads the temporary instead.</param>
/// <param name="CompoundTargets">
/// Compound assignments whose target's value was read before their right side's awaits: copied code stores the
/// operator applied to the temporary and the right side.
/// </param>
internal sealed record SpilledValues(IReadOnlyDictionary<SyntaxNode, string> Expressions, IReadOnlyDictionary<AssignmentExpressionSyntax, string> CompoundTargets);
