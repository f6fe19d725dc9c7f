namespace SourceGenDurable.Benchmarks.Workflows;

/// <summary>When each timer workflow woke, by wall clock, so that the suite can compare it with the due time.</summary>
internal static class TimerProbe
{
    private static DateTimeOffset[] s_woke = [];
    private static int s_remaining;
    private static TaskCompletionSource s_all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static IReadOnlyList<DateTimeOffset> WokeAt => s_woke;

    public static Task AllWoke => s_all.Task;

    public static void Arm(int timers)
    {
        s_woke = new DateTimeOffset[timers];
        s_all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref s_remaining, timers);
    }

    public static Task<int> Woke(int index)
    {
        // A step can run again after a crash; only its first run counts.
        if (s_woke[index] == default)
        {
            s_woke[index] = TimeProvider.System.GetUtcNow();
            if (Interlocked.Decrement(ref s_remaining) == 0)
            {
                s_all.TrySetResult();
            }
        }

        return Task.FromResult(index);
    }
}
