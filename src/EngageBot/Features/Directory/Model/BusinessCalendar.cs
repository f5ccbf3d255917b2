using System.Text.Json.Serialization;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Directory.Model;

/// <summary>When a partner's SLA clock runs: working days and hours in one IANA time zone, minus holidays.</summary>
public sealed record BusinessCalendar(string Id, [property: JsonPropertyName("timezone")] string TimeZone, IReadOnlyList<DayOfWeek> WorkingDays, DailyHours Hours, IReadOnlyList<DateOnly> Holidays)
{
    public static readonly IReadOnlyList<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The calendar of a partner that names none: its own time zone, Mon–Fri 09:00–17:00, no holidays.</summary>
    public static BusinessCalendar DefaultFor(Partner partner) =>
        new($"default:{partner.Id}", partner.TimeZone, MondayToFriday, DailyHours.NineToFive, []);

    [JsonIgnore]
    public bool IsDefault => Id.StartsWith("default:", StringComparison.Ordinal);

    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>The calendar as the scheduling arithmetic takes it.</summary>
    public BusinessCalendarSpec ToSpec() => new(TimeZone, WorkingDays.ToHashSet(), Hours.Start, Hours.End, Holidays.ToHashSet());
}
