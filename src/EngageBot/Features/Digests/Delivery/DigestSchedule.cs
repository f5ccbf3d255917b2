using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests.Delivery;

/// <summary>
/// When the weekly digest is due on a reader's wall clock: the configured weekday and time in their zone, mapped to an
/// instant with the zone's own rules (<see cref="ZoneTimes"/>), so it is 08:00 local on both sides of a DST change and
/// never fires twice in a repeated hour. The digest covers the last whole ISO week before that instant.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The latest scheduled instant at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestAtOrBefore(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek day, TimeSpan time)
    {
        var today = DateOnly.FromDateTime(ZoneTimes.ToLocal(zone, now));
        for (var i = 0; i < 15; i++)
        {
            var date = today.AddDays(-i);
            if (date.DayOfWeek != day) continue;
            var at = ZoneTimes.ToInstant(zone, date.ToDateTime(TimeOnly.FromTimeSpan(time)));
            if (at <= now) return at;
        }
        throw new InvalidOperationException("A weekday recurs within two weeks.");
    }

    /// <summary>The week a digest sent at <paramref name="sendAt"/> reports: the last one that ended by then.</summary>
    public static IsoWeek WeekReportedAt(DateTimeOffset sendAt, TimeZoneInfo zone) => IsoWeek.Of(sendAt, zone).Previous;
}
