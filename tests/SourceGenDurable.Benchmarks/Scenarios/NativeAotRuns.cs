using System.Diagnostics;
using System.Globalization;
using SourceGenDurable.Benchmarks.Harness;

namespace SourceGenDurable.Benchmarks.Scenarios;

/// <summary>
/// The Native AOT sample (samples/AotOrders) beside the same program on the JIT: each is published (the JIT one
/// framework-dependent, as a .NET application usually ships), its size on disk taken without debug symbols, and its
/// start-up timed from process start to its result printed, in a new empty folder with a new database each run, the
/// two in turns.
/// </summary>
internal static class NativeAotRuns
{
    private const string System = "SourceGenDurable sample (AotOrders)";
    private const string Expected = "order-7: 105.5 ";

    public sealed record Result(Samples Native, Samples Jit, long NativeBytes, long JitBytes);

    public static async Task<Result> RunAsync(Sizes sizes, Report report, string repositoryRoot)
    {
        var project = Path.Combine(repositoryRoot, "samples", "AotOrders");
        var folder = Directory.CreateTempSubdirectory("sgd-aot-bench-");
        try
        {
            var native = Path.Combine(folder.FullName, "native");
            var jit = Path.Combine(folder.FullName, "jit");

            // Locked, so that the suite never rewrites the sample's lock file; both publishes use the one restore.
            await DotnetAsync(["restore", project, "--locked-mode"]);
            var linker = OnPath("clang") ? "clang" : "gcc";
            await DotnetAsync(["publish", project, "-c", "Release", "-r", "linux-x64", "--no-restore", $"-p:CppCompilerAndLinker={linker}", "-o", native]);
            await DotnetAsync(["publish", project, "-c", "Release", "-r", "linux-x64", "--no-restore", "--self-contained", "false", "-p:PublishAot=false", "-o", jit]);

            var nativeTimes = new List<double>();
            var jitTimes = new List<double>();
            for (var run = 0; run < sizes.StartupRuns; run++)
            {
                // In turns, each first every other run, so that the machine's drift falls on both alike.
                var order = run % 2 == 0 ? new[] { (native, nativeTimes), (jit, jitTimes) } : [(jit, jitTimes), (native, nativeTimes)];
                foreach (var (published, times) in order)
                {
                    times.Add(await TimeToResultAsync(Path.Combine(published, "AotOrders")));
                }
            }

            var result = new Result(new Samples(nativeTimes), new Samples(jitTimes), PublishedBytes(native), PublishedBytes(jit));
            report.Add("Native AOT: process start to result printed", System, "ms", result.Native);
            report.Add("JIT (framework-dependent): process start to result printed", System, "ms", result.Jit);
            report.Table(
                "Native AOT and JIT start-up",
                "samples/AotOrders (a generic host, the SQLite store, a workflow with a `WhenAny`, a child workflow and four steps, on a new database), " +
                $"published for linux-x64 in Release both ways; start-up is the median of {sizes.StartupRuns} runs, from process start to its receipt printed, with the minimum and maximum. " +
                "Size: the published folder without debug symbols (.dbg, .pdb) and documentation; the JIT build also needs the .NET runtime installed.",
                ["Build", "Start-up to result (ms)", "Published size (MB)"],
                [
                    ["Native AOT", $"{Report.Format(result.Native.Median)} ({Report.Format(result.Native.Min)}-{Report.Format(result.Native.Max)})", Megabytes(result.NativeBytes)],
                    ["JIT, framework-dependent", $"{Report.Format(result.Jit.Median)} ({Report.Format(result.Jit.Min)}-{Report.Format(result.Jit.Max)})", Megabytes(result.JitBytes)],
                ]);
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeToResultAsync(string executable)
    {
        var working = Directory.CreateTempSubdirectory("sgd-aot-run-");
        try
        {
            var start = new ProcessStartInfo(executable, ["--db", Path.Combine(working.FullName, "orders.db")])
            {
                WorkingDirectory = working.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
            var line = await process.StandardOutput.ReadLineAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var rest = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || line is null || !line.StartsWith(Expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{executable} printed '{line}' and exited with {process.ExitCode}: {rest}");
            }

            return elapsed;
        }
        finally
        {
            working.Delete(recursive: true);
        }
    }

    private static long PublishedBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is not (".dbg" or ".pdb" or ".xml"))
            .Sum(f => new FileInfo(f).Length);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static async Task DotnetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
