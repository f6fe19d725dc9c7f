using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// What a use of a banned API means: the rule it breaks, what the call-following rule says about it, and what to
/// write instead.
/// </summary>
internal sealed class BannedApi
{
    public BannedApi(DiagnosticDescriptor descriptor, string reason, string advice, string? replacement = null)
    {
        Descriptor = descriptor;
        Reason = reason;
        Advice = advice;
        Replacement = replacement;
    }

    /// <summary>SGD0001 to SGD0005.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>What the API does, for SGD0010's message ("reads the wall clock").</summary>
    public string Reason { get; }

    /// <summary>What to write instead; <c>{0}</c> is the workflow's context parameter.</summary>
    public string Advice { get; }

    /// <summary>
    /// The expression that replaces the use, when the replacement means the same thing (the code fix writes it);
    /// <c>{0}</c> is the context parameter and <c>{1}</c> the first argument.
    /// </summary>
    public string? Replacement { get; }
}

/// <summary>
/// The APIs that rules 1 to 5 ban from a workflow body, resolved to symbols once per compilation. A member is
/// banned by itself (<c>DateTime.Now</c>), by its name on a type (every overload of <c>Task.Delay</c>), or because
/// its type is or derives from a banned type (any member or constructor of a <c>Stream</c>).
/// </summary>
internal sealed class BannedApis
{
    private const string Clock = "reads the wall clock";
    private const string Random = "gives a random value";
    private const string Timer = "waits with a timer that does not survive a restart";
    private const string Io = "does I/O";
    private const string Threads = "starts concurrent work";

    private readonly Dictionary<ISymbol, BannedApi> _members = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, BannedApi>> _named = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, BannedApi> _types = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _exempt = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, BannedApi?> _cache = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _awaitableTypes = new(SymbolEqualityComparer.Default);
    private BannedApi? _configureAwaitFalse;

    private BannedApis()
    {
    }

