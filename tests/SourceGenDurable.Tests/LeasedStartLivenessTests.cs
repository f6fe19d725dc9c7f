using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// An instance started in a host is created already leased to the host's worker and handed to it. When the host loses
/// its liveness in between (its store's session ended), other hosts may end that lease and take the instance, so the
/// worker, which takes it once liveness is back, must not run it under the lease it was created with.
/// </summary>
public sealed class LeasedStartLivenessTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_start_created_leased_just_before_its_host_lost_liveness_is_not_run_under_that_lease_once_liveness_is_back()
    {
        var services = new FakeServices();
        await using var host = await TestHost.StartAsync(_database.ConnectionString, services, s => s.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(
            _ => LivenessStore.Wrap(new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System, workerId: "host")))));
        var store = LivenessStore.Of(host.Store);

        // Liveness is lost the moment the instance is created, before the client hands it to the worker.
        store.AfterCreate = () => store.SetAlive(false);
        await host.Client.StartPausesBetweenStepsAsync(1, workflowId: "started");
        Assert.Equal("host", (await host.Store.GetAsync("started", default))!.LeaseOwner);

        // Another host ends the lease of the host without liveness, as PostgreSQL's sweep does, takes the instance and
        // commits its first step, as if it had run it.
        _database.Execute("UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL WHERE id = 'started'");
        await using var other = new SqliteWorkflowStore(_database.ConnectionString, TimeProvider.System, workerId: "other");
        await other.InitializeAsync(default);
        var taken = await other.AcquireLeaseAsync("started", TimeSpan.FromMinutes(1), 5, default);
        Assert.Equal(LeaseOutcome.Acquired, taken.Outcome);
        var now = DateTimeOffset.UtcNow;
        await other.CommitCheckpointAsync("started", new CheckpointCommit(1, 1, "{}", new StepRecord(1, 1, "first", "1", 1, now, now), [], false), default);

        // Liveness is back: the worker takes the instance it was handed, and either runs its first step under the lease
        // it was created with (the defect) or asks the store for the lease, which the other host holds.
        var asked = store.WhenLeaseAsked("started");
        var ran = TestHost.EventuallyAsync(() => Task.FromResult(services.CountOf("first") > 0), "the host runs the first step");
        store.SetAlive(true);
        await Task.WhenAny(asked, ran).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, services.CountOf("first"));
        var stored = await other.GetAsync("started", default);
        Assert.Equal((1, "other"), (stored!.Commits, stored.LeaseOwner));
    }

    /// <summary>A store whose liveness the test sets, over SQLite, which has none of its own.</summary>
    public interface ILivenessStore : IDisposableWorkflowStore, IWorkflowStoreLiveness;

    /// <summary>A counting store over SQLite that reports the liveness the test sets, and which leases are asked for.</summary>
    public class LivenessStore : CallCountingStore
    {
        private readonly ConcurrentDictionary<Action<bool>, bool> _subscribers = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _leasesAsked = new(StringComparer.Ordinal);
        private volatile bool _alive = true;

        internal static new ILivenessStore Wrap(SqliteWorkflowStore inner) => Wrap<ILivenessStore, LivenessStore>(inner);

        public static new LivenessStore Of(IWorkflowStore store) => (LivenessStore)(object)store;

        /// <summary>Runs after every instance the store creates, before the caller has it.</summary>
        public Action? AfterCreate { get; set; }

        public void SetAlive(bool alive)
        {
            _alive = alive;
            foreach (var subscriber in _subscribers.Keys)
            {
                subscriber(alive);
            }
        }

        /// <summary>Completes when the lease on <paramref name="id"/> is asked for from now on.</summary>
        public Task WhenLeaseAsked(string id) => _leasesAsked.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            switch (targetMethod.Name)
            {
                case "get_IsAlive":
                    return _alive;
                case nameof(IWorkflowStoreLiveness.SubscribeToLiveness):
                    var subscriber = (Action<bool>)args![0]!;
                    _subscribers[subscriber] = true;
                    return new Unsubscriber(() => _subscribers.TryRemove(subscriber, out _));
                case nameof(IWorkflowStore.AcquireLeaseAsync) when _leasesAsked.TryRemove((string)args![0]!, out var asked):
                    asked.TrySetResult();
                    break;
                case nameof(IWorkflowStore.CreateAsync):
                    return AfterCreateAsync((Task<(WorkflowInstance, bool)>)base.Invoke(targetMethod, args)!);
            }

            return base.Invoke(targetMethod, args);
        }

        private async Task<(WorkflowInstance, bool)> AfterCreateAsync(Task<(WorkflowInstance, bool)> create)
        {
            var created = await create;
            AfterCreate?.Invoke();
            return created;
        }

        private sealed class Unsubscriber(Action remove) : IDisposable
        {
            public void Dispose() => remove();
        }
    }
}
