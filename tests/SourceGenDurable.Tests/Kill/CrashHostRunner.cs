using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SourceGenDurable.Tests.Kill;

/// <summary>
/// Starts SourceGenDurable.CrashHost as real child processes on one store, all appending to one effects file, and reads
/// what they wrote: the kill tests of every store share it.
/// </summary>
/// <param name="storeArguments">The CrashHost arguments that name the store: a SQLite file, or <c>--postgres</c>, a connection string and a schema.</param>
/// <param name="effects">The effects file the processes append to.</param>
/// <param name="lease">The lease duration of every process, unless a start says otherwise.</param>
public sealed class CrashHostRunner(IReadOnlyList<string> storeArguments, string effects, TimeSpan lease)
{
    /// <summary>The setting that gives a process the default lease of 30 s, which a takeover after a kill must not wait out.</summary>
    public static readonly (string, string) DefaultLease = ("SourceGenDurable__LeaseDuration", "00:00:30");

    public string EffectsPath { get; } = effects;

    public Process Start(int hangBeforeStep, string workflow = "chain", params (string Name, string Value)[] environment)
    {
        var hostPath = typeof(CrashHostRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHostPath").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostPath));
        foreach (var argument in storeArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(EffectsPath);
        start.ArgumentList.Add(hangBeforeStep.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(workflow);
        start.Environment["SourceGenDurable__LeaseDuration"] = lease.ToString();
        start.Environment["SourceGenDurable__PollInterval"] = "00:00:00.100";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Reads a process's output to its end and waits, three minutes at most, for it to exit; fails, with its output,
    /// unless it exited with 0. The caller kills a process that did not.
    /// </summary>
    public static async Task<string> SucceedsAsync(Process process, string what)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} (pid {process.Id}) did not end within 3 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"{what} (pid {process.Id}) exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    /// <summary>Kills the processes still running, so that a failed assertion leaves none on the store.</summary>
    public static void KillRemaining(IEnumerable<Process> processes)
    {
        foreach (var process in processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Never started, or already reaped.
            }
        }
    }

    /// <summary>When <paramref name="effect"/> appears in the effects file, to within a few milliseconds.</summary>
    public async Task<DateTimeOffset> WhenEffectAsync(string effect)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!ReadEffects().Contains(effect))
        {
            await Task.Delay(5, timeout.Token);
        }

        return DateTimeOffset.UtcNow;
    }

    /// <summary>The "started=" time a process printed once its host had started.</summary>
    public static DateTimeOffset StartedAt(string output) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(output.Split('\n').Single(line => line.StartsWith("started=", StringComparison.Ordinal))["started=".Length..].Trim(), CultureInfo.InvariantCulture));

    public string[] ReadEffects()
    {
        // A child appends under an exclusive lock (see EffectLog), which a read meanwhile is refused.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return File.Exists(EffectsPath) ? File.ReadAllLines(EffectsPath) : [];
            }
            catch (IOException) when (attempt < 1_000)
            {
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>The marks the tally workflow's steps wrote, in the order they were written.</summary>
    public IReadOnlyList<Mark> ReadMarks() => ReadEffects().Select(Mark.Parse).ToList();
}

/// <summary>One line a tally step wrote: "&lt;instance&gt; step&lt;n&gt; pid&lt;process id&gt; at&lt;Unix milliseconds&gt;".</summary>
public sealed record Mark(string Instance, int Step, int Pid, long At)
{
    public static Mark Parse(string line) =>
        line.Split(' ') is [var instance, var step, var pid, var at]
        && step.StartsWith("step", StringComparison.Ordinal) && pid.StartsWith("pid", StringComparison.Ordinal) && at.StartsWith("at", StringComparison.Ordinal)
            ? new Mark(instance, Number(step[4..]), Number(pid[3..]), long.Parse(at[2..], CultureInfo.InvariantCulture))
            : throw new FormatException($"Not a tally mark: '{line}'.");

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>
/// The test classes that run several host processes at once: one at a time, so that their timing bounds (a takeover
/// within seconds of a kill) measure the store, not two such tests fighting over the cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes";
}
