using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// What each instance does is logged at Debug, so that thousands of instances a second do not flood a console; the
/// host's own events are Information, and what needs an operator is Warning or Error.
/// </summary>
public sealed class LoggingTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Completing_and_cancelling_workflows_logs_nothing_at_Information_or_above_and_the_host_logs_its_start_and_stop()
    {
        var logs = new CapturingLoggerProvider();
        var services = new FakeServices();
        await using (var host = await TestHost.StartAsync(
            _database.ConnectionString,
            services,
            s => s.AddSingleton<ILoggerProvider>(logs).Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace)))
        {
            for (var i = 0; i < 10; i++)
            {
                await (await host.Client.StartProcessOrderAsync(new Order($"o-{i}", "ada", 10m, 1m), workflowId: $"order-{i}")).GetResultAsync();
            }

            await host.Client.StartRenewalAsync("ada", workflowId: "renewal");
            await TestHost.WaitForStatusAsync(host, "renewal", WorkflowStatus.Sleeping);
            await host.Client.CancelAsync("renewal");
            await TestHost.WaitForStatusAsync(host, "renewal", WorkflowStatus.Cancelled);
        }

        var ours = logs.Entries.Where(e => e.Category.StartsWith("SourceGenDurable", StringComparison.Ordinal)).ToList();
        var loud = ours.Where(e => e.Level >= LogLevel.Information).Select(e => e.Message).ToList();
        Assert.Collection(
            loud,
            started => Assert.Matches("^Durable workflow worker .+ started; it runs up to 64 instances at a time\\.$", started),
            stopped => Assert.Matches("^Durable workflow worker .+ stopped", stopped));
        // The lifecycle is still there for whoever turns Debug on.
        Assert.Equal(10, ours.Count(e => e.Level == LogLevel.Debug && e.Message.EndsWith("(OrderWorkflows.ProcessOrder) completed.", StringComparison.Ordinal)));
        Assert.Single(ours, e => e.Level == LogLevel.Debug && e.Message == "Workflow renewal (renewal) was cancelled.");
    }

    [Fact]
    public async Task A_set_aside_instance_is_a_warning()
    {
        var services = new FakeServices();
        services.Gates["charge"] = new TaskCompletionSource();
        await using (var first = await TestHost.StartAsync(_database.ConnectionString, services))
        {
            await first.Client.StartProcessOrderAsync(new Order("o-1", "ada", 40m, 5m), workflowId: "renamed");
            await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("charge") == 1), "the instance waits in the charge step");
        }

        _database.Execute("UPDATE workflow_instances SET name = 'Retired.Workflow' WHERE id = 'renamed'");
        var logs = new CapturingLoggerProvider();
        await using (var second = await TestHost.StartAsync(_database.ConnectionString, services, s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            await TestHost.EventuallyAsync(async () => (await second.Client.GetWorkflowAsync("renamed"))!.SetAsideReason is not null, "the instance is set aside");
        }

        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Workflow renamed is set aside: No workflow named 'Retired.Workflow'", StringComparison.Ordinal));
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message);

    /// <summary>Keeps every entry written through it, with its category and level.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}