    public static BannedApis Create(Compilation compilation)
    {
        var banned = new BannedApis();
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        var clock = new BannedApi(DiagnosticDescriptors.WallClock, Clock, "measure time with '{0}.UtcNow'");
        var dateTime = Type("System.DateTime");
        var dateTimeOffset = Type("System.DateTimeOffset");
        banned.Named(dateTime, "UtcNow", new BannedApi(DiagnosticDescriptors.WallClock, Clock, "use '{0}.UtcNow.UtcDateTime'", "{0}.UtcNow.UtcDateTime"));
        banned.Named(dateTime, "Now", new BannedApi(DiagnosticDescriptors.WallClock, Clock, "use '{0}.UtcNow.LocalDateTime'", "{0}.UtcNow.LocalDateTime"));
        banned.Named(dateTime, "Today", new BannedApi(DiagnosticDescriptors.WallClock, Clock, "use '{0}.UtcNow.LocalDateTime.Date'", "{0}.UtcNow.LocalDateTime.Date"));
        banned.Named(dateTimeOffset, "UtcNow", new BannedApi(DiagnosticDescriptors.WallClock, Clock, "use '{0}.UtcNow'", "{0}.UtcNow"));
        banned.Named(dateTimeOffset, "Now", new BannedApi(DiagnosticDescriptors.WallClock, Clock, "use '{0}.UtcNow.ToLocalTime()'", "{0}.UtcNow.ToLocalTime()"));
        banned.Named(Type("System.TimeProvider"), "System", clock);
        banned.Named(Type("System.Environment"), "TickCount", clock);
        banned.Named(Type("System.Environment"), "TickCount64", clock);
        banned.AnyMember(Type("System.Diagnostics.Stopwatch"), clock);

        banned.Named(Type("System.Guid"), "NewGuid", new BannedApi(DiagnosticDescriptors.Randomness, Random, "use '{0}.NewGuid()'", "{0}.NewGuid()"));
        var random = new BannedApi(DiagnosticDescriptors.Randomness, Random, "draw it inside a step, whose result is recorded, or derive it from '{0}.NewGuid()'");
        banned.AnyMember(Type("System.Random"), random);
        banned.AnyMember(Type("System.Security.Cryptography.RandomNumberGenerator"), random);

        var task = Type("System.Threading.Tasks.Task");
        var timer = new BannedApi(DiagnosticDescriptors.NonDurableTimer, Timer, "schedule the work with 'await {0}.Sleep(...)' or 'await {0}.SleepUntil(...)'");
        foreach (var delay in task?.GetMembers("Delay") ?? default)
        {
            // Only Delay(TimeSpan) and Delay(int) mean exactly what ctx.Sleep means; a token or a time provider has no counterpart.
            var replacement = delay is IMethodSymbol { Parameters: [{ Type: var parameter }] }
                ? parameter.SpecialType == SpecialType.System_Int32 ? "{0}.Sleep(TimeSpan.FromMilliseconds({1}))" : "{0}.Sleep({1})"
                : null;
            banned._members[delay] = new BannedApi(DiagnosticDescriptors.NonDurableTimer, Timer, "use 'await {0}.Sleep(...)'", replacement);
        }

        banned.Named(Type("System.Threading.Thread"), "Sleep", new BannedApi(DiagnosticDescriptors.NonDurableTimer, Timer, "use 'await {0}.Sleep(...)'"));
        banned.AnyMember(Type("System.Threading.Timer"), timer);
        banned.AnyMember(Type("System.Timers.Timer"), timer);
        banned.AnyMember(Type("System.Threading.PeriodicTimer"), timer);

        var io = new BannedApi(DiagnosticDescriptors.SideEffectOutsideStep, Io, "move it into a [DurableStep] method or a '{0}.Step'");
        foreach (var name in new[]
        {
            "System.Net.Http.HttpClient", "System.IO.File", "System.IO.Directory", "System.IO.FileSystemInfo", "System.IO.Stream",
            "System.IO.StreamReader", "System.IO.StreamWriter", "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient",
            "System.Data.Common.DbConnection", "System.Data.Common.DbCommand", "System.Diagnostics.Process",
        })
        {
            banned.AnyMember(Type(name), io);
        }

        // A MemoryStream is bytes in memory, not I/O: what it breaks is a checkpoint it lives across, which SGD0008 reports.
        if (Type("System.IO.MemoryStream") is { } memoryStream)
        {
            banned._exempt.Add(memoryStream);
        }

        var console = Type("System.Console");
        foreach (var write in new[] { "Write", "WriteLine", "Out", "Error" })
        {
            banned.Named(console, write, io);
        }

        var environment = Type("System.Environment");
        var settings = new BannedApi(DiagnosticDescriptors.SideEffectOutsideStep, "reads the process environment",
            "read it in a step, or pass it in as an input, so that a resume on another machine sees the same value");
        banned.Named(environment, "GetEnvironmentVariable", settings);
        banned.Named(environment, "GetEnvironmentVariables", settings);

        var offThread = new BannedApi(DiagnosticDescriptors.Concurrency, Threads,
            "runs work on another thread, outside the order that checkpoints record: run the work inside a step");
        banned.Named(task, "Run", offThread);
        banned.AnyMember(Type("System.Threading.Tasks.TaskFactory"), offThread);
        banned.AnyMember(Type("System.Threading.Tasks.TaskFactory`1"), offThread);
        banned.AnyMember(Type("System.Threading.Tasks.Parallel"), offThread);
        banned.AnyMember(Type("System.Threading.Thread"), offThread);
        banned.AnyMember(Type("System.Threading.ThreadPool"), offThread);
        var together = new BannedApi(DiagnosticDescriptors.Concurrency, Threads,
            "awaits several tasks at once in the workflow body, where none of them is recorded or retried: use ctx.WhenAll or ctx.WhenAny over durable operations, or run the concurrent work inside one step");
        banned.Named(task, "WhenAll", together);
        banned.Named(task, "WhenAny", together);

        foreach (var awaitable in new[] { task, Type("System.Threading.Tasks.Task`1"), Type("System.Threading.Tasks.ValueTask"), Type("System.Threading.Tasks.ValueTask`1") })
        {
            if (awaitable is not null)
            {
                banned._awaitableTypes.Add(awaitable);
            }
        }

        banned._configureAwaitFalse = new BannedApi(DiagnosticDescriptors.Concurrency, Threads,
            "resumes the workflow on a thread-pool thread, off the engine's scheduler: remove 'ConfigureAwait(false)' (a workflow body needs no ConfigureAwait)");
        return banned;
    }

