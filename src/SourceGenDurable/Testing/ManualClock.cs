namespace SourceGenDurable.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when told to, for <see cref="DurableTestHost"/>. It lives in the
/// runtime rather than coming from Microsoft.Extensions.TimeProvider.Testing so that an application's production
/// dependencies never include a testing package.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock to <paramref name="time"/>, firing every timer due by then in due order, each seeing the clock
    /// at its own due time. A time in the past leaves the clock where it is.
    /// </summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= time).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = time > _now ? time : _now;
                    return;
                }

                _now = due.DueAt!.Value > _now ? due.DueAt.Value : _now;
                due.Reschedule();
            }

            due.Fire();
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        /// <summary>When the timer fires next; null when it is stopped. Guarded by the clock's lock.</summary>
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                if (DueAt is null)
                {
                    clock._timers.Remove(this);
                }
                else if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }
            }

            // A timer due now fires now, as a real one does (on the thread pool), without waiting for the clock to move.
            if (dueTime == TimeSpan.Zero)
            {
                ThreadPool.QueueUserWorkItem(static c => c.AdvanceTo(c.GetUtcNow()), clock, preferLocal: false);
            }

            return true;
        }

        /// <summary>Called under the clock's lock when the timer fires: a periodic timer is due again one period later.</summary>
        public void Reschedule()
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt += _period;
            }
            else
            {
                DueAt = null;
                clock._timers.Remove(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                DueAt = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
