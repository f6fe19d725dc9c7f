namespace SourceGenDurable.Storage;

/// <summary>How a store package becomes the store of <c>AddDurableWorkflows</c>: its <c>UseX</c> method calls <see cref="UseStore"/>.</summary>
public static class WorkflowStoreChoice
{
    /// <summary>
    /// Makes the store that <paramref name="create"/> builds from the host's services the store of these options, in
    /// place of SQLite. <paramref name="name"/> names it in errors and logs (for example "PostgreSQL"). The store is
    /// created once per host, initialized when the host starts and disposed with the host's services.
    /// </summary>
    public static DurableWorkflowOptions UseStore(this DurableWorkflowOptions options, string name, Func<IServiceProvider, IWorkflowStore> create)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        options.Store = (name, create);
        return options;
    }
}
