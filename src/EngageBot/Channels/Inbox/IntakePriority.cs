using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Acks first. Slack retries an event it did not see acknowledged within 3 seconds, and a burst of retries feeds
/// itself; handling can wait. So while the intake is saturated the processor pauses before each event it takes up
/// (at most <see cref="InboxOptions.IntakeYield"/>), leaving the CPU and the store's single writer to the accepts:
/// a burst is acknowledged at full speed and handled right after it.
/// Saturated means accepts overlap: one arrived while another was still being stored, within the last quiet window.
/// At everyday rates accepts finish long before the next arrives, so handling is not slowed even by a steady stream.
/// Real (Stopwatch) time, not the injected clock: this is CPU scheduling, not business time.
/// </summary>
internal sealed class IntakePriority(IOptions<InboxOptions> options)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private int _inFlight;
    private long _lastOverlap = long.MinValue;

    /// <summary>How recent an overlap must be to count as saturation (tests on a starved machine widen it).</summary>
    internal TimeSpan QuietWindow { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Marks one accept in progress until the scope is disposed.</summary>
    public AcceptScope Accepting()
    {
        if (Interlocked.Increment(ref _inFlight) > 1)
            Volatile.Write(ref _lastOverlap, Stopwatch.GetTimestamp());
        return new AcceptScope(this);
    }

    private bool Saturated => Volatile.Read(ref _lastOverlap) is var last && last != long.MinValue && Stopwatch.GetElapsedTime(last) < QuietWindow;

    /// <summary>Returns once accepts have not overlapped for the quiet window, or after the configured maximum pause.</summary>
    public async Task YieldAsync(CancellationToken cancellationToken)
    {
        var max = options.Value.IntakeYield;
        var started = Stopwatch.GetTimestamp();
        while (Saturated && Stopwatch.GetElapsedTime(started) < max)
            await Task.Delay(Poll, cancellationToken);
    }

    public readonly struct AcceptScope(IntakePriority owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }
}
