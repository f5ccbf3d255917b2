using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Acks first. Slack retries an event it did not see acknowledged within 3 seconds, and a burst of retries feeds
/// itself; handling can wait. So while events are arriving, the processor pauses before each event it takes up
/// (at most <see cref="InboxOptions.IntakeYield"/>), leaving the CPU and the store's single writer to the accepts:
/// a burst is acknowledged at full speed and handled right after it. At everyday rates events rarely arrive within
/// the quiet window of each other, so handling is not slowed. Real (Stopwatch) time, not the injected clock: this is
/// CPU scheduling, not business time.
/// </summary>
internal sealed class IntakePriority(IOptions<InboxOptions> options)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private long _lastAccept = long.MinValue;

    public void Accepting() => Volatile.Write(ref _lastAccept, Stopwatch.GetTimestamp());

    private bool Busy => Volatile.Read(ref _lastAccept) is var last && last != long.MinValue && Stopwatch.GetElapsedTime(last) < QuietWindow;

    /// <summary>Returns once no event has arrived for the quiet window, or after the configured maximum pause.</summary>
    public async Task YieldAsync(CancellationToken cancellationToken)
    {
        var max = options.Value.IntakeYield;
        var started = Stopwatch.GetTimestamp();
        while (Busy && Stopwatch.GetElapsedTime(started) < max)
            await Task.Delay(Poll, cancellationToken);
    }
}
