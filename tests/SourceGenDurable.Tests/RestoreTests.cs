using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SourceGenDurable.Tests;

/// <summary>
/// What a fresh machine restores is decided by the repository, not by the registry on the day or a warm package
/// folder: every project commits its lock file, and the README's test command (the solution) needs none of the
/// benchmark peers' packages, so a peer's packaging problem cannot stop anyone from running the product's tests.
/// </summary>
public sealed partial class RestoreTests
{
    private static readonly string Root = typeof(RestoreTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    // Packages of the systems the benchmark suite measures side by side with ours.
    private static readonly string[] PeerPackagePrefixes = ["Hangfire", "Microsoft.DurableTask", "Microsoft.Azure.DurableTask", "Grpc."];

    [Fact]
    public void Every_project_commits_a_lock_file_that_names_each_of_its_package_references()
    {
        var projects = Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(projects);

        foreach (var project in projects)
        {
            var lockFile = Path.Combine(Path.GetDirectoryName(project)!, "packages.lock.json");
            Assert.True(File.Exists(lockFile), $"{Path.GetRelativePath(Root, project)} has no packages.lock.json; run dotnet restore and commit it.");

            var locked = LockedPackages(lockFile);
            foreach (var reference in PackageReferences().Matches(File.ReadAllText(project)).Select(m => m.Groups[1].Value))
            {
                Assert.True(locked.ContainsKey(reference), $"{Path.GetRelativePath(Root, lockFile)} does not lock {reference}; run dotnet restore and commit it.");
            }
        }
    }

    [Fact]
    public void The_solution_that_dotnet_test_builds_needs_no_package_of_a_benchmark_peer()
    {
        var solution = File.ReadAllText(Path.Combine(Root, "SourceGenDurable.sln"));
        var projects = SolutionProjects().Matches(solution).Select(m => m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar)).ToList();
        Assert.Contains(projects, p => p.EndsWith("SourceGenDurable.Tests.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain(projects, p => p.Contains("Benchmarks", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            var lockFile = Path.Combine(Root, Path.GetDirectoryName(project)!, "packages.lock.json");
            var peers = LockedPackages(lockFile).Keys
                .Where(name => PeerPackagePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            Assert.True(peers.Count == 0, $"{project} restores benchmark peers' packages: {string.Join(", ", peers)}");
        }
    }

    /// <summary>Every package a lock file records, direct or transitive, with its resolved version.</summary>
    private static Dictionary<string, string> LockedPackages(string lockFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(lockFile));
        var packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in document.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            foreach (var package in framework.Value.EnumerateObject())
            {
                if (package.Value.GetProperty("type").GetString() != "Project")
                {
                    packages[package.Name] = package.Value.GetProperty("resolved").GetString()!;
                }
            }
        }

        return packages;
    }

    [GeneratedRegex("""<PackageReference\s+Include="([^"]+)""")]
    private static partial Regex PackageReferences();

    [GeneratedRegex("""Project\("\{[^}]+\}"\) = "[^"]+", "([^"]+\.csproj)""")]
    private static partial Regex SolutionProjects();
}
