using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>
/// Rule 14, only when the project publishes with Native AOT or is marked AOT-compatible (<c>PublishAot</c> or
/// <c>IsAotCompatible</c>, which the package makes visible to analyzers): every type the runtime serializes for the
/// workflows (inputs, results, slots, step results, event payloads) must be covered by a <c>JsonSerializerContext</c>
/// registered with <c>UseJsonContext</c> in this compilation, or by the runtime's own context (primitives, strings,
/// dates, GUIDs and their collections), or be an enum. A context covers the types its <c>[JsonSerializable]</c>
/// attributes name and the types System.Text.Json's generator reaches from them (properties, fields, elements).
/// Uses are gathered as the compilation is analyzed and judged at its end, when every registration has been seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonContextAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property with the type to name in <c>typeof</c>, fully qualified.</summary>
    public const string TypeProperty = "Type";

    /// <summary>The diagnostic property with the metadata name of the context, declared in this compilation, to add it to.</summary>
    public const string ContextProperty = "Context";

    /// <summary>The diagnostic property with the namespace a new context is declared in (empty for the global namespace).</summary>
    public const string NamespaceProperty = "Namespace";

    /// <summary>The name of the context the code fix creates when the compilation declares none.</summary>
    public const string NewContextName = "WorkflowJsonContext";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotInJsonContext);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!IsAot(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions) || Known.Create(start.Compilation) is not { } known)
            {
                return;
            }

            var registered = new ConcurrentBag<INamedTypeSymbol>();
            var uses = new ConcurrentBag<Use>();
            start.RegisterOperationAction(operation => AnalyzeInvocation((IInvocationOperation)operation.Operation, known, registered, uses), OperationKind.Invocation);
            start.RegisterSyntaxNodeAction(node => AnalyzeWorkflow(node, known, uses), SyntaxKind.MethodDeclaration);
            start.RegisterCompilationEndAction(end => Report(end, known, registered, uses));
        });
    }

    private static bool IsAot(AnalyzerConfigOptions options) =>
        (options.TryGetValue("build_property.PublishAot", out var publishAot) && string.Equals(publishAot, "true", System.StringComparison.OrdinalIgnoreCase)) ||
        (options.TryGetValue("build_property.IsAotCompatible", out var compatible) && string.Equals(compatible, "true", System.StringComparison.OrdinalIgnoreCase));

    private static void AnalyzeInvocation(IInvocationOperation invocation, Known known, ConcurrentBag<INamedTypeSymbol> registered, ConcurrentBag<Use> uses)
    {
        var method = invocation.TargetMethod;
        var definition = method.OriginalDefinition;
        var location = invocation.Syntax.GetLocation();
        if (SymbolEqualityComparer.Default.Equals(definition, known.UseJsonContext))
        {
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value;
            if ((argument is IConversionOperation conversion ? conversion.Operand : argument)?.Type is INamedTypeSymbol context)
            {
                registered.Add(context);
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, known.WorkflowContext) && method.TypeArguments.Length == 1)
        {
            var name = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string text } ? $" '{text}'" : "";
            if (method.Name == "Step")
            {
                uses.Add(new Use(method.TypeArguments[0], location, $"the result of the step{name}", invocation.SemanticModel));
            }
            else if (method.Name == "WaitForEvent")
            {
                uses.Add(new Use(method.TypeArguments[0], location, $"the payload of the event{name}", invocation.SemanticModel));
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, known.Client) && method.Name == "RaiseEventAsync" && method.TypeArguments.Length == 1)
        {
            uses.Add(new Use(method.TypeArguments[0], location, "the payload of an event raised to a workflow", invocation.SemanticModel));
        }
        else if (HasAttribute(definition, known.StepAttribute) && ResultOf(method.ReturnType, known) is { } stepResult)
        {
            uses.Add(new Use(stepResult, location, $"the result of the step '{method.Name}'", invocation.SemanticModel));
        }
    }

    private static void AnalyzeWorkflow(SyntaxNodeAnalysisContext context, Known known, ConcurrentBag<Use> uses)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0 ||
            context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method ||
            !HasAttribute(method, known.WorkflowAttribute))
        {
            return;
        }

        var model = context.SemanticModel;
        foreach (var parameter in method.Parameters.Skip(1))
        {
            uses.Add(new Use(parameter.Type, parameter.Locations[0], $"the input '{parameter.Name}' of the workflow '{method.Name}'", model));
        }

        if (ResultOf(method.ReturnType, known) is { } result)
        {
            uses.Add(new Use(result, syntax.ReturnType.GetLocation(), $"the result of the workflow '{method.Name}'", model));
        }

        var shape = WorkflowShapes.Of(context.Compilation).Get(method, syntax, model, context.CancellationToken);
        if (shape.Checkpoints.IsEmpty || shape.Body is not { } body)
        {
            return;
        }

        foreach (var slot in shape.SlotVariables.OfType<ILocalSymbol>())
        {
            uses.Add(new Use(slot.Type, shape.Locate(slot.Locations[0]), $"the local '{slot.Name}', which lives across a checkpoint", model));
        }

        // The generator walks a foreach whose body has a checkpoint by index over a list of the items it reads first.
        foreach (var loop in body.DescendantNodes().OfType<CommonForEachStatementSyntax>())
        {
            if (shape.Checkpoints.Any(c => loop.Statement.Span.Contains(c.Await.Span)) &&
                shape.Model?.GetForEachStatementInfo(loop).ElementType is { } element)
            {
                uses.Add(new Use(
                    known.List.Construct(element),
                    shape.Locate(loop.Expression.GetLocation()),
                    "the list of items a foreach whose body has a checkpoint keeps across that checkpoint",
                    model));
            }
        }
    }

    private static void Report(CompilationAnalysisContext context, Known known, ConcurrentBag<INamedTypeSymbol> registered, ConcurrentBag<Use> uses)
    {
        var contexts = registered.Where(c => DerivesFrom(c, known.JsonSerializerContext)).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .OrderBy(c => c.ToDisplayString(), System.StringComparer.Ordinal).ToList();
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var root in contexts.Append(known.RuntimeContext).SelectMany(c => c.GetAttributes()))
        {
            if (SymbolEqualityComparer.Default.Equals(root.AttributeClass, known.JsonSerializableAttribute) &&
                root.ConstructorArguments is [{ Value: ITypeSymbol type }])
            {
                Cover(type, covered, known);
            }
        }

        // The context a fix adds to: the first registered one declared here, else the first declared here at all.
        var target = contexts.FirstOrDefault(c => c.Locations.Any(l => l.IsInSource)) ?? FirstDeclaredContext(context.Compilation, known);
        var registeredText = contexts.Count == 0 ? " (none is registered)" : $" (registered: {string.Join(", ", contexts.Select(c => c.Name))})";
        var reported = new HashSet<(Location, ITypeSymbol)>();
        foreach (var use in uses.OrderBy(u => u.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(u => u.Location.SourceSpan.Start))
        {
            var type = use.Type.WithNullableAnnotation(NullableAnnotation.None);
            if (NeedsNoContext(type) || covered.Contains(type) || !reported.Add((use.Location, type)))
            {
                continue;
            }

            var shortName = use.Model is { } model ? type.ToMinimalDisplayString(model, use.Location.SourceSpan.Start) : type.ToDisplayString();
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[TypeProperty] = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            properties[NamespaceProperty] = use.Model?.GetEnclosingSymbol(use.Location.SourceSpan.Start)?.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
            if (target is not null)
            {
                properties[ContextProperty] = MetadataName(target);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotInJsonContext,
                use.Location,
                properties.ToImmutable(),
                type.ToDisplayString(),
                use.What,
                registeredText,
                shortName,
                target is null
                    ? $"a JsonSerializerContext and register it: o.UseJsonContext(YourContext.Default)"
                    : contexts.Contains(target, SymbolEqualityComparer.Default) ? $"'{target.Name}'" : $"'{target.Name}' and register it: o.UseJsonContext({target.Name}.Default)"));
        }
    }

    /// <summary>Types the runtime serializes without a context, or that other rules report (SGD0008, SGD0106).</summary>
    private static bool NeedsNoContext(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter or TypeKind.Error or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic ||
        type.IsRefLikeType || type.IsAnonymousType || type.SpecialType == SpecialType.System_Object;

    /// <summary>Adds <paramref name="type"/> and what System.Text.Json's source generator makes metadata for along with it.</summary>
    private static void Cover(ITypeSymbol type, HashSet<ITypeSymbol> covered, Known known)
    {
        type = type.WithNullableAnnotation(NullableAnnotation.None);
        if (!covered.Add(type))
        {
            return;
        }

        if (type is IArrayTypeSymbol array)
        {
            Cover(array.ElementType, covered, known);
            return;
        }

        if (type is not INamedTypeSymbol named)
        {
            return;
        }

        foreach (var argument in named.TypeArguments)
        {
            Cover(argument, covered, known);
        }

        // A collection's metadata covers its elements (the type arguments above), not its own members.
        if (named.SpecialType == SpecialType.System_String || named.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.Enumerable)))
        {
            return;
        }

        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (member is IPropertySymbol { IsIndexer: false } property)
                {
                    Cover(property.Type, covered, known);
                }
                else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field)
                {
                    Cover(field.Type, covered, known);
                }
            }
        }
    }

    private static INamedTypeSymbol? FirstDeclaredContext(Compilation compilation, Known known)
    {
        var found = new List<INamedTypeSymbol>();
        void Visit(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol inner && (member is INamespaceSymbol || member.Locations.Any(l => l.IsInSource)))
                {
                    if (inner is INamedTypeSymbol type && DerivesFrom(type, known.JsonSerializerContext))
                    {
                        found.Add(type);
                    }

                    Visit(inner);
                }
            }
        }

        Visit(compilation.Assembly.GlobalNamespace);
        return found.OrderBy(t => t.ToDisplayString(), System.StringComparer.Ordinal).FirstOrDefault();
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static ITypeSymbol? ResultOf(ITypeSymbol returnType, Known known) =>
        returnType is INamedTypeSymbol { TypeArguments.Length: 1 } task &&
        (SymbolEqualityComparer.Default.Equals(task.OriginalDefinition, known.TaskOfT) || SymbolEqualityComparer.Default.Equals(task.OriginalDefinition, known.ValueTaskOfT))
            ? task.TypeArguments[0]
            : null;

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Use
    {
        public Use(ITypeSymbol type, Location location, string what, SemanticModel? model)
        {
            Type = type;
            Location = location;
            What = what;
            Model = model;
        }

        public ITypeSymbol Type { get; }

        public Location Location { get; }

        public string What { get; }

        public SemanticModel? Model { get; }
    }

    /// <summary>The symbols the rule needs, resolved once per compilation; null when the compilation does not use the runtime.</summary>
    private sealed class Known
    {
        public INamedTypeSymbol WorkflowAttribute { get; private set; } = null!;

        public INamedTypeSymbol StepAttribute { get; private set; } = null!;

        public INamedTypeSymbol WorkflowContext { get; private set; } = null!;

        public INamedTypeSymbol Client { get; private set; } = null!;

        public IMethodSymbol UseJsonContext { get; private set; } = null!;

        public INamedTypeSymbol RuntimeContext { get; private set; } = null!;

        public INamedTypeSymbol JsonSerializerContext { get; private set; } = null!;

        public INamedTypeSymbol JsonSerializableAttribute { get; private set; } = null!;

        public INamedTypeSymbol TaskOfT { get; private set; } = null!;

        public INamedTypeSymbol ValueTaskOfT { get; private set; } = null!;

        public INamedTypeSymbol List { get; private set; } = null!;

        public INamedTypeSymbol Enumerable { get; private set; } = null!;

        public static Known? Create(Compilation compilation)
        {
            INamedTypeSymbol? Type(string name) => compilation.GetTypeByMetadataName(name);
            var extensions = Type("SourceGenDurable.Hosting.DurableWorkflowOptionsExtensions");
            var useJsonContext = extensions?.GetMembers("UseJsonContext").OfType<IMethodSymbol>().FirstOrDefault();
            if (Type(KnownTypeNames.DurableWorkflowAttribute) is not { } workflowAttribute ||
                Type(KnownTypeNames.DurableStepAttribute) is not { } stepAttribute ||
                Type("SourceGenDurable.WorkflowContext") is not { } workflowContext ||
                Type("SourceGenDurable.Client.IWorkflowClient") is not { } client ||
                useJsonContext is null ||
                Type("SourceGenDurable.RuntimeJsonContext") is not { } runtimeContext ||
                Type("System.Text.Json.Serialization.JsonSerializerContext") is not { } jsonSerializerContext ||
                Type("System.Text.Json.Serialization.JsonSerializableAttribute") is not { } jsonSerializable ||
                Type("System.Threading.Tasks.Task`1") is not { } taskOfT ||
                Type("System.Threading.Tasks.ValueTask`1") is not { } valueTaskOfT ||
                Type("System.Collections.Generic.List`1") is not { } list ||
                Type("System.Collections.Generic.IEnumerable`1") is not { } enumerable)
            {
                return null;
            }

            return new Known
            {
                WorkflowAttribute = workflowAttribute,
                StepAttribute = stepAttribute,
                WorkflowContext = workflowContext,
                Client = client,
                UseJsonContext = useJsonContext,
                RuntimeContext = runtimeContext,
                JsonSerializerContext = jsonSerializerContext,
                JsonSerializableAttribute = jsonSerializable,
                TaskOfT = taskOfT,
                ValueTaskOfT = valueTaskOfT,
                List = list,
                Enumerable = enumerable,
            };
        }
    }
}
