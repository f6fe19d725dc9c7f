using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using SourceGenDurable.Hosting;
using SourceGenDurable.StateMachines;
using SourceGenDurable.Testing;
using SourceGenDurable.Tests.Workflows;

namespace SourceGenDurable.Tests;

/// <summary>
/// What the runtime serializes with reflection off, as under Native AOT: primitives, strings, dates, GUIDs, enums,
/// their arrays, lists and dictionaries, and its own types, without any context of the application; the application's
/// types through the contexts it registers with UseJsonContext, and a clear error naming the fix otherwise. The JSON is
/// the same as with reflection, so a database written by a JIT host is read by an AOT host and the other way round.
/// </summary>
public sealed class AotSerializationTests
{
    private static readonly JsonSerializerOptions WithoutReflection = WorkflowSerializerOptions.Create([], allowReflection: false).Options;
    private static readonly JsonSerializerOptions WithReflection = WorkflowSerializerOptions.Create([], allowReflection: true).Options;

    [Fact]
    public void Primitives_strings_dates_guids_and_their_collections_round_trip_without_reflection_as_reflection_writes_them()
    {
        AssertRoundTrip("text");
        AssertRoundTrip(42);
        AssertRoundTrip(-7L);
        AssertRoundTrip(12.50m);
        AssertRoundTrip(double.NaN);
        AssertRoundTrip(true);
        AssertRoundTrip('x');
        AssertRoundTrip((int?)null);
        AssertRoundTrip((Guid?)Guid.Parse("0b6ad8e5-6f6b-4e2e-9f4a-0a8e9a1a2b3c"));
        AssertRoundTrip(new DateTime(2026, 3, 1, 12, 30, 0, DateTimeKind.Utc));
        AssertRoundTrip(new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.FromHours(2)));
        AssertRoundTrip(new DateOnly(2026, 3, 1));
        AssertRoundTrip(new TimeOnly(12, 30));
        AssertRoundTrip(TimeSpan.FromMinutes(90));
        AssertRoundTrip(new Uri("https://example.com/a"));
        AssertRoundTrip(new List<string> { "a", "b" });
        AssertRoundTrip(new[] { 1, 2, 3 });
        AssertRoundTrip((IReadOnlyList<Guid>)[Guid.Empty]);
        AssertRoundTrip(new Dictionary<string, decimal> { ["a"] = 1.5m });
        AssertRoundTrip(new Dictionary<int, string> { [1] = "one" });
        AssertRoundTrip(new WhenAnyResult(1, JsonDocument.Parse("{\"a\":1}").RootElement));
        AssertRoundTrip(new WorkflowError("System.InvalidOperationException", "no", null));
    }

    [Fact]
    public void Enums_round_trip_without_reflection_as_numbers_or_with_the_converter_they_name()
    {
        Assert.Equal("1", AssertRoundTrip(Shade.Dark));
        Assert.Equal("\"Green\"", AssertRoundTrip(Colour.Green));
        Assert.Equal(((int)WorkflowStatus.Completed).ToString(System.Globalization.CultureInfo.InvariantCulture), AssertRoundTrip(WorkflowStatus.Completed));
        Assert.Equal("-3", AssertRoundTrip((Signed)(-3)));
        Assert.Equal(ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), AssertRoundTrip((Wide)ulong.MaxValue));
    }

    [Fact]
    public void An_application_type_no_context_covers_fails_naming_the_type_and_the_registration()
    {
        var error = Assert.Throws<NotSupportedException>(() => SlotSerializer.Serialize(new List<Parcel> { new("p", 1) }, WithoutReflection));
        Assert.Contains("'System.Collections.Generic.List`1[SourceGenDurable.Tests.Parcel]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(List<Parcel>))]", error.Message, StringComparison.Ordinal);
        Assert.Contains("o.UseJsonContext(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_context_serializes_the_application_s_types_and_the_runtime_still_brings_the_rest()
    {
        var options = WorkflowSerializerOptions.Create([ParcelJson.Default], allowReflection: false).Options;
        var json = SlotSerializer.Serialize(new Parcel("p-1", 3), options);
        Assert.Equal("{\"Id\":\"p-1\",\"Weight\":3}", json);
        Assert.Equal(new Parcel("p-1", 3), SlotSerializer.Deserialize<Parcel>(json, options));
        Assert.Equal("[\"a\"]", SlotSerializer.Serialize(new List<string> { "a" }, options));
    }

    [Fact]
    public void Fields_and_tuples_of_a_context_without_IncludeFields_are_written()
    {
        var options = WorkflowSerializerOptions.Create([ParcelJson.Default], allowReflection: false).Options;
        Assert.Equal("{\"Tag\":\"t\"}", SlotSerializer.Serialize(new Tagged { Tag = "t" }, options));
        Assert.Equal("{\"Item1\":1,\"Item2\":\"a\"}", SlotSerializer.Serialize((1, "a"), options));
        Assert.Equal((1, "a"), SlotSerializer.Deserialize<(int, string)>("{\"Item1\":1,\"Item2\":\"a\"}", options));
    }

    [Fact]
    public async Task UseJsonContext_puts_the_application_s_context_ahead_of_the_runtime_s_in_the_host_s_options()
    {
        await using var host = await DurableTestHost.StartAsync(configureOptions: o => o.UseJsonContext(ParcelJson.Default).UseJsonContext(ParcelJson.Default));
        var chain = host.Services.GetRequiredService<WorkflowSerializerOptions>().Options.TypeInfoResolverChain;
        Assert.Same(ParcelJson.Default, chain[0]);
        Assert.Same(RuntimeJsonContext.Default, chain[1]);
        Assert.Equal(3, chain.Count);
    }

    [Fact]
    public async Task A_workflow_of_strings_lists_dictionaries_enums_and_dates_runs_and_resumes_without_reflection()
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddSingleton(WorkflowSerializerOptions.Create([], allowReflection: false)));
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var handle = await host.Client.StartSlotsAsync("ada", ["x", "yz"], at, Shade.Dark, workflowId: "aot-1");
        await host.WaitUntilIdleAsync();
        await host.Client.RaiseEventAsync("aot-1", "colour", Colour.Green);
        await host.WaitUntilIdleAsync();
        Assert.Equal(WorkflowStatus.Sleeping, (await host.Client.GetWorkflowAsync("aot-1"))!.Status);

        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        var result = await handle.GetResultAsync();
        Assert.Equal(
            new Dictionary<string, int> { ["ada"] = 2, ["Dark/Green/2026-03-01/13/0b6ad8e5-6f6b-4e2e-9f4a-0a8e9a1a2b3c"] = 2, ["x"] = 1, ["yz"] = 2 },
            result);
    }

    /// <summary>Round-trips <paramref name="value"/> without reflection, checks the JSON is what reflection writes, and returns it.</summary>
    private static string AssertRoundTrip<T>(T value)
    {
        var json = SlotSerializer.Serialize(value, WithoutReflection);
        Assert.Equal(SlotSerializer.Serialize(value, WithReflection), json);
        var back = SlotSerializer.Deserialize<T>(json, WithoutReflection);
        Assert.Equal(json, SlotSerializer.Serialize(back, WithoutReflection));
        return json;
    }

    private enum Signed : short
    {
    }

    private enum Wide : ulong
    {
    }
}

public sealed record Parcel(string Id, int Weight);

public sealed class Tagged
{
    public string Tag = "";
}

/// <summary>An application's context, as System.Text.Json's generator completes it (here, not under Workflows/, whose corpus the analyzer tests compile without that generator).</summary>
[JsonSerializable(typeof(Parcel))]
[JsonSerializable(typeof(Tagged))]
[JsonSerializable(typeof((int, string)))]
public sealed partial class ParcelJson : JsonSerializerContext;
