using System.Diagnostics;

namespace SourceGenDurable.CrashHost;

/// <summary>A workflow whose second step kills its own process, until a "fixed" file appears next to the effects file.</summary>
public sealed partial class DoomWorkflows(EffectLog effects, DoomSwitch doom)
{
    [DurableWorkflow(Name = "doom")]
    public async Task<int> Doom(WorkflowContext ctx, int seed)
    {
        var a = await ctx.Step("first", ct => effects.RecordAsync(1, seed + 1, ct));
        var b = await ctx.Step("fatal", async ct =>
        {
            doom.KillUnlessFixed();
            return await effects.RecordAsync(2, a * 2, ct);
        });
        return b;
    }
}

/// <summary>Kills the process (SIGKILL, as the OOM killer would) unless the bug is "fixed".</summary>
public sealed class DoomSwitch(string fixedMarker)
{
    public void KillUnlessFixed()
    {
        if (!File.Exists(fixedMarker))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
