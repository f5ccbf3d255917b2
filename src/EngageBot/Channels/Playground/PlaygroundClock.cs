namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground's TimeProvider: the real clock moved forward by what the page (or the demo) asked. Registered in place
/// of the system clock only in playground mode, so every job, SLA and schedule sees the same "now". Timers keep running
/// in real time (a jump does not fire them); <see cref="PlaygroundTimeControl"/> runs the sweeps after each jump instead.
/// Time only moves forward: stored rows, leases and due times stay in order.
/// </summary>
public sealed class PlaygroundClock(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The playground clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Moves the clock to <paramref name="instant"/> if that is ahead of now (the demo starts its week on a Monday).</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var by = instant - GetUtcNow();
        if (by > TimeSpan.Zero) Advance(by);
    }
}
