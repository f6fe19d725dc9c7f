using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SourceGenDurable.Tests.CrashHarness;

/// <summary>One input set of a corpus case: a JSON object, parameter name → value.</summary>
public sealed record CorpusInput(string Json);

/// <summary>
/// A <c>[DurableWorkflow]</c> method in namespace <see cref="Namespace"/> with its input sets. Found by reflection:
/// adding a case is writing the method and its <see cref="InputsAttribute"/>s. A method of a generic class is a case
/// per <see cref="ClosedAsAttribute"/> of the class, on the closed class.
/// </summary>
public sealed class CorpusCase
{
    public const string Namespace = "SourceGenDurable.Tests.Corpus";

    private static readonly Lazy<IReadOnlyList<CorpusCase>> AllCases = new(Discover);

    private CorpusCase(MethodInfo method, IReadOnlyList<CorpusInput> inputs)
    {
        Method = method;
        Type = method.DeclaringType!;
        Name = $"{DisplayName(Type)}.{method.Name}";
        WorkflowName = GenericWorkflowClass.WorkflowName(method);
        Parameters = method.GetParameters().Skip(1).ToArray();
        ResultType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        Inputs = inputs;
        StepAttempts = Type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(m => (Method: m, Step: m.GetCustomAttribute<DurableStepAttribute>()))
            .Where(s => s.Step is not null)
            .ToDictionary(s => s.Step!.Name ?? s.Method.Name, s => s.Step!.MaxAttempts, StringComparer.Ordinal);
    }

    /// <summary>Class.Method: how the theory rows name the case.</summary>
    public string Name { get; }

    public Type Type { get; }

    public MethodInfo Method { get; }

    /// <summary>The name the workflow is registered under (the generated definition's name).</summary>
    public string WorkflowName { get; }

    /// <summary>The inputs: every parameter after the context.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>The T of Task&lt;T&gt;, or null for Task.</summary>
    public Type? ResultType { get; }

    public IReadOnlyList<CorpusInput> Inputs { get; }

    /// <summary>MaxAttempts of the class's <c>[DurableStep]</c> methods, by step name.</summary>
    public IReadOnlyDictionary<string, int> StepAttempts { get; }

    public static IReadOnlyList<CorpusCase> All => AllCases.Value;

    public static CorpusCase Get(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No corpus case is named '{name}'.");

    public CorpusInput GetInput(string json) =>
        Inputs.SingleOrDefault(i => i.Json == json) ?? throw new KeyNotFoundException($"Corpus case '{Name}' has no input {json}.");

    /// <summary>Theory rows (case name, input JSON) of every input of every case.</summary>
    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var corpusCase in All)
        {
            foreach (var input in corpusCase.Inputs)
            {
                rows.Add(corpusCase.Name, input.Json);
            }
        }

        return rows;
    }

    /// <summary>Theory rows (case name, input JSON) of every case with its first input.</summary>
    public static TheoryData<string, string> FirstInputRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var corpusCase in All.Where(c => c.Inputs.Count > 0))
        {
            rows.Add(corpusCase.Name, corpusCase.Inputs[0].Json);
        }

        return rows;
    }

    /// <summary>Every <c>[DurableWorkflow]</c> method in the corpus namespace, with or without inputs.</summary>
    public static IEnumerable<MethodInfo> WorkflowMethods() =>
        typeof(CorpusCase).Assembly.GetTypes()
            .Where(t => t.Namespace == Namespace || (t.Namespace?.StartsWith(Namespace + ".", StringComparison.Ordinal) ?? false))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<DurableWorkflowAttribute>() is not null)
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal);

    private static IReadOnlyList<CorpusCase> Discover()
    {
        var cases = new List<CorpusCase>();
        foreach (var method in WorkflowMethods())
        {
            var parameters = method.GetParameters().Skip(1).ToArray();
            var inputs = new List<CorpusInput>();
            foreach (var attribute in method.GetCustomAttributes<InputsAttribute>())
            {
                if (attribute.Values.Length != parameters.Length)
                {
                    throw new InvalidOperationException(
                        $"{method.DeclaringType!.Name}.{method.Name}: [Inputs] has {attribute.Values.Length} values for {parameters.Length} parameters.");
                }

                var json = new JsonObject();
                for (var i = 0; i < parameters.Length; i++)
                {
                    json[parameters[i].Name!] = JsonSerializer.SerializeToNode(attribute.Values[i]);
                }

                inputs.Add(new CorpusInput(json.ToJsonString()));
            }

            foreach (var attribute in method.GetCustomAttributes<InputsJsonAttribute>())
            {
                var given = JsonNode.Parse(attribute.Json) as JsonObject
                    ?? throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: [InputsJson] is not a JSON object.");
                var names = given.Select(p => p.Key).Order(StringComparer.Ordinal);
                if (!names.SequenceEqual(parameters.Select(p => p.Name!).Order(StringComparer.Ordinal)))
                {
                    throw new InvalidOperationException(
                        $"{method.DeclaringType!.Name}.{method.Name}: [InputsJson] names {string.Join(", ", names)}, but the inputs are {string.Join(", ", parameters.Select(p => p.Name))}.");
                }

                // Canonical form: parameter order, no whitespace.
                var json = new JsonObject();
                foreach (var parameter in parameters)
                {
                    json[parameter.Name!] = given[parameter.Name!]?.DeepClone();
                }

                inputs.Add(new CorpusInput(json.ToJsonString()));
            }

            foreach (var closed in GenericWorkflowClass.Close(method))
            {
                cases.Add(new CorpusCase(closed, inputs));
            }
        }

        return cases;
    }

    /// <summary><c>Ledger&lt;Int32&gt;</c> for a closed generic class, the plain name otherwise.</summary>
    private static string DisplayName(Type type) =>
        type.IsConstructedGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GenericTypeArguments.Select(DisplayName))}>"
            : type.Name;
}
