using System.Diagnostics;

namespace SourceGenDurable.Benchmarks.Workflows;

/// <summary>
/// The crash-recovery scenario's step that is in flight when the process is killed. In the process to be killed it holds
/// (every instance blocks in it, so all of them hold leases when the kill comes); in the restarted process it records
/// when the first one ran.
/// </summary>
internal static class RecoveryProbe
{
    private static int s_held;
    private static long s_firstResumed;
    private static TaskCompletionSource s_allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int s_holdCount = -1;

    /// <summary>Makes every run of the step block; the returned task completes once <paramref name="count"/> are blocked.</summary>
    public static Task HoldAll(int count)
    {
        Volatile.Write(ref s_holdCount, count);
        return s_allHeld.Task;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the first run of the step began, or 0.</summary>
    public static long FirstResumed => Interlocked.Read(ref s_firstResumed);

    /// <summary>Forgets the runs so far (a warm-up's).</summary>
    public static void Reset() => Interlocked.Exchange(ref s_firstResumed, 0);

    public static async Task<int> RunAsync(int value, CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref s_firstResumed, Stopwatch.GetTimestamp(), 0);
        var holdCount = Volatile.Read(ref s_holdCount);
        if (holdCount > 0)
        {
            if (Interlocked.Increment(ref s_held) == holdCount)
            {
                s_allHeld.TrySetResult();
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return value;
    }
}
