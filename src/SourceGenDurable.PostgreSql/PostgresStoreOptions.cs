namespace SourceGenDurable.PostgreSql;

/// <summary>
/// Settings of the PostgreSQL store, bound from the <c>SourceGenDurable:Postgres</c> configuration section and then
/// from <c>UsePostgres</c>.
/// </summary>
public sealed class PostgresStoreOptions
{
    /// <summary>The configuration section the store's settings are bound from.</summary>
    public const string SectionName = "SourceGenDurable:Postgres";

    /// <summary>The default schema: every table of the store lives in it.</summary>
    public const string DefaultSchema = "sourcegendurable";

    /// <summary>An Npgsql connection string (<c>Host=db;Database=orders;Username=app;Password=...</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema that holds the store's tables, created when the first host starts. Hosts that share a schema share
    /// their instances; two applications on one database use two schemas. <see cref="DefaultSchema"/> by default.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>The default of <see cref="WriteConnections"/>.</summary>
    public const int DefaultWriteConnections = 2;

    /// <summary>
    /// How many group-commit transactions this host may have in flight at once, each on a connection of its own (from
    /// 1 to 64; <see cref="DefaultWriteConnections"/> by default). Writes queue while the transactions in flight
    /// commit, and each takes the writes queued by then: with two, the server runs one batch while the other is
    /// committing and the host prepares the next. One keeps a single writer; more help a server with spare cores.
    /// </summary>
    public int WriteConnections { get; set; } = DefaultWriteConnections;
}
