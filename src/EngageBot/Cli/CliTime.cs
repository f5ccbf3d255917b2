using System.Globalization;
using System.Text.RegularExpressions;

namespace EngageBot.Cli;

/// <summary>A point in time on the command line: ISO-8601 ("2026-11-01", "2026-11-01T09:00:00+01:00") or an age ("30m", "24h", "7d", "2w").</summary>
internal static partial class CliTime
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        var relative = Relative().Match(text);
        if (relative.Success)
        {
            var n = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            var unit = relative.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            value = now - n * unit;
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    [GeneratedRegex("^([0-9]{1,6})([mhdw])$")]
    private static partial Regex Relative();
}
