using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SourceGenDurable.Tests;

/// <summary>
/// The runtime's namespaces are layered: each uses only the ones below it, so the store contract can be implemented
/// (SQLite today, PostgreSQL next) without reaching into the engine, and the engine never reaches into a store. A
/// dependency is a <c>using</c> directive, a name qualified by a namespace, or the name of a type (or of a public
/// extension method) that another namespace declares, in code; documentation may point anywhere.
/// </summary>
public sealed partial class NamespaceLayeringTests
{
    private const string Root = "SourceGenDurable";

    private static readonly string Source = Path.Combine(
        typeof(NamespaceLayeringTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "src", "SourceGenDurable");

    /// <summary>What each namespace may use. Widen it with care: <see cref="The_allowed_layering_has_no_cycle"/> holds it to a DAG.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["SourceGenDurable.StateMachines"] = [],
        ["SourceGenDurable.Diagnostics"] = [],
        [Root] = ["SourceGenDurable.StateMachines"],
        ["SourceGenDurable.Storage"] = [Root],
        ["SourceGenDurable.Sqlite"] = [Root, "SourceGenDurable.Diagnostics", "SourceGenDurable.Storage"],
        ["SourceGenDurable.Execution"] = [Root, "SourceGenDurable.Diagnostics", "SourceGenDurable.StateMachines", "SourceGenDurable.Storage"],
        ["SourceGenDurable.Client"] = [Root, "SourceGenDurable.Diagnostics", "SourceGenDurable.StateMachines", "SourceGenDurable.Storage", "SourceGenDurable.Execution"],
        ["SourceGenDurable.Hosting"] = [Root, "SourceGenDurable.Diagnostics", "SourceGenDurable.StateMachines", "SourceGenDurable.Storage", "SourceGenDurable.Sqlite", "SourceGenDurable.Execution", "SourceGenDurable.Client"],
        ["SourceGenDurable.Testing"] = [Root, "SourceGenDurable.Diagnostics", "SourceGenDurable.StateMachines", "SourceGenDurable.Storage", "SourceGenDurable.Sqlite", "SourceGenDurable.Execution", "SourceGenDurable.Client", "SourceGenDurable.Hosting"],
    };

    /// <summary>Every type and public extension method of the runtime by its simple name, with its namespace (names declared twice are left out).</summary>
    private static readonly Dictionary<string, string> Declared = DeclaredNames();

    [Fact]
    public void The_allowed_layering_has_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        foreach (var ns in Allowed.Keys)
        {
            Visit(ns, []);
        }

