using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server of one test's own, which the test may stop and start again (the shared server of
/// <see cref="PostgresServer"/> must never be). Started with the repository's postgres-start script on a free port
/// and a fresh data directory; stopped and deleted (postgres-stop --purge) when disposed. The script is found through
/// <c>SGD_POSTGRES_START</c>, or else at ../shared/scripts/postgres-start beside the repository.
/// </summary>
public sealed class OwnPostgresServer : IAsyncDisposable
{
    public const string StartScriptVariable = "SGD_POSTGRES_START";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly string _startScript;
    private readonly string _dataDirectory;
    private readonly int _port;

    private OwnPostgresServer(string startScript, string dataDirectory, int port, string connectionString)
    {
        (_startScript, _dataDirectory, _port, ConnectionString) = (startScript, dataDirectory, port, connectionString);
    }

    public string ConnectionString { get; }

    /// <summary>The postgres-start script, or null when there is none where it is looked for.</summary>
    public static string? StartScript => File.Exists(StartScriptPath) ? Path.GetFullPath(StartScriptPath) : null;

    /// <summary>Where postgres-start is looked for: <c>SGD_POSTGRES_START</c> when set, else ../shared/scripts beside the repository.</summary>
    private static string StartScriptPath =>
        Environment.GetEnvironmentVariable(StartScriptVariable) is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(
                typeof(OwnPostgresServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
                "..", "shared", "scripts", "postgres-start"));

    private static string NotFound =>
        Environment.GetEnvironmentVariable(StartScriptVariable) is { Length: > 0 } configured
            ? $"{StartScriptVariable}={configured} names no file"
            : $"postgres-start is not at {StartScriptPath} and {StartScriptVariable} is not set";

    /// <summary>Why a test that needs a server of its own is skipped, or null when it runs (and fails if it cannot start one).</summary>
    public static string? SkipReason =>
        PostgresServer.SkipReason
        ?? (StartScript is null && !PostgresServer.Required ? $"{NotFound}: no PostgreSQL server of its own for this test." : null);

    /// <summary>Starts a new server: a fresh data directory under /tmp (the postgres user must reach it), on the first free port from 55433.</summary>
    public static async Task<OwnPostgresServer> StartAsync()
    {
        var script = StartScript ?? throw new InvalidOperationException(
            $"{PostgresServer.RequireVariable}=1 but {NotFound}: set {StartScriptVariable} to the path of postgres-start, which starts the server this test restarts.");
        var data = Path.Combine("/tmp", "sgd-own-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var refused = new List<string>();
        foreach (var port in Enumerable.Range(55433, 100).Where(IsFree).Take(5))
        {
            var (exitCode, output, error) = await RunAsync(script, data, port);
            if (exitCode == 0)
            {
                return new OwnPostgresServer(script, data, port, output.Trim());
            }

            // Another test or helper may have taken the port since it was found free: the next one then.
            refused.Add($"port {port}: {error.Trim()}");
            await RunAsync(StopScript(script), data, port, "--purge");
            if (!error.Contains("already taken", StringComparison.Ordinal))
            {
                break;
            }
        }

        throw new InvalidOperationException($"postgres-start ({script}) could not start a server in {data}:\n{string.Join('\n', refused)}");
    }

    /// <summary>Stops the server (a fast shutdown: every session is ended, transactions in flight are rolled back).</summary>
    public Task StopAsync() => RunCheckedAsync(StopScript(_startScript));

    /// <summary>Starts the stopped server again, on the same port and data directory.</summary>
    public Task StartAgainAsync() => RunCheckedAsync(_startScript);

    public async ValueTask DisposeAsync() => await RunCheckedAsync(StopScript(_startScript), "--purge");

    private static string StopScript(string startScript) => Path.Combine(Path.GetDirectoryName(startScript)!, "postgres-stop");

    private async Task RunCheckedAsync(string script, params string[] arguments)
    {
        var (exitCode, _, error) = await RunAsync(script, _dataDirectory, _port, arguments);
        Assert.True(exitCode == 0, $"{script} {string.Join(' ', arguments)} failed (exit code {exitCode}) for {_dataDirectory}: {error}");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, string data, int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SGD_PG_DIR"] = data;
        start.Environment["SGD_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(ScriptTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not end within {ScriptTimeout.TotalMinutes} minutes (SGD_PG_DIR={data}, SGD_PG_PORT={port}).");
        }

        return (process.ExitCode, await output, await error);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs a PostgreSQL server of its own (see <see cref="OwnPostgresServer"/>): skipped as the PostgreSQL tests are, or without postgres-start unless CI requires PostgreSQL.</summary>
public sealed class OwnPostgresFactAttribute : FactAttribute
{
    public OwnPostgresFactAttribute()
    {
        if (OwnPostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
