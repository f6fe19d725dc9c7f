using Microsoft.Extensions.Logging;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Lease owners' liveness: a lease whose owner is known to be dead is ended at once rather than waited out, so a host
/// restarted after a crash resumes its predecessor's instances immediately. The lease itself, and the owner check on
/// every write, are unchanged: only an owner the operating system reports dead loses its leases early (see
/// <see cref="WorkerLockFiles"/>); a live owner, or one whose liveness cannot be told, keeps them until they expire.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    private WorkerLockFiles? _workerLock;
    private bool _workerLockTried;

    /// <summary>
    /// Takes this worker's lock file, once; then ends the leases this worker id still holds in the store: holding the
    /// id's lock, no other live process has it, so they are a previous process's (a worker id set in configuration
    /// stays the same across restarts).
    /// </summary>
    private async Task TakeWorkerLockAsync(CancellationToken cancellationToken)
    {
        if (_databaseFile is null || _workerLockTried)
        {
            return;
        }

        _workerLock = await WorkerLockFiles.AcquireAsync(_databaseFile, WorkerId, cancellationToken).ConfigureAwait(false);
        _workerLockTried = true;
        if (_workerLock is null)
        {
            LogLocksNotEnforced(_logger, WorkerLockFiles.FolderOf(_databaseFile));
            return;
        }

        var ended = await EndLeasesOfAsync(WorkerId, cancellationToken).ConfigureAwait(false);
        if (ended > 0)
        {
            LogPreviousProcessLeases(_logger, WorkerId, ended);
        }
    }

    /// <summary>Ends the leases of every worker of this machine that died holding some, and deletes their lock files.</summary>
    private async Task ExpireLeasesOfDeadWorkersAsync(CancellationToken cancellationToken)
    {
        using var dead = _workerLock?.FindDead();
        if (dead is null)
        {
            return;
        }

        foreach (var workerId in dead.WorkerIds)
        {
            var ended = await EndLeasesOfAsync(workerId, cancellationToken).ConfigureAwait(false);
            dead.Bury(workerId);
            if (ended > 0)
            {
                LogDeadWorker(_logger, workerId, ended);
            }
        }
    }

    /// <summary>
    /// Ends <paramref name="workerId"/>'s leases as if they had expired: the starts they counted stay counted (a run
    /// that died counts towards <c>MaxStartsWithoutProgress</c>), and its writes, should it still make any, are refused.
    /// </summary>
    private Task<int> EndLeasesOfAsync(string workerId, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements => Execute(
                statements,
                "UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL WHERE status IN ($pending, $running) AND lease_owner = $owner;",
                ("$pending", (int)WorkflowStatus.Pending),
                ("$running", (int)WorkflowStatus.Running),
                ("$owner", workerId)),
            cancellationToken);

    private void ReleaseWorkerLock()
    {
        _workerLock?.Dispose();
        _workerLock = null;
    }

    [LoggerMessage(30, LogLevel.Information, "Worker {DeadWorkerId} on this machine died holding the leases of {Count} instances; they are resumed now.")]
    private static partial void LogDeadWorker(ILogger logger, string deadWorkerId, int count);

    [LoggerMessage(31, LogLevel.Information, "A previous process of worker {WorkerId} held the leases of {Count} instances; they are resumed now.")]
    private static partial void LogPreviousProcessLeases(ILogger logger, string workerId, int count);

    [LoggerMessage(
        32,
        LogLevel.Warning,
        "File locks are not enforced in {Folder} (DOTNET_SYSTEM_IO_DISABLEFILELOCKING, or a file system without them): the instances of a process that dies are resumed when its leases expire (SourceGenDurable:LeaseDuration), not at once.")]
    private static partial void LogLocksNotEnforced(ILogger logger, string folder);
}
