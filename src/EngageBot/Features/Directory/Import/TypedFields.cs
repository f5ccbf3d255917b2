using System.Globalization;
using System.Text.RegularExpressions;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

/// <summary>The value formats of the directory file (ids, IANA zones, dates, durations, hours), each with its own error text.</summary>
internal static partial class TypedFields
{
    public static string? Id(this YamlMap map, string key, bool required = true)
    {
        var field = required ? map.Required(key) : map.Optional(key);
        if (field is not ({ } value, var at)) return null;
        if (IdPattern().IsMatch(value)) return value;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not a valid id (lowercase letters, digits, '.', '_' or '-')");
        return null;
    }

    public static bool IsValidId(string value) => IdPattern().IsMatch(value);

    public static string? Text(this YamlMap map, string key, bool required = true) =>
        (required ? map.Required(key) : map.Optional(key))?.Value;

    /// <summary>IANA ids only (e.g. Europe/Berlin): Windows ids resolve on some hosts but not others.</summary>
    public static string? TimeZone(this YamlMap map, string key, bool required = true)
    {
        var field = required ? map.Required(key) : map.Optional(key);
        if (field is not ({ } value, var at)) return null;
        if (IsIanaTimeZone(value)) return value;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not an IANA time zone (e.g. Europe/Berlin)");
        return null;
    }

    public static bool IsIanaTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static DateOnly? Date(this YamlMap map, string key, bool required = true)
    {
        var field = required ? map.Required(key) : map.Optional(key);
        return field is ({ } value, var at) ? ParseDate(map, key, value, at) : null;
    }

    public static DateOnly? ParseDate(YamlMap map, string key, string value, YamlDotNet.Core.Mark at)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not a date (YYYY-MM-DD)");
        return null;
    }

    /// <summary>Business-hour durations: "4h", "30m", "1h30m".</summary>
    public static TimeSpan? Duration(this YamlMap map, string key)
    {
        if (map.Required(key) is not ({ } value, var at)) return null;
        var match = DurationPattern().Match(value);
        if (match.Success && (match.Groups["h"].Success || match.Groups["m"].Success))
        {
            var span = TimeSpan.FromHours(match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0)
                + TimeSpan.FromMinutes(match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0);
            if (span > TimeSpan.Zero) return span;
        }
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not a duration (e.g. 4h, 30m, 1h30m)");
        return null;
    }

    /// <summary>A daily window "HH:mm-HH:mm" with start before end; "24:00" ends it at midnight, so "00:00-24:00" is the whole day.</summary>
    public static DailyHours? Hours(this YamlMap map, string key, bool required = true)
    {
        var field = required ? map.Required(key) : map.Optional(key);
        if (field is not ({ } value, var at)) return null;
        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && (parts[1] == "24:00" ? TimeOnly.MinValue : ParseTime(parts[1])) is { } end
            && (start < end || (end == TimeOnly.MinValue && parts[1] == "24:00")))
            return new DailyHours(start, end);
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not a time range (e.g. 09:00-17:00, 00:00-24:00)");
        return null;
    }

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Enum values written in snake_case (questions_only → QuestionsOnly).</summary>
    public static T? Enum<T>(this YamlMap map, string key, T? fallback = null) where T : struct, Enum
    {
        var field = fallback is null ? map.Required(key) : map.Optional(key);
        if (field is not ({ } value, var at)) return fallback;
        if (TryParseEnum<T>(value, out var parsed)) return parsed;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' is not one of: {string.Join(", ", System.Enum.GetNames<T>().Select(SnakeCase))}");
        return null;
    }

    public static bool TryParseEnum<T>(string value, out T parsed) where T : struct, Enum =>
        System.Enum.TryParse(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out parsed)
        && System.Enum.IsDefined(parsed) && !value.Any(char.IsDigit);

    public static string SnakeCase(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);

    public static double? Fraction(this YamlMap map, string key, double fallback)
    {
        if (map.Optional(key) is not ({ } value, var at)) return fallback;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is > 0 and < 1) return f;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' must be a number between 0 and 1 (e.g. 0.75)");
        return null;
    }

    /// <summary>A whole number of days written "5" or "5d", within [min, max]; <paramref name="fallback"/> when absent (or wrong, after the error).</summary>
    public static int Days(this YamlMap map, string key, int fallback, int min, int max)
    {
        if (map.Optional(key) is not ({ } value, var at)) return fallback;
        var digits = value.EndsWith('d') ? value[..^1] : value;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= min && days <= max) return days;
        map.Context.Error(at, $"{map.What}: '{key}' '{value}' must be a whole number of days from {min} to {max} (e.g. 5 or 5d)");
        return fallback;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(?:(?<h>[0-9]{1,4})h)?(?:(?<m>[0-9]{1,4})m)?$")]
    private static partial Regex DurationPattern();
}
