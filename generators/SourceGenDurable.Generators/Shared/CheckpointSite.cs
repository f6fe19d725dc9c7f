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
