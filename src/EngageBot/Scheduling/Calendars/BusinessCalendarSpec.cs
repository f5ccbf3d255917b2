namespace EngageBot.Scheduling.Calendars;

/// <summary>
/// A business calendar: IANA time zone, working days, a daily window in local time (End ≤ Start means the window
/// crosses midnight into the next day; Start == End means all day) and whole-day holidays (local dates a window starts on).
/// </summary>
public sealed record BusinessCalendarSpec(
    string TimeZoneId,
    IReadOnlySet<DayOfWeek> WorkingDays,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlySet<DateOnly> Holidays)
{
    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public static BusinessCalendarSpec Weekdays(string timeZoneId, TimeOnly start, TimeOnly end, params DateOnly[] holidays) =>
        new(timeZoneId, MondayToFriday, start, end, holidays.ToHashSet());
}
