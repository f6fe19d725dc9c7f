using System.ComponentModel;
using System.Diagnostics;

namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>What the report says about the machine and the build a run measured.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average from /proc/loadavg (Linux), or null elsewhere.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The commit the suite was built from (git, run in the build's folder), marked when the tree had changes; or "unknown".</summary>
    public static string Commit()
    {
        var head = Git("rev-parse", "--short", "HEAD");
        if (head is null)
        {
            return "unknown";
        }

        return Git("status", "--porcelain", "--untracked-files=no") is { Length: > 0 } ? $"{head} (with uncommitted changes)" : head;
    }

    private static string? Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
