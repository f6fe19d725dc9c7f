using SourceGenDurable.Storage;

namespace SourceGenDurable.Hosting;

/// <summary>
/// Settings of the durable workflow runtime, bound from the <c>SourceGenDurable</c> configuration section and
/// then from the delegate given to <c>AddDurableWorkflows</c>.
/// </summary>
public sealed class DurableWorkflowOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "SourceGenDurable";

    /// <summary>The default database: a file in the working folder.</summary>
    public const string DefaultConnectionString = "Data Source=durable.db";

    /// <summary>The SQLite connection string. Defaults to <see cref="DefaultConnectionString"/>.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// SQLite's durability level. <see cref="SqliteSynchronousMode.Full"/> (the default) makes every committed
    /// checkpoint survive power loss.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// How often the worker looks for instances started, woken or cancelled by other processes. In its own process it is
    /// woken directly, and it sleeps until the earliest timer it knows of.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many instances one host runs at the same time.</summary>
    public int MaxConcurrentWorkflows { get; set; } = 64;

    /// <summary>The longest event name, in characters, that <c>RaiseEventAsync</c> accepts. 256 by default.</summary>
    public int MaxEventNameLength { get; set; } = 256;

    /// <summary>The largest event payload, in bytes of UTF-8 JSON, that <c>RaiseEventAsync</c> accepts. 1 MB by default.</summary>
    public int MaxEventPayloadBytes { get; set; } = 1024 * 1024;
}
