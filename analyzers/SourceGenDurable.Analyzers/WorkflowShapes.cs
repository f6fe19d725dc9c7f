using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// The shape of each workflow method of one compilation, analyzed once however many analyzers read it: the shape
/// rules and SGD0008 (<see cref="WorkflowShapeAnalyzer"/>) and SGD0014 (<see cref="JsonContextAnalyzer"/>) all read
/// its checkpoints and slots. Kept per compilation, so it goes with it: a keystroke makes a new compilation.
/// </summary>
internal sealed class WorkflowShapes
{
    private static readonly ConditionalWeakTable<Compilation, WorkflowShapes> PerCompilation = new();

    private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), Lazy<WorkflowShape>> _shapes = new();
    private int _analyses;
    private int _reads;

    /// <summary>How many methods this compilation's shapes were analyzed for, rather than reused.</summary>
    public int Analyses => Volatile.Read(ref _analyses);

    /// <summary>How many times an analyzer asked for a shape.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public static WorkflowShapes Of(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new WorkflowShapes());

    /// <summary>The shape of <paramref name="method"/>, analyzed by the first analyzer that asks for it.</summary>
    public WorkflowShape Get(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        var key = (syntax.SyntaxTree, syntax.Span);
        while (true)
        {
            var shape = _shapes.GetOrAdd(key, _ => new Lazy<WorkflowShape>(() =>
            {
                Interlocked.Increment(ref _analyses);
                cancellationToken.ThrowIfCancellationRequested();
                return WorkflowShape.Analyze(method, syntax, model, cancellationToken);
            }));
            try
            {
                return shape.Value;
            }
            catch (OperationCanceledException)
            {
                // A cancelled analysis is not a result. When it was another analyzer's, this one analyzes the method itself.
                ((ICollection<KeyValuePair<(SyntaxTree, TextSpan), Lazy<WorkflowShape>>>)_shapes).Remove(new(key, shape));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
