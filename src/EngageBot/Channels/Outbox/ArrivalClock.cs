using System.Globalization;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// Strictly increasing row-key times within this process, so two events stored in the same clock tick still
/// keep their arrival order (ties across instances fall back to the row key's random suffix).
/// </summary>
internal sealed class ArrivalClock
{
    private long _last;

    public string Next(DateTimeOffset now)
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(now.UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return next.ToString("D19", CultureInfo.InvariantCulture);
        }
    }
}
