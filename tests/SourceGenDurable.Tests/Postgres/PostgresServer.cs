using Npgsql;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: its connection string is read from <c>SGD_POSTGRES</c> (CI starts one
/// with ../shared/scripts/postgres-start). Without it the PostgreSQL tests are skipped, unless <c>SGD_REQUIRE_POSTGRES=1</c>
/// (set by .ci/run), which turns a missing or unreachable server into a failure: CI never passes with them skipped.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SGD_POSTGRES";

    public const string RequireVariable = "SGD_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a PostgreSQL test is skipped, or null when it runs (it fails then if the server is unreachable).</summary>
    public static string? SkipReason =>
        ConnectionString is null && !Required
            ? $"{Variable} is not set: no PostgreSQL server to test against (set it, or run ../shared/scripts/postgres-start)."
            : null;

    /// <summary>The server's connection string; throws, naming the variables, when CI requires a server and none is set.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{RequireVariable}=1 but {Variable} is not set: start a server with ../shared/scripts/postgres-start and export its connection string as {Variable}.");

    /// <summary>A connection string for Npgsql with pooling off, for a test's direct reads and writes.</summary>
    public static NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// <paramref name="connectionString"/> with its sessions named <paramref name="application"/>, by which
    /// <see cref="EndSessions"/> finds them (and only them: other tests share the server).
    /// </summary>
    public static string WithApplicationName(string connectionString, string application) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = application }.ToString();

    /// <summary>
    /// Ends every session named <paramref name="application"/>, as a server restart or an operator's
    /// <c>pg_terminate_backend</c> does; returns how many there were. With <paramref name="waitUntilGone"/>, each has
    /// exited when it returns (up to 10 s), so that the next use of a connection surely meets a dead session.
    /// </summary>
    public static long EndSessions(string application, bool waitUntilGone)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, $2)) FROM pg_stat_activity WHERE application_name = $1;", connection)
        {
            Parameters = { new() { Value = application }, new() { Value = waitUntilGone ? 10_000L : 0L } },
        };
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped without one, failed without one when CI requires it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs the PostgreSQL server: skipped without one, failed without one when CI requires it.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A schema of its own for one test (or one test class): every host of the test shares it, and it is dropped at the end.
/// Tests in parallel never see each other's instances.
/// </summary>
public sealed class PostgresTestSchema : IDisposable
{
    public PostgresTestSchema()
    {
        ConnectionString = PostgresServer.RequireConnectionString();
        Schema = "sgd_test_" + Guid.NewGuid().ToString("N")[..12];
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    /// <summary>Runs a SQL statement in the test's schema directly, as an operator (or a bug) would.</summary>
    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = PostgresServer.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET search_path TO \"{Schema}\"; {sql}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = PostgresServer.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE;";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
        }
    }
}
