using System.Runtime.InteropServices;
using SQLitePCL;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The calls the writer's prepared statements make at every write, straight into e_sqlite3 by the raw handles. Through
/// SQLitePCL each is a call on its provider interface with a SafeHandle marshalled (counted up and down) around it:
/// about twenty per checkpoint, which cost the single writer more than the binds themselves (docs/benchmarks.md).
/// The binds and <c>sqlite3_changes</c> only copy memory or read a field, so they skip the GC transition too;
/// <c>sqlite3_step</c> and <c>sqlite3_reset</c> may wait on the disk, so they keep it.
/// </summary>
/// <remarks>
/// Only when SQLitePCL itself runs e_sqlite3, Microsoft.Data.Sqlite's default: both then call into the same loaded
/// library. An application that gave SQLitePCL another provider (SQLCipher, the system's SQLite) has handles of
/// another library, and every call goes through SQLitePCL.
/// </remarks>
internal static unsafe partial class SqliteDirect
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound text before the call returns.</summary>
    public const nint Transient = -1;

    /// <summary>Whether SQLitePCL runs e_sqlite3; read once the first statement is prepared, after a connection opened.</summary>
    public static readonly bool IsAvailable = raw.GetNativeLibraryName() == Library;

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_text16(nint statement, int index, char* text, int bytes, nint destructor);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_text(nint statement, int index, byte* text, int bytes, nint destructor);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_changes(nint database);

    [LibraryImport(Library)]
    public static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_reset(nint statement);
}
