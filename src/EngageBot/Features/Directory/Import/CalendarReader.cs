using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

internal static class CalendarReader
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static BusinessCalendar Read(YamlMap map)
    {
        var ctx = map.Context;
        var id = map.Id("id") ?? "";
        if (id.Length > 0)
        {
            map.What = $"calendar '{id}'";
            ctx.Define("calendar", id, map.Node("id")!.Start);
        }
        map.RejectUnknownFields("id", "timezone", "working_days", "hours", "holidays");
        var days = new List<DayOfWeek>();
        foreach (var (day, at) in map.List("working_days"))
        {
            if (Days.TryGetValue(day.Length > 3 ? day[..3] : day, out var d) && (day.Length == 3 || Enum.GetName(d)!.Equals(day, StringComparison.OrdinalIgnoreCase)))
            { if (!days.Contains(d)) days.Add(d); }
            else ctx.Error(at, $"{map.What}: '{day}' is not a day (mon, tue, wed, thu, fri, sat, sun)");
        }
        var holidays = map.List("holidays")
            .Select(h => TypedFields.ParseDate(map, "holidays", h.Value, h.At))
            .OfType<DateOnly>().Distinct().Order().ToList();
        return new BusinessCalendar(
            id,
            map.TimeZone("timezone") ?? "",
            map.Node("working_days") is null ? BusinessCalendar.MondayToFriday : days.Order().ToList(),
            map.Hours("hours", required: false) ?? DailyHours.NineToFive,
            holidays);
    }
}
