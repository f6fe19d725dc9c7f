using System.Diagnostics;
using Npgsql;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>The sample on PostgreSQL, switched by configuration alone, as the README shows it.</summary>
public sealed class PostgresSampleTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    [PostgresFact]
    public async Task The_sample_runs_both_orders_on_PostgreSQL_when_its_connection_string_is_configured()
    {
        var sample = typeof(OrderProcessing.Order).Assembly.Location;
        var folder = Directory.CreateTempSubdirectory("sgd-sample-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [sample])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["SourceGenDurable__Postgres__ConnectionString"] = _schema.ConnectionString;
            start.Environment["SourceGenDurable__Postgres__Schema"] = _schema.Schema;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"The sample exited with {process.ExitCode}:\n{await output}\n{await errors}");
            var printed = await output;
            Assert.Contains("order-1001: Shipped", printed);
            Assert.Contains("order-1002: Cancelled", printed);
            Assert.False(File.Exists(Path.Combine(folder, "orders.db")), "The sample wrote a SQLite database although PostgreSQL was configured.");

            await using var connection = PostgresServer.Open();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{_schema.Schema}\".workflow_instances WHERE id IN ('order-1001', 'order-1002') AND status = 1;", connection);
            Assert.Equal(2L, await count.ExecuteScalarAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
