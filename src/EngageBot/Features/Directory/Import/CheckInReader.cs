using System.Globalization;
using EngageBot.Features.Directory.Model;
using YamlDotNet.RepresentationModel;

namespace EngageBot.Features.Directory.Import;

/// <summary>
/// A partner's <c>check_in</c>: a cadence (<c>check_in: weekly</c>) or a mapping
/// <c>{ cadence: weekly, day: tuesday, time: "10:00" }</c> / <c>{ cron: "0 0 10 ? * TUE" }</c>.
/// </summary>
internal static class CheckInReader
{
    private static readonly string[] Cadences = ["none", "weekly", "biweekly", "monthly", "quarterly"];

    public static (CheckInCadence Cadence, CheckInTiming? Timing) Read(YamlMap partner)
    {
        if (partner.Node("check_in") is not YamlMappingNode) return (Cadence(partner, "check_in") ?? CheckInCadence.Monthly, null);
        if (partner.Map("check_in", "check_in") is not { } map) return (CheckInCadence.Monthly, null);
        map.RejectUnknownFields("cadence", "day", "time", "cron");
        if (map.Optional("cron") is ({ } cron, var cronAt))
        {
            if (map.Node("cadence") is not null || map.Node("day") is not null || map.Node("time") is not null)
                map.Context.Error(cronAt, $"{map.What}: 'cron' replaces 'cadence', 'day' and 'time'; give one or the other");
            if (!Quartz.CronExpression.TryParse(cron, out _))
                map.Context.Error(cronAt, $"{map.What}: 'cron' '{cron}' is not a cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 10 ? * TUE\")");
            // Check-ins are claimed and named per minute (slot "yyyy-MM-ddTHH:mm"): a slot at another second would never
            // match its own claim key, and the partner's check-ins would silently stop.
            else if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] != "0")
                map.Context.Error(cronAt, $"{map.What}: 'cron' '{cron}' must fire on the minute: its seconds field must be 0 (e.g. \"0 0 10 ? * TUE\")");
            return (CheckInCadence.Cron, new CheckInTiming(Cron: cron));
        }
        var cadence = Cadence(map, "cadence") ?? CheckInCadence.Monthly;
        var (weekday, dayOfMonth) = Day(map, cadence);
        return (cadence, new CheckInTiming(weekday, dayOfMonth, Time(map)));
    }

    private static CheckInCadence? Cadence(YamlMap map, string key)
    {
        if (map.Optional(key) is not ({ } value, var at)) return null;
        if (Cadences.Contains(value, StringComparer.Ordinal) && TypedFields.TryParseEnum<CheckInCadence>(value, out var cadence)) return cadence;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not one of: {string.Join(", ", Cadences)}");
        return null;
    }

    // Weekly and biweekly take a weekday; monthly and quarterly a weekday (the first in the month) or a day number 1-31.
    private static (DayOfWeek?, int?) Day(YamlMap map, CheckInCadence cadence)
    {
        if (map.Optional("day") is not ({ } value, var at)) return (null, null);
        if (Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var weekday) && !value.Any(char.IsDigit)) return (weekday, null);
        var monthly = cadence is CheckInCadence.Monthly or CheckInCadence.Quarterly;
        if (monthly && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 31) return (null, n);
        map.Context.Error(at, monthly
            ? $"{map.What}: 'day' '{value}' is not a weekday (e.g. tuesday) or a day of the month (1-31)"
            : $"{map.What}: 'day' '{value}' is not a weekday (e.g. tuesday)");
        return (null, null);
    }

    private static TimeOnly? Time(YamlMap map)
    {
        if (map.Optional("time") is not ({ } value, var at)) return null;
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        map.Context.Error(at, $"{map.What}: 'time' '{value}' is not a local time (HH:mm, e.g. 10:00)");
        return null;
    }
}
