using System.Diagnostics;

namespace SourceGenDurable.Benchmarks.Workflows;

/// <summary>
/// What the benchmark workflows' step bodies report to the suite: when each step ran (so per-step times are read from
/// inside the engine, not from outside a whole run), and a step at which to block until the host stops.
/// </summary>
internal static class StepProbe
{
    private static long[] s_stamps = [];
    private static int s_blockAt = -1;
    private static int s_awaited = -1;
    private static TaskCompletionSource s_reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static long[] Stamps => s_stamps;

    /// <summary>Prepares for a run of <paramref name="steps"/> steps; step <paramref name="blockAt"/> waits for the host to stop.</summary>
    public static void Arm(int steps, int blockAt = -1)
    {
        s_stamps = new long[steps];
        s_blockAt = blockAt;
        s_awaited = -1;
    }

    /// <summary>Completes when step <paramref name="step"/> starts running.</summary>
    public static Task Reached(int step)
    {
        s_reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref s_awaited, step);
        return s_reached.Task;
    }

    public static async Task<int> RanAsync(int step, CancellationToken cancellationToken)
    {
        var stamps = s_stamps;
        if (step < stamps.Length)
        {
            stamps[step] = Stopwatch.GetTimestamp();
        }

        if (step == Volatile.Read(ref s_awaited))
        {
            s_reached.TrySetResult();
        }

        if (step == s_blockAt)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return step;
    }

    /// <summary>Milliseconds between the start of step <paramref name="step"/> - 1 and the start of step <paramref name="step"/>.</summary>
    public static double StepMilliseconds(int step) =>
        Stopwatch.GetElapsedTime(s_stamps[step - 1], s_stamps[step]).TotalMilliseconds;
}
