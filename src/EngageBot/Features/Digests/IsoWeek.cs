using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests;

/// <summary>An ISO-8601 week ("2026-W47": Monday to Sunday, week 1 holds the year's first Thursday).</summary>
[JsonConverter(typeof(IsoWeekJsonConverter))]
public readonly partial record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The week the instant falls in, read on the wall clock of <paramref name="zone"/>.</summary>
    public static IsoWeek Of(DateTimeOffset instant, TimeZoneInfo zone) => Of(DateOnly.FromDateTime(ZoneTimes.ToLocal(zone, instant)));

    /// <summary>"2026-W47" (also "2026-w47" and "2026W47"); null for anything else or a week the year lacks.</summary>
    public static IsoWeek? TryParse(string? text)
    {
        if (text is null || WeekPattern().Match(text.Trim()) is not { Success: true } m) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year) ? null : new IsoWeek(year, week);
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IsoWeek AddWeeks(int weeks) => Of(Monday.AddDays(7 * weeks));

    public IsoWeek Previous => AddWeeks(-1);

    /// <summary>Monday 00:00 to the next Monday 00:00 on the wall clock of <paramref name="zone"/> (DST makes it 167 or 169 hours).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) In(TimeZoneInfo zone) =>
        (ZoneTimes.ToInstant(zone, Monday.ToDateTime(TimeOnly.MinValue)), ZoneTimes.ToInstant(zone, Monday.AddDays(7).ToDateTime(TimeOnly.MinValue)));

    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    [GeneratedRegex(@"^(\d{4})-?[Ww](\d{1,2})$")]
    private static partial Regex WeekPattern();
}

/// <summary>An ISO week in JSON is its text, "2026-W47".</summary>
public sealed class IsoWeekJsonConverter : JsonConverter<IsoWeek>
{
    public override IsoWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoWeek.TryParse(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not an ISO week.");

    public override void Write(Utf8JsonWriter writer, IsoWeek value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
