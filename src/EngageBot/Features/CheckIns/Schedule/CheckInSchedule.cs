using EngageBot.Features.Directory.Model;
using EngageBot.Scheduling.Calendars;
using Quartz;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>
/// A partner's check-in times, computed in the partner's zone with .NET's time-zone rules rather than Quartz cron
/// triggers (which fire repeatedly in the hour after DST ends, quartznet#2475). Nominal slots come from the cadence (or
/// the cron expression, read as local wall-clock time); a slot on a holiday or non-working day of the partner's calendar
/// moves to the next working day at the same local time; a local time that a DST change skips moves to the end of the
/// gap and one it repeats takes its first occurrence, so each slot is exactly one instant.
/// </summary>
public sealed class CheckInSchedule
{
    // Slots that a run of holidays pushed past later ones are still found: look this far back for nominal slots.
    private static readonly TimeSpan ShiftLookBack = TimeSpan.FromDays(45);
    private const int MaxSlots = 2000;
    private const int MaxShiftDays = 366;

    private readonly Partner _partner;
    private readonly BusinessCalendar _calendar;
    private readonly TimeZoneInfo _zone;
    private readonly CronExpression? _cron;

    public CheckInSchedule(Partner partner, BusinessCalendar calendar)
    {
        _partner = partner;
        _calendar = calendar;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
        if (partner.CheckIn == CheckInCadence.Cron && partner.CheckInWhen.Cron is { } cron)
            _cron = new CronExpression(cron, TimeZoneInfo.Utc); // evaluated on wall-clock time, see Slots
    }

    public TimeZoneInfo Zone => _zone;

    public bool IsActive => _partner.CheckIn switch
    {
        CheckInCadence.None => false,
        CheckInCadence.Cron => _cron is not null,
        _ => true,
    };

    /// <summary>
    /// What makes this schedule what it is (cadence, timing, zone, working days, holidays, anchor): when it changes after a
    /// directory import, the partner's next check-in is recomputed.
    /// </summary>
    public string Signature =>
        $"{_partner.CheckIn}|{_partner.CheckInWhen}|{_calendar.TimeZone}|{string.Join(',', _calendar.WorkingDays)}|{string.Join(',', _calendar.Holidays)}|{_partner.OnboardedOn:yyyy-MM-dd}";

    /// <summary>The first check-in strictly after <paramref name="after"/>, or null when the partner has none.</summary>
    public CheckInOccurrence? NextAfter(DateTimeOffset after)
    {
        if (!IsActive) return null;
        var from = ZoneTimes.ToLocal(_zone, after - ShiftLookBack);
        var count = 0;
        foreach (var slot in Slots(from))
        {
            if (++count > MaxSlots) break;
            if (Occurrence(slot) is { } occurrence && occurrence.At > after) return occurrence;
        }
        return null;
    }

    /// <summary>The next <paramref name="count"/> check-ins after <paramref name="after"/>.</summary>
    public IEnumerable<CheckInOccurrence> Upcoming(DateTimeOffset after, int count)
    {
        for (var i = 0; i < count && NextAfter(after) is { } next; i++, after = next.At)
            yield return next;
    }

    /// <summary>Whether <paramref name="slot"/> is one of this schedule's nominal slots (a stale due entry's is not).</summary>
    public CheckInOccurrence? OccurrenceOf(DateTime slot)
    {
        if (!IsActive) return null;
        foreach (var s in Slots(slot.AddTicks(-1)))
            return s == slot ? Occurrence(s) : null;
        return null;
    }

    private CheckInOccurrence? Occurrence(DateTime slot)
    {
        var day = DateOnly.FromDateTime(slot);
        for (var i = 0; i < MaxShiftDays && !_calendar.IsWorkingDay(day); i++) day = day.AddDays(1);
        if (!_calendar.IsWorkingDay(day)) return null;
        var local = day.ToDateTime(TimeOnly.FromDateTime(slot));
        return new CheckInOccurrence(_partner.Id, slot, local, ZoneTimes.ToInstant(_zone, local));
    }

    // Nominal local slots strictly after local time `from`, in order.
    private IEnumerable<DateTime> Slots(DateTime from)
    {
        if (_cron is not null)
        {
            var wall = new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Unspecified), TimeSpan.Zero);
            while (_cron.GetNextValidTimeAfter(wall) is { } next)
            {
                yield return next.DateTime;
                wall = next;
            }
            yield break;
        }
        var timing = _partner.CheckInWhen;
        var time = timing.LocalTime;
        switch (_partner.CheckIn)
        {
            case CheckInCadence.Weekly or CheckInCadence.Biweekly:
                var weekday = timing.Weekday ?? DayOfWeek.Monday;
                var step = _partner.CheckIn == CheckInCadence.Weekly ? 7 : 14;
                var date = DateOnly.FromDateTime(from);
                while (date.DayOfWeek != weekday) date = date.AddDays(1);
                if (step == 14 && WeeksSinceAnchor(date) % 2 != 0) date = date.AddDays(7);
                for (; ; date = date.AddDays(step))
                    if (date.ToDateTime(time) > from) yield return date.ToDateTime(time);
            case CheckInCadence.Monthly or CheckInCadence.Quarterly:
                var months = _partner.CheckIn == CheckInCadence.Monthly ? 1 : 3;
                var month = new DateOnly(from.Year, from.Month, 1);
                while ((month.Month - 1) % months != 0) month = month.AddMonths(1);
                for (; ; month = month.AddMonths(months))
                {
                    var slot = DayInMonth(month, timing).ToDateTime(time);
                    if (slot > from) yield return slot;
                }
        }
    }

    private static DateOnly DayInMonth(DateOnly month, CheckInTiming timing)
    {
        if (timing.Weekday is { } weekday)
        {
            var d = month;
            while (d.DayOfWeek != weekday) d = d.AddDays(1);
            return d;
        }
        return month.AddDays(Math.Min(timing.DayOfMonth ?? 1, DateTime.DaysInMonth(month.Year, month.Month)) - 1);
    }

    // Biweekly parity is anchored on the partner's onboarding week, so it does not depend on when the service started.
    private int WeeksSinceAnchor(DateOnly date)
    {
        var anchor = _partner.OnboardedOn;
        var anchorMonday = anchor.AddDays(-(((int)anchor.DayOfWeek + 6) % 7));
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return Math.Abs(monday.DayNumber - anchorMonday.DayNumber) / 7;
    }
}
