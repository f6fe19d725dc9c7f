using System.Text.Json.Serialization;

namespace SourceGenDurable;

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

    /// <summary>
    /// The SQLite connection string, when the store is SQLite (the default). Defaults to <see cref="DefaultConnectionString"/>.
    /// Another store is chosen with its own method, such as <c>UsePostgres</c>, and has its own settings.
    /// </summary>
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

    /// <summary>
    /// The longest workflow id, in characters, that a start accepts. 256 by default. A child's id is derived from its
    /// parent's (<c>order-42/3.0</c>) and is not held to it: its length follows the parent's id and the nesting, which
    /// are the code's, not a caller's.
    /// </summary>
    public int MaxWorkflowIdLength { get; set; } = 256;

    /// <summary>
    /// The largest workflow input, in bytes of UTF-8 JSON (all its parameters), that a start accepts; a child workflow's
    /// start too. Inputs still read later are part of every checkpoint. 1 MB by default.
    /// </summary>
    public int MaxInputBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The largest result, in bytes of UTF-8 JSON, of a step or of a workflow. A step whose result is larger fails, and
    /// is not retried; a workflow whose result is larger fails. 1 MB by default.
    /// </summary>
    public int MaxResultBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The largest checkpoint, in bytes of UTF-8 JSON (the inputs and locals the instance still needs), that a commit
    /// writes. A workflow whose checkpoint is larger fails, with its largest slots named. 4 MB by default.
    /// </summary>
    public int MaxCheckpointBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long a worker's claim on an instance it runs lasts unless renewed (it is renewed every third of this while the
    /// run lasts). A worker that dies holds its instances this long; then another worker resumes them. 30 s by default.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// This worker's name in the leases it holds. It must be unique among the processes that share the database (a
    /// second live process with the same id on one machine is refused at start); by default the machine name, the
    /// process id and a random suffix. Either way a restarted process takes its dead predecessor's instances as it starts:
    /// by the predecessor's lock file, which any worker of the machine finds unlocked, or, with a fixed id, by its own id.
    /// </summary>
    public string WorkerId { get; set; } = CreateWorkerId();

    /// <summary>
    /// How many times an instance may be started without reaching a new checkpoint (a step that takes its process down,
    /// a checkpoint that cannot be written) before it is set aside instead of taking down every worker. 5 by default.
    /// </summary>
    public int MaxStartsWithoutProgress { get; set; } = 5;

    /// <summary>
    /// On host stop, how long running steps may take to finish (their workflows then leave memory at their next durable
    /// await); after it, the steps still running are cancelled. Either way the leases are released, so another worker
    /// resumes the instances at once. Keep it below the host's own <c>HostOptions.ShutdownTimeout</c>. 20 s by default.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The store chosen by a store package's <c>UseX</c> method (its name, and how to create it from the host's services),
    /// or null for SQLite. Typed loosely because the store contract is a layer above these options; store packages set
    /// it through <c>SourceGenDurable.Storage.WorkflowStoreChoice.UseStore</c>, which is typed.
    /// </summary>
    internal (string Name, Func<IServiceProvider, object> Create)? Store { get; set; }

    /// <summary>
    /// The application's JSON contexts, registered with <c>UseJsonContext</c>, consulted in this order. A field, so that
    /// the configuration binder leaves it alone.
    /// </summary>
    internal readonly List<JsonSerializerContext> JsonContexts = [];

    /// <summary>A new worker id: the machine name, the process id and a random suffix.</summary>
    public static string CreateWorkerId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
