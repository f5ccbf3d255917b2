namespace EngageBot.Scheduling.Calendars;

/// <summary>
/// Business-time arithmetic in a calendar's own time zone. Each day's window is laid out in local time and only
/// then converted to UTC, so DST days get their true length (a 09:00–17:00 window is 8 hours on both DST days;
/// a window across the night of a change is an hour shorter or longer). Regular weeks (no holiday, no offset
/// change) are skipped whole, so month-long targets cost a handful of iterations.
/// </summary>
public sealed class BusinessHoursCalendar
{
    // Ten years of days: a calendar with no working time left must fail loudly, not loop.
    private const int MaxDays = 3660;

    private readonly TimeZoneInfo _zone;
    private readonly BusinessCalendarSpec _spec;
    private readonly TimeSpan _nominalWeek;

    public BusinessHoursCalendar(BusinessCalendarSpec spec)
    {
        _spec = spec;
        if (spec.WorkingDays.Count == 0)
            throw new ArgumentException("A business calendar needs at least one working day.", nameof(spec));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZoneId);
        _nominalWeek = NominalDayLength * spec.WorkingDays.Count;
    }

    public TimeZoneInfo Zone => _zone;

    private TimeSpan NominalDayLength => _spec.DayEnd > _spec.DayStart
        ? _spec.DayEnd - _spec.DayStart
        : TimeSpan.FromDays(1) - (_spec.DayStart - _spec.DayEnd);

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return from;
        var remaining = duration;
        var day = LocalDate(from).AddDays(-1);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (remaining > _nominalWeek && Window(day) is { } first && first.Start >= from && IsRegularWeek(day))
            {
                remaining -= _nominalWeek;
                day = day.AddDays(6);
                continue;
            }
            if (Window(day) is not { } w || w.End <= from) continue;
            var start = w.Start > from ? w.Start : from;
            var available = w.End - start;
            if (remaining <= available) return start + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException($"Calendar {_spec.TimeZoneId} has no business time within {MaxDays} days of {from:O}.");
    }

    /// <summary>Business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (Window(day) is { } first && first.Start >= from && LastWorkingDayEnd(day) <= to && IsRegularWeek(day))
            {
                total += _nominalWeek;
                day = day.AddDays(6);
                continue;
            }
            if (Window(day) is not { } w) continue;
            var start = w.Start > from ? w.Start : from;
            var stop = w.End < to ? w.End : to;
            if (stop > start) total += stop - start;
        }
        return total;
    }

    /// <summary>The first instant at or after <paramref name="at"/> that lies inside business hours.</summary>
    public DateTimeOffset NextBusinessInstant(DateTimeOffset at)
    {
        var day = LocalDate(at).AddDays(-1);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (Window(day) is { } w && w.End > at)
                return w.Start > at ? w.Start : at;
        }
        throw new InvalidOperationException($"Calendar {_spec.TimeZoneId} has no business time within {MaxDays} days of {at:O}.");
    }

    public bool IsBusinessTime(DateTimeOffset at) => NextBusinessInstant(at) == at;

    /// <summary>The UTC window of the working day starting on local date <paramref name="day"/>, or null on days off.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Window(DateOnly day)
    {
        if (!_spec.WorkingDays.Contains(day.DayOfWeek) || _spec.Holidays.Contains(day)) return null;
        var endDay = _spec.DayEnd > _spec.DayStart ? day : day.AddDays(1);
        var start = ToInstant(day.ToDateTime(_spec.DayStart), earliest: true);
        var end = ToInstant(endDay.ToDateTime(_spec.DayEnd), earliest: false);
        return end > start ? (start, end) : null;
    }

    private DateTimeOffset LastWorkingDayEnd(DateOnly weekStart)
    {
        for (var d = weekStart.AddDays(6); d >= weekStart; d = d.AddDays(-1))
            if (Window(d) is { } w) return w.End;
        return DateTimeOffset.MinValue;
    }

    // A week whose windows all have their nominal length: no holiday and one UTC offset from the first window's start to the last one's end.
    private bool IsRegularWeek(DateOnly start)
    {
        for (var d = start; d < start.AddDays(7); d = d.AddDays(1))
            if (_spec.Holidays.Contains(d)) return false;
        var from = start.ToDateTime(_spec.DayStart);
        var to = start.AddDays(8).ToDateTime(TimeOnly.MinValue);
        return _zone.GetUtcOffset(from) == _zone.GetUtcOffset(to) && !HasTransitionBetween(from, to);
    }

    private bool HasTransitionBetween(DateTime fromLocal, DateTime toLocal)
    {
        var offset = _zone.GetUtcOffset(fromLocal);
        for (var t = fromLocal.AddDays(1); t <= toLocal; t = t.AddDays(1))
            if (_zone.GetUtcOffset(t) != offset) return true;
        return false;
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    // A window start takes the first occurrence of an overlapped time and a window end the second, so the window
    // holds every local minute it names.
    private DateTimeOffset ToInstant(DateTime local, bool earliest) => ZoneTimes.ToInstant(_zone, local, earliest);
}
