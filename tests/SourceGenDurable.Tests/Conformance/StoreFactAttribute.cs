using SourceGenDurable.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SourceGenDurable.Tests.Conformance;

/// <summary>
/// Marks a test class whose store is PostgreSQL: the <see cref="StoreFactAttribute"/> and
/// <see cref="StoreTheoryAttribute"/> tests it inherits are skipped without a server, as [PostgresFact] ones are.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A fact of the store contract, declared once on an abstract class and run by each store's derived class. An
/// attribute on the base cannot know which class runs it, so its discoverer looks: it is skipped in a class marked
/// <see cref="RequiresPostgresAttribute"/> when no PostgreSQL server is set (and fails there when CI requires one).
/// </summary>
[XunitTestCaseDiscoverer("SourceGenDurable.Tests.Conformance.StoreFactDiscoverer", "SourceGenDurable.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory of the store contract: as <see cref="StoreFactAttribute"/>, for a theory.</summary>
[XunitTestCaseDiscoverer("SourceGenDurable.Tests.Conformance.StoreTheoryDiscoverer", "SourceGenDurable.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Finds the cases of a <see cref="StoreFactAttribute"/>: PostgreSQL ones may be skipped when they run.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresTestCase.IsPostgres(testMethod)
            ? new PostgresTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}

/// <summary>
/// Finds the cases of a <see cref="StoreTheoryAttribute"/>: without a PostgreSQL server, one skipped case stands for
/// all the rows of a PostgreSQL class's theory; otherwise its rows are found as any theory's.
/// </summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgresTestCase.IsPostgres(testMethod) && PostgresServer.SkipReason is not null
            ? [new PostgresTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>
/// A test case of a PostgreSQL class: skipped with <see cref="PostgresServer.SkipReason"/> when no server is set. The
/// reason is read where the case runs, not where it was found (a runner may discover and run in two processes).
/// </summary>
public sealed class PostgresTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PostgresTestCase()
    {
    }

    public PostgresTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <summary>Whether <paramref name="testMethod"/> runs in a class marked <see cref="RequiresPostgresAttribute"/>.</summary>
    public static bool IsPostgres(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.IsDefined(typeof(RequiresPostgresAttribute), inherit: false) ?? false;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => PostgresServer.SkipReason ?? base.GetSkipReason(factAttribute);
}
