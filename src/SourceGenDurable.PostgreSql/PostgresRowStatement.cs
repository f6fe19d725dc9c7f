using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// A write made for many instances at once (a checkpoint), written once as a set-based statement: its parameters are
/// arrays, one element per row (<c>unnest($1::text[], ...) WITH ORDINALITY</c>), and it returns a row for each input row
/// it wrote, starting with that row's ordinal, in their order. One row or a thousand, the server plans and runs it once.
/// </summary>
/// <remarks>
/// A prepared statement's plan cannot know how many rows a batch brings (the server guesses ten), so such a statement
/// finds its rows by primary key only and writes its other conditions as <c>IS NOT DISTINCT FROM</c>, which no index
/// serves: otherwise the planner may scan an index of every running instance once per row of the batch. Its parts
/// pass each other the input's columns through <c>RETURNING</c> rather than joining on them, for the same reason.
/// </remarks>
/// <param name="sql">The statement over the arrays that <paramref name="columns"/> makes; it must change nothing for a row whose guard does not hold.</param>
/// <param name="columns">The statement's parameters for the rows: one array per column.</param>
/// <param name="read">The result of one row from its result row (which starts with its ordinal).</param>
/// <param name="refused">The result of a row the statement did not write (its guard did not hold); usually throws.</param>
/// <param name="madeWork">Tells from a row's result whether other hosts should hear of it (null: never).</param>
internal sealed class PostgresRowStatement<TRow, TResult>(
    string sql, Func<IReadOnlyList<TRow>, object?[]> columns, Func<NpgsqlDataReader, TRow, TResult> read, Func<TRow, TResult> refused, Func<TResult, bool>? madeWork = null)
{
    public NpgsqlBatchCommand CreateCommand(IReadOnlyList<TRow> rows)
    {
        var command = new NpgsqlBatchCommand(sql);
        PostgresCommands.AddArguments(command.Parameters, columns(rows));
        return command;
    }

    /// <summary>The result of <paramref name="row"/>: from the row <paramref name="reader"/> stands at, or, when null, refused.</summary>
    public TResult Read(NpgsqlDataReader? reader, TRow row) => reader is null ? refused(row) : read(reader, row);

    public bool MadeWork(TResult result) => madeWork?.Invoke(result) == true;

    /// <summary>One array of the statement's parameters: <paramref name="value"/> of every row.</summary>
    public static T[] Column<T>(IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        return column;
    }
}
