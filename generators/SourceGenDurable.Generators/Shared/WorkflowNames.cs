using System.Linq;
using Microsoft.CodeAnalysis;

namespace SourceGenDurable.Shared;

/// <summary>
/// The name a workflow is registered and stored under. The generator registers it, and the analyzers report two
/// workflows of one compilation that share it, so both read it from here.
/// </summary>
internal static class WorkflowNames
{
    /// <summary>
    /// The workflow's name around where a generic class's type arguments go: <c>Class</c> and <c>.Method</c>, or a
    /// pinned name and nothing.
    /// </summary>
    public static (string Prefix, string Suffix) Of(IMethodSymbol method, KnownTypes known)
    {
        var attribute = method.GetAttributes().First(known.IsDurableWorkflowAttribute);
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string { Length: > 0 } pinned)
            {
                return (pinned, "");
            }
        }

        return (method.ContainingType.Name, "." + method.Name);
    }

    /// <summary>The name of a workflow of a non-generic class (a generic class's name is closed at registration).</summary>
    public static string Joined(IMethodSymbol method, KnownTypes known)
    {
        var (prefix, suffix) = Of(method, known);
        return prefix + suffix;
    }
}
