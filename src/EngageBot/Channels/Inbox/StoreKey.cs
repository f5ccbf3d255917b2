using System.Globalization;
using System.Text;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Makes platform ids safe inside Table Storage keys: '/', '\', '#', '?' and control characters are forbidden there,
/// and '|' separates our key parts. '%' is escaped too so the mapping stays reversible and collision-free.
/// </summary>
internal static class StoreKey
{
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
            return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
                sb.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Unescape(string value)
    {
        if (!value.Contains('%'))
            return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 4 < value.Length && int.TryParse(value.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 4;
            }
            else
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>Fixed-width ticks so row keys sort in time order.</summary>
    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c);
}
