using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Chooses PostgreSQL as the store of <c>AddDurableWorkflows</c>.</summary>
public static class PostgresDurableWorkflowOptionsExtensions
{
    /// <summary>
    /// Stores instances in PostgreSQL, in the database <paramref name="connectionString"/> names: many hosts may share
    /// it. The schema (<c>sourcegendurable</c> unless <paramref name="configure"/> says otherwise) is created or
    /// migrated when a host starts.
    /// </summary>
    public static DurableWorkflowOptions UsePostgres(this DurableWorkflowOptions options, string connectionString, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return options.UsePostgres(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        });
    }

    /// <summary>
    /// Stores instances in PostgreSQL with the settings of the <c>SourceGenDurable:Postgres</c> configuration section
    /// (<c>ConnectionString</c>, <c>Schema</c>), then <paramref name="configure"/>.
    /// </summary>
    public static DurableWorkflowOptions UsePostgres(this DurableWorkflowOptions options, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseStore("PostgreSQL", services =>
        {
            var settings = new PostgresStoreOptions();
            services.GetService<IConfiguration>()?.GetSection(PostgresStoreOptions.SectionName).Bind(settings);
            configure?.Invoke(settings);
            return new PostgresWorkflowStore(
                settings,
                services.GetRequiredService<TimeProvider>(),
                options.WorkerId,
                services.GetService<ILogger<PostgresWorkflowStore>>());
        });
    }
}
