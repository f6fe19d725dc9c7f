using System.Reflection;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>A corpus case's scripted events (see <see cref="RaisesAttribute"/>), handed out once each, in order per name.</summary>
public sealed class ScriptedEvents
{
    private readonly Dictionary<string, LinkedList<string>> _pending = new(StringComparer.Ordinal);

    private ScriptedEvents(IEnumerable<(string Name, string Json)> events)
    {
        foreach (var (name, json) in events)
        {
            if (!_pending.TryGetValue(name, out var queue))
            {
                _pending[name] = queue = new LinkedList<string>();
            }

            queue.AddLast(json);
        }
    }

    /// <summary>A fresh script for one run of <paramref name="method"/>.</summary>
    public static ScriptedEvents For(MethodInfo method) =>
        new((method.GetCustomAttribute<RaisesAttribute>()?.Events ?? []).Select(e =>
        {
            var colon = e.IndexOf(':', StringComparison.Ordinal);
            return colon > 0
                ? (e[..colon], e[(colon + 1)..])
                : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: [Raises] entry '{e}' is not written name:json.");
        }));

    /// <summary>The next scripted payload of event <paramref name="name"/>, or null when the script has no more.</summary>
    public string? TakeNext(string name)
    {
        if (!_pending.TryGetValue(name, out var queue) || queue.Count == 0)
        {
            return null;
        }

        var json = queue.First!.Value;
        queue.RemoveFirst();
        return json;
    }

    /// <summary>Gives back a payload taken by a wait that did not receive it after all (it lost a <c>WhenAny</c>): it is the next again.</summary>
    public void PutBack(string name, string json)
    {
        if (!_pending.TryGetValue(name, out var queue))
        {
            _pending[name] = queue = new LinkedList<string>();
        }

        queue.AddFirst(json);
    }
}
