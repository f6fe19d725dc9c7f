using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// Whether a lease owner is alive, told by the operating system: each worker holds an exclusive lock on a file of its
/// own in <c>&lt;database&gt;.workers/</c> for as long as its process lives (the kernel drops it when the process dies,
/// SIGKILL included). A lock file that can be locked belongs to a dead worker, whose leases need not be waited out.
/// </summary>
/// <remarks>
/// <para>
/// Only lock files written on this machine (by host name) are judged: on a network file system, locks may not be
/// enforced across machines. An owner with no lock file (another machine, an older build, a store without a file) is
/// never judged dead; its leases expire as they always have.
/// </para>
/// <para>
/// The folder's <c>.sweep</c> file serializes, between processes, a worker creating its lock file with judging and
/// deleting the files of dead workers: so a worker never ends up holding a lock file that a judge has just deleted
/// (which would hide it), nor a judge deleting a file that a new process of the same worker id has just locked.
/// </para>
/// </remarks>
internal sealed class WorkerLockFiles : IDisposable
{
    private const string SweepFileName = ".sweep";
    private const string Extension = ".lock";

    /// <summary>How long a starting worker waits for the folder while other processes judge or start.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly string _ownPath;
    private readonly FileStream _own;

    private WorkerLockFiles(string folder, string ownPath, FileStream own) => (_folder, _ownPath, _own) = (folder, ownPath, own);

    /// <summary>The folder beside the database that holds the lock files.</summary>
    public static string FolderOf(string databaseFile) => databaseFile + ".workers";

    /// <summary>
    /// Takes this worker's lock file. Null when this file system does not enforce the locks (a second exclusive open of
    /// the file succeeds: <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>, or a file system without <c>flock</c>); no worker
    /// is judged dead then.
    /// </summary>
    /// <exception cref="DurableStoreException">Another live process holds this worker id's lock, or the folder cannot be written.</exception>
    public static async Task<WorkerLockFiles?> AcquireAsync(string databaseFile, string workerId, CancellationToken cancellationToken)
    {
        var folder = FolderOf(databaseFile);
        var path = Path.Combine(folder, FileNameOf(workerId));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            FileStream? sweep;
            try
            {
                OwnerOnlyFiles.CreateFolder(folder);
                sweep = TryLock(Path.Combine(folder, SweepFileName), FileMode.OpenOrCreate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DurableStoreException(
                    $"Cannot create the worker lock folder '{folder}' beside the database: {e.Message} This process must be able to write the database's folder.", e);
            }

            if (sweep is null)
            {
                if (waited.Elapsed > Patience)
                {
                    throw new DurableStoreException(
                        $"'{Path.Combine(folder, SweepFileName)}' stayed locked by another process for {Patience.TotalSeconds:0} s; a process that holds it is stuck. Stop it, or delete the folder '{folder}' while no host runs.");
                }

                // Real time, not the engine's clock: the wait is for another process, which a test's clock does not move.
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (sweep)
            {
                // Under the sweep lock no judge holds a lock file, so a lock held here is a live process using this id.
                var own = TryLock(path, FileMode.OpenOrCreate)
                    ?? throw new DurableStoreException(
                        $"SourceGenDurable:WorkerId '{workerId}' is in use by another live process on this database (it holds '{path}'). " +
                        "Each process needs a worker id of its own: leave WorkerId unset for a unique default.");
                try
                {
                    own.SetLength(0);
                    own.Write(Encoding.UTF8.GetBytes($"host={Environment.MachineName}\npid={Environment.ProcessId}\nworker={workerId}"));
                    own.Flush(flushToDisk: true);
                    if (TryLock(path, FileMode.Open) is { } second)
                    {
                        // The lock excludes nothing here: without it nobody can be judged dead.
                        second.Dispose();
                        File.Delete(path);
                        own.Dispose();
                        return null;
                    }

                    return new WorkerLockFiles(folder, path, own);
                }
                catch
                {
                    own.Dispose();
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// The workers of this machine whose lock files can be locked: they died without deleting them. Their locks, and
    /// the sweep lock, stay held until the result is disposed, so that none of their ids can start again meanwhile.
    /// Null when none is dead, or while another process judges.
    /// </summary>
    public DeadWorkers? FindDead()
    {
        var sweep = TryLock(Path.Combine(_folder, SweepFileName), FileMode.OpenOrCreate);
        if (sweep is null)
        {
            return null;
        }

        var dead = new List<(string WorkerId, string Path, FileStream Lock)>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(_folder, "*" + Extension))
            {
                if (path == _ownPath || TryLock(path, FileMode.Open) is not { } held)
                {
                    continue;
                }

                if (ReadWorkerOfThisMachine(held) is { } workerId)
                {
                    dead.Add((workerId, path, held));
                }
                else
                {
                    held.Dispose();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be read now: nobody is judged this time.
        }

        if (dead.Count == 0)
        {
            sweep.Dispose();
            return null;
        }

        return new DeadWorkers(sweep, dead);
    }

    /// <summary>Deletes this worker's lock file, then lets go of its lock (in that order, so that nobody finds it unlocked).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is judged dead (and deleted) by the next worker that looks.
        }

        _own.Dispose();
    }

    /// <summary>The lock file's name: a hash of the worker id, so that any id makes a valid, short file name on every file system.</summary>
    internal static string FileNameOf(string workerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workerId)).AsSpan(0, 16)) + Extension;

    /// <summary>The file opened and locked, or null when another open holds it or it does not exist.</summary>
    private static FileStream? TryLock(string path, FileMode mode)
    {
        try
        {
            return OwnerOnlyFiles.OpenExclusive(path, mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held (the owner lives), gone, or not ours to open: in every case not to be judged.
            return null;
        }
    }

    private static string? ReadWorkerOfThisMachine(FileStream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        // host=..., pid=..., worker=... (the id last: it may hold any character).
        return reader.ReadToEnd().Split('\n', 3) is [var host, _, var worker]
            && host == "host=" + Environment.MachineName && worker.StartsWith("worker=", StringComparison.Ordinal)
            ? worker["worker=".Length..]
            : null;
    }

    /// <summary>Dead workers found by <see cref="FindDead"/>, held until disposed.</summary>
    internal sealed class DeadWorkers(FileStream sweep, List<(string WorkerId, string Path, FileStream Lock)> dead) : IDisposable
    {
        public IEnumerable<string> WorkerIds => dead.Select(d => d.WorkerId);

        /// <summary>Deletes the lock file of <paramref name="workerId"/>, once nothing in the store refers to it any more.</summary>
        public void Bury(string workerId)
        {
            foreach (var (_, path, _) in dead.Where(d => d.WorkerId == workerId))
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Judged dead again by the next look; its leases are gone already.
                }
            }
        }

        public void Dispose()
        {
            dead.ForEach(d => d.Lock.Dispose());
            sweep.Dispose();
        }
    }
}
