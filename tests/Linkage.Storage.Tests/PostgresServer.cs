using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Linkage.Tests;

/// <summary>
/// Where the PostgreSQL tests find their server: <c>LINKAGE_TEST_POSTGRES</c>. Without it they are skipped on a
/// developer's machine but run (and fail) when <c>CI=true</c>, because on CI a missing server is a failure.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "LINKAGE_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason =>
        ConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"{Variable} is not set (on CI, with CI=true, this test fails instead)"
            : null;
}

/// <summary>Marks a test class whose store is PostgreSQL, so its <see cref="StoreFactAttribute"/> tests can be skipped.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>A fact of the shared store suite: skipped only in a PostgreSQL class with no server outside CI.</summary>
[XunitTestCaseDiscoverer("Linkage.Tests.StoreFactDiscoverer", "Linkage.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute)
        ?? (TestMethod.TestClass.Class.ToRuntimeType().GetCustomAttribute<RequiresPostgresAttribute>() is null ? null : PostgresServer.SkipReason);
}
