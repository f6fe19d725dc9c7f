using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using SourceGenDurable.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests;

/// <summary>A store the host disposes: the counting store passes its disposal on.</summary>
public interface IDisposableWorkflowStore : IWorkflowStore, IAsyncDisposable, IDisposable;

/// <summary>A store that passes every call to another (its disposal too) and counts the calls by method name.</summary>
public class CallCountingStore : DispatchProxy
{
    private SqliteWorkflowStore _inner = null!;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    internal static IDisposableWorkflowStore Wrap(SqliteWorkflowStore inner) => Wrap<IDisposableWorkflowStore, CallCountingStore>(inner);

    /// <summary>A <typeparamref name="TStore"/> over <paramref name="inner"/> whose calls <typeparamref name="TProxy"/>, a counting store, sees first.</summary>
    internal static TStore Wrap<TStore, TProxy>(SqliteWorkflowStore inner)
        where TStore : class, IWorkflowStore
        where TProxy : CallCountingStore
    {
        var store = Create<TStore, TProxy>();
        ((CallCountingStore)(object)store)._inner = inner;
        return store;
    }

    /// <summary>The counts of the store a host resolves, which <see cref="Wrap"/> made.</summary>
    public static CallCountingStore Of(IWorkflowStore store) => (CallCountingStore)(object)store;

    public int CountOf(string method) => _calls.GetValueOrDefault(method);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.AddOrUpdate(targetMethod.Name, 1, (_, count) => count + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
