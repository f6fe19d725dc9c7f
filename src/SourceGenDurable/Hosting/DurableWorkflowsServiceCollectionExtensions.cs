using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SourceGenDurable.Client;
using SourceGenDurable.Execution;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Hosting;

/// <summary>Adds the durable workflow runtime to a service collection.</summary>
public static class DurableWorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store (SQLite unless another is chosen, for example with <c>UsePostgres</c>), the <see cref="IWorkflowClient"/> and a hosted worker that resumes every unfinished
    /// instance when the host starts. Options come from the <c>SourceGenDurable</c> configuration section, then
    /// from <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddDurableWorkflows(this IServiceCollection services, Action<DurableWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DurableWorkflowOptions>().BindConfiguration(DurableWorkflowOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.PollInterval > TimeSpan.Zero, "SourceGenDurable:PollInterval must be positive.")
            .Validate(o => o.MaxConcurrentWorkflows > 0, "SourceGenDurable:MaxConcurrentWorkflows must be at least 1.")
            .Validate(o => o.Store is not null || !string.IsNullOrWhiteSpace(o.ConnectionString), "SourceGenDurable:ConnectionString must name a SQLite database.")
            .Validate(o => o.MaxEventNameLength > 0, "SourceGenDurable:MaxEventNameLength must be at least 1.")
            .Validate(o => o.MaxEventPayloadBytes > 0, "SourceGenDurable:MaxEventPayloadBytes must be at least 1.")
            .Validate(o => o.MaxWorkflowIdLength > 0, "SourceGenDurable:MaxWorkflowIdLength must be at least 1.")
            .Validate(o => o.MaxInputBytes > 0, "SourceGenDurable:MaxInputBytes must be at least 1.")
            .Validate(o => o.MaxResultBytes > 0, "SourceGenDurable:MaxResultBytes must be at least 1.")
            .Validate(o => o.MaxCheckpointBytes > 0, "SourceGenDurable:MaxCheckpointBytes must be at least 1.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "SourceGenDurable:LeaseDuration must be at least 1 second: a shorter lease expires under an ordinary pause and lets another worker run the instance too.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.WorkerId), "SourceGenDurable:WorkerId must not be empty (leave it unset for a unique default).")
            .Validate(o => o.MaxStartsWithoutProgress > 0, "SourceGenDurable:MaxStartsWithoutProgress must be at least 1.")
            .Validate(o => o.ShutdownTimeout >= TimeSpan.Zero, "SourceGenDurable:ShutdownTimeout must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => WorkflowSerializerOptions.Create(sp.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value.JsonContexts));
        services.TryAddSingleton<IWorkflowStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DurableWorkflowOptions>>().Value;
            if (o.Store is ({ } name, { } create))
            {
                return create(sp) as IWorkflowStore
                    ?? throw new InvalidOperationException($"The {name} store's factory returned no IWorkflowStore.");
            }

            return new SqliteWorkflowStore(o.ConnectionString, sp.GetRequiredService<TimeProvider>(), o.Synchronous, o.WorkerId, sp.GetService<ILogger<SqliteWorkflowStore>>());
        });
        services.TryAddSingleton<WorkflowSignals>();
        services.TryAddSingleton<WorkflowExecutor>();
        services.TryAddSingleton<IWorkflowClient, WorkflowClient>();
        services.AddHostedService<DurableWorkflowWorker>();
        return services;
    }

    /// <summary>
    /// Registers the workflows of the closed generic class <typeparamref name="TClass"/> (for example
    /// <c>Repo&lt;Customer&gt;</c>), so that this host resumes its unfinished instances before anyone starts a new one.
    /// Workflows of non-generic classes register themselves; a generic class has no closed type until it is named.
    /// </summary>
    public static IServiceCollection AddWorkflowClass<TClass>(this IServiceCollection services)
        where TClass : IDurableWorkflowClass
    {
        ArgumentNullException.ThrowIfNull(services);
        TClass.RegisterWorkflows();
        return services;
    }
}
