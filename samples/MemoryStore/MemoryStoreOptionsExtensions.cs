using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable;
using SourceGenDurable.Storage;

namespace MemoryStore;

/// <summary>Chooses a <see cref="MemoryDatabase"/> as the store of <c>AddDurableWorkflows</c>, as a store package's <c>UseX</c> does.</summary>
public static class MemoryStoreOptionsExtensions
{
    /// <summary>Stores instances in <paramref name="database"/>, which hosts in one process may share; nothing survives the process.</summary>
    public static DurableWorkflowOptions UseMemoryStore(this DurableWorkflowOptions options, MemoryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        return options.UseStore("memory", services => new MemoryWorkflowStore(database, services.GetRequiredService<TimeProvider>(), options.WorkerId));
    }
}
