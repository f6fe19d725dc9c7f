using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SourceGenDurable.PostgreSql;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests.Postgres;

/// <summary>
/// A host whose session the server ended has lost the lock that tells other hosts it is alive, and they may take its
/// instances over at once, while it is still running. It stops its runs as soon as it notices, so that none of them
/// starts a step that another host may have run and committed since; it takes no lease until its session is back, and
/// then resumes what it had stopped.
/// </summary>
public sealed class PostgresLivenessLossTests : IDisposable
{
    private readonly PostgresTestSchema _schema = new();

    public void Dispose() => _schema.Dispose();

    [PostgresFact]
    public async Task A_run_between_two_steps_when_its_host_loses_its_session_does_not_start_the_step_another_host_committed()
    {
        var application = "sgd-liveness-" + Guid.NewGuid().ToString("N")[..12];
        var services = new FakeServices();
        using var between = new ManualResetEventSlim(false);
        services.Pauses["between"] = between;
        await using var host = await TestHost.StartAsync("Data Source=unused.db", services, s => s.Configure<DurableWorkflowOptions>(o =>
            o.UsePostgres(PostgresServer.WithApplicationName(_schema.ConnectionString, application), p => p.Schema = _schema.Schema)));
        var liveness = (IWorkflowStoreLiveness)host.Store;
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = liveness.SubscribeToLiveness(alive => (alive ? back : lost).TrySetResult());
        await host.Client.StartPausesBetweenStepsAsync(1, workflowId: "paused");
        await TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("between") == 1), "the run has committed its first step and pauses");

        // The host's sessions end, and this test takes its worker's lock before the host can: it stays without it.
        using var lockHolder = TakeWorkerLockAfterEndingSessions(application, host.Store.WorkerId);
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Another host takes the instance over, as its sweep does for a worker without its lock, and commits the second
        // step, as if it had run it.
        await using var other = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = _schema.ConnectionString, Schema = _schema.Schema }, TimeProvider.System, "other");
        await other.InitializeAsync(default);
        await other.EndLeasesOfAsync(host.Store.WorkerId, default);
        var taken = await other.AcquireLeaseAsync("paused", TimeSpan.FromMinutes(1), 5, default);
        Assert.Equal((LeaseOutcome.Acquired, 1), (taken.Outcome, taken.Instance!.Commits));
        var now = DateTimeOffset.UtcNow;
        await other.CommitCheckpointAsync("paused", new CheckpointCommit(taken.Instance.State + 1, 2, "{}", new StepRecord(2, taken.Instance.State + 1, "second", "2", 1, now, now), [], false), default);

        // The first host's run goes on from where it paused: the second step is committed, and it must not run it (its
        // commit would be refused, but the step's effects would have happened twice).
        between.Set();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, services.CountOf("second"));

        // While the session is away, a start in the host is stored and waits: no worker of a host without its lock takes it.
        await host.Client.StartPausesBetweenStepsAsync(2, workflowId: "during");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, services.CountOf("first"));
        var refused = await Assert.ThrowsAsync<DurableStoreException>(() => host.Store.AcquireLeaseAsync("during", TimeSpan.FromMinutes(1), 5, default));
        Assert.Contains("takes no lease until it is back", refused.Message, StringComparison.Ordinal);

        // Its session back, the host resumes the start it kept, and leaves the instance the other host holds.
        lockHolder.Dispose();
        await back.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await TestHost.WaitForStatusAsync(host, "during", WorkflowStatus.Completed);
        var stored = await other.GetAsync("paused", default);
        Assert.Equal((2, "other"), (stored!.Commits, stored.LeaseOwner));
        Assert.Equal(1, services.CountOf("second"));
    }

    /// <summary>
    /// Ends the sessions of <paramref name="application"/> and takes the advisory lock of <paramref name="workerId"/>
    /// on a connection of its own, before that worker's session reconnects (it waits a backoff first), trying again if
    /// it lost the race.
    /// </summary>
    private NpgsqlConnection TakeWorkerLockAfterEndingSessions(string application, string workerId)
    {
        var connection = PostgresServer.Open();
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2);", connection)
        {
            Parameters =
            {
                new() { Value = PostgresWorkflowStore.SchemaLockKey(_schema.Schema) },
                new() { Value = PostgresWorkerSession.LockKeyOf(workerId) },
            },
        };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            PostgresServer.EndSessions(application, waitUntilGone: true);
            if (command.ExecuteScalar() is true)
            {
                return connection;
            }
        }

        connection.Dispose();
        throw new InvalidOperationException($"Worker '{workerId}' took its lock back each time before the test could take it.");
    }
}