        void Visit(string ns, List<string> path)
        {
            Assert.False(visiting.Contains(ns), $"The allowed layering has a cycle: {string.Join(" -> ", path.Append(ns))}.");
            if (!done.Add(ns))
            {
                return;
            }

            visiting.Add(ns);
            foreach (var below in Allowed[ns])
            {
                Visit(below, [.. path, ns]);
            }

            visiting.Remove(ns);
        }
    }

    [Fact]
    public void Every_namespace_of_the_runtime_has_a_place_in_the_layering()
    {
        var namespaces = typeof(WorkflowContext).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Concat(SourceFiles().Select(f => NamespaceOf(File.ReadAllText(f))))
            .Distinct();

        Assert.All(namespaces, ns => Assert.True(Allowed.ContainsKey(ns), $"Namespace {ns} is not in the layering: add it to {nameof(Allowed)} with the namespaces it may use."));
    }

    [Fact]
    public void Every_namespace_of_the_runtime_uses_only_the_layers_below_it()
    {
        var files = SourceFiles();
        Assert.True(files.Count > 50, $"Expected the runtime's sources under {Source}; found {files.Count} files.");

        var violations = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var ns = NamespaceOf(text);
            foreach (var (used, why) in Dependencies(text, ns))
            {
                if (used != ns && !Allowed[ns].Contains(used))
                {
                    violations.Add($"{Path.GetRelativePath(Source, file)}: {ns} uses {used} ({why})");
                }
            }
        }

        Assert.True(violations.Count == 0, "Layering violated:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scan_finds_every_kind_of_dependency_and_ignores_documentation_and_text()
    {
        const string code = """
            using SourceGenDurable.Hosting;

            namespace SourceGenDurable.Storage;

            /// <summary>Not a dependency: <see cref="Client.IWorkflowClient"/>.</summary>
            internal sealed class Probe
            {
                // Nor is this: WorkflowRun.
                private const string Text = "Nor this: WorkflowExecutor";
                private readonly Client.WorkflowHandle? _handle;
                private readonly global::SourceGenDurable.Sqlite.Anything? _store;
                private readonly WorkflowRun? _run;
                private void Wire(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddDurableWorkflows();
            }
            """;

        var found = Dependencies(code, NamespaceOf(code)).ToLookup(d => d.Namespace, d => d.Why);

        Assert.Equal(["SourceGenDurable.Client", "SourceGenDurable.Execution", "SourceGenDurable.Hosting", "SourceGenDurable.Sqlite"], found.Select(g => g.Key).Order());
        Assert.Contains("WorkflowHandle", found["SourceGenDurable.Client"]);
        Assert.Contains("WorkflowRun", found["SourceGenDurable.Execution"]);
        Assert.DoesNotContain("WorkflowExecutor", found["SourceGenDurable.Execution"]);
        Assert.Contains("using", found["SourceGenDurable.Hosting"]);
        Assert.Contains("AddDurableWorkflows", found["SourceGenDurable.Hosting"]);
    }

    /// <summary>The namespaces <paramref name="text"/> (a file of namespace <paramref name="ns"/>) uses, each with what showed it.</summary>
    private static IEnumerable<(string Namespace, string Why)> Dependencies(string text, string ns)
    {
        foreach (Match m in UsingDirective().Matches(text))
        {
            yield return (m.Groups["ns"].Value, "using");
        }

        var code = CodeOnly(UsingDirective().Replace(text, ""));
        foreach (Match m in QualifiedName().Matches(code))
        {
            yield return ($"{Root}.{m.Groups["ns"].Value}", $"{Root}.{m.Groups["ns"].Value}.");
        }

        foreach (Match m in Identifier().Matches(code))
        {
            if (Declared.TryGetValue(m.Value, out var declaredIn) && declaredIn != ns)
            {
                yield return (declaredIn, m.Value);
            }
        }
    }

    /// <summary>The code of a file without comments, string and character literals (their text names no dependency).</summary>
    private static string CodeOnly(string text)
    {
        var withoutLiterals = Literal().Replace(text, "\"\"");
        return string.Join('\n', withoutLiterals.Split('\n').Select(line => LineComment().Replace(line, "")));
    }

    private static string NamespaceOf(string text) => FileNamespace().Match(text) is { Success: true } m
        ? m.Groups["ns"].Value
        : throw new InvalidOperationException("A runtime source file without a file-scoped namespace.");

    private static List<string> SourceFiles() => Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(Source, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .ToList();

    private static Dictionary<string, string> DeclaredNames()
    {
        var types = typeof(WorkflowContext).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal) && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .ToList();
        var names = types.Select(t => (Name: t.Name.Split('`')[0], Namespace: t.Namespace!))
            .Concat(types
                .Where(t => t.IsPublic && t.IsDefined(typeof(ExtensionAttribute)))
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .Where(m => m.IsDefined(typeof(ExtensionAttribute)))
                .Select(m => (m.Name, Namespace: m.DeclaringType!.Namespace!)));
        return names.GroupBy(n => n.Name)
            .Where(g => g.Select(n => n.Namespace).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Namespace);
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>SourceGenDurable(?:\.\w+)?)(?:\.\w+)*\s*;\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?SourceGenDurable\.(?<ns>[A-Z]\w*)\.")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    // Raw strings first (they may hold quotes), then verbatim, regular and character literals.
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)'")]
    private static partial Regex Literal();

    // A comment to the end of the line (documentation included); "://" in a URL is not one.
    [GeneratedRegex(@"(?<!:)//.*$")]
    private static partial Regex LineComment();
}
