namespace SourceGenDurable.Sqlite;

/// <summary>
/// The files the store creates beside its data are readable by their owner only (0600 on Unix; folders 0700): they hold
/// every workflow's inputs and results. SQLite gives the <c>-wal</c> and <c>-shm</c> files the database file's mode, so
/// creating the database file owner-only is enough for them. A file that exists keeps the mode it has.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates the database file empty, before SQLite opens it (SQLite would create it with the umask's mode, 0644 as a
    /// rule), unless it exists. Any failure (a missing folder, no permission) is left for SQLite's open to report.
    /// </summary>
    public static void CreateDatabase(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process created it in between, or SQLite's open is about to fail with the reason.
        }
    }

    /// <summary>Creates <paramref name="path"/> (owner-only) unless it exists.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>
    /// Opens (and, with <paramref name="mode"/> allowing it, creates owner-only) a file that no other open may share: on
    /// Unix .NET takes an exclusive <c>flock</c> on it, held until the stream is disposed or the process ends.
    /// </summary>
    /// <exception cref="IOException">Another open holds it (or it is missing, for <see cref="System.IO.FileMode.Open"/>).</exception>
    public static FileStream OpenExclusive(string path, System.IO.FileMode mode)
    {
        // On Windows, Delete sharing lets the holder delete its own file while it holds it; opens stay excluded. (On Unix
        // any sharing but None takes a shared lock instead of an exclusive one.)
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None };
        if (!OperatingSystem.IsWindows() && mode != System.IO.FileMode.Open)
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}
