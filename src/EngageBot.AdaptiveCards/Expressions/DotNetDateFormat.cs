using System.Globalization;
using System.Text;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// .NET custom date format strings as adaptive-expressions renders them (it converts them to Day.js tokens and
/// formats in English): d dd ddd dddd, M MM MMM MMMM, y yy (two digits) yyy yyyy, h hh H HH, m mm, s ss, fff,
/// t tt (AM/PM), z zz zzz (offset), 'quoted' and \escaped literals. f, ff and g are errors there, so here too.
/// </summary>
internal static class DotNetDateFormat
{
    public const string IsoFormat = "yyyy-MM-ddTHH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset time, string format)
    {
        if (format is "o" or "O") format = "yyyy-MM-ddTHH:mm:ss.fff0000zzz";
        var culture = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c) run++;
            switch (c)
            {
                case 'd':
                    sb.Append(run switch { 1 => time.Day.ToString(culture), 2 => time.Day.ToString("00", culture), 3 => time.ToString("ddd", culture), _ => time.ToString("dddd", culture) });
                    break;
                case 'M':
                    sb.Append(run switch { 1 => time.Month.ToString(culture), 2 => time.Month.ToString("00", culture), 3 => time.ToString("MMM", culture), _ => time.ToString("MMMM", culture) });
                    break;
                case 'y':
                    sb.Append(run <= 2 ? (time.Year % 100).ToString("00", culture) : time.Year.ToString("0000", culture));
                    break;
                case 'h':
                    var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
                    sb.Append(run == 1 ? hour12.ToString(culture) : hour12.ToString("00", culture));
                    break;
                case 'H':
                    sb.Append(run == 1 ? time.Hour.ToString(culture) : time.Hour.ToString("00", culture));
                    break;
                case 'm':
                    sb.Append(run == 1 ? time.Minute.ToString(culture) : time.Minute.ToString("00", culture));
                    break;
                case 's':
                    sb.Append(run == 1 ? time.Second.ToString(culture) : time.Second.ToString("00", culture));
                    break;
                case 'f' or 'F':
                    if (run != 3) throw new ExpressionException($"'{new string(c, run)}' is not supported in date formats (only fff).");
                    sb.Append(time.Millisecond.ToString("000", culture));
                    break;
                case 't':
                    sb.Append(time.Hour < 12 ? "AM" : "PM");
                    break;
                case 'z':
                    var offset = time.Offset;
                    var sign = offset < TimeSpan.Zero ? "-" : "+";
                    var abs = offset.Duration();
                    sb.Append(sign).Append(abs.Hours.ToString("00", culture)).Append(run >= 3 ? ":" : "").Append(abs.Minutes.ToString("00", culture));
                    break;
                case 'g':
                    throw new ExpressionException("Era is not supported in date formats.");
                case '\'' or '"':
                    var close = format.IndexOf(c, i + 1);
                    if (close < 0) close = format.Length;
                    sb.Append(format, i + 1, close - i - 1);
                    i = Math.Min(close + 1, format.Length);
                    continue;
                case '\\':
                    if (i + 1 < format.Length) sb.Append(format[i + 1]);
                    i += 2;
                    continue;
                default:
                    sb.Append(c, run);
                    break;
            }
            i += run;
        }
        return sb.ToString();
    }
}
