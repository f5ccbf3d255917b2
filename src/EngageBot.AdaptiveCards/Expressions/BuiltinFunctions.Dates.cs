using System.Globalization;

namespace EngageBot.AdaptiveCards.Expressions;

internal static partial class BuiltinFunctions
{
    private static void AddDates(Dictionary<string, Function> table)
    {
        Apply(table, ["formatDateTime"], 1, 3, args =>
        {
            var timestamp = args[0] as string ?? throw new ExpressionException($"{JsValues.ToJsString(args[0])} is not a valid datetime string.");
            var utc = ParseTimestamp(timestamp) ?? throw new ExpressionException($"{timestamp} is not a valid datetime string.");
            return DotNetDateFormat.Format(utc, FormatArgument(args, 1, DotNetDateFormat.IsoFormat));
        });
        Apply(table, ["convertFromUTC"], 2, 4, args =>
        {
            if (args[0] is not string timestamp || args[1] is not string zone)
                throw new ExpressionException("convertFromUTC should contain an ISO format timestamp, a destination time zone string and an optional output format string.");
            // AEL insists on exactly JavaScript's toISOString() shape: yyyy-MM-ddTHH:mm:ss.fffZ.
            if (!DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
                throw new ExpressionException($"{timestamp} is not a ISO format datetime string.");
            TimeZoneInfo tz;
            try
            {
                tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new ExpressionException($"{zone} is not a valid timezone");
            }
            var format = FormatArgument(args, 2, "yyyy-MM-ddTHH:mm:ss.fff0000");
            return DotNetDateFormat.Format(TimeZoneInfo.ConvertTime(utc, tz), format);
        });
    }

    /// <summary>AEL's determineFormatAndLocale: the format argument when given ("" means the ISO format), else the default.</summary>
    private static string FormatArgument(List<object?> args, int index, string defaultFormat) =>
        args.Count > index && args[index] is string format ? (format.Length > 0 ? format : DotNetDateFormat.IsoFormat) : defaultFormat;

    /// <summary>JavaScript Date parsing as AEL uses it: ISO 8601; no offset means UTC; the result is in UTC.</summary>
    private static DateTimeOffset? ParseTimestamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
