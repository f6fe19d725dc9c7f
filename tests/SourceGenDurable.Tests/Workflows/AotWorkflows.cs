using System.Text.Json.Serialization;

namespace SourceGenDurable.Tests.Workflows;

public enum Shade
{
    Light,
    Dark,
}

[JsonConverter(typeof(JsonStringEnumConverter<Colour>))]
public enum Colour : byte
{
    Red = 1,
    Green = 2,
}

/// <summary>A workflow whose slots, inputs, events and result are only types the runtime serializes without a context.</summary>
public sealed partial class AotWorkflows
{
    [DurableWorkflow(Name = "aot-slots")]
    public async Task<Dictionary<string, int>> Slots(WorkflowContext ctx, string name, List<string> tags, DateTimeOffset at, Shade shade)
    {
        var counts = new Dictionary<string, int> { [name] = tags.Count };
        var ids = new[] { Guid.Parse("0b6ad8e5-6f6b-4e2e-9f4a-0a8e9a1a2b3c") };
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var colour = await ctx.WaitForEvent<Colour>("colour");
        await ctx.Sleep(TimeSpan.FromHours(1));
        var later = await ctx.Step("later", ct => Task.FromResult(at.AddHours(1)));
        counts[$"{shade}/{colour}/{day:yyyy-MM-dd}/{later:HH}/{ids[0]}"] = (int)colour;
        foreach (var tag in tags)
        {
            counts[tag] = await ctx.Step("tag", ct => Task.FromResult(tag.Length));
        }

        return counts;
    }
}
