using EngageBot.Features.Directory.Model;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Nudges;

/// <summary>
/// An owner's working days and when each starts, in the owner's own zone (DST included, via the business-hours calendar):
/// their directory time zone and working hours, else their first partner's zone and 09:00–17:00, Monday to Friday.
/// </summary>
public sealed class OwnerWorkdays(Person owner, Partner firstPartner)
{
    // Two weeks: every calendar here has five working days a week, so a next start is always within reach.
    private const int LookAheadDays = 14;

    private readonly BusinessHoursCalendar _calendar = new(owner.WorkingCalendar() ?? new BusinessCalendarSpec(
        owner.TimeZone ?? firstPartner.TimeZone, BusinessCalendarSpec.MondayToFriday,
        owner.WorkingHours?.Start ?? DailyHours.NineToFive.Start, owner.WorkingHours?.End ?? DailyHours.NineToFive.End, new HashSet<DateOnly>()));

    /// <summary>When the owner's working day <paramref name="day"/> (their local date) starts; null on a day off.</summary>
    public DateTimeOffset? StartOf(DateOnly day) => _calendar.Window(day)?.Start;

    /// <summary>The first working-day start strictly after <paramref name="after"/>.</summary>
    public (DateOnly Day, DateTimeOffset At) NextAfter(DateTimeOffset after)
    {
        var day = DateOnly.FromDateTime(ZoneTimes.ToLocal(_calendar.Zone, after));
        for (var i = 0; i < LookAheadDays; i++, day = day.AddDays(1))
            if (StartOf(day) is { } start && start > after) return (day, start);
        throw new InvalidOperationException($"Owner {owner.Id} has no working day within {LookAheadDays} days of {after:O}.");
    }
}
