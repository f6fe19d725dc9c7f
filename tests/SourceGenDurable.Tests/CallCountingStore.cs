using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Tests;

/// <summary>A store that passes every call to another and counts the calls by method name.</summary>
public class CallCountingStore : DispatchProxy
{
    private IWorkflowStore _inner = null!;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public static IWorkflowStore Wrap(IWorkflowStore inner, out CallCountingStore counter)
    {
        var store = Create<IWorkflowStore, CallCountingStore>();
        counter = (CallCountingStore)(object)store;
        counter._inner = inner;
        return store;
    }

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
