using System.Reflection;
using SourceGenDurable.Execution;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>
/// What a corpus case needs from the class of its workflow method: the closed classes a generic class is run as
/// (<see cref="ClosedAsAttribute"/>), their workflows registered, and the name the generated definition registers.
/// </summary>
public static class GenericWorkflowClass
{
    /// <summary>
    /// The method on each closed class a <see cref="ClosedAsAttribute"/> names, whose workflows are then registered
    /// (as <c>AddWorkflowClass</c> does: nothing else names the closed class before the harness starts it by name);
    /// for a method of a non-generic class, the method itself.
    /// </summary>
    public static IReadOnlyList<MethodInfo> Close(MethodInfo method)
    {
        var type = method.DeclaringType!;
        if (!type.IsGenericTypeDefinition)
        {
            return [method];
        }

        var closings = type.GetCustomAttributes<ClosedAsAttribute>().ToList();
        if (closings.Count == 0)
        {
            throw new InvalidOperationException(
                $"{type.Name}.{method.Name}: a workflow of a generic corpus class runs on closed classes only; put [ClosedAs(typeof(...))] on {type.Name}.");
        }

        return closings.Select(closing =>
        {
            var closed = type.MakeGenericType(closing.TypeArguments);
            RegisterWorkflowsOf(closed);
            return (MethodInfo)MethodBase.GetMethodFromHandle(method.MethodHandle, closed.TypeHandle)!;
        }).ToList();
    }

    /// <summary>
    /// The name the generated definition of <paramref name="method"/> registers: the pinned name or <c>Class.Method</c>;
    /// on a closed generic class, with the type arguments spelled by the generated code's own
    /// <c>WorkflowDefinition.ClosedGenericName</c>, and checked against the registry.
    /// </summary>
    public static string WorkflowName(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var pinned = method.GetCustomAttribute<DurableWorkflowAttribute>()!.Name;
        if (!type.IsConstructedGenericType)
        {
            return string.IsNullOrEmpty(pinned) ? $"{type.Name}.{method.Name}" : pinned;
        }

        var name = string.IsNullOrEmpty(pinned)
            ? ClosedNames.Of(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)], "." + method.Name, type.GenericTypeArguments)
            : ClosedNames.Of(pinned, "", type.GenericTypeArguments);
        if (!WorkflowRegistry.TryGet(name, out _))
        {
            throw new InvalidOperationException(
                $"Registering {type} registered no workflow named '{name}' for {method.Name}. Registered: {string.Join(", ", WorkflowRegistry.Names)}.");
        }

        return name;
    }

    private static void RegisterWorkflowsOf(Type closedClass) =>
        typeof(GenericWorkflowClass).GetMethod(nameof(RegisterWorkflows), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(closedClass)
            .Invoke(null, null);

    private static void RegisterWorkflows<TClass>()
        where TClass : IDurableWorkflowClass => TClass.RegisterWorkflows();

    /// <summary>Reaches <c>ClosedGenericName</c>, protected in <see cref="WorkflowDefinition"/>; never instantiated.</summary>
    private abstract class ClosedNames : WorkflowDefinition
    {
        private ClosedNames()
            : base("", "")
        {
        }

        public static string Of(string prefix, string suffix, Type[] typeArguments) => ClosedGenericName(prefix, suffix, typeArguments);
    }
}