    /// <summary>
    /// The banned API that <paramref name="operation"/> invokes, reads or constructs, or null. A member called on a
    /// receiver that is itself a banned use (<c>Random.Shared.Next()</c>) is one use, reported at the receiver.
    /// </summary>
    public BannedApi? Match(IOperation operation)
    {
        var receiver = operation switch
        {
            IInvocationOperation invocation => invocation.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
        return receiver is not null && MatchOne(receiver.WithoutConversions()) is not null ? null : MatchOne(operation);
    }

    private BannedApi? MatchOne(IOperation operation) => operation switch
    {
        // A Stream member called on a MemoryStream (Length, CopyTo) is declared on Stream but runs in memory.
        IInvocationOperation { Instance.Type: INamedTypeSymbol receiver } when IsExempt(receiver) => null,
        IPropertyReferenceOperation { Instance.Type: INamedTypeSymbol receiver } when IsExempt(receiver) => null,
        IInvocationOperation invocation when invocation.TargetMethod.Name == "ConfigureAwait" =>
            _awaitableTypes.Contains(invocation.TargetMethod.ContainingType.OriginalDefinition) &&
            invocation.Arguments is [{ Value.ConstantValue: { HasValue: true, Value: false } }]
                ? _configureAwaitFalse
                : null,
        IInvocationOperation invocation => Match(invocation.TargetMethod),
        IPropertyReferenceOperation property => Match(property.Property),
        IObjectCreationOperation { Constructor: { } constructor } => Match(constructor),
        _ => null,
    };

    /// <summary>How <see cref="Match(IOperation)"/> names what it matched in a message: <c>DateTime.Now</c>, <c>new Random</c>.</summary>
    public static string Display(IOperation operation) => operation switch
    {
        IObjectCreationOperation creation => "new " + creation.Type?.Name,
        IInvocationOperation invocation => invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
        IPropertyReferenceOperation property => property.Property.ContainingType.Name + "." + property.Property.Name,
        _ => operation.Syntax.ToString(),
    };

    private BannedApi? Match(ISymbol member) => _cache.GetOrAdd(member.OriginalDefinition, Find);

    private BannedApi? Find(ISymbol member)
    {
        if (_members.TryGetValue(member, out var api))
        {
            return api;
        }

        for (var type = member.ContainingType; type is not null; type = type.BaseType)
        {
            if (_exempt.Contains(type.OriginalDefinition))
            {
                return null;
            }

            if ((_named.TryGetValue(type.OriginalDefinition, out var byName) && byName.TryGetValue(member.Name, out api)) ||
                _types.TryGetValue(type.OriginalDefinition, out api))
            {
                return api;
            }
        }

        return null;
    }

    private bool IsExempt(INamedTypeSymbol type)
    {
        if (_exempt.Count == 0)
        {
            return false;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (_exempt.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private void Named(INamedTypeSymbol? type, string name, BannedApi api)
    {
        if (type is not null)
        {
            if (!_named.TryGetValue(type, out var byName))
            {
                _named[type] = byName = new Dictionary<string, BannedApi>();
            }

            byName[name] = api;
        }
    }

    private void AnyMember(INamedTypeSymbol? type, BannedApi api)
    {
        if (type is not null)
        {
            _types[type] = api;
        }
    }
}
