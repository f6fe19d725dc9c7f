using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// A write made for many instances at once (a checkpoint), written once as a set-based statement over a CTE named
/// <c>input</c>, one row per instance, each with its ordinal; the statement returns a row for each input row it wrote,
/// starting with that row's ordinal, in their order. For many rows <c>input</c> is <c>unnest</c> of array parameters,
/// one element per row, so one row or a thousand, the server plans and runs it once; for a batch of one it is a single
/// row of plain parameters, which the server runs in a fraction of the time (no arrays to read, no function to scan).
/// </summary>
/// <remarks>
/// A prepared statement's plan cannot know how many rows a batch brings (the server guesses ten), so such a statement
/// finds its rows by primary key only and writes its other conditions as <c>IS NOT DISTINCT FROM</c>, which no index
/// serves: otherwise the planner may scan an index of every running instance once per row of the batch. Its parts
/// pass each other the input's columns through <c>RETURNING</c> rather than joining on them, for the same reason.
/// </remarks>
internal sealed class PostgresRowStatement<TRow, TResult>
{
    private readonly string _rowsSql;
    private readonly string _rowSql;
    private readonly Func<IReadOnlyList<TRow>, object?[]> _columns;
    private readonly Func<NpgsqlDataReader, TRow, TResult> _read;
    private readonly Func<TRow, TResult> _refused;
    private readonly Func<TRow, TResult, bool>? _madeWork;

    /// <param name="input">The columns of <c>input</c>, each <c>(name, PostgreSQL type)</c>; they are parameters <c>$1</c> to <c>$n</c>.</param>
    /// <param name="body">The statement's CTEs after <c>input</c> and its final <c>SELECT</c>; it must change nothing for a row whose guard does not hold.</param>
    /// <param name="columns">The statement's parameters for the rows: one per input column (see <see cref="Column{T}"/>), then any shared by all rows.</param>
    /// <param name="read">The result of one row from its result row (which starts with its ordinal).</param>
    /// <param name="refused">The result of a row the statement did not write (its guard did not hold); usually throws.</param>
    /// <param name="madeWork">Tells from a row and its result whether other hosts should hear of it (null: never).</param>
    public PostgresRowStatement(
        IReadOnlyList<(string Name, string Type)> input,
        string body,
        Func<IReadOnlyList<TRow>, object?[]> columns,
        Func<NpgsqlDataReader, TRow, TResult> read,
        Func<TRow, TResult> refused,
        Func<TRow, TResult, bool>? madeWork = null)
    {
        var arrays = string.Join(", ", input.Select((column, i) => $"${i + 1}::{column.Type}[]"));
        var names = string.Join(", ", input.Select(column => column.Name));
        var scalars = string.Join(", ", input.Select((column, i) => $"${i + 1}::{column.Type} AS {column.Name}"));
        _rowsSql = $"WITH input AS (SELECT * FROM unnest({arrays}) WITH ORDINALITY AS t({names}, ord)),\n{body}";
        _rowSql = $"WITH input AS (SELECT {scalars}, 1::bigint AS ord),\n{body}";
        _columns = columns;
        _read = read;
        _refused = refused;
        _madeWork = madeWork;
    }

    /// <summary>The statement for <paramref name="rows"/> and its arguments.</summary>
    public (string Sql, object?[] Arguments) For(IReadOnlyList<TRow> rows) => (rows.Count == 1 ? _rowSql : _rowsSql, _columns(rows));

    public NpgsqlBatchCommand CreateCommand(IReadOnlyList<TRow> rows)
    {
        var (sql, arguments) = For(rows);
        var command = new NpgsqlBatchCommand(sql);
        PostgresCommands.AddArguments(command.Parameters, arguments);
        return command;
    }

    /// <summary>The result of <paramref name="row"/>: from the row <paramref name="reader"/> stands at, or, when null, refused.</summary>
    public TResult Read(NpgsqlDataReader? reader, TRow row) => reader is null ? _refused(row) : _read(reader, row);

    public bool MadeWork(TRow row, TResult result) => _madeWork?.Invoke(row, result) == true;

    /// <summary>
    /// One input column's parameter: <paramref name="value"/> of every row as an array, or of the one row as a plain
    /// parameter when the batch has one.
    /// </summary>
    public static object? Column<T>(IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        if (rows.Count == 1)
        {
            return value(rows[0]);
        }

        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        return column;
    }
}
