using Npgsql;

namespace SourceGenDurable.PostgreSql;

/// <summary>
/// The one way the store runs SQL: statements with positional parameters (<c>$1</c>, <c>$2</c>, ...) on a connection,
/// inside the group commit's transaction for writes and on a pooled connection for reads. A null argument is sent as
/// SQL NULL; a statement that compares a nullable parameter casts it (<c>$2::timestamptz</c>) so the server knows its type.
/// </summary>
internal readonly struct PostgresCommands(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    public NpgsqlConnection Connection => connection;

    /// <summary>Runs <paramref name="sql"/>; returns the rows it changed.</summary>
    public async ValueTask<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] arguments)
    {
        await using var command = Command(sql, arguments);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row, or null when there is no row (or the value is NULL).</summary>
    public async ValueTask<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] arguments)
    {
        await using var command = Command(sql, arguments);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Every row <paramref name="sql"/> returns, mapped.</summary>
    public async ValueTask<List<T>> ReadAllAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] arguments)
    {
        await using var command = Command(sql, arguments);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The first row <paramref name="sql"/> returns, mapped, or the default when there is none.</summary>
    public async ValueTask<T?> ReadFirstAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] arguments)
    {
        await using var command = Command(sql, arguments);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : default;
    }

    private NpgsqlCommand Command(string sql, object?[] arguments)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        AddArguments(command.Parameters, arguments);
        return command;
    }

    /// <summary>Binds <paramref name="arguments"/> as <c>$1</c>, <c>$2</c>, ...; a null becomes SQL NULL.</summary>
    public static void AddArguments(NpgsqlParameterCollection parameters, object?[] arguments)
    {
        foreach (var argument in arguments)
        {
            parameters.Add(new NpgsqlParameter { Value = argument ?? DBNull.Value });
        }
    }
}
