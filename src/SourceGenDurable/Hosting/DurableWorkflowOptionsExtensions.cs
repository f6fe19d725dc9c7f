namespace SourceGenDurable.Hosting;

/// <summary>Store choices for <see cref="DurableWorkflowOptions"/>.</summary>
public static class DurableWorkflowOptionsExtensions
{
    /// <summary>Stores instances in the SQLite database that <paramref name="connectionString"/> names.</summary>
    public static DurableWorkflowOptions UseSqlite(this DurableWorkflowOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options.ConnectionString = connectionString;
        options.Store = null;
        return options;
    }
}
