using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using SourceGenDurable.Generators.Model;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// Keeps each workflow's model while nothing it depends on changes, so that a keystroke re-lowers only the workflows
/// it can affect. ForAttributeWithMetadataName runs its transform for every workflow on each new compilation; without
/// this cache every edit would bind and lower every workflow of the project again.
/// </summary>
/// <remarks>
/// A model is a function of the workflow method's own text and of the declarations its body binds to, never of
/// another member's body: the key is the method's documentation id, full text, file and first line, plus the
/// compilation's <see cref="DeclarationDigest"/>. An edit inside one method body changes only that method's key, and
/// the keys of the workflows after it in its file when it adds or removes lines (their #line directives move).
/// </remarks>
internal sealed class WorkflowModelCache
{
    /// <summary>Enough for the workflows of every open project; past it the cache starts over rather than grow.</summary>
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<(string Method, string Text, string Path, int Line), (string Declarations, WorkflowOutcome Outcome)> _models = new();
    private int _lowerings;

    /// <summary>The cache the compiler's instances of the generator share.</summary>
    public static WorkflowModelCache Shared { get; } = new();

    /// <summary>How many workflows this cache has bound and lowered, rather than reused.</summary>
    public int Lowerings => Volatile.Read(ref _lowerings);

    public WorkflowOutcome GetOrBuild(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // Where the method is belongs to the key too: the lowered body's #line directives name its file and lines.
        var position = context.TargetNode.GetLocation().GetLineSpan();
        var key = (context.TargetSymbol.GetDocumentationCommentId() ?? "", context.TargetNode.ToFullString(), position.Path, position.StartLinePosition.Line);
        var declarations = DeclarationDigest.Of(context.SemanticModel.Compilation, cancellationToken);
        if (_models.TryGetValue(key, out var cached) && cached.Declarations == declarations)
        {
            return cached.Outcome;
        }

        var outcome = WorkflowPipeline.Build(context, cancellationToken);
        Interlocked.Increment(ref _lowerings);
        if (_models.Count >= Capacity)
        {
            _models.Clear();
        }

        _models[key] = (declarations, outcome);
        return outcome;
    }
}
