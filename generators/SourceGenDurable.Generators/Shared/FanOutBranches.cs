using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Shared;

/// <summary>A durable operation that a fan-out runs: an argument of <c>ctx.WhenAll</c>/<c>ctx.WhenAny</c>, or the body of a lambda in one.</summary>
internal readonly struct FanOutBranch
{
    public FanOutBranch(InvocationExpressionSyntax invocation, DurableOperation operation, LambdaExpressionSyntax? lambda)
    {
        Invocation = invocation;
        Operation = operation;
        Lambda = lambda;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public DurableOperation Operation { get; }

    /// <summary>The lambda whose body the operation is (<c>lines.Select(line =&gt; Reserve(line))</c>); null for an argument.</summary>
    public LambdaExpressionSyntax? Lambda { get; }
}

/// <summary>Finds the operations of a fan-out, and says why an argument is not one. Shared by the generator and the analyzers.</summary>
internal static class FanOutBranches
{
    /// <summary>
    /// The branches of <paramref name="fanOut"/>, a <c>ctx.WhenAll</c> or <c>ctx.WhenAny</c> call; <paramref name="problem"/>
    /// is set, with the node to report it at, when an argument is neither a durable operation nor a lambda returning one.
    /// </summary>
    public static List<FanOutBranch> Find(
        InvocationExpressionSyntax fanOut, IReadOnlyDictionary<InvocationExpressionSyntax, DurableOperation> operations, out (SyntaxNode Node, string Reason)? problem)
    {
        problem = null;
        var branches = new List<FanOutBranch>();
        foreach (var argument in fanOut.ArgumentList.Arguments)
        {
            var value = argument.Expression;
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            if (value is InvocationExpressionSyntax call && operations.TryGetValue(call, out var direct))
            {
                if (direct.IsFanOut)
                {
                    problem = (call, "a fan-out cannot run another fan-out; await the inner one first");
                    return branches;
                }

                branches.Add(new FanOutBranch(call, direct, null));
                continue;
            }

            var inside = operations.Keys.Where(o => argument.Span.Contains(o.Span)).OrderBy(o => o.SpanStart).ToList();
            var lambdas = inside.Select(o => (Call: o, Lambda: o.Parent as LambdaExpressionSyntax)).ToList();
            if (inside.Count == 0)
            {
                problem = (value, "each argument of a fan-out must be a call of a durable operation, not awaited (a step, a child workflow, ctx.Sleep, ctx.WaitForEvent), or a Select whose lambda returns one");
                return branches;
            }

            if (lambdas.FirstOrDefault(l => l.Lambda is null || l.Lambda.ExpressionBody != l.Call || operations[l.Call].IsFanOut) is { Call: not null } misplaced)
            {
                problem = (misplaced.Call, "in a fan-out's argument a durable operation must be the whole body of a lambda ('line => Reserve(line)'), so that each element starts one operation");
                return branches;
            }

            branches.AddRange(lambdas.Select(l => new FanOutBranch(l.Call, operations[l.Call], l.Lambda)));
        }

        return branches;
    }
}
