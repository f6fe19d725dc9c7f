using Microsoft.Data.Sqlite;

namespace SourceGenDurable.Sqlite;

/// <summary>
/// The current row of a query, read by column ordinal; so that one mapping serves the writer's prepared statements and
/// the read connections' data readers.
/// </summary>
internal interface ISqliteRow
{
    bool IsDBNull(int column);

    long GetInt64(int column);

    string GetString(int column);
}

/// <summary>The current row of a <see cref="SqliteDataReader"/>.</summary>
internal readonly struct DataReaderRow(SqliteDataReader reader) : ISqliteRow
{
    public bool IsDBNull(int column) => reader.IsDBNull(column);

    public long GetInt64(int column) => reader.GetInt64(column);

    public string GetString(int column) => reader.GetString(column);
}
