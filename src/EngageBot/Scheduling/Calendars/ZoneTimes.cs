namespace EngageBot.Scheduling.Calendars;

/// <summary>Local wall-clock time to instant with the zone's own rules, defined on the two DST days too.</summary>
public static class ZoneTimes
{
    /// <summary>
    /// In a spring-forward gap the time moves to the end of the gap (02:30 that never happens becomes 03:00); in a
    /// fall-back overlap <paramref name="earliest"/> picks the first occurrence, else the second. So each local time maps
    /// to exactly one instant, which is what makes "once per scheduled local time" hold across both changes.
    /// </summary>
    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local, bool earliest = true)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var probe = local;
        while (zone.IsInvalidTime(probe)) probe = probe.AddMinutes(1);
        if (probe != local)
            return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, earliest ? offsets.Max() : offsets.Min());
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTime ToLocal(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
